// S7 — outcome statistics: the year's figures as a county statistics section prints them for the
// annual report (criminal cases −9.1%, public-order cases −6.7% year over year, the loops' rates),
// then the ways a figure could be misread: a 100% that is not complete, a 0% that is not zero, a
// share above its whole, a percentage of percentages.
import { describe, expect, test } from 'vitest';
import { exampleReceptionDay } from '@bihuan/core/examples';
import { NO_VALUE, formatChange, formatPoints, formatRate } from '@bihuan/core/rate';
import { summarizeReception } from '@bihuan/core/reception';
import { InvalidArgumentError } from '@bihuan/core/schema';
import { orderColumns, rollup } from '@bihuan/core/task';

/** `n` task orders for one officer, `done` of them verified, the rest still open (none overdue at `asOf`). */
function year(n: number, done: number) {
  const status = new Uint8Array(n).fill(3);
  status.fill(0, done);
  return orderColumns({
    unit: new Uint32Array(n), category: new Uint16Array(n), month: new Uint16Array(n), status, flags: new Uint8Array(n),
    due: new Float64Array(n).fill(Date.parse('2025-12-31T16:00:00Z')),
    unitOfficer: Uint32Array.of(0), unitStation: Uint32Array.of(0), unitCounty: Uint32Array.of(0),
    officers: ['全市'], stations: ['全市'], counties: ['全市'], categories: ['全部'], months: ['2025'],
  });
}
const DEC_30 = '2025-12-30T17:00:00+08:00';

describe('S7 as the annual report prints it', () => {
  test('year over year: criminal cases −9.1%, public-order cases −6.7%', () => {
    expect(formatChange(909, 1000)).toBe('-9.1%');
    expect(formatChange(933, 1000)).toBe('-6.7%');
    expect(formatChange(1000, 909, { signDisplay: 'always' })).toBe('+10.01%'); // the other way round is not +9.1%
  });

  test('the loops’ rates beside each other, and their difference in percentage points, never in %', () => {
    expect(formatRate(406, 425)).toBe('95.53%'); // the centre
    expect(formatRate(2227, 2261)).toBe('98.5%'); // the towns
    expect(formatPoints([2227, 2261], [406, 425], { unit: true })).toBe('2.97个百分点');
    expect(formatPoints([2227, 2261], [406, 425], { unit: true, locale: 'en' })).toBe('2.97 percentage points');
    expect(rollup(year(200_000, 199_740), ['city'], { asOf: DEC_30 })[0]).toMatchObject({ done: 199_740, denominator: 200_000, rate: '99.87%' });
    expect(summarizeReception(exampleReceptionDay()).closedRate).toBe('26.09%'); // 6 of 23 issues closed
  });
});

describe('S7 out of rule: figures that would mislead are never printed', () => {
  test('one order of 200,000 still open: 99.99%, never 100% — in the formatter and every roll-up built on it', () => {
    expect(formatRate(199_999, 200_000)).toBe('99.99%');
    expect(rollup(year(200_000, 199_999), ['city'], { asOf: DEC_30 })[0]!.rate).toBe('99.99%');
    expect(rollup(year(200_000, 200_000), ['city'], { asOf: DEC_30 })[0]!.rate).toBe('100%');
  });

  test('one order done of 300,000: 0.01%, never 0%; nothing done is 0%; no cases is "—"', () => {
    expect(rollup(year(300_000, 1), ['city'], { asOf: DEC_30 })[0]!.rate).toBe('0.01%');
    expect(summarizeReception(exampleReceptionDay(23, 0)).closedRate).toBe('0%');
    expect(formatRate(0, 0)).toBe(NO_VALUE);
    expect(formatChange(5, 0)).toBe(NO_VALUE); // no base year: no change to print
  });

  test('a share above its whole, or a count that is not one, is refused naming the argument', () => {
    const argumentOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as InvalidArgumentError).argument;
      }
      throw new Error('not refused');
    };
    expect(argumentOf(() => formatRate(426, 425))).toBe('numerator');
    expect(argumentOf(() => formatRate(-1, 425))).toBe('numerator');
    expect(argumentOf(() => formatRate(1.5, 425))).toBe('numerator');
    expect(argumentOf(() => formatPoints([2227, 2261], [426, 425]))).toBe('b[0]');
  });
});
