import { InvalidArgumentError } from '../errors/errors.js';
import {
  checkFraction,
  type Count,
  type Fraction,
  fraction,
  isSmallCount,
  subtract,
  toCount,
} from './fraction.js';
import {
  DEFAULT_DIGITS,
  type DigitsOptions,
  eitherOf,
  type ResolvedDigits,
  POW10,
  resolveDigits,
  roundScaled,
  roundShareFast,
  unitsToString,
} from './round.js';

/** What is shown where there is no rate to show: no cases, or no base to compare with. */
export const NO_VALUE = '—';

/** How `formatRate` writes a share: digits and rounding only (a percent sign needs no words). */
export type RateFormatOptions = DigitsOptions;

/** A `[numerator, denominator]` pair, e.g. `[406, 425]`. */
export type RatePair = readonly [numerator: Count, denominator: Count];

/** Percent: shares and points are written as hundredths. */
export const HUNDRED = 100n;

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
 * Any exact fraction, scaled (100n for percent) and rounded, as a decimal string:
 * `formatFraction(fraction(1n, 3n), 100n, { decimals: 1 })` → `"33.3"`. `digits` takes the same
 * options as `formatRate` (default: two decimals, half-up, trailing zeros dropped); `sign: 'always'`
 * marks rises with "+".
 */
export function formatFraction(value: Fraction, scale: bigint, digits?: DigitsOptions, sign: 'auto' | 'always' = 'auto'): string {
  checkFraction('formatFraction', 'value', value);
  if (typeof scale !== 'bigint' || scale <= 0n) throw new InvalidArgumentError('formatFraction', 'scale', { 'zh-CN': '必须是正的 bigint（100n 为百分数）', en: 'must be a positive bigint (100n for percent)' }, scale);
  const resolved = resolveDigits('formatFraction', digits, 'digits');
  eitherOf('formatFraction', 'sign', sign, 'auto', 'always');
  return scaledText(value, scale, resolved, sign);
}

/** `formatFraction` for callers that have already checked their fraction and digits. */
export function scaledText(value: Fraction, scale: bigint, digits: ResolvedDigits = DEFAULT_DIGITS, sign: 'auto' | 'always' = 'auto'): string {
  const { negative, units } = roundScaled(value, scale, digits);
  const text = unitsToString(units, negative, digits);
  return sign === 'always' && !negative && units !== 0n ? `+${text}` : text;
}
