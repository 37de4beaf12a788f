import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, compareFractions, formatFraction, fractionToNumber } from '@bihuan/core';

describe('fractions refuse what is not a fraction', () => {
  const half = { numerator: 1n, denominator: 2n };

  test.each([
    [1, 2],
    [half, 2],
    [{ numerator: 1, denominator: 2 }, half],
    [{ numerator: 1n, denominator: 0n }, half],
    [null, half],
  ])('compareFractions(%o, %o) is refused, never "equal"', (a, b) => {
    expect(() => compareFractions(a as never, b as never)).toThrow(InvalidArgumentError);
  });

  test('real fractions still compare exactly', () => {
    expect(compareFractions(half, { numerator: 2n, denominator: 3n })).toBe(-1);
    expect(compareFractions(half, { numerator: 2n, denominator: 4n })).toBe(0);
    expect(fractionToNumber(half)).toBe(0.5);
    expect(formatFraction(half, 100n)).toBe('50');
  });

  test('fractionToNumber and formatFraction refuse non-fractions and a scale that is not a positive bigint', () => {
    expect(() => fractionToNumber({} as never)).toThrow(InvalidArgumentError);
    expect(() => formatFraction(half, 100 as never)).toThrow(/scale/);
  });

  test('formatFraction checks its digits and sign like the other rate entry points, naming them', () => {
    const argumentOf = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidArgumentError);
        return (error as InvalidArgumentError).argument;
      }
      return undefined;
    };
    expect(argumentOf(() => formatFraction(half, 100n, { decimals: 21 }))).toBe('digits.decimals');
    expect(argumentOf(() => formatFraction(half, 100n, { decimals: 1.5 }))).toBe('digits.decimals');
    expect(argumentOf(() => formatFraction(half, 100n, { decimals: -1 }))).toBe('digits.decimals');
    expect(argumentOf(() => formatFraction(half, 100n, { rounding: 'up' as never }))).toBe('digits.rounding');
    expect(argumentOf(() => formatFraction(half, 100n, { trimZeros: 'no' as never }))).toBe('digits.trimZeros');
    expect(argumentOf(() => formatFraction(half, 100n, 2 as never))).toBe('digits');
    expect(argumentOf(() => formatFraction(half, 100n, undefined, 'never' as never))).toBe('sign');
    // Partial digits take the defaults for the rest.
    expect(formatFraction({ numerator: 1n, denominator: 3n }, 100n, { decimals: 1 })).toBe('33.3');
    expect(formatFraction(half, 100n, { decimals: 2, trimZeros: false }, 'always')).toBe('+50.00');
  });
});
