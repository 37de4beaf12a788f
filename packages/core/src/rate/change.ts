// Changes between periods: the relative change of an amount (`formatChange`) and the difference
// of two rates in percentage points (`formatPoints`). Apart from rate.ts so that a page that only
// shows rates (the rate card's) loads neither these nor their options' checks.
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { type Count, type Fraction, divide, subtract } from './fraction.js';
import { toAmount } from './amount.js';
import { type DigitsOptions, eitherOf, resolveDigits } from './round.js';
import { HUNDRED, NO_VALUE, type RatePair, pointsBetween, scaledText } from './rate.js';

export interface ChangeFormatOptions extends DigitsOptions {
  /** `auto` (default) marks only falls with "-"; `always` also marks rises with "+". */
  signDisplay?: 'auto' | 'always';
}

export interface PointsFormatOptions extends ChangeFormatOptions {
  /** Append the localized unit: `个百分点` / `percentage points`. Default false. */
  unit?: boolean;
  /** Language of the unit. Default zh-CN. */
  locale?: Locale;
}

/**
 * The exact relative change `(current − previous) / previous`, or `null` when there is no base.
 * Amounts may be decimals (days, hours); they are read exactly as written.
 */
export function changeOf(current: Count, previous: Count): Fraction | null {
  const c = toAmount('changeOf', 'current', current);
  const p = toAmount('changeOf', 'previous', previous);
  return p.numerator === 0n ? null : divide(subtract(c, p), p);
}

/**
 * A year-over-year or period-over-period change: `formatChange(909, 1000)` → `"-9.1%"`. A zero
 * base shows `"—"`.
 */
export function formatChange(current: Count, previous: Count, options?: ChangeFormatOptions): string {
  const digits = resolveDigits('formatChange', options);
  const sign = resolveSign('formatChange', options);
  const change = changeOf(current, previous);
  return change ? `${scaledText(change, HUNDRED, digits, sign)}%` : NO_VALUE;
}

const POINT_UNIT: Record<Locale, string> = { 'zh-CN': '个百分点', en: ' percentage points' };

/**
 * The difference of two rates in percentage points (never `%`): towns `[2227, 2261]` against the
 * centre `[406, 425]` → `"2.97"`, or `"2.97个百分点"` / `"2.97 percentage points"` with `unit`.
 */
export function formatPoints(a: RatePair, b: RatePair, options?: PointsFormatOptions): string {
  const digits = resolveDigits('formatPoints', options);
  const sign = resolveSign('formatPoints', options);
  const locale = resolveLocaleOption('formatPoints', options);
  const points = pointsBetween(a, b);
  if (!points) return NO_VALUE;
  const text = scaledText(points, HUNDRED, digits, sign);
  return options?.unit ? text + POINT_UNIT[locale] : text;
}

function resolveSign(fn: string, options: ChangeFormatOptions | undefined): 'auto' | 'always' {
  const sign = options?.signDisplay ?? 'auto';
  eitherOf(fn, 'options.signDisplay', sign, 'auto', 'always');
  return sign;
}

function resolveLocaleOption(fn: string, options: PointsFormatOptions | undefined): Locale {
  const locale = options?.locale ?? DEFAULT_LOCALE;
  if (locale !== 'zh-CN' && locale !== 'en') {
    throw new InvalidArgumentError(fn, 'options.locale', { 'zh-CN': '必须是 "zh-CN" 或 "en"', en: 'must be "zh-CN" or "en"' }, locale);
  }
  return locale;
}
