// A year with no holiday notice yet (2027, as seen in December 2026): a dispute accepted on New
// Year's Eve and a task order due across the Spring Festival are counted on the statutory
// holidays (全国年节及纪念日放假办法), marked provisional, and recounted when the notice arrives.
import { describe, expect, test } from 'vitest';
import { chinaCalendar, createWorkCalendar } from '@bihuan/core/calendar';
import { acceptDispute, disputeLoop } from '@bihuan/core/dispute';
import { checkAgainstHistory, deadlineProvisional, dueSoon, overdue, recomputeDeadlines, transition } from '@bihuan/core/loop';
import { dispatchOnEvent, taskOrderLoop } from '@bihuan/core/task';
import { noiseIntake } from '../../packages/core/test/dispute/fixtures.js';
import { catalog, cityRoster } from '../../packages/core/test/task/fixtures.js';

const clerk = { id: 'clerk-zhou', role: 'intakeClerk', unit: '锦绣社区综治中心', name: '周敏' } as const;

describe('S-calendar: deadlines in a year without its notice', () => {
  test('a dispute accepted at 16:00 on 2026-12-31 is due on Monday 2027-01-04, not on New Year’s Day', () => {
    const d = acceptDispute({ id: 'D-2026-1231', intake: noiseIntake(), actor: clerk, at: '2026-12-31T16:00:00+08:00' });
    expect(chinaCalendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(d.deadline).toBe('2027-01-04T16:00:00.000Z');
    expect(deadlineProvisional(disputeLoop, d)).toBe(true);
    // The centre's two-day reminder on Sunday evening; overdue only once Monday is over.
    expect(dueSoon(d, '2027-01-03T20:00:00+08:00', { days: 2 })).toBe(true);
    expect(overdue(d, '2027-01-04T23:59:00+08:00')).toBe(false);
    expect(overdue(d, '2027-01-05T00:00:00+08:00')).toBe(true);
    // Counting weekdays alone, as before, would have made it due on the holiday itself.
    expect(createWorkCalendar({ 2026: chinaCalendar.years[2026]! }, { uncoveredYears: 'weekdays' }).addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  test('when the notice arrives the host recounts; a make-up Saturday moves the deadline earlier', () => {
    const d = acceptDispute({ id: 'D-2026-1232', intake: noiseIntake(), actor: clerk, at: '2026-12-31T16:00:00+08:00' });
    // A notice written for this story: 01-01 off, Saturday 01-02 a make-up working day.
    const notice = chinaCalendar.extend({ 2027: { holidays: { '元旦 New Year': ['2027-01-01'] }, workdays: ['2027-01-02'] } });
    const recounted = recomputeDeadlines(disputeLoop, d, notice);
    expect(recounted.deadline).toBe('2027-01-02T16:00:00.000Z');
    expect(deadlineProvisional(disputeLoop, recounted, notice)).toBe(false);
    expect(checkAgainstHistory(disputeLoop, recounted, { calendar: notice }).ok).toBe(true);
    // The stored item as first counted still agrees with its history on the shipped calendar.
    expect(checkAgainstHistory(disputeLoop, d).ok).toBe(true);
  });

  test('a security task ordered on 2027-02-04 (two working days) is due after the Spring Festival break', () => {
    const order = dispatchOnEvent({ catalog: catalog(), roster: cityRoster(), template: 'event', officer: 'wang', event: 'EV-2027-0204', at: '2027-02-04T10:00:00+08:00' });
    // 02-05 除夕, 02-06–08 初一–初三, 02-09/10 made up for the weekend: 02-11 and 02-12 are the two days.
    expect(order.data.due).toBe('2027-02-12T16:00:00.000Z');
    expect(order.deadline).toBe(order.data.due);
    expect(overdue(order, '2027-02-09T09:00:00+08:00')).toBe(false);
    expect(overdue(order, '2027-02-13T00:00:00+08:00')).toBe(true);
    expect(deadlineProvisional(taskOrderLoop, order)).toBe(true);
    // Fed back on time, the order leaves the overdue list.
    const fed = transition(taskOrderLoop, order, { type: 'feedback', actor: { id: 'wang', role: 'officer' }, at: '2027-02-11T17:00:00+08:00', payload: { values: { note: '活动安保已落实' } } });
    expect(fed.ok && overdue(fed.snapshot, '2027-02-13T00:00:00+08:00')).toBe(false);
  });
});
