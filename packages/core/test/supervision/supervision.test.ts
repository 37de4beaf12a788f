import { describe, expect, test } from 'vitest';
import {
  acceptDispute,
  applyLoopEvent,
  createMemoryStore,
  disputeLoop,
  escalationsDueAt,
  InvalidArgumentError,
  issueSupervisionOrder,
  summarizeSupervision,
  summarizeSupervisionPeriod,
  supervisionLoop,
  supervisionOrdersFor,
  supervisionOrdersOfPeriod,
  supervisionStoreSpec,
  SUPERVISION_RULES,
  transition,
  type DisputeItem,
  type SupervisionItem,
} from '@bihuan/core';
import { exampleSupervisionOrders } from '@bihuan/core/examples';
import { noiseIntake } from '../dispute/fixtures.js';

const office = { id: 'zhanqian-head', role: 'issuer', unit: '站前街道办事处' } as const;
const county = { id: 'county-head', role: 'issuer', unit: '振兴区综治委' } as const;
const centre = { id: 'centre-clerk', role: 'respondent', unit: '站前街道综治中心' } as const;

const accepted = (id = 'D-1') => acceptDispute({ id, intake: noiseIntake(), actor: { id: 'clerk-li', role: 'intakeClerk' }, at: '2025-09-26T09:00:00+08:00' });
function escalated(item: DisputeItem = accepted()): DisputeItem {
  const due = escalationsDueAt([item], item.deadline!)[0]!;
  const r = transition(disputeLoop, item, due.event);
  if (!r.ok) expect.fail(r.reason.message.en);
  return r.snapshot;
}
const input = (over: object = {}) => ({ id: 'DB-1', target: escalated(), level: 'subDistrict', addressee: '站前街道综治中心', instruction: '请三日内分流并反馈', dueDate: '2025-10-10', actor: office, at: '2025-09-29T10:00:00+08:00', ...over });
function issued(over: object = {}, existing: SupervisionItem[] = []): SupervisionItem {
  const r = issueSupervisionOrder(input(over), existing);
  if (!r.ok) expect.fail(`${r.reason.rule}: ${r.reason.message.en}`);
  return r.value;
}
const send = (o: SupervisionItem, event: object) => transition(supervisionLoop, o, event as never);
function ok(o: SupervisionItem, event: object): SupervisionItem {
  const r = send(o, event);
  if (!r.ok) expect.fail(`${r.reason.code} ${r.reason.rule}: ${r.reason.message.en}`);
  return r.snapshot;
}
const verdict = (r: { ok: boolean; reason?: { code?: string; rule?: string; field?: string } }) => (r.ok ? 'accepted' : `${r.reason!.code ?? ''}:${r.reason!.rule ?? ''}:${r.reason!.field ?? ''}`);

describe('issuing a supervision order (督办单)', () => {
  test('the sub-district issues one on an escalated dispute, linked to it, due at 24:00 of its due day', () => {
    const order = issued();
    expect(order.state).toBe('issued');
    expect(order.data).toMatchObject({ target: { loop: 'dispute', id: 'D-1', title: '邻里噪声纠纷' }, chain: 'governance', level: 'subDistrict', issuedBy: '站前街道办事处', addressee: '站前街道综治中心', dueDate: '2025-10-10', responses: [], reissues: [] });
    expect(order.deadline).toBe('2025-10-10T16:00:00.000Z');
  });

  test('refusals: not overdue, wrong level, a second open order, a due day out of range — each its own rule, nothing created', () => {
    const fresh = accepted();
    const r1 = issueSupervisionOrder(input({ target: fresh, at: '2025-09-26T10:00:00+08:00' }));
    expect(verdict(r1)).toBe(':target_not_overdue:target');
    expect(r1.ok ? '' : r1.reason.message['zh-CN']).toMatch(/既未升级也未超期/);
    // An overdue item that was not escalated may be supervised from the level above the centre.
    expect(issueSupervisionOrder(input({ target: fresh, at: '2025-09-30T10:00:00+08:00' })).ok).toBe(true);
    expect(verdict(issueSupervisionOrder(input({ level: 'centre' })))).toBe(':issuer_level:level');
    expect(verdict(issueSupervisionOrder(input({ level: 'village' })))).toBe(':issuer_level:level');
    expect(issueSupervisionOrder(input({ level: 'county', actor: county })).ok).toBe(true);
    const first = issued();
    expect(verdict(issueSupervisionOrder(input({ id: 'DB-2' }), [first]))).toBe(':one_open_order:target');
    expect(verdict(issueSupervisionOrder(input({ dueDate: '2025-09-28' })))).toBe(':due_after_issue:dueDate');
    expect(verdict(issueSupervisionOrder(input({ dueDate: '2026-03-01' })))).toBe(':due_within_window:dueDate');
    const task = { ...first, loop: { id: 'volunteer-log', version: 1 } };
    expect(verdict(issueSupervisionOrder(input({ target: task })))).toBe(':target_unknown_chain:target');
    for (const rule of ['target_not_overdue', 'issuer_level', 'one_open_order', 'due_after_issue', 'due_within_window', 'addressee_only', 'issuer_only', 'target_unknown_chain']) expect(SUPERVISION_RULES).toHaveProperty(rule);
  });

  test('a closed order does not block a new one; bad input is a typed error naming the argument', () => {
    let first = issued();
    first = ok(first, { type: 'answer', actor: centre, at: '2025-09-30T10:00:00+08:00', payload: { response: '已分流' } });
    first = ok(first, { type: 'close', actor: office, at: '2025-09-30T11:00:00+08:00', payload: { assessment: '同意办结' } });
    expect(issueSupervisionOrder(input({ id: 'DB-2', at: '2025-10-01T10:00:00+08:00' }), [first]).ok).toBe(true);
    const arg = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof InvalidArgumentError ? e.argument : 'untyped';
      }
      return 'none';
    };
    expect(arg(() => issueSupervisionOrder(input({ dueDate: '2025-02-30' })))).toBe('input.dueDate');
    expect(arg(() => issueSupervisionOrder(input({ target: { id: 'x' } })))).toBe('input.target');
    expect(arg(() => issueSupervisionOrder(input({ instruction: '  ' })))).toBe('input.instruction');
    expect(arg(() => issueSupervisionOrder(input(), 'x' as never))).toBe('existing');
    expect(arg(() => issueSupervisionOrder(input({ actor: { id: 'x', role: 'issuer' } })))).toBe('input.issuedBy');
    expect(arg(() => issueSupervisionOrder(input({ actor: { id: 'x', role: 'respondent', unit: 'u' } })))).toBe('input.actor.role');
  });
});

describe('the order loop: answer, close or re-issue; overdue counted', () => {
  test('the lower level answers; the higher level re-issues with a new due day, then closes', () => {
    let o = issued();
    expect(verdict(send(o, { type: 'answer', actor: { ...centre, unit: '永昌街道综治中心' }, at: '2025-09-30T10:00:00+08:00', payload: { response: '已分流' } }))).toBe('guard_failed:addressee_only:actor.unit');
    expect(verdict(send(o, { type: 'answer', actor: office, at: '2025-09-30T10:00:00+08:00', payload: { response: '已分流' } }))).toBe('role_not_allowed::');
    expect(verdict(send(o, { type: 'close', actor: office, at: '2025-09-30T10:00:00+08:00', payload: { assessment: 'x' } }))).toBe('not_allowed_in_state::');
    o = ok(o, { type: 'answer', actor: centre, at: '2025-09-30T10:00:00+08:00', payload: { response: '已分流至司法所' } });
    expect(o.state).toBe('answered');
    expect(o.deadline).toBeUndefined();
    expect(o.data.responses).toEqual([{ response: '已分流至司法所', at: '2025-09-30T10:00:00+08:00', by: 'centre-clerk', unit: '站前街道综治中心', late: false }]);
    expect(verdict(send(o, { type: 'reissue', actor: { ...office, unit: '永昌街道办事处' }, at: '2025-10-01T10:00:00+08:00', payload: { reason: '未说明进展', dueDate: '2025-10-15' } }))).toBe('guard_failed:issuer_only:actor.unit');
    expect(verdict(send(o, { type: 'reissue', actor: office, at: '2025-10-01T10:00:00+08:00', payload: { reason: '未说明进展', dueDate: '2025-09-30' } }))).toBe('guard_failed:due_after_issue:dueDate');
    expect(verdict(send(o, { type: 'reissue', actor: office, at: '2025-10-01T10:00:00+08:00', payload: { dueDate: '2025-10-15' } }))).toBe('field_missing:invalid_type:reason');
    o = ok(o, { type: 'reissue', actor: office, at: '2025-10-01T10:00:00+08:00', payload: { reason: '未说明调解进展', instruction: '请反馈调解进展', dueDate: '2025-10-15' } });
    expect(o).toMatchObject({ state: 'issued', deadline: '2025-10-15T16:00:00.000Z', data: { instruction: '请反馈调解进展', dueDate: '2025-10-15', reissues: [{ reason: '未说明调解进展', previousDueDate: '2025-10-10', by: 'zhanqian-head' }] } });
    o = ok(o, { type: 'answer', actor: centre, at: '2025-10-16T09:00:00+08:00', payload: { response: '已达成调解协议' } });
    expect(o.data.responses[1]!.late).toBe(true);
    o = ok(o, { type: 'close', actor: office, at: '2025-10-16T10:00:00+08:00', payload: { assessment: '同意办结' } });
    expect(o).toMatchObject({ state: 'closed', data: { closing: { assessment: '同意办结', by: 'zhanqian-head' } } });
    expect(verdict(send(o, { type: 'withdraw', actor: office, at: '2025-10-17T10:00:00+08:00', payload: { reason: 'x' } }))).toBe('not_allowed_in_state::');
  });

  test('overdue orders are counted at a moment and by period, as they stood', () => {
    const a = issued({ id: 'DB-A', dueDate: '2025-10-03' });
    const b = ok(issued({ id: 'DB-B', target: escalated(accepted('D-2')), dueDate: '2025-10-03' }), { type: 'answer', actor: centre, at: '2025-10-02T09:00:00+08:00', payload: { response: '已办' } });
    const c = ok(issued({ id: 'DB-C', target: escalated(accepted('D-3')), dueDate: '2025-10-08' }), { type: 'withdraw', actor: office, at: '2025-10-02T09:00:00+08:00', payload: { reason: '当事人撤回申请' } });
    const all = [a, b, c];
    expect(summarizeSupervision(all, '2025-10-03T23:59:59+08:00')).toMatchObject({ total: 3, awaiting: 1, answered: 1, withdrawn: 1, overdue: 0 });
    const s = summarizeSupervision(all, '2025-10-04T00:00:00+08:00');
    expect(s).toMatchObject({ total: 3, awaiting: 1, overdue: 1, overdueIds: ['DB-A'], lateAnswers: 0, byAddressee: { 站前街道综治中心: { orders: 3, awaiting: 1, overdue: 1 } } });
    expect(summarizeSupervision(all, '2025-09-28T00:00:00+08:00').total).toBe(0);
    // Week 40 of 2025 (09-29..10-05): all three issued; at its end A is overdue, B answered.
    expect(summarizeSupervisionPeriod(all, '2025-W40')).toMatchObject({ total: 3, overdue: 1, answered: 1, withdrawn: 1 });
    // September: issued on 09-29, each as it stood at 10-01 00:00 — all three awaiting, none overdue yet.
    expect(summarizeSupervisionPeriod(all, '2025-09')).toMatchObject({ total: 3, awaiting: 3, overdue: 0 });
    expect(supervisionOrdersOfPeriod(all, '2025-10').map((o) => o.id)).toEqual([]);
    expect(supervisionOrdersFor(all, { loop: 'dispute', id: 'D-2' }).map((o) => o.id)).toEqual(['DB-B']);
  });

  test('stored through applyLoopEvent: a refused answer leaves the store unchanged', async () => {
    const store = createMemoryStore(supervisionStoreSpec);
    const o = issued();
    await store.put('orders', o);
    const refused = await applyLoopEvent(store, 'orders', supervisionLoop, 'DB-1', { type: 'answer', actor: { ...centre, unit: '别处' }, at: '2025-09-30T10:00:00+08:00', payload: { response: 'x' } } as never);
    expect(refused.ok ? 'accepted' : refused.reason.rule).toBe('addressee_only');
    expect(await store.get('orders', 'DB-1')).toEqual(o);
    const done = await applyLoopEvent(store, 'orders', supervisionLoop, 'DB-1', { type: 'answer', actor: centre, at: '2025-09-30T10:00:00+08:00', payload: { response: '已分流' } } as never);
    expect(done.ok).toBe(true);
    expect((await store.get('orders', 'DB-1'))?.state).toBe('answered');
  });

  test('the example orders are valid, relative to now, and every stage is present', () => {
    const { orders, targets } = exampleSupervisionOrders('2026-12-02T10:00:00+08:00', 12);
    expect(orders).toHaveLength(12);
    expect(targets.every((t) => t.history.some((h) => h.type === 'escalate'))).toBe(true);
    expect(new Set(orders.map((o) => o.state))).toEqual(new Set(['issued', 'answered', 'closed']));
    const s = summarizeSupervision(orders, '2026-12-02T10:00:00+08:00');
    expect(s.overdue).toBeGreaterThan(0);
    expect(s.reissues).toBeGreaterThan(0);
    // Nothing is months overdue: every order was issued within the last three weeks.
    for (const o of orders) expect(Date.parse('2026-12-02T10:00:00+08:00') - Date.parse(o.createdAt)).toBeLessThan(21 * 86_400_000);
  });
});
