import { describe, expect, test } from 'vitest';
import {
  InvalidArgumentError,
  NO_VALUE,
  changeOf,
  compareFractions,
  formatChange,
  formatPoints,
  formatRate,
  fractionToNumber,
  pointsBetween,
  shareOf,
} from '@bihuan/core';

describe('the ends of a share are exact', () => {
  test('not exactly complete never prints 100%; not exactly zero never prints 0%', () => {
    expect(formatRate(199_999, 200_000)).toBe('99.99%'); // 99.9995% would round to 100
    expect(formatRate(1, 300_000)).toBe('0.01%'); // 0.00033% would round to 0
    expect(formatRate(9_999, 10_000, { decimals: 0 })).toBe('99%');
    expect(formatRate(1, 1_000, { decimals: 0 })).toBe('1%');
    expect(formatRate(10n ** 20n - 1n, 10n ** 20n)).toBe('99.99%');
    expect(formatRate(1n, 10n ** 20n)).toBe('0.01%');
    expect(formatRate(7, 7)).toBe('100%');
    expect(formatRate(0, 7)).toBe('0%');
    expect(formatRate(199_999, 200_000, { decimals: 4 })).toBe('99.9995%'); // more digits show it as it is
  });
});

describe('the source’s figures (DOMAIN.md §3)', () => {
  test.each([
    [406, 425, '95.53%'], // centre resolution rate
    [2227, 2261, '98.5%'], // towns resolution rate
    [6, 23, '26.09%'], // reception-day issues closed
    [103, 137, '75.18%'], // resettlement certificates
    [58, 58, '100%'], // policy questions answered
    [199_740, 200_000, '99.87%'], // task completion
  ])('formatRate(%i, %i) is %s', (n, d, shown) => {
    expect(formatRate(n, d)).toBe(shown);
  });

  test('year-over-year change: 909 against 1,000 is -9.1%', () => {
    expect(formatChange(909, 1000)).toBe('-9.1%');
    expect(formatChange(1000, 909)).toBe('10.01%');
    expect(formatChange(1000, 909, { signDisplay: 'always' })).toBe('+10.01%');
    expect(formatChange(70, 100)).toBe('-30%'); // processing time −30%
  });

  test('towns against centre is 2.97 percentage points, never %', () => {
    expect(formatPoints([2227, 2261], [406, 425])).toBe('2.97');
    expect(formatPoints([2227, 2261], [406, 425], { unit: true })).toBe('2.97个百分点');
    expect(formatPoints([2227, 2261], [406, 425], { unit: true, locale: 'en' })).toBe('2.97 percentage points');
    expect(formatPoints([406, 425], [2227, 2261])).toBe('-2.97');
    expect(formatPoints([406, 425], [2227, 2261], { signDisplay: 'always' })).toBe('-2.97');
    expect(formatPoints([2227, 2261], [406, 425], { signDisplay: 'always' })).toBe('+2.97');
  });
});

describe('the pitfalls a rate library must not fall into', () => {
  test('no binary floating point: exact 1.005% rounds half-up to 1.01%', () => {
    expect(formatRate(1005, 100_000)).toBe('1.01%');
    expect(formatRate(1005, 100_000, { rounding: 'half-even' })).toBe('1%');
    expect(formatRate(1015, 100_000, { rounding: 'half-even' })).toBe('1.02%');
    expect(formatRate(1, 8, { decimals: 1 })).toBe('12.5%');
    expect(formatRate(1, 16, { decimals: 2 })).toBe('6.25%');
    expect(formatRate(1, 16, { decimals: 1 })).toBe('6.3%');
    expect(formatRate(1, 16, { decimals: 1, rounding: 'half-even' })).toBe('6.2%');
    expect(formatRate(1, 3, { decimals: 4 })).toBe('33.3333%');
    expect(formatRate(2, 3, { decimals: 0 })).toBe('67%');
    expect(formatRate(2227, 2261, { trimZeros: false })).toBe('98.50%');
  });

  test('no cases shows "—", never NaN% or 0%', () => {
    expect(formatRate(0, 0)).toBe(NO_VALUE);
    expect(NO_VALUE).toBe('—');
    expect(formatChange(5, 0)).toBe('—');
    expect(formatPoints([0, 0], [1, 2])).toBe('—');
    expect(shareOf(0, 0)).toBeNull();
    expect(changeOf(3, 0)).toBeNull();
    expect(formatRate(0, 7)).toBe('0%');
  });

  test('a numerator above its denominator is refused, naming the argument', () => {
    const error = catchError(() => formatRate(426, 425));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe('numerator');
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain('formatRate');
    expect(error.text()).toContain('不能大于分母');
    expect(catchError(() => formatPoints([3, 2], [1, 2])).argument).toBe('a[0]');
    expect(catchError(() => shareOf(3, 2)).argument).toBe('numerator');
  });

  test.each([
    ['negative', -1, 3, 'numerator'],
    ['fraction', 1.5, 3, 'numerator'],
    ['NaN', Number.NaN, 3, 'numerator'],
    ['string', '3', 4, 'numerator'],
    ['Infinity', 1, Number.POSITIVE_INFINITY, 'denominator'],
    ['unsafe integer', 1, 2 ** 60, 'denominator'],
    ['null', 1, null, 'denominator'],
  ])('refuses a %s count', (_, n, d, argument) => {
    const error = catchError(() => formatRate(n as number, d as number));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe(argument);
  });

  test('refuses bad options, naming them', () => {
    expect(catchError(() => formatRate(1, 2, { decimals: 11 })).argument).toBe('options.decimals');
    expect(catchError(() => formatRate(1, 2, { decimals: 1.5 })).argument).toBe('options.decimals');
    expect(catchError(() => formatRate(1, 2, { rounding: 'up' as never })).argument).toBe('options.rounding');
    expect(catchError(() => formatChange(1, 2, { signDisplay: 'never' as never })).argument).toBe('options.signDisplay');
    expect(catchError(() => formatPoints([1, 2], [1, 2], { locale: 'fr' as never })).argument).toBe('options.locale');
    expect(catchError(() => formatPoints([1, 2] as never, 3 as never)).argument).toBe('b');
    expect(catchError(() => formatChange(-1, 2)).argument).toBe('current');
  });
});

describe('exact values for sorting and comparing', () => {
  test('shares, changes and points are exact fractions', () => {
    expect(shareOf(406, 425)).toEqual({ numerator: 406n, denominator: 425n });
    expect(shareOf(6, 24)).toEqual({ numerator: 1n, denominator: 4n });
    expect(changeOf(909, 1000)).toEqual({ numerator: -91n, denominator: 1000n });
    expect(changeOf(0.3, 0.1)).toEqual({ numerator: 2n, denominator: 1n }); // not 1.9999999999999996
    expect(fractionToNumber(pointsBetween([2227, 2261], [406, 425])!)).toBeCloseTo(0.029668, 5);
  });

  test('compareFractions orders rates that round to the same display', () => {
    const a = shareOf(9_999_999, 10_000_000)!;
    const b = shareOf(99_999_999, 100_000_000)!;
    expect(formatRate(9_999_999, 10_000_000)).toBe(formatRate(99_999_999, 100_000_000));
    expect(compareFractions(a, b)).toBe(-1);
    expect(compareFractions(b, a)).toBe(1);
    expect(compareFractions(a, a)).toBe(0);
  });

  test('bigint counts beyond 2^53 are exact', () => {
    const d = 10n ** 20n;
    expect(formatRate(d / 3n, d)).toBe('33.33%');
    expect(formatRate(123n, 1000n)).toBe('12.3%');
    expect(formatChange(3n * d, d)).toBe('200%');
    expect(formatChange(2_000_000, 100)).toBe('1,999,900%');
  });
});

function catchError(fn: () => unknown): InvalidArgumentError {
  try {
    fn();
  } catch (error) {
    return error as InvalidArgumentError;
  }
  throw new Error('expected a refusal');
}
