import { describe, expect, test } from 'vitest';
import { countLedgerByArea, overdue, summarizeLedger, timeLeft } from '@bihuan/core';
import { exampleAreaTree, exampleCaseload } from '@bihuan/core/examples';
import { expectInvalidArgument } from '../support/invalid-argument.js';

const now = '2026-12-02T10:30:00+08:00';
const DAY = 86_400_000;

describe('a county centre’s year of example disputes, relative to today', () => {
  const year = exampleCaseload({ now });

  test('every event lies before now, and every record is marked as an example', () => {
    expect(year).toHaveLength(300);
    const nowMs = Date.parse(now);
    for (const item of year) {
      expect(item.id.startsWith('EX-')).toBe(true);
      expect(item.data.description.startsWith('【示例】')).toBe(true);
      for (const entry of item.history) expect(Date.parse(entry.at)).toBeLessThan(nowMs);
      expect(nowMs - Date.parse(item.createdAt)).toBeLessThan(366 * DAY);
    }
  });

  test('nothing is months overdue: the few late ones are days late', () => {
    const late = year.filter((item) => overdue(item, now));
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(year.length * 0.1);
    for (const item of late) expect(-timeLeft(item, now)!).toBeLessThan(6 * DAY);
  });

  test('the year looks like a working centre’s: mostly resolved, some open, every outcome present', () => {
    const s = summarizeLedger(year, now);
    expect(s.accepted).toBeGreaterThan(270);
    expect(s.resolved / s.accepted).toBeGreaterThan(0.6);
    expect(s.open).toBeGreaterThan(5);
    for (const state of ['received', 'mediating', 'followUp', 'closed', 'withdrawn', 'declined', 'transferred'] as const) expect(s.byState[state], state).toBeGreaterThan(0);
    expect(new Set(year.map((d) => d.data.category)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(year.map((d) => d.data.parties[0]!.name)).size).toBeGreaterThan(240);
    expect(year.some((d) => d.data.channel === 'grid') && year.some((d) => d.data.channel === 'walkIn')).toBe(true);
  });

  test('every dispute sits in a village of the example tree, and most towns have some', () => {
    const byTown = countLedgerByArea(year, exampleAreaTree(), 'town');
    expect(byTown.unplaced?.accepted ?? 0).toBe(0);
    expect(Object.values(byTown).filter((s) => s.accepted > 0).length).toBe(9);
  });

  test('deterministic for a given now and seed; another seed is another county', () => {
    const again = exampleCaseload({ now, count: 40 });
    expect(exampleCaseload({ now, count: 40 })).toEqual(again);
    expect(exampleCaseload({ now, count: 40, seed: 2 }).map((d) => d.data.title)).not.toEqual(again.map((d) => d.data.title));
  });

  test('refuses a missing now or a bad count with typed errors', () => {
    expectInvalidArgument(() => exampleCaseload({} as never), 'options.now');
    expectInvalidArgument(() => exampleCaseload(null as never), 'options.now');
    expectInvalidArgument(() => exampleCaseload({ now, count: -1 }), 'options.count');
  });
});
