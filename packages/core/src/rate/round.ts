import { InvalidArgumentError } from '../errors/errors.js';
import type { Fraction } from './fraction.js';

/**
 * How a value exactly half-way is rounded. `half-up` rounds it away from zero (四舍五入, as the
 * source prints its rates); `half-even` is GB/T 8170's 四舍六入五成双.
 */
export type Rounding = 'half-up' | 'half-even';

export interface DigitsOptions {
  /** Digits after the decimal point, at most (0 – 10). Default 2. */
  decimals?: number;
  rounding?: Rounding;
  /** Drop trailing zeros (`98.50` → `98.5`). Default true, as the source prints figures. */
  trimZeros?: boolean;
}

export interface ResolvedDigits {
  decimals: number;
  rounding: Rounding;
  trimZeros: boolean;
}

export const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/** Refuses an option that is neither of its two values, naming both. */
export function eitherOf<T extends string>(fn: string, field: string, value: unknown, a: T, b: T): asserts value is T {
  if (value !== a && value !== b) throw new InvalidArgumentError(fn, field, { 'zh-CN': `必须是 "${a}" 或 "${b}"`, en: `must be "${a}" or "${b}"` }, value);
}

/** Checks digit options (`argument` names them in the error: `options`, or `digits` for formatFraction). */
export function resolveDigits(fn: string, options: DigitsOptions | undefined, argument = 'options'): ResolvedDigits {
  if (options === undefined) return DEFAULT_DIGITS;
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  }
  const { decimals = 2, rounding = 'half-up', trimZeros = true } = options;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new InvalidArgumentError(
      fn,
      `${argument}.decimals`,
      { 'zh-CN': '必须是 0 到 10 之间的整数', en: 'must be a whole number from 0 to 10' },
      decimals,
    );
  }
  eitherOf(fn, `${argument}.rounding`, rounding, 'half-up', 'half-even');
  if (typeof trimZeros !== 'boolean') {
    throw new InvalidArgumentError(fn, `${argument}.trimZeros`, { 'zh-CN': '必须是布尔值', en: 'must be a boolean' }, trimZeros);
  }
  return { decimals, rounding, trimZeros };
}

export const DEFAULT_DIGITS: ResolvedDigits = Object.freeze({ decimals: 2, rounding: 'half-up', trimZeros: true });

/**
 * `numerator × scale / denominator` rounded to `decimals` digits, as an integer count of
 * 10^-decimals units, with its sign. Everything is exact BigInt arithmetic.
 */
export function roundScaled(f: Fraction, scale: bigint, digits: ResolvedDigits): { negative: boolean; units: bigint } {
  const negative = f.numerator < 0n;
  const magnitude = negative ? -f.numerator : f.numerator;
  const scaled = magnitude * scale * 10n ** BigInt(digits.decimals);
  let units = scaled / f.denominator;
  const twice = (scaled % f.denominator) * 2n;
  if (twice > f.denominator || (twice === f.denominator && (digits.rounding === 'half-up' || units % 2n === 1n))) {
    units += 1n;
  }
  return { negative: negative && units !== 0n, units };
}

/**
 * The fast path of `roundScaled` for a share of two small counts: when `n × 100 × 10^decimals`
 * stays below 2^53 every step is an exact integer in a double. Returns -1 when it does not fit.
 */
export function roundShareFast(n: number, d: number, digits: ResolvedDigits): number {
  const scaled = n * 100 * (POW10[digits.decimals] as number);
  if (scaled > Number.MAX_SAFE_INTEGER) return -1;
  let units = Math.floor(scaled / d);
  let rest = scaled - units * d;
  // The division is correctly rounded, so the floor can be one off: mend it exactly.
  if (rest < 0) {
    units -= 1;
    rest += d;
  } else if (rest >= d) {
    units += 1;
    rest -= d;
  }
  const twice = rest * 2;
  if (twice > d || (twice === d && (digits.rounding === 'half-up' || units % 2 === 1))) units += 1;
  return units;
}

/** Writes a count of 10^-decimals units as a decimal string with grouped thousands. */
export function unitsToString(units: bigint | number, negative: boolean, digits: ResolvedDigits): string {
  let text = String(units);
  const { decimals } = digits;
  let whole: string;
  let frac: string;
  if (decimals === 0) {
    whole = text;
    frac = '';
  } else {
    if (text.length <= decimals) text = '0'.repeat(decimals - text.length + 1) + text;
    whole = text.slice(0, text.length - decimals);
    frac = text.slice(text.length - decimals);
    if (digits.trimZeros) {
      let end = frac.length;
      while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
      frac = frac.slice(0, end);
    }
  }
  if (whole.length > 3) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + whole + (frac ? `.${frac}` : '');
}
