import { describe, expect, test } from 'vitest';
import { dispatchMonth, transition, taskOrderLoop, validateFeedback, type TaskOrder } from '@bihuan/core';
import { exampleCatalog } from '@bihuan/core/examples';
import { catalog, cityRoster, officer, send, supervisor } from './fixtures.js';

const orders = () => dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders;
const order = (id: string) => orders().find((o) => o.id === id)!;
const feedback = (o: TaskOrder, values: unknown, who = o.data.officer) => transition(taskOrderLoop, o, { type: 'feedback', actor: officer(who), at: '2025-10-10T09:00:00+08:00', payload: { values } as unknown });
const refusal = (r: ReturnType<typeof feedback>) => (r.ok ? undefined : { code: r.reason.code, rule: r.reason.rule, field: r.reason.field, zh: r.reason.message['zh-CN'] });

describe('feedback is checked against the template', () => {
  const visits = () => order('2025-10:visits:wang'); // place + at least two photos
  const hotels = () => order('2025-10:hotels:wang'); // count ≥ 1, optional note

  test('a count where a count is asked', () => {
    expect(refusal(feedback(hotels(), {}))).toMatchObject({ code: 'guard_failed', rule: 'required', field: 'values.hotels', zh: '必须填写“检查家数”' });
    expect(refusal(feedback(hotels(), { hotels: 2.5 }))).toMatchObject({ rule: 'count_integer', field: 'values.hotels' });
    expect(refusal(feedback(hotels(), { hotels: '3' }))).toMatchObject({ rule: 'count_integer' });
    expect(refusal(feedback(hotels(), { hotels: 0 }))).toMatchObject({ rule: 'count_min', zh: '“检查家数”不能少于 1' });
    expect(feedback(hotels(), { hotels: 3 }).ok).toBe(true);
  });

  test('evidence where evidence is required; nothing the template does not ask', () => {
    expect(refusal(feedback(visits(), { place: '文化里 3 号楼' }))).toMatchObject({ rule: 'required', field: 'values.photos' });
    expect(refusal(feedback(visits(), { place: '文化里 3 号楼', photos: ['a.jpg'] }))).toMatchObject({ rule: 'evidence_min', zh: '“照片”至少需要 2 项' });
    expect(refusal(feedback(visits(), { place: '文化里 3 号楼', photos: 'a.jpg' }))).toMatchObject({ rule: 'evidence_refs' });
    expect(refusal(feedback(visits(), { place: '  ', photos: ['a.jpg', 'b.jpg'] }))).toMatchObject({ rule: 'required', field: 'values.place' });
    expect(refusal(feedback(visits(), { place: 'x', photos: ['a', 'b'], extra: 1 }))).toMatchObject({ rule: 'unknown_field', field: 'values.extra' });
    const ok = feedback(visits(), { place: '文化里 3 号楼', photos: ['a.jpg', 'b.jpg'] });
    expect(ok.ok && ok.snapshot.data.feedback).toEqual({ values: { place: '文化里 3 号楼', photos: ['a.jpg', 'b.jpg'] }, at: '2025-10-10T09:00:00+08:00', by: 'wang' });
  });

  test('only the officer the order is assigned to feeds back; payload shape refused by the engine', () => {
    expect(refusal(feedback(hotels(), { hotels: 3 }, 'li'))).toMatchObject({ rule: 'assignee_only' });
    const r = transition(taskOrderLoop, hotels(), { type: 'feedback', actor: officer('wang'), at: '2025-10-10T09:00:00+08:00', payload: { values: 'done' } as unknown });
    expect(r.ok ? undefined : r.reason.field).toBe('values');
  });

  test('validateFeedback on its own, for forms', () => {
    const t = exampleCatalog().templates.find((x) => x.id === 'householdVisits.households')!;
    expect(validateFeedback(t, { count: 12, place: '幸福里小区' })).toEqual({ ok: true, values: { count: 12, place: '幸福里小区' } });
    expect(validateFeedback(t, null)).toMatchObject({ ok: false, reason: { rule: 'values_object', field: 'values' } });
    expect(() => validateFeedback({ done: [] }, {})).toThrow(/argument template/);
  });
});

describe('the task loop: dispatched → fed back → verified, or returned and fed back again', () => {
  test('return with a reason, feed back again, verify', () => {
    let o = order('2025-10:hotels:wang');
    o = send(o, 'feedback', officer('wang'), '2025-10-10T09:00:00+08:00', { values: { hotels: 2 } });
    o = send(o, 'return', supervisor, '2025-10-11T09:00:00+08:00', { reason: '数量与台账不符' });
    expect([o.state, o.data.returns]).toEqual(['returned', 1]);
    o = send(o, 'urge', supervisor, '2025-10-12T09:00:00+08:00', { instruction: '请尽快补报' });
    expect(o.data.urgings).toEqual([{ instruction: '请尽快补报', at: '2025-10-12T09:00:00+08:00', by: 'chief' }]);
    o = send(o, 'feedback', officer('wang'), '2025-10-13T09:00:00+08:00', { values: { hotels: 4, note: '补查两家' } });
    o = send(o, 'verify', supervisor, '2025-10-14T09:00:00+08:00');
    expect(o.state).toBe('verified');
    expect(o.history.map((h) => h.type)).toEqual(['@create', 'feedback', 'return', 'urge', 'feedback', 'verify']);
    const late = transition(taskOrderLoop, o, { type: 'urge', actor: supervisor, at: '2025-10-15T09:00:00+08:00', payload: { instruction: 'x' } });
    expect(late.ok ? '' : late.reason.code).toBe('not_allowed_in_state');
  });

  test('exempt only where the template allows an officer to say so; a supervisor may; cancel with a reason', () => {
    const hotels = order('2025-10:hotels:wang');
    const r = transition(taskOrderLoop, hotels, { type: 'exempt', actor: officer('wang'), at: '2025-10-02T09:00:00+08:00', payload: { reason: '无旅馆' } });
    expect(r.ok ? '' : r.reason.rule).toBe('may_be_not_applicable');
    expect(send(hotels, 'exempt', supervisor, '2025-10-02T09:00:00+08:00', { reason: '辖区无旅馆' }).data.exemption).toMatchObject({ reason: '辖区无旅馆', by: 'chief' });
    expect(send(order('2025-10:schools:wang'), 'exempt', officer('wang'), '2025-10-02T09:00:00+08:00', { reason: '辖区无学校' }).state).toBe('exempt');
    const noReason = transition(taskOrderLoop, hotels, { type: 'cancel', actor: supervisor, at: '2025-10-02T09:00:00+08:00', payload: { reason: ' ' } });
    expect(noReason.ok ? '' : noReason.reason.field).toBe('reason');
    expect(send(hotels, 'cancel', supervisor, '2025-10-02T09:00:00+08:00', { reason: '任务调整' }).state).toBe('cancelled');
  });
});

describe('the actor must be the one the order names', () => {
  const at = '2025-10-02T09:00:00+08:00';
  const rule = (r: ReturnType<typeof transition>) => (r.ok ? 'ok' : `${r.reason.code}/${r.reason.rule}`);
  const try_ = (o: TaskOrder, type: string, actor: { id: string; role: string }, payload?: unknown) => transition(taskOrderLoop, o, { type, actor, at, ...(payload === undefined ? {} : { payload }) } as never);

  test('exempt: only by the officer it is assigned to (assignee_only), or a supervisor who is not that officer (not_own_order)', () => {
    const schools = order('2025-10:schools:wang'); // an officer may mark it not applicable
    const r = try_(schools, 'exempt', officer('ma'), { reason: '辖区无学校' });
    expect(rule(r)).toBe('guard_failed/assignee_only');
    expect(r.ok ? '' : r.reason.message['zh-CN']).toBe('任务派给了 wang，只能由其标记不适用');
    expect(r.ok ? '' : r.reason.message.en).toBe('the order is assigned to wang; only they may mark it not applicable');
    expect(rule(try_(schools, 'exempt', officer('wang'), { reason: '辖区无学校' }))).toBe('ok');
    // The officer themself, signed in as a supervisor, cannot take their own order out of their rate.
    const hotels = order('2025-10:hotels:wang');
    expect(rule(try_(hotels, 'exempt', { id: 'wang', role: 'supervisor' }, { reason: '无旅馆' }))).toBe('guard_failed/not_own_order');
    expect(rule(try_(hotels, 'exempt', supervisor, { reason: '无旅馆' }))).toBe('ok');
  });

  test('nobody verifies, returns or cancels an order of their own (not_own_order)', () => {
    const fed = send(order('2025-10:hotels:wang'), 'feedback', officer('wang'), at, { values: { hotels: 2 } });
    const self = { id: 'wang', role: 'supervisor' };
    expect(rule(try_(fed, 'verify', self))).toBe('guard_failed/not_own_order');
    expect(rule(try_(fed, 'return', self, { reason: '重报' }))).toBe('guard_failed/not_own_order');
    expect(rule(try_(fed, 'cancel', { id: 'wang', role: 'dispatcher' }, { reason: '撤销' }))).toBe('guard_failed/not_own_order');
    expect(rule(try_(fed, 'verify', supervisor))).toBe('ok');
    // Refused: the order is as it was.
    const copy = structuredClone(fed);
    try_(fed, 'verify', self);
    expect(fed).toEqual(copy);
  });
});
