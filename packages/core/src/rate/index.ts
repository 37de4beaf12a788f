// Exact rates: shares, changes and percentage points of counts, never a rounded float; exact fractions.
export {
  type Fraction,
  type Count,
  compareFractions,
  fractionToNumber,
} from './fraction.js';
export { type Rounding, type DigitsOptions } from './round.js';
export { footRound, type Footed, type FootOptions } from './foot.js';
export {
  NO_VALUE,
  shareOf,
  changeOf,
  pointsBetween,
  formatRate,
  formatChange,
  formatPoints,
  formatFraction,
  type RatePair,
  type RateFormatOptions,
  type ChangeFormatOptions,
  type PointsFormatOptions,
} from './rate.js';
