// A reception-day issue up its whole chain, centre → sub-district → county: escalated by rule for
// missing its due date, given a new one with a 督办, escalated again for missing that, and at the
// top of the chain no further. A reopened issue may be given a new due date too.
import { describe, expect, test } from 'vitest';
import { ESCALATION_CHAINS, collectIssue, escalationLevelOf, escalationsDueAt, escalationsOf, receptionLoop, transition, type LoopEvent, type ReceptionItem } from '@bihuan/core';

const host = { id: 'district-head', role: 'host' as const };
const dept = { id: 'clerk-zhou', role: 'department' as const, unit: 'market-bureau' };
const firm = { id: 'contact-chen', role: 'firm' as const, unit: '企业1' };
const on = (date: string, time = '09:00') => `${date}T${time}:00+08:00`;

type Actor = typeof host | typeof dept | typeof firm | { id: string; role: 'system' };
const attempt = (item: ReceptionItem, type: string, actor: Actor, payload: unknown, at: string) => transition(receptionLoop, item, { type: type as never, actor, at, ...(payload === undefined ? {} : { payload }) } as LoopEvent as never);
function send(item: ReceptionItem, type: string, actor: Actor, payload: unknown, at: string): ReceptionItem {
  const r = attempt(item, type, actor, payload, at);
  if (!r.ok) expect.fail(`${type}: ${r.reason.code} ${r.reason.rule ?? ''} ${r.reason.message.en}`);
  return r.snapshot as ReceptionItem;
}
function refusal(item: ReceptionItem, type: string, actor: Actor, payload: unknown, at: string): string {
  const r = attempt(item, type, actor, payload, at);
  if (r.ok) return expect.fail(`${type} accepted`);
  expect(r.reason.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  expect(r.reason.message.en).not.toMatch(/[\u3000-\u303f\uff00-\uffef]/);
  return `${r.reason.code}:${r.reason.rule ?? ''}:${r.reason.field ?? ''}`;
}
/** The host's scheduler at `at`: applies what is due to escalate, and returns [from, to] of each. */
function runRule(item: ReceptionItem, at: string): { item: ReceptionItem; went: string[][] } {
  const due = escalationsDueAt([item], at);
  for (const x of due) item = send(item, x.event.type, x.event.actor as Actor, x.event.payload, x.event.at);
  return { item, went: due.map((x) => [x.from, x.to]) };
}

function assigned(): ReceptionItem {
  const item = collectIssue({ id: 'JD-E1', intake: { sessionId: '2025-06', sessionDate: '2025-06-18', firm: '企业1', contact: '陈经理', title: '厂区道路占用审批慢' }, actor: host, at: on('2025-06-18', '10:00') });
  return send(send(item, 'assign', host, { department: 'market-bureau', dueDate: '2025-06-25' }, on('2025-06-18', '11:00')), 'handle', dept, undefined, on('2025-06-19'));
}

describe('a reception issue up its chain', () => {
  test('centre → sub-district for the first due date, a 督办 with a new one, → county for that, then no higher', () => {
    let item = assigned();
    // Not yet due on 25 June: nothing to escalate.
    expect(runRule(item, on('2025-06-25', '23:00')).went).toEqual([]);
    let run = runRule(item, on('2025-06-26', '00:30'));
    expect(run.went).toEqual([['centre', 'subDistrict']]);
    item = run.item;
    expect(escalationLevelOf(item, ESCALATION_CHAINS.governance)).toBe('subDistrict');
    // The same missed due date escalates once.
    expect(runRule(item, on('2025-06-27')).went).toEqual([]);
    const again = { from: 'subDistrict', to: 'county', deadline: '2025-06-25T16:00:00.000Z' };
    expect(refusal(item, 'escalate', { id: 'scheduler', role: 'system' }, again, on('2025-06-27'))).toBe('guard_failed:already_escalated:deadline');

    // The sub-district's 督办: a new due date, which must lie from today on and within the window.
    expect(refusal(item, 'supervise', host, { instruction: '三日内办结', dueDate: '2025-06-20' }, on('2025-06-26', '10:00'))).toBe('guard_failed:due_after_assignment:dueDate');
    expect(refusal(item, 'supervise', host, { instruction: '三日内办结', dueDate: '2027-01-01' }, on('2025-06-26', '10:00'))).toBe('guard_failed:due_within_window:dueDate');
    expect(refusal(item, 'supervise', host, { instruction: '三日内办结', dueDate: '2025-6-30' }, on('2025-06-26', '10:00'))).toMatch(/:dueDate$/);
    expect(refusal(item, 'supervise', dept, { instruction: '三日内办结', dueDate: '2025-06-30' }, on('2025-06-26', '10:00'))).toBe('role_not_allowed::');
    const before = item;
    item = send(item, 'supervise', host, { instruction: '三日内办结并答复企业', dueDate: '2025-06-30' }, on('2025-06-26', '10:00'));
    expect([item.data.dueDate, item.deadline, item.data.supervisions]).toEqual(['2025-06-30', '2025-06-30T16:00:00.000Z', before.data.supervisions + 1]);
    // A 督办 without a date leaves the due date as it was.
    expect(send(item, 'supervise', host, { instruction: '请加快' }, on('2025-06-27')).data.dueDate).toBe('2025-06-30');

    // Missed again: up one more level, from the level reached.
    expect(runRule(item, on('2025-06-30', '12:00')).went).toEqual([]);
    run = runRule(item, on('2025-07-01'));
    expect(run.went).toEqual([['subDistrict', 'county']]);
    item = run.item;
    expect(escalationsOf(item).map((e) => [e.from, e.to, e.deadline])).toEqual([
      ['centre', 'subDistrict', '2025-06-25T16:00:00.000Z'],
      ['subDistrict', 'county', '2025-06-30T16:00:00.000Z'],
    ]);
    // At the county, the top: a third miss finds nothing to escalate, and a hand-written escalation is refused.
    item = send(item, 'supervise', host, { instruction: '县里督办：七日内办结', dueDate: '2025-07-08' }, on('2025-07-01', '10:00'));
    expect(runRule(item, on('2025-07-09')).went).toEqual([]);
    expect(refusal(item, 'escalate', { id: 'scheduler', role: 'system' }, { from: 'county', to: 'county', deadline: '2025-07-08T16:00:00.000Z' }, on('2025-07-09'))).toBe('guard_failed:escalation_top:to');
  });

  test('a reopened issue may be given a new due date; without one the old stands; a bad one is refused', () => {
    let item = assigned();
    item = send(item, 'feedBack', dept, { result: '已协调' }, on('2025-06-24'));
    item = send(item, 'rate', firm, { satisfaction: 'satisfied' }, on('2025-06-24', '15:00'));
    item = send(item, 'writeOff', host, undefined, on('2025-06-25'));
    expect(item.deadline).toBeUndefined();
    expect(refusal(item, 'reopen', host, { reason: '企业再次反映', dueDate: '2025-07-01' }, on('2025-07-10'))).toBe('guard_failed:due_after_assignment:dueDate');
    const reopened = send(item, 'reopen', host, { reason: '企业再次反映', dueDate: '2025-07-20' }, on('2025-07-10'));
    expect([reopened.state, reopened.data.dueDate, reopened.deadline]).toEqual(['handling', '2025-07-20', '2025-07-20T16:00:00.000Z']);
    // Not overdue on reopening, so nothing escalates at once.
    expect(runRule(reopened, on('2025-07-10', '10:00')).went).toEqual([]);
    // Reopened without a date: the old due date stands, so it is overdue at once and escalates.
    const old = send(item, 'reopen', host, { reason: '企业再次反映' }, on('2025-07-10'));
    expect(old.data.dueDate).toBe('2025-06-25');
    expect(runRule(old, on('2025-07-10', '10:00')).went).toEqual([['centre', 'subDistrict']]);
  });
});
