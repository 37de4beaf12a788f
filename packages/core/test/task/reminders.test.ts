import { describe, expect, test } from 'vitest';
import { DEFAULT_REMINDER_POLICY, createWorkCalendar, dispatchMonth, reminders, type ReminderPolicy, type TaskOrder } from '@bihuan/core';
import { catalog, cityRoster, officer, send } from './fixtures.js';

const orders = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders;
const hotels = orders.find((o) => o.id === '2025-10:hotels:wang')!; // due at 24:00 Friday 24 October
const policy: ReminderPolicy = { before: [{ workingDays: 1 }], after: [{ workingDays: 1 }] };
const levelAt = (o: TaskOrder, now: string | number, p = policy) => reminders([o], now, p)[0]?.alarms[0];

describe('reminders(orders, now, policy): pure, per officer, escalating', () => {
  test('the due moment itself is overdue; a millisecond before, due soon', () => {
    const due = Date.parse('2025-10-24T16:00:00.000Z');
    expect(levelAt(hotels, due - 1)).toMatchObject({ kind: 'dueSoon', level: 1 });
    expect(levelAt(hotels, due)).toMatchObject({ kind: 'overdue', level: 2, due: '2025-10-24T16:00:00.000Z' });
  });

  test('a working-day window opens at 00:00 of the working day before the due day', () => {
    expect(levelAt(hotels, '2025-10-22T23:59:59.999+08:00')).toBeUndefined();
    expect(levelAt(hotels, '2025-10-23T00:00:00+08:00')).toMatchObject({ kind: 'dueSoon', level: 1 });
  });

  test('escalation after one working day past the due day skips the weekend', () => {
    // Due Friday 24th: one working day after is Monday 27th, escalated at its end.
    expect(levelAt(hotels, '2025-10-27T23:59:59.999+08:00')).toMatchObject({ level: 2 });
    expect(levelAt(hotels, '2025-10-28T00:00:00+08:00')).toMatchObject({ kind: 'overdue', level: 3 });
  });

  test('across the National Day holiday the working day before 9 October is 30 September', () => {
    const oct9 = { ...hotels, id: 'h', data: { ...hotels.data, due: '2025-10-09T16:00:00.000Z' } };
    expect(levelAt(oct9, '2025-09-29T23:00:00+08:00')).toBeUndefined();
    expect(levelAt(oct9, '2025-09-30T08:00:00+08:00')).toMatchObject({ level: 1 });
    // In calendar days the window would open only on 8 October.
    expect(levelAt(oct9, '2025-10-07T12:00:00+08:00', { before: [{ days: 1 }], after: [] })).toBeUndefined();
    expect(levelAt(oct9, '2025-10-08T00:00:00+08:00', { before: [{ days: 1 }], after: [] })).toMatchObject({ level: 1 });
    // A host calendar without the holiday counts 8 October as a working day.
    const plain = createWorkCalendar({ 2025: { holidays: {}, workdays: [] } });
    expect(levelAt(oct9, '2025-10-08T00:00:00+08:00', { ...policy, calendar: plain })).toMatchObject({ level: 1 });
    expect(levelAt(oct9, '2025-10-07T23:00:00+08:00', { ...policy, calendar: plain })).toBeUndefined();
  });

  test('hours windows are exact; only open orders ring; officers most urgent first', () => {
    expect(levelAt(hotels, '2025-10-24T20:00:00+08:00', { before: [{ hours: 4 }], after: [] })).toMatchObject({ level: 1 });
    expect(levelAt(hotels, '2025-10-24T19:59:59+08:00', { before: [{ hours: 4 }], after: [] })).toBeUndefined();
    const done = send(hotels, 'feedback', officer('wang'), '2025-10-10T09:00:00+08:00', { values: { hotels: 2 } });
    expect(reminders([done], '2025-11-01T00:00:00+08:00')).toEqual([]);
    const all = reminders(orders, '2025-10-24T12:00:00+08:00', DEFAULT_REMINDER_POLICY);
    expect(all.map((r) => r.officer)).toEqual(['wang', 'zhao', 'li']); // the school task (3rd working day) is overdue for the urban two
    expect(all[0]).toMatchObject({ level: 5, overdue: 1 }); // due 11 October: past +3 and +7 working days
    expect(all[0]!.alarms.map((a) => a.level)).toEqual([...all[0]!.alarms.map((a) => a.level)].sort((a, b) => b - a));
  });

  test('bad input is refused naming the argument', () => {
    expect(() => reminders('x' as never, 0)).toThrow(/argument orders/);
    expect(() => reminders(orders, 'now')).toThrow(/argument now/);
    expect(() => reminders(orders, 0, { before: [{ weeks: 1 } as never], after: [] })).toThrow(/policy\.before\[0\]/);
    expect(() => reminders([{} as never], 0)).toThrow(/orders\[0\]/);
  });
});
