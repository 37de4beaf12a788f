import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  acceptDispute,
  collectIssue,
  dispatchMonth,
  disputeLoop,
  escalationLevelOf,
  escalationsDueAt,
  escalationsOf,
  ESCALATION_CHAINS,
  eventPermitLoop,
  fileEventPermit,
  InvalidArgumentError,
  openRectifications,
  receptionLoop,
  rectificationLoop,
  taskOrderLoop,
  transition,
  type AnyLoopDefinition,
  type Snapshot,
} from '@bihuan/core';
import { noiseIntake } from '../dispute/fixtures.js';
import { catalog, cityRoster } from '../task/fixtures.js';

const system = { id: 'system', role: 'system' } as const;
const clerk = { id: 'clerk-li', role: 'intakeClerk' } as const;
const head = { id: 'head-gao', role: 'supervisor' } as const;
const plusMs = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();

const dispute = (id = 'D-1', at = '2025-09-26T09:00:00+08:00') => acceptDispute({ id, intake: noiseIntake(), actor: clerk, at });
const send = (def: AnyLoopDefinition, item: Snapshot, event: object) => transition(def, item, event as never);
function ok(def: AnyLoopDefinition, item: Snapshot, event: object): Snapshot {
  const r = send(def, item, event);
  if (!r.ok) expect.fail(`${r.reason.code} ${r.reason.rule}: ${r.reason.message.en}`);
  return r.snapshot;
}
const rule = (r: ReturnType<typeof send>) => (r.ok ? 'accepted' : `${r.reason.code}:${r.reason.rule ?? ''}:${r.reason.field ?? ''}`);
const defOf: Record<string, AnyLoopDefinition> = { dispute: disputeLoop, 'task-order': taskOrderLoop, 'reception-day': receptionLoop, rectification: rectificationLoop, 'event-permit': eventPermitLoop };

describe('escalation by rule: a dispute (centre → sub-district → county)', () => {
  test('an overdue stage escalates once, as a loop event with its record; the answer at the same moment is then empty', () => {
    const item = dispute();
    const at = item.deadline!;
    expect(escalationsDueAt([item], plusMs(at, -1))).toEqual([]);
    const due = escalationsDueAt([item], at);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ loop: 'dispute', id: 'D-1', from: 'centre', to: 'subDistrict', deadline: at, event: { type: 'escalate', actor: system, payload: { from: 'centre', to: 'subDistrict', deadline: at, rule: 'overdue' } } });
    const after = ok(disputeLoop, item, due[0]!.event);
    // Same state, same deadline: escalating buys no time.
    expect(after.state).toBe('received');
    expect(after.deadline).toBe(item.deadline);
    expect(escalationsOf(after)).toEqual([{ seq: 1, at: due[0]!.event.at, by: system, rule: 'overdue', from: 'centre', to: 'subDistrict', deadline: at }]);
    expect(escalationLevelOf(after, ESCALATION_CHAINS.governance)).toBe('subDistrict');
    expect(escalationsDueAt([after], at)).toEqual([]);
    expect(escalationsDueAt([after], plusMs(at, 86_400_000))).toEqual([]);
    // The same overdue again: refused, and nothing changes.
    const again = send(disputeLoop, after, { ...due[0]!.event, at: plusMs(at, 60_000), payload: { from: 'subDistrict', to: 'county', deadline: at } });
    expect(rule(again)).toBe('guard_failed:already_escalated:deadline');
    expect(again.ok ? undefined : again.reason.message['zh-CN']).toMatch(/已升级过/);
  });

  test('not overdue, the wrong deadline, the wrong levels: each its own rule; only system and supervisor escalate', () => {
    const item = dispute();
    const at = item.deadline!;
    const event = (over: object = {}, when = at, actor: object = system) => ({ type: 'escalate', actor, at: when, payload: { from: 'centre', to: 'subDistrict', deadline: at, ...over } });
    expect(rule(send(disputeLoop, item, event({}, plusMs(at, -1000))))).toBe('guard_failed:not_overdue:deadline');
    expect(rule(send(disputeLoop, item, event({ deadline: '2025-09-28T00:00:00+08:00' })))).toBe('guard_failed:escalation_deadline:deadline');
    expect(rule(send(disputeLoop, item, event({ from: 'subDistrict', to: 'county' })))).toBe('guard_failed:escalation_from_level:from');
    expect(rule(send(disputeLoop, item, event({ to: 'county' })))).toBe('guard_failed:escalation_next_level:to');
    expect(rule(send(disputeLoop, item, event({}, at, { id: 'mediator-wang', role: 'mediator' })))).toBe('role_not_allowed::');
    expect(rule(send(disputeLoop, item, event({}, at, clerk)))).toBe('role_not_allowed::');
    expect(rule(send(disputeLoop, item, event({}, at, head)))).toBe('accepted');
    expect(rule(send(disputeLoop, item, { type: 'escalate', actor: system, at }))).toBe('field_missing:required:payload');
    const noDeadline = ok(disputeLoop, item, { type: 'withdraw', actor: clerk, at: plusMs(at, -60_000), payload: { reason: '自行和解' } });
    expect(rule(send(disputeLoop, noDeadline, event()))).toBe('not_allowed_in_state::');
    // Every refusal reads in both languages.
    const r = send(disputeLoop, item, event({}, plusMs(at, -1000)));
    expect(r.ok ? undefined : r.reason.message).toMatchObject({ 'zh-CN': expect.stringMatching(/尚未超期/), en: expect.stringMatching(/not yet overdue/) });
  });

  test('a new stage may escalate again, from the level reached; at the top, no further (escalation_top)', () => {
    let item: Snapshot = dispute();
    item = ok(disputeLoop, item, escalationsDueAt([item], item.deadline!)[0]!.event);
    item = ok(disputeLoop, item, { type: 'route', actor: clerk, at: plusMs(item.deadline!, 3_600_000), payload: { departments: ['court'], joint: false, lead: null } });
    const second = escalationsDueAt([item], item.deadline!);
    expect(second.map((d) => [d.from, d.to])).toEqual([['subDistrict', 'county']]);
    item = ok(disputeLoop, item, second[0]!.event);
    item = ok(disputeLoop, item, { type: 'mediate', actor: { id: 'mediator-wang', role: 'mediator' }, at: plusMs(item.deadline!, 3_600_000), payload: { mode: 'atCentre', mediators: [] } });
    expect(escalationsDueAt([item], item.deadline!)).toEqual([]);
    const top = send(disputeLoop, item, { type: 'escalate', actor: head, at: item.deadline!, payload: { from: 'county', to: 'city', deadline: item.deadline! } });
    expect(rule(top)).toBe('guard_failed:escalation_top:to');
    expect(escalationsOf(item).map((r) => r.to)).toEqual(['subDistrict', 'county']);
  });
});

describe('every loop escalates by its chain, through one helper', () => {
  const orders = () => dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders;

  test('a task order goes station → county → city; a reception issue and a dispute centre → sub-district; a rectification item unit → office; a permit review station → county', () => {
    const order = orders()[0]!;
    let issue: Snapshot = collectIssue({ id: 'JD-1', intake: { sessionId: '2025-06', sessionDate: '2025-06-18', firm: '企业1', contact: '陈经理', title: '用地审批慢' }, actor: { id: 'district-head', role: 'host' }, at: '2025-06-18T10:00:00+08:00' });
    issue = ok(receptionLoop, issue, { type: 'assign', actor: { id: 'district-head', role: 'host' }, at: '2025-06-18T11:00:00+08:00', payload: { department: 'market-bureau', dueDate: '2025-07-18' } });
    const [fix] = openRectifications({ findings: [{ title: '台账不全', source: 'problemList' }], unit: '甲镇', owner: '李镇长', deadline: '2026-02-10', actor: { id: 'office', role: 'supervisor' }, at: '2026-01-15T09:00:00+08:00', idPrefix: 'ZG' });
    const filed = fileEventPermit({ id: 'EP-1', application: { name: '帆船赛', kind: 'sports', venue: '西港花园', eventDate: '2026-08-31', expectedAttendance: 5000, organizer: { name: '体育文化公司', contact: '汪洋', phone: '0335-1234567' } }, actor: { id: 'org', role: 'organizer' }, at: '2026-03-02T10:00:00+08:00' });
    if (!filed.ok) expect.fail(filed.reason.message.en);
    const permit = ok(eventPermitLoop, filed.value, { type: 'accept', actor: { id: 'police-1', role: 'reviewer' }, at: '2026-03-02T11:00:00+08:00' });
    const items: Snapshot[] = [order, issue, fix!, permit, dispute()];
    const due = escalationsDueAt(items, '2026-12-01T00:00:00+08:00');
    expect(due.map((d) => [d.loop, d.from, d.to])).toEqual([
      ['task-order', 'station', 'county'],
      ['reception-day', 'centre', 'subDistrict'],
      ['rectification', 'unit', 'office'],
      ['event-permit', 'station', 'county'],
      ['dispute', 'centre', 'subDistrict'],
    ]);
    // The rectification item is due at 24:00 of its deadline day, China time.
    expect(due[2]!.deadline).toBe('2026-02-10T16:00:00.000Z');
    const after = due.map((d, i) => ok(defOf[d.loop]!, items[i]!, d.event));
    expect(escalationsDueAt(after, '2026-12-01T00:00:00+08:00')).toEqual([]);
    // A permit review is escalated by rule only: the reviewer whose review is late does not.
    expect(rule(send(eventPermitLoop, permit, { ...due[3]!.event, actor: { id: 'police-1', role: 'reviewer' } }))).toBe('role_not_allowed::');
    // A rectification item not yet past its day is not overdue.
    expect(rule(send(rectificationLoop, fix!, { ...due[2]!.event, at: '2026-02-10T23:00:00+08:00' }))).toBe('guard_failed:not_overdue:deadline');
  });

  test('bad arguments are typed errors naming the argument', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof InvalidArgumentError ? e.argument : 'untyped';
      }
      return 'none';
    };
    expect(err(() => escalationsDueAt('x' as never, '2026-01-01T00:00:00Z'))).toBe('items');
    expect(err(() => escalationsDueAt([], 'tomorrow'))).toBe('at');
    expect(err(() => escalationsDueAt([{} as never], '2026-01-01T00:00:00Z'))).toBe('items[0]');
    expect(err(() => escalationsDueAt([], '2026-01-01T00:00:00Z', { actor: { id: '' } as never }))).toBe('options.actor');
    expect(err(() => escalationsDueAt([], '2026-01-01T00:00:00Z', { rule: 'no spaces' }))).toBe('options.rule');
    expect(err(() => escalationsOf(null as never))).toBe('item');
  });
});

describe('property: escalating any overdue set is idempotent', () => {
  test('after applying what is due at a moment, nothing more is due at that moment, and re-sending any of it is refused already_escalated', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 0, max: 40 }), hour: fc.integer({ min: 0, max: 23 }), routedAfter: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }) }), { maxLength: 12 }), fc.integer({ min: 0, max: 60 * 24 * 50 }), (specs, minutes) => {
        const start = Date.parse('2025-09-01T00:00:00+08:00');
        const items = specs.map((s, i) => {
          let item: Snapshot = dispute(`D-${i}`, new Date(start + s.day * 86_400_000 + s.hour * 3_600_000).toISOString());
          if (s.routedAfter !== undefined) {
            const r = send(disputeLoop, item, { type: 'route', actor: clerk, at: plusMs(item.createdAt, s.routedAfter * 3_600_000), payload: { departments: ['court'], joint: false, lead: null } });
            if (r.ok) item = r.snapshot;
          }
          return item;
        });
        // A moment after every item's last event, so that any escalation due can be sent at it.
        const at = new Date(Math.max(start, ...items.map((it) => Date.parse(it.updatedAt))) + minutes * 60_000).toISOString();
        const due = escalationsDueAt(items, at);
        const after = items.map((it) => {
          const d = due.find((x) => x.id === it.id);
          return d === undefined ? it : ok(disputeLoop, it, d.event);
        });
        expect(escalationsDueAt(after, at)).toEqual([]);
        for (const d of due) {
          const r = send(disputeLoop, after.find((it) => it.id === d.id)!, d.event);
          expect(r.ok ? 'accepted' : r.reason.rule).toBe('already_escalated');
        }
        // Every item overdue at the moment has been escalated for its current deadline.
        for (const it of after) if (it.deadline !== undefined && Date.parse(at) >= Date.parse(it.deadline)) expect(escalationsOf(it).some((r) => Date.parse(r.deadline) === Date.parse(it.deadline!))).toBe(true);
      }),
      { numRuns: 150, seed: 20261202 },
    );
  });
});
