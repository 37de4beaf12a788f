// Example data relative to today: with `now`, nothing is "295 days overdue" by accident.
import { describe, expect, test } from 'vitest';
import { overdueReceptionIssues, summarizeRectification, summarizeReception } from '@bihuan/core';
import { exampleReceptionDay, exampleRectificationItems } from '@bihuan/core/examples';
import { expectInvalidArgument } from '../support/invalid-argument.js';

const DAY = 86_400_000;
const NOWS = ['2026-12-02T10:30:00+08:00', '2027-03-15T16:00:00+08:00', '2028-07-01T08:05:00+08:00'];

const lastEvent = (items: readonly { history: readonly { at: string }[] }[]) => Math.max(...items.flatMap((i) => i.history.map((e) => Date.parse(e.at))));

describe.each(NOWS)('example data at %s', (now) => {
  const nowMs = Date.parse(now);

  test('the reception day was three weeks ago; the open issues fall due in nine days', () => {
    const issues = exampleReceptionDay(23, 6, { now });
    expect(lastEvent(issues)).toBeLessThan(nowMs);
    expect(nowMs - Date.parse(issues[0]!.createdAt)).toBeLessThan(22 * DAY);
    expect(overdueReceptionIssues(issues, now).ids).toEqual([]);
    expect(summarizeReception(issues, now)).toMatchObject({ collected: 23, closed: 6 });
  });

  test('rectification items opened a month ago; two are days late, none months', () => {
    const items = exampleRectificationItems(8, 2, { now });
    expect(lastEvent(items)).toBeLessThan(nowMs);
    expect(summarizeRectification(items, now)).toMatchObject({ total: 8, overdue: 2 });
    // Due at 24:00 of their deadline day: late by 3 to 5 days, never by months.
    for (const item of items.slice(0, 2)) {
      const dueMs = Date.parse(`${item.data.deadline}T00:00:00+08:00`) + DAY;
      expect(nowMs - dueMs).toBeGreaterThan(0);
      expect(nowMs - dueMs).toBeLessThan(6 * DAY);
    }
    for (const item of items.slice(2)) expect(Date.parse(`${item.data.deadline}T00:00:00+08:00`)).toBeGreaterThan(nowMs);
  });
});

test('without now, the examples keep their fixed dates (stories and visual references)', () => {
  expect(exampleReceptionDay(3, 1)[0]!.data.sessionDate).toBe('2025-06-18');
  expect(exampleRectificationItems(3, 1)[0]!.createdAt.startsWith('2026-01-15')).toBe(true);
});

test('a bad now is refused with a typed error', () => {
  expectInvalidArgument(() => exampleReceptionDay(3, 1, { now: 'yesterday' }), 'options.now');
  expectInvalidArgument(() => exampleRectificationItems(3, 1, { now: Number.NaN }), 'options.now');
  expectInvalidArgument(() => exampleRectificationItems(3, 1, null as never), 'options');
});
