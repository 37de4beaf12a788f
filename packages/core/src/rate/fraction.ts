import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';

/**
 * An exact rational number: `numerator / denominator`, reduced, denominator positive, sign on the
 * numerator. Rates are kept this way so that no binary floating point leaks into what is shown.
 */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** A count of items: a non-negative safe integer, or a non-negative bigint for very large ledgers. */
export type Count = number | bigint;

const RULE_COUNT: Localized = {
  'zh-CN': '必须是非负整数（件数）',
  en: 'must be a non-negative whole number (a count)',
};

/** Checks a count argument and returns it as a bigint, or throws naming the argument. */
export function toCount(fn: string, argument: string, value: unknown): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'bigint' && value >= 0n) return value;
  throw new InvalidArgumentError(fn, argument, RULE_COUNT, value);
}

/** True when `value` is a count small enough for exact double arithmetic. */
export function isSmallCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A reduced fraction. The denominator must not be zero. */
export function fraction(numerator: bigint, denominator: bigint): Fraction {
  if (denominator === 0n) throw new RangeError('fraction: denominator is zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const g = gcd(numerator, denominator);
  return g > 1n ? { numerator: numerator / g, denominator: denominator / g } : { numerator, denominator };
}

export function subtract(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
}

export function divide(a: Fraction, b: Fraction): Fraction {
  return fraction(a.numerator * b.denominator, a.denominator * b.numerator);
}

const RULE_FRACTION: Localized = {
  'zh-CN': '必须是分数 { numerator, denominator }（bigint，分母为正）',
  en: 'must be a fraction { numerator, denominator } (bigints, the denominator positive)',
};

/** Whether `value` is a `Fraction`: bigint numerator and a positive bigint denominator. */
export function isFraction(value: unknown): value is Fraction {
  return value !== null && typeof value === 'object' && typeof (value as Fraction).numerator === 'bigint' && typeof (value as Fraction).denominator === 'bigint' && (value as Fraction).denominator > 0n;
}

/** Throws `InvalidArgumentError` unless `value` is a `Fraction`. */
export function checkFraction(fn: string, argument: string, value: unknown): asserts value is Fraction {
  if (!isFraction(value)) throw new InvalidArgumentError(fn, argument, RULE_FRACTION, value);
}

/** Orders two fractions exactly: -1, 0 or 1. Anything but two fractions is refused (`InvalidArgumentError`). */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  checkFraction('compareFractions', 'a', a);
  checkFraction('compareFractions', 'b', b);
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The nearest double, for charts and sorting where exactness does not matter. */
export function fractionToNumber(f: Fraction): number {
  checkFraction('fractionToNumber', 'f', f);
  return Number(f.numerator) / Number(f.denominator);
}
