import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { periodOf, parsePeriod, periodRange, previousPeriod, samePeriodLastYear, periodsBetween, inPeriod } from '../../src/calendar/period.js';
import { periodKey } from '../../src/calendar/period-key.js';
import { InvalidArgumentError } from '../../src/errors/errors.js';

describe('periods on the China calendar', () => {
  it('names the ISO week, month, quarter and year of a day', () => {
    expect(periodOf('2026-12-02', 'week')).toMatchObject({ key: '2026-W49', from: '2026-11-30', to: '2026-12-06' });
    expect(periodOf('2026-12-02', 'month')).toMatchObject({ key: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(periodOf('2026-12-02', 'quarter')).toMatchObject({ key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('2026-12-02', 'year')).toMatchObject({ key: '2026', from: '2026-01-01', to: '2026-12-31' });
    // 1 January 2027 is a Friday: it belongs to the last ISO week of 2026 (which has 53 weeks).
    expect(periodOf('2027-01-01', 'week').key).toBe('2026-W53');
    expect(periodOf('2025-12-29', 'week').key).toBe('2026-W01');
  });

  it('reads an instant in China time: 16:30 UTC on 31 December is already 1 January', () => {
    expect(periodOf('2026-12-31T16:30:00Z', 'year').key).toBe('2027');
    expect(periodOf(Date.parse('2026-12-31T15:59:59.999Z'), 'month').key).toBe('2026-12');
    const q = parsePeriod('2026-Q4');
    expect(q.endMs).toBe(Date.parse('2027-01-01T00:00:00+08:00'));
    expect(inPeriod(q, Date.parse('2026-12-31T23:59:59+08:00'))).toBe(true);
    expect(inPeriod(q, q.endMs)).toBe(false);
  });

  it('parses every key it writes, and refuses keys that name no period', () => {
    for (const key of ['2026-W49', '2026-W53', '2026-12', '2026-Q4', '2026', '2026-12-01..2026-12-07']) expect(parsePeriod(key).key).toBe(key);
    for (const key of ['2025-W53', '2026-W00', '2026-13', '2026-Q5', '26', '2026-12-07..2026-12-01', '', 'x'.repeat(30)]) {
      expect(() => parsePeriod(key)).toThrow(InvalidArgumentError);
    }
    expect(periodKey.safeParse('2026-Q4').success).toBe(true);
    expect(periodKey.safeParse('2026-Q9').success).toBe(false);
  });

  it('steps back a period and a year', () => {
    expect(previousPeriod('2026-Q1').key).toBe('2025-Q4');
    expect(previousPeriod('2026-W01').key).toBe('2025-W52');
    expect(previousPeriod('2026-12-01..2026-12-07').key).toBe('2026-11-24..2026-11-30');
    expect(samePeriodLastYear('2026-Q4').key).toBe('2025-Q4');
    expect(samePeriodLastYear('2027-W52').key).toBe('2026-W52');
    expect(samePeriodLastYear('2026-W53').key).toBe('2025-W52');
    expect(samePeriodLastYear('2027-01-01..2027-01-03').key).toBe('2026-01-01..2026-01-03');
    expect(samePeriodLastYear('2024-02-29..2024-03-01').key).toBe('2023-02-28..2023-03-01');
  });

  it('lists the periods between two days', () => {
    expect(periodsBetween('2026-01-15', '2026-12-02', 'quarter').map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsBetween('2026-11-25', '2026-12-02', 'week').map((p) => p.key)).toEqual(['2026-W48', '2026-W49']);
    expect(() => periodsBetween('2026-12-02', '2026-01-01', 'month')).toThrow(/起始日|first day/);
    expect(() => periodOf('2026-12-02', 'decade' as never)).toThrow(InvalidArgumentError);
  });

  it('tiles time: consecutive periods of a kind meet without gap or overlap, and every day lies in its own period', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), fc.constantFrom('week', 'month', 'quarter', 'year' as const), (day, kind) => {
        const ms = day * 86_400_000 - 8 * 3_600_000 + 3_600_000;
        const p = periodOf(ms, kind);
        expect(inPeriod(p, ms)).toBe(true);
        const prev = previousPeriod(p);
        expect(prev.endMs).toBe(p.startMs);
        expect(parsePeriod(p.key)).toEqual(p);
      }),
    );
  });
});
