// Exact rates: shares, changes and percentage points of counts, never a rounded float; exact fractions.
export {
  type Fraction,
  type Count,
  compareFractions,
  fractionToNumber,
} from './fraction.js';
export { type Rounding, type DigitsOptions } from './round.js';
export { footRound, type Footed, type FootOptions } from './foot.js';
export { NO_VALUE, shareOf, pointsBetween, formatRate, formatFraction, type RatePair, type RateFormatOptions } from './rate.js';
export { changeOf, formatChange, formatPoints, type ChangeFormatOptions, type PointsFormatOptions } from './change.js';
