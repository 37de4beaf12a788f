/**
 * @bihuan/core — closed-loop domain logic for grassroots governance. No DOM: the same rules run
 * in a portal's pages and on its server.
 */
export { LOCALES, DEFAULT_LOCALE, resolveLocale, type Locale, type Localized } from './i18n/locale.js';
export { BihuanError, InvalidArgumentError } from './errors/errors.js';
export {
  type Fraction,
  type Count,
  compareFractions,
  fractionToNumber,
} from './rate/fraction.js';
export { type Rounding, type DigitsOptions } from './rate/round.js';
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
} from './rate/rate.js';
export {
  type PersonalKind,
  personal,
  personalData,
  personalKindOf,
  maskPhone,
  maskIdNumber,
  maskName,
  maskAddress,
  maskPersonal,
  maskRecord,
} from './privacy/privacy.js';
