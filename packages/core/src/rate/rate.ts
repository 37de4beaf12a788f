import { InvalidArgumentError } from '../errors/errors.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import {
  checkFraction,
  type Count,
  type Fraction,
  divide,
  fraction,
  isSmallCount,
  subtract,
  toAmount,
  toCount,
} from './fraction.js';
import {
  DEFAULT_DIGITS,
  eitherOf,
  type DigitsOptions,
  type ResolvedDigits,
  POW10,
  resolveDigits,
  roundScaled,
  roundShareFast,
  unitsToString,
} from './round.js';

/** What is shown where there is no rate to show: no cases, or no base to compare with. */
export const NO_VALUE = '—';

export interface RateFormatOptions extends DigitsOptions {
  /** Language of any words in the result (the "percentage points" unit). Default zh-CN. */
  locale?: Locale;
}

export interface ChangeFormatOptions extends RateFormatOptions {
  /** `auto` (default) marks only falls with "-"; `always` also marks rises with "+". */
  signDisplay?: 'auto' | 'always';
}

export interface PointsFormatOptions extends ChangeFormatOptions {
  /** Append the localized unit: `个百分点` / `percentage points`. Default false. */
  unit?: boolean;
}

/** A `[numerator, denominator]` pair, e.g. `[406, 425]`. */
export type RatePair = readonly [numerator: Count, denominator: Count];

const HUNDRED = 100n;

const RULE_SHARE = {
  'zh-CN': '不能大于分母（占比的分子不能超过总数）',
  en: 'must not be greater than the denominator (a share cannot exceed its whole)',
};

function checkShare(fn: string, n: bigint, d: bigint, argument = 'numerator'): void {
  if (n > d) throw new InvalidArgumentError(fn, argument, RULE_SHARE, n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n);
}

/**
 * The exact share `numerator / denominator` (between 0 and 1), or `null` when there are no cases.
 * Refuses negative or fractional counts and a numerator above its denominator.
 */
export function shareOf(numerator: Count, denominator: Count): Fraction | null {
  const n = toCount('shareOf', 'numerator', numerator);
  const d = toCount('shareOf', 'denominator', denominator);
  checkShare('shareOf', n, d);
  return d === 0n ? null : fraction(n, d);
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

function pairShare(fn: string, argument: string, pair: unknown): Fraction | null {
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new InvalidArgumentError(
      fn,
      argument,
      { 'zh-CN': '必须是 [分子, 分母] 数组', en: 'must be a [numerator, denominator] pair' },
      pair,
    );
  }
  const n = toCount(fn, `${argument}[0]`, pair[0]);
  const d = toCount(fn, `${argument}[1]`, pair[1]);
  checkShare(fn, n, d, `${argument}[0]`);
  return d === 0n ? null : fraction(n, d);
}

/**
 * The exact difference of two rates `a − b` as a fraction of one (× 100 gives percentage points),
 * or `null` when either rate has no cases.
 */
export function pointsBetween(a: RatePair, b: RatePair): Fraction | null {
  const left = pairShare('pointsBetween', 'a', a);
  const right = pairShare('pointsBetween', 'b', b);
  return left && right ? subtract(left, right) : null;
}

/**
 * A share as the source prints it: `formatRate(406, 425)` → `"95.53%"`, `formatRate(2227, 2261)`
 * → `"98.5%"`, `formatRate(0, 0)` → `"—"`. At most two decimals by default, rounded half-up on
 * the exact value, trailing zeros dropped. The ends are exact: only a complete share prints 100%
 * and only a zero share 0% (199,999 of 200,000 → "99.99%", 1 of 300,000 → "0.01%").
 */
export function formatRate(numerator: Count, denominator: Count, options?: RateFormatOptions): string {
  const digits = options === undefined ? DEFAULT_DIGITS : resolveDigits('formatRate', options);
  // Fast path: two small counts need no BigInt at all.
  if (isSmallCount(numerator) && isSmallCount(denominator)) {
    if (numerator > denominator) checkShare('formatRate', BigInt(numerator), BigInt(denominator));
    if (denominator === 0) return NO_VALUE;
    const units = roundShareFast(numerator, denominator, digits);
    if (units >= 0) {
      const whole = 100 * (POW10[digits.decimals] as number);
      return `${unitsToString(numerator === denominator || numerator === 0 ? units : Math.min(Math.max(units, 1), whole - 1), false, digits)}%`;
    }
  }
  const n = toCount('formatRate', 'numerator', numerator);
  const d = toCount('formatRate', 'denominator', denominator);
  checkShare('formatRate', n, d);
  if (d === 0n) return NO_VALUE;
  const { units } = roundScaled(fraction(n, d), HUNDRED, digits);
  return `${unitsToString(n === d || n === 0n ? units : clampUnits(units, digits), false, digits)}%`;
}

/**
 * THE ENDS OF A SHARE ARE EXACT. A share that is not exactly complete never prints 100%, and one
 * that is not exactly zero never prints 0%: 199,999 of 200,000 (99.9995%) prints "99.99%", the
 * largest figure below 100 at the digits asked for, and 1 of 300,000 prints "0.01%", the smallest
 * above 0. Every other share is rounded as asked. Only `n = d` prints 100% and only `n = 0` 0%.
 */
function clampUnits(units: bigint, digits: ResolvedDigits): bigint {
  const whole = HUNDRED * 10n ** BigInt(digits.decimals);
  return units < 1n ? 1n : units >= whole ? whole - 1n : units;
}

/**
 * A year-over-year or period-over-period change: `formatChange(909, 1000)` → `"-9.1%"`. A zero
 * base shows `"—"`.
 */
export function formatChange(current: Count, previous: Count, options?: ChangeFormatOptions): string {
  const digits = resolveDigits('formatChange', options);
  const sign = resolveSign('formatChange', options);
  const change = changeOf(current, previous);
  return change ? `${formatFraction(change, HUNDRED, digits, sign)}%` : NO_VALUE;
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
  const text = formatFraction(points, HUNDRED, digits, sign);
  return options?.unit ? text + POINT_UNIT[locale] : text;
}

/** Any exact fraction, scaled (100 for percent) and rounded, as a decimal string. */
export function formatFraction(
  value: Fraction,
  scale: bigint,
  digits: ResolvedDigits = DEFAULT_DIGITS,
  sign: 'auto' | 'always' = 'auto',
): string {
  checkFraction('formatFraction', 'value', value);
  if (typeof scale !== 'bigint' || scale <= 0n) throw new InvalidArgumentError('formatFraction', 'scale', { 'zh-CN': '必须是正的 bigint（100n 为百分数）', en: 'must be a positive bigint (100n for percent)' }, scale);
  const { negative, units } = roundScaled(value, scale, digits);
  const text = unitsToString(units, negative, digits);
  return sign === 'always' && !negative && units !== 0n ? `+${text}` : text;
}

function resolveSign(fn: string, options: ChangeFormatOptions | undefined): 'auto' | 'always' {
  const sign = options?.signDisplay ?? 'auto';
  eitherOf(fn, 'options.signDisplay', sign, 'auto', 'always');
  return sign;
}

function resolveLocaleOption(fn: string, options: RateFormatOptions | undefined): Locale {
  const locale = options?.locale ?? DEFAULT_LOCALE;
  if (locale !== 'zh-CN' && locale !== 'en') {
    throw new InvalidArgumentError(fn, 'options.locale', { 'zh-CN': '必须是 "zh-CN" 或 "en"', en: 'must be "zh-CN" or "en"' }, locale);
  }
  return locale;
}
