import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, chinaCalendar, deadlineFor, dueSoon, overdue } from '@bihuan/core';

describe('deadlines under hostile numbers', () => {
  const start = Date.parse('2026-03-02T09:00:00+08:00');

  test.each([{ workingDays: 1e21 }, { workingDays: Number.POSITIVE_INFINITY }, { days: 1e21 }, { hours: Number.POSITIVE_INFINITY }, { workingDays: 3651 }, { hours: 87_601 }, { workingDays: 2, days: 1 }, null])(
    'deadlineFor refuses the limit %o at once',
    (limit) => {
      expect(() => deadlineFor(limit as never, start)).toThrow(InvalidArgumentError);
    },
  );

  test.each([Number.POSITIVE_INFINITY, Number.NaN, 1e21, -1e21])('deadlineFor refuses a start of %s', (ms) => {
    expect(() => deadlineFor({ workingDays: 5 }, ms)).toThrow(/startMs/);
  });

  test('the bounds still give real deadlines: 3,650 working days, 87,600 hours', () => {
    expect(deadlineFor({ workingDays: 3650 }, start, chinaCalendar) > '2040-').toBe(true);
    expect(deadlineFor({ hours: 87_600 }, start)).toBe('2036-02-28T01:00:00.000Z');
    expect(deadlineFor({ workingDays: 5 }, start)).toBe('2026-03-09T16:00:00.000Z');
  });

  test('moments outside 1900–2200 are refused, not computed', () => {
    expect(() => overdue({ deadline: '2026-03-09T16:00:00.000Z' }, 1e21)).toThrow(InvalidArgumentError);
    expect(() => dueSoon({ deadline: '2026-03-09T16:00:00.000Z' }, start, { days: 1e21 })).toThrow(/within/);
  });
});
