import { describe, expect, test } from 'vitest';
import { type ReceptionItem, exampleReceptionDay, collectIssue, createMemoryStore, receptionLoop, receptionStoreSpec, replay, summarizeReception, transition, applyLoopEvent } from '@bihuan/core';
import { argumentOf as arg } from '../evaluation/fixtures.js';

const host = { id: 'district-head', role: 'host' as const };
const dept = { id: 'market-bureau', role: 'department' as const };
const firm = { id: 'firm-1', role: 'firm' as const };

const intake = (n: number) => ({ sessionId: '2025-06', sessionDate: '2025-06-18', firm: `企业${(n % 9) + 1}`, contact: '陈经理', phone: '13812345678', title: `问题 ${n + 1}` });
const collect = (n: number) => collectIssue({ id: `JD-${n + 1}`, intake: intake(n), actor: host, at: '2025-06-18T10:00:00+08:00' });

function send(item: ReceptionItem, type: string, actor: { id: string; role: 'host' | 'department' | 'firm' }, payload: unknown, at: string): ReceptionItem {
  const r = transition(receptionLoop, item, { type: type as never, actor, at, payload });
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.snapshot;
}

function close(item: ReceptionItem): ReceptionItem {
  item = send(item, 'assign', host, { department: 'market-bureau', dueDate: '2025-07-18' }, '2025-06-18T11:00:00+08:00');
  item = send(item, 'handle', dept, undefined, '2025-06-19T09:00:00+08:00');
  item = send(item, 'feedBack', dept, { result: '已协调解决' }, '2025-06-25T09:00:00+08:00');
  item = send(item, 'rate', firm, { satisfaction: 'satisfied' }, '2025-06-26T09:00:00+08:00');
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
    item = send(item, 'rate', firm, { satisfaction: 'dissatisfied', comment: '手续仍未办完' }, '2025-06-26T09:00:00+08:00');
    expect([item.state, item.data.reopened, item.data.result]).toEqual(['handling', 1, null]);
    item = send(item, 'feedBack', dept, { result: '手续已全部办结' }, '2025-07-02T09:00:00+08:00');
    item = send(item, 'rate', firm, { satisfaction: 'satisfied' }, '2025-07-03T09:00:00+08:00');
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
    unhappy = send(unhappy, 'handle', { id: 'd', role: 'department' }, undefined, '2025-06-19T09:00:00+08:00');
    unhappy = send(unhappy, 'feedBack', { id: 'd', role: 'department' }, { result: 'r' }, '2025-06-20T09:00:00+08:00');
    unhappy = send(unhappy, 'rate', host, { satisfaction: 'dissatisfied' }, '2025-06-21T09:00:00+08:00');
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
