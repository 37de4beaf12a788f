import { describe, expect, test } from 'vitest';
import { type ReceptionItem, collectIssue, createMemoryStore, receptionLoop, receptionStoreSpec, replay, summarizeReception, transition, applyLoopEvent } from '@bihuan/core';
import { exampleReceptionDay } from '@bihuan/core/examples';
import { argumentOf as arg } from '../evaluation/fixtures.js';

const host = { id: 'district-head', role: 'host' as const };
const dept = { id: 'clerk-zhou', role: 'department' as const, unit: 'market-bureau' };
/** The contact of the firm that raised the issue, acting for it. */
const firmOf = (item: ReceptionItem) => ({ id: 'contact-chen', role: 'firm' as const, unit: item.data.firm });

const intake = (n: number) => ({ sessionId: '2025-06', sessionDate: '2025-06-18', firm: `企业${(n % 9) + 1}`, contact: '陈经理', phone: '13812345678', title: `问题 ${n + 1}` });
const collect = (n: number) => collectIssue({ id: `JD-${n + 1}`, intake: intake(n), actor: host, at: '2025-06-18T10:00:00+08:00' });

function send(item: ReceptionItem, type: string, actor: { id: string; role: 'host' | 'department' | 'firm'; unit?: string }, payload: unknown, at: string): ReceptionItem {
  const r = transition(receptionLoop, item, { type: type as never, actor, at, payload });
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.snapshot;
}

function close(item: ReceptionItem): ReceptionItem {
  item = send(item, 'assign', host, { department: 'market-bureau', dueDate: '2025-07-18' }, '2025-06-18T11:00:00+08:00');
  item = send(item, 'handle', dept, undefined, '2025-06-19T09:00:00+08:00');
  item = send(item, 'feedBack', dept, { result: '已协调解决' }, '2025-06-25T09:00:00+08:00');
  item = send(item, 'rate', firmOf(item), { satisfaction: 'satisfied' }, '2025-06-26T09:00:00+08:00');
  return send(item, 'writeOff', host, undefined, '2025-06-27T09:00:00+08:00');
}

describe('the reception-day loop', () => {
  test('collected → assigned → handled under supervision → fed back → rated → written off', () => {
    let item = collect(0);
    item = send(item, 'assign', host, { department: 'market-bureau', dueDate: '2025-07-18' }, '2025-06-18T11:00:00+08:00');
    item = send(item, 'handle', dept, undefined, '2025-06-19T09:00:00+08:00');
    item = send(item, 'supervise', host, { instruction: '本周内答复企业' }, '2025-06-20T09:00:00+08:00');
    expect([item.state, item.data.supervisions]).toEqual(['handling', 1]);
    item = send(item, 'feedBack', dept, { result: '已协调解决用地手续' }, '2025-06-25T09:00:00+08:00');
    // Dissatisfaction reopens the handling.
    item = send(item, 'rate', firmOf(item), { satisfaction: 'dissatisfied', comment: '手续仍未办完' }, '2025-06-26T09:00:00+08:00');
    expect([item.state, item.data.reopened, item.data.result]).toEqual(['handling', 1, null]);
    item = send(item, 'feedBack', dept, { result: '手续已全部办结' }, '2025-07-02T09:00:00+08:00');
    item = send(item, 'rate', firmOf(item), { satisfaction: 'satisfied' }, '2025-07-03T09:00:00+08:00');
    item = send(item, 'writeOff', host, undefined, '2025-07-04T09:00:00+08:00');
    expect(item.state).toBe('closed');
    expect(item.data.ratings.map((r) => r.satisfaction)).toEqual(['dissatisfied', 'satisfied']);
    expect(replay(receptionLoop, item.history)).toEqual(item);
  });

  test('the source’s figures: 9 firms, 23 issues, 6 closed → 26.09%, the rest on the supervision ledger', () => {
    const items = Array.from({ length: 23 }, (_, n) => (n < 6 ? close(collect(n)) : collect(n)));
    const summary = summarizeReception(items);
    expect(summary).toMatchObject({ collected: 23, closed: 6, closedRate: '26.09%', onSupervisionLedger: 17, firms: 9, rated: 6, satisfied: 6, satisfactionRate: '100%' });
    // The example day used by the catalog and the portal gives the same figure.
    expect(summarizeReception(exampleReceptionDay())).toMatchObject({ collected: 23, closed: 6, closedRate: '26.09%', firms: 9 });
  });

  test('satisfaction counts each issue by its latest rating; none rated shows "—"', () => {
    expect(summarizeReception([collect(0)]).satisfactionRate).toBe('—');
    let unhappy = send(collect(1), 'assign', host, { department: 'd', dueDate: '2025-07-18' }, '2025-06-18T11:00:00+08:00');
    unhappy = send(unhappy, 'handle', { id: 'd-clerk', role: 'department', unit: 'd' }, undefined, '2025-06-19T09:00:00+08:00');
    unhappy = send(unhappy, 'feedBack', { id: 'd-clerk', role: 'department', unit: 'd' }, { result: 'r' }, '2025-06-20T09:00:00+08:00');
    unhappy = send(unhappy, 'rate', firmOf(unhappy), { satisfaction: 'dissatisfied' }, '2025-06-21T09:00:00+08:00');
    const s = summarizeReception([close(collect(0)), close(collect(2)), unhappy]);
    expect([s.rated, s.satisfied, s.satisfactionRate, s.reopened]).toEqual([3, 2, '66.67%', 1]);
  });

  test('personal data of the firm’s contact is marked; the store keeps the loop', async () => {
    const store = createMemoryStore(receptionStoreSpec);
    await store.put('issues', collect(0));
    const r = await applyLoopEvent(store, 'issues', receptionLoop, 'JD-1', { type: 'assign', actor: host, at: '2025-06-18T11:00:00+08:00', payload: { department: 'tax', dueDate: '2025-07-01' } });
    expect(r.ok && r.snapshot.state).toBe('assigned');
    expect((await store.all('issues', { index: 'department', equals: 'tax' })).items).toHaveLength(1);
  });

  test('bad input is refused with a typed error naming the argument', () => {
    expect(arg(() => collectIssue({ id: 'x', intake: { ...intake(0), phone: 'abc' }, actor: host, at: '2025-06-18T10:00:00+08:00' }))).toBe('input.intake.phone');
    expect(arg(() => collectIssue({ id: 'x', intake: { ...intake(0), sessionDate: '2025-13-01' }, actor: host, at: '2025-06-18T10:00:00+08:00' }))).toBe('input.intake.sessionDate');
    expect(arg(() => collectIssue({ id: '', intake: intake(0), actor: host, at: '2025-06-18T10:00:00+08:00' }))).toBe('input.id');
    expect(arg(() => summarizeReception(null as never))).toBe('items');
    expect(arg(() => summarizeReception([{ loop: { id: 'dispute' } } as never]))).toBe('items[0]');
    expect(arg(() => exampleReceptionDay(-1))).toBe('count');
    expect(arg(() => exampleReceptionDay(5, 6))).toBe('closed');
  });
});

describe('who may act on a reception issue, and when', () => {
  const fedBack = () => {
    let item = send(collect(0), 'assign', host, { department: 'market-bureau', dueDate: '2025-07-18' }, '2025-06-18T11:00:00+08:00');
    item = send(item, 'handle', dept, undefined, '2025-06-19T09:00:00+08:00');
    return send(item, 'feedBack', dept, { result: '已协调解决' }, '2025-06-25T09:00:00+08:00');
  };
  const at = '2025-06-26T09:00:00+08:00';
  const verdict = (item: ReceptionItem, type: string, actor: { id: string; role: string; unit?: string }, payload?: unknown, when = at) => {
    const r = transition(receptionLoop, item, { type, actor, at: when, ...(payload === undefined ? {} : { payload }) } as never);
    return r.ok ? 'ok' : `${r.reason.code}/${r.reason.rule ?? ''}/${r.reason.field ?? ''}`;
  };

  test('satisfaction is rated by the firm that raised the issue only (own_firm): not the host, not another firm', () => {
    const item = fedBack();
    expect(item.data.firm).toBe('企业1');
    expect(verdict(item, 'rate', host, { satisfaction: 'satisfied' })).toBe('role_not_allowed//');
    expect(verdict(item, 'rate', { id: 'contact-liu', role: 'firm', unit: '企业2' }, { satisfaction: 'satisfied' })).toBe('guard_failed/own_firm/actor.unit');
    expect(verdict(item, 'rate', { id: 'contact-chen', role: 'firm' }, { satisfaction: 'satisfied' })).toBe('guard_failed/own_firm/actor.unit');
    const r = transition(receptionLoop, item, { type: 'rate', actor: { id: 'contact-liu', role: 'firm', unit: '企业2' }, at, payload: { satisfaction: 'satisfied' } });
    expect(r.ok ? null : r.reason.message).toEqual({ 'zh-CN': '满意度只能由提出问题的企业 企业1 评价，企业2 不能代为评价', en: 'only the firm that raised the issue, 企业1, rates it; 企业2 cannot' });
    expect(verdict(item, 'rate', firmOf(item), { satisfaction: 'satisfied' })).toBe('ok');
    const rated = send(item, 'rate', firmOf(item), { satisfaction: 'satisfied' }, at);
    expect(rated.history.at(-1)!.actor).toEqual({ id: 'contact-chen', role: 'firm', unit: '企业1' });
  });

  test('only the department it was assigned to handles it and feeds back (assigned_department)', () => {
    const assigned = send(collect(0), 'assign', host, { department: 'market-bureau', dueDate: '2025-07-18' }, '2025-06-18T11:00:00+08:00');
    expect(verdict(assigned, 'handle', { id: 'tax-clerk', role: 'department', unit: 'tax-bureau' })).toBe('guard_failed/assigned_department/actor.unit');
    expect(verdict(assigned, 'handle', { id: 'tax-clerk', role: 'department' })).toBe('guard_failed/assigned_department/actor.unit');
    const handling = send(assigned, 'handle', dept, undefined, '2025-06-19T09:00:00+08:00');
    expect(verdict(handling, 'feedBack', { id: 'tax-clerk', role: 'department', unit: 'tax-bureau' }, { result: '已解决' })).toBe('guard_failed/assigned_department/actor.unit');
    expect(verdict(handling, 'feedBack', dept, { result: '已解决' })).toBe('ok');
  });

  test('a due date is not in the past of the assignment, nor years away (due_after_assignment, due_within_window)', () => {
    const item = collect(0);
    const assign = (dueDate: string) => verdict(item, 'assign', host, { department: 'market-bureau', dueDate }, '2025-06-18T11:00:00+08:00');
    expect(assign('2020-01-01')).toBe('guard_failed/due_after_assignment/dueDate');
    expect(assign('2025-06-17')).toBe('guard_failed/due_after_assignment/dueDate');
    expect(assign('2025-06-18')).toBe('ok');
    expect(assign('2026-06-19')).toBe('ok');
    expect(assign('2026-06-20')).toBe('guard_failed/due_within_window/dueDate');
    // Refused: the issue is as it was.
    const copy = structuredClone(item);
    assign('2020-01-01');
    expect(item).toEqual(copy);
  });

  test('the supervision ledger counts issues past their due date while the department has them (overdue)', () => {
    const assigned = send(collect(0), 'assign', host, { department: 'market-bureau', dueDate: '2025-07-18' }, '2025-06-18T11:00:00+08:00');
    const handling = send(assigned, 'handle', dept, undefined, '2025-06-19T09:00:00+08:00');
    const answered = send(handling, 'feedBack', dept, { result: '已答复' }, '2025-06-25T09:00:00+08:00');
    const items = [collect(1), assigned, handling, answered, close(collect(2))];
    expect(summarizeReception(items).overdue).toBe(0);
    expect(summarizeReception(items, '2025-07-18T23:59:59+08:00').overdue).toBe(0);
    expect(summarizeReception(items, '2025-07-19T00:00:00+08:00').overdue).toBe(2);
    expect(arg(() => summarizeReception(items, 'tomorrow'))).toBe('now');
  });

  test('an issue is collected on or after its reception day, within a year', () => {
    const at = (when: string) => () => collectIssue({ id: 'JD-9', intake: intake(0), actor: host, at: when });
    expect(arg(at('2025-06-17T23:00:00+08:00'))).toBe('input.intake.sessionDate');
    expect(arg(at('2026-06-20T09:00:00+08:00'))).toBe('input.intake.sessionDate');
    expect(at('2025-06-18T00:00:00+08:00')().data.sessionDate).toBe('2025-06-18');
    expect(at('2025-07-02T09:00:00+08:00')().createdAt).toBe('2025-07-02T09:00:00+08:00');
  });
});
