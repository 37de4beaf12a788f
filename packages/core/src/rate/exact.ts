import { type Fraction, compareFractions, divide, fraction, subtract } from './fraction.js';
import { toAmount } from './amount.js';
import { DEFAULT_DIGITS, type ResolvedDigits } from './round.js';
import { scaledText } from './rate.js';

/**
 * The few exact operations scoring needs beyond `rate/fraction.ts`: every weight, score and total
 * is a reduced fraction of bigints, so a total is exactly the sum of its breakdown.
 */
export const ZERO: Fraction = Object.freeze({ numerator: 0n, denominator: 1n });
export const ONE: Fraction = Object.freeze({ numerator: 1n, denominator: 1n });

export const whole = (n: number | bigint): Fraction => ({ numerator: BigInt(n), denominator: 1n });
export const negate = (a: Fraction): Fraction => ({ numerator: -a.numerator, denominator: a.denominator });
export const plus = (a: Fraction, b: Fraction): Fraction => subtract(a, negate(b));
export const minus = subtract;
export const over = divide;
export const times = (a: Fraction, b: Fraction): Fraction => fraction(a.numerator * b.numerator, a.denominator * b.denominator);
export const sum = (values: readonly Fraction[]): Fraction => values.reduce(plus, ZERO);
export const same = (a: Fraction, b: Fraction): boolean => compareFractions(a, b) === 0;
export const minOf = (a: Fraction, b: Fraction): Fraction => (compareFractions(a, b) <= 0 ? a : b);

/** A number as written, exactly (`0.15` is 3/20), possibly negative; the caller has checked it is finite. */
export function exact(value: number): Fraction {
  return value < 0 ? negate(toAmount('exact', 'value', -value)) : toAmount('exact', 'value', value);
}

/** A fraction as a decimal for display: at most two decimals, half-up, trailing zeros dropped. */
export function decimal(value: Fraction, digits: ResolvedDigits = DEFAULT_DIGITS): string {
  return scaledText(value, 1n, digits);
}
