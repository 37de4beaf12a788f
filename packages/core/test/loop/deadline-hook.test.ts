import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { LoopDefinitionError, collectIssue, createItem, defineLoop, dispatchMonth, dueSoon, overdue, overdueReceptionIssues, receptionLoop, replay, timeLeft, transition, taskOrderLoop, type ReceptionItem } from '@bihuan/core';
import { catalog, cityRoster, officer, supervisor } from '../task/fixtures.js';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('a definition whose data holds the due moment names it (deadline hook)', () => {
  const loop = (deadline: (s: { state: string; data: { due: string | null } }) => unknown) =>
    defineLoop({
      id: 'hooked',
      version: 1,
      initial: 'open',
      roles: { clerk: { label: L('办事员', 'clerk') } },
      states: { open: { label: L('办理中', 'open'), limit: { workingDays: 5 } }, done: { label: L('已办结', 'done'), final: true } },
      events: {
        plan: { label: L('定期限', 'plan'), from: ['open'], to: 'open', roles: ['clerk'], payload: z.object({ due: z.string() }), apply: (d: { due: string | null }, p: { due: string }) => ({ ...d, due: p.due }) },
        finish: { label: L('办结', 'finish'), from: ['open'], to: 'done', roles: ['clerk'] },
      },
      data: z.object({ due: z.string().nullable() }),
      deadline: deadline as never,
    });
  const clerk = { id: 'c', role: 'clerk' as const };

  test('the hook sets snapshot.deadline (a date is due at its 24:00 China time); nothing falls back to the stage limit', () => {
    const def = loop((s) => s.data.due);
    const a = createItem(def, { id: 'a', data: { due: null }, actor: clerk, at: '2025-10-09T09:00:00+08:00' });
    expect(a.deadline).toBe('2025-10-15T16:00:00.000Z'); // 5 working days (10-11 is a make-up Saturday), from the state's limit
    const b = transition(def, a, { type: 'plan', actor: clerk, at: '2025-10-10T09:00:00+08:00', payload: { due: '2025-10-20' } });
    expect(b.ok && b.snapshot.deadline).toBe('2025-10-20T16:00:00.000Z');
    const c = transition(def, b.ok ? b.snapshot : a, { type: 'plan', actor: clerk, at: '2025-10-10T10:00:00+08:00', payload: { due: '2025-10-21T12:00:00+08:00' } });
    expect(c.ok && c.snapshot.deadline).toBe('2025-10-21T12:00:00+08:00');
    expect(c.ok && overdue(c.snapshot, '2025-10-21T12:00:00+08:00')).toBe(true);
    const d = transition(def, c.ok ? c.snapshot : a, { type: 'finish', actor: clerk, at: '2025-10-11T10:00:00+08:00' });
    expect(d.ok && d.snapshot.deadline).toBeUndefined(); // a final state has none
    expect(replay(def, d.ok ? d.snapshot.history : [])).toEqual(d.ok ? d.snapshot : undefined);
  });

  test('a hook returning something that is not a time is a fault of the definition, named', () => {
    expect(() => defineLoop({ ...(loop(() => null) as object), deadline: 'soon' } as never)).toThrow(LoopDefinitionError);
    const def = loop(() => 'next week');
    expect(() => createItem(def, { id: 'a', data: { due: null }, actor: clerk, at: '2025-10-09T09:00:00+08:00' })).toThrow(/deadline function/);
  });
});

describe('task orders and reception issues: the engine sees their due moment', () => {
  test('a task order is overdue at data.due while it is the officer’s to do, not once fed back', () => {
    const [order] = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders.filter((o) => o.id === '2025-10:hotels:wang');
    expect(order!.deadline).toBe(order!.data.due);
    expect(overdue(order!, order!.data.due)).toBe(true);
    expect(dueSoon(order!, '2025-10-23T09:00:00+08:00', { days: 2 })).toBe(true);
    const fed = transition(taskOrderLoop, order!, { type: 'feedback', actor: officer('wang'), at: '2025-10-10T09:00:00+08:00', payload: { values: { hotels: 3 } } });
    expect(fed.ok && fed.snapshot.deadline).toBeUndefined();
    const back = transition(taskOrderLoop, fed.ok ? fed.snapshot : order!, { type: 'return', actor: supervisor, at: '2025-10-11T09:00:00+08:00', payload: { reason: '照片不清' } });
    expect(back.ok && back.snapshot.deadline).toBe(order!.data.due); // returned: the officer's again, due as before
    expect(createItem(taskOrderLoop, { id: 'x', data: order!.data, actor: { id: 'd', role: 'dispatcher' }, at: order!.createdAt }).deadline).toBe(order!.data.due);
  });

  const host = { id: 'district-head', role: 'host' as const };
  const dept = { id: 'market-bureau', role: 'department' as const, unit: 'market-bureau' };
  const land = { id: 'land-bureau', role: 'department' as const, unit: 'land-bureau' };
  const send = (item: ReceptionItem, type: string, actor: { id: string; role: 'host' | 'department' | 'firm'; unit?: string }, payload: unknown, at: string): ReceptionItem => {
    const r = transition(receptionLoop, item, { type: type as never, actor, at, payload });
    if (!r.ok) throw new Error(r.reason.message.en);
    return r.snapshot;
  };
  const collect = (n: number) => collectIssue({ id: `JD-${n}`, intake: { sessionId: '2025-06', sessionDate: '2025-06-18', firm: `企业${n}`, contact: '陈经理', title: `问题 ${n}` }, actor: host, at: '2025-06-18T10:00:00+08:00' });

  test('督办台账: reception issues past their due date, counted with the engine’s overdue, by department', () => {
    const assigned = (n: number, department: string, dueDate: string) => send(collect(n), 'assign', host, { department, dueDate }, '2025-06-18T11:00:00+08:00');
    const a = assigned(1, 'market-bureau', '2025-07-18');
    const b = send(assigned(2, 'market-bureau', '2025-07-01'), 'handle', dept, undefined, '2025-06-19T09:00:00+08:00');
    const c = assigned(3, 'land-bureau', '2025-06-30');
    const fed = send(send(assigned(4, 'land-bureau', '2025-06-20'), 'handle', land, undefined, '2025-06-19T09:00:00+08:00'), 'feedBack', land, { result: '已办结' }, '2025-06-25T09:00:00+08:00');
    expect(b.deadline).toBe('2025-07-01T16:00:00.000Z');
    expect(timeLeft(c, '2025-06-30T23:00:00+08:00')).toBe(3_600_000);
    expect(collect(5).deadline).toBeUndefined(); // collected, not yet assigned: no due date
    expect(fed.deadline).toBeUndefined(); // fed back: no longer the department's to do
    const ledger = overdueReceptionIssues([a, b, c, fed, collect(5)], '2025-07-02T09:00:00+08:00');
    expect(ledger).toEqual({ overdue: 2, ids: ['JD-2', 'JD-3'], byDepartment: { 'market-bureau': 1, 'land-bureau': 1 } });
    // At 23:59 on the due day it is not overdue yet; at 24:00 it is.
    expect(overdueReceptionIssues([b], '2025-07-01T23:59:00+08:00').overdue).toBe(0);
    expect(overdueReceptionIssues([b], '2025-07-02T00:00:00+08:00').overdue).toBe(1);
  });

  test('bad arguments are refused, naming them', () => {
    expect(() => overdueReceptionIssues({} as never, '2025-07-02T09:00:00+08:00')).toThrow(/argument items/);
    expect(() => overdueReceptionIssues([{}] as never, '2025-07-02T09:00:00+08:00')).toThrow(/items\[0\]/);
    expect(() => overdueReceptionIssues([collect(1), collect(1)], '2025-07-02T09:00:00+08:00')).toThrow(/items\[1\]\.id/);
    expect(() => overdueReceptionIssues([], 'tomorrow')).toThrow(/argument now/);
  });
});
