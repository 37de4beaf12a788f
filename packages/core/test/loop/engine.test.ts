import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  type AnyLoopDefinition,
  InvalidArgumentError,
  LoopDefinitionError,
  LoopMismatchError,
  MalformedEventError,
  REFUSAL_CODES,
  type RefusalCode,
  ReplayError,
  SnapshotLoadError,
  type SnapshotMigration,
  availableEvents,
  createItem,
  defineLoop,
  disputeLoop,
  dueSoon,
  loadSnapshot,
  overdue,
  refusalMessage,
  replay,
  timeLeft,
  transition,
} from '@bihuan/core';
import { accept, clerk, mediator, PAYLOADS, send, supervisor, walkTo } from '../dispute/fixtures.js';
import { rectificationLoop, taskLoop } from './fixtures.js';

const at = (iso: string) => iso;
const hq = { id: 'hq', role: 'headquarters' } as const;
const officer = { id: 'officer-1', role: 'officer' } as const;
const newTask = () => createItem(taskLoop, { id: 'T-1', data: { taskId: 'catalog-17', officer: 'officer-1', feedbacks: 0, evidence: [] }, actor: hq, at: '2025-09-01T09:00:00+08:00' });

function refusedWith(result: ReturnType<typeof transition>, code: RefusalCode) {
  if (result.ok) return expect.fail(`expected ${code}, was accepted`);
  expect(result.reason.code).toBe(code);
  expect(result.reason.message['zh-CN']).not.toBe('');
  expect(result.reason.message.en).not.toBe('');
  return result.reason;
}

describe('refusals are values, one code per rule', () => {
  test('unknown_event', () => {
    const r = refusedWith(transition(disputeLoop, accept(), { type: 'approve' as 'route', actor: clerk, at: '2025-09-26T10:00:00+08:00' }), 'unknown_event');
    expect(r.message.en).toBe('"approve" is not an action of "dispute"');
  });
  test('not_allowed_in_state', () => {
    const r = refusedWith(transition(disputeLoop, accept(), { type: 'writeOff', actor: supervisor, at: '2025-09-26T10:00:00+08:00' }), 'not_allowed_in_state');
    expect(r).toMatchObject({ event: 'writeOff', state: 'received' });
    expect(r.message['zh-CN']).toBe('事项处于“已受理”状态，不能“销号”');
  });
  test('role_not_allowed', () => {
    const r = refusedWith(transition(disputeLoop, walkTo('pendingWriteOff'), { type: 'writeOff', actor: clerk, at: '2025-12-01T10:00:00+08:00' }), 'role_not_allowed');
    expect(r.message).toEqual({ 'zh-CN': '“受理员”无权“销号”', en: 'an intake clerk may not "write off"' });
  });
  test('field_missing: no payload, or a required field absent', () => {
    const item = walkTo('mediating');
    let r = refusedWith(transition(disputeLoop, item, { type: 'settle', actor: mediator, at: '2025-12-01T10:00:00+08:00' }), 'field_missing');
    expect(r.field).toBe('payload');
    r = refusedWith(transition(disputeLoop, item, { type: 'settle', actor: mediator, at: '2025-12-01T10:00:00+08:00', payload: { terms: ['降噪'], date: '2025-10-01' } as unknown }), 'field_missing');
    expect(r.field).toBe('consentedBy');
    expect(r.message.en).toBe('"record settlement" needs the field consentedBy');
  });
  test('field_invalid: a malformed field, or a payload where none is taken', () => {
    const item = walkTo('mediating');
    let r = refusedWith(transition(disputeLoop, item, { type: 'settle', actor: mediator, at: '2025-12-01T10:00:00+08:00', payload: { terms: ['降噪'], consentedBy: ['p1', 'p2'], date: '2025-02-30' } }), 'field_invalid');
    expect(r.field).toBe('date');
    r = refusedWith(transition(disputeLoop, item, { type: 'settle', actor: mediator, at: '2025-12-01T10:00:00+08:00', payload: { terms: ['  '], consentedBy: ['p1', 'p2'], date: '2025-10-01' } }), 'field_invalid');
    expect(r.field).toBe('terms[0]');
    r = refusedWith(transition(disputeLoop, walkTo('pendingWriteOff'), { type: 'writeOff', actor: supervisor, at: '2025-12-01T10:00:00+08:00', payload: { x: 1 } as unknown }), 'field_invalid');
    expect(r).toMatchObject({ field: 'payload', rule: 'no_payload' });
  });
  test('out_of_order: an event before the item’s last update', () => {
    const r = refusedWith(transition(disputeLoop, accept('D-1', '2025-09-26T09:00:00+08:00'), { type: 'route', actor: clerk, at: '2025-09-26T00:59:59Z', payload: PAYLOADS.route }), 'out_of_order');
    expect(r.rule).toBe('chronological');
  });
  test('guard_failed: the definition’s own rules, with rule and field', () => {
    const item = walkTo('mediating');
    let r = refusedWith(transition(disputeLoop, item, { type: 'settle', actor: mediator, at: '2025-12-01T10:00:00+08:00', payload: { ...(PAYLOADS.settle as object), consentedBy: ['p1'] } as unknown }), 'guard_failed');
    expect(r).toMatchObject({ rule: 'all_parties_consent', field: 'consentedBy' });
    expect(r.message['zh-CN']).toBe('被申请人李**尚未同意协议');
    r = refusedWith(transition(disputeLoop, accept(), { type: 'route', actor: clerk, at: '2025-09-26T10:00:00+08:00', payload: { departments: ['court'], joint: true } }), 'guard_failed');
    expect(r.rule).toBe('joint_needs_two');
    r = refusedWith(transition(disputeLoop, accept(), { type: 'route', actor: clerk, at: '2025-09-26T10:00:00+08:00', payload: { departments: ['court', 'mars'] } }), 'guard_failed');
    expect(r.rule).toBe('department_known');
    r = refusedWith(transition(disputeLoop, accept('D-9'), { type: 'merge', actor: clerk, at: '2025-09-26T10:00:00+08:00', payload: { into: 'D-9', reason: '重复' } }), 'guard_failed');
    expect(r.rule).toBe('merge_into_other');
    const exists = (id: string) => id === 'D-1';
    expect(transition(disputeLoop, accept('D-9'), { type: 'merge', actor: clerk, at: '2025-09-26T10:00:00+08:00', payload: { into: 'D-2', reason: '重复' } }, { disputeExists: exists }).ok).toBe(false);
    expect(transition(disputeLoop, accept('D-9'), { type: 'merge', actor: clerk, at: '2025-09-26T10:00:00+08:00', payload: { into: 'D-1', reason: '重复' } }, { disputeExists: exists }).ok).toBe(true);
    // A guard returning only a text gets the rule "guard".
    const rect = createItem(rectificationLoop, { id: 'R-1', data: { problem: '台账不全', measures: [], returned: 0, accountability: false }, actor: { id: 'o', role: 'owner' }, at: '2025-09-01T09:00:00+08:00' });
    r = refusedWith(transition(rectificationLoop, rect, { type: 'holdAccountable', actor: { id: 'i', role: 'inspector' }, at: '2025-09-02T09:00:00+08:00' }), 'guard_failed');
    expect(r).toMatchObject({ rule: 'guard', message: { en: 'not overdue: no accountability yet' } });
  });
  test('every code has a message in both languages', () => {
    for (const code of REFUSAL_CODES) {
      const m = refusalMessage(code, { loopId: 'dispute', eventType: 'route', field: 'x', at: 'a', lastAt: 'b' });
      expect(m['zh-CN']).toMatch(/\S/);
      expect(m.en).toMatch(/\S/);
    }
  });
});

describe('input that is not an event at all throws a typed error', () => {
  const item = accept();
  test.each([
    [null, 'event'],
    [{ actor: clerk, at: '2025-09-26T10:00:00Z' }, 'type'],
    [{ type: 'route', at: '2025-09-26T10:00:00Z' }, 'actor'],
    [{ type: 'route', actor: { role: 'intakeClerk' }, at: '2025-09-26T10:00:00Z' }, 'actor.id'],
    [{ type: 'route', actor: { id: 'x' }, at: '2025-09-26T10:00:00Z' }, 'actor.role'],
    [{ type: 'route', actor: clerk, at: '2025-09-26 10:00' }, 'at'],
    [{ type: 'route', actor: clerk, at: '2025-09-26T10:00:00' }, 'at'],
    [{ type: 'route', actor: clerk, at: '2025-09-26T10:00:00Z', note: 5 }, 'note'],
    [{ type: 'route', actor: clerk, at: '2025-09-26T10:00:00Z', attachments: 'scan.pdf' }, 'attachments'],
  ])('%j → %s', (event, field) => {
    try {
      transition(disputeLoop, item, event as never);
      expect.fail('did not throw');
    } catch (error) {
      expect(error).toBeInstanceOf(MalformedEventError);
      expect((error as MalformedEventError).field).toBe(field);
      expect((error as MalformedEventError).code).toBe('malformed_event');
    }
  });
  test('a snapshot of another loop, or not a snapshot', () => {
    expect(() => transition(taskLoop, accept() as never, { type: 'verify', actor: hq, at: '2025-09-26T10:00:00Z' })).toThrow(LoopMismatchError);
    expect(() => transition(disputeLoop, {} as never, { type: 'route', actor: clerk, at: '2025-09-26T10:00:00Z' })).toThrow(InvalidArgumentError);
  });
});

describe('transition is pure and keeps the history', () => {
  test('inputs are untouched; history records who, when, from, to, note, attachments and payload', () => {
    const item = accept();
    const frozen = structuredClone(item);
    const event = { type: 'route' as const, actor: { ...clerk, extra: 'not stored' }, at: '2025-09-26T10:00:00+08:00', payload: PAYLOADS.route, note: '五位一体', attachments: ['file:intake-scan.pdf'] };
    const result = transition(disputeLoop, item, event);
    expect(item).toEqual(frozen);
    if (!result.ok) return expect.fail('refused');
    expect(result.snapshot.history[1]).toEqual({ seq: 1, type: 'route', actor: clerk, at: '2025-09-26T10:00:00+08:00', from: 'received', to: 'routed', note: '五位一体', attachments: ['file:intake-scan.pdf'], payload: PAYLOADS.route });
    event.attachments.push('later.pdf');
    expect(result.snapshot.history[1]!.attachments).toEqual(['file:intake-scan.pdf']);
    expect(result.snapshot.history[0]).toBe(item.history[0]);
  });
  test('availableEvents lists what a role may send now', () => {
    expect(availableEvents(disputeLoop, accept(), 'intakeClerk')).toEqual(['route', 'withdraw', 'merge', 'linkDuplicate', 'decline', 'transfer']);
    expect(availableEvents(disputeLoop, accept(), 'departmentLiaison')).toEqual([]);
    expect(availableEvents(disputeLoop, walkTo('mediating'), 'mediator')).toEqual(['settle', 'refer', 'withdraw', 'assignHandler', 'reassignHandler']);
    expect(availableEvents(disputeLoop, walkTo('withdrawn'), 'supervisor')).toEqual([]);
  });
  test('a self-transition keeps the stage deadline; a new stage gets its own', () => {
    const routed = walkTo('routed');
    const supervised = send(routed, 'supervise', supervisor);
    expect(supervised.state).toBe('routed');
    expect(supervised.deadline).toBe(routed.deadline);
    expect(supervised.data.supervisions).toBe(1);
  });
});

describe('deadlines survive a reload and are judged without a clock', () => {
  const task = newTask(); // dispatched Monday 2025-09-01, 20 working days
  test('overdue, dueSoon and timeLeft are pure functions of the snapshot and now', () => {
    // The 20th working day is Sunday 09-28, a make-up working day.
    expect(task.deadline).toBe('2025-09-28T16:00:00.000Z');
    expect(overdue(task, '2025-09-28T23:59:59+08:00')).toBe(false);
    expect(overdue(task, '2025-09-29T00:00:00+08:00')).toBe(true);
    expect(dueSoon(task, '2025-09-27T09:00:00+08:00', { days: 2 })).toBe(true);
    expect(dueSoon(task, '2025-09-20T09:00:00+08:00', { days: 2 })).toBe(false);
    expect(dueSoon(task, '2025-10-01T09:00:00+08:00', { days: 2 })).toBe(false);
    expect(timeLeft(task, new Date('2025-09-28T15:00:00Z'))).toBe(3_600_000);
    const reloaded = loadSnapshot(taskLoop, JSON.stringify(task));
    expect(overdue(reloaded, Date.parse('2025-10-01T00:00:00Z'))).toBe(true);
    expect(() => overdue(task, 'tomorrow')).toThrow(InvalidArgumentError);
    expect(() => dueSoon(task, task.createdAt, { hours: -1 })).toThrow(InvalidArgumentError);
  });
  test('hours limits are exact; final states have no deadline', () => {
    const fed = transition(taskLoop, task, { type: 'feedBack', actor: officer, at: '2025-09-10T10:15:00+08:00', payload: { evidence: ['photo-1'] } });
    if (!fed.ok) return expect.fail('refused');
    expect(fed.snapshot.deadline).toBe('2025-09-12T02:15:00.000Z');
    const done = transition(taskLoop, fed.snapshot, { type: 'verify', actor: hq, at: '2025-09-11T10:00:00+08:00' });
    expect(done.ok && done.snapshot.deadline).toBeUndefined();
    expect(done.ok && overdue(done.snapshot, '2030-01-01T00:00:00Z')).toBe(false);
  });
});

describe('loading snapshots: validated whole, migrated or refused', () => {
  const item = walkTo('followUp');
  test('JSON text and objects load; a broken one is refused with its issues', () => {
    expect(loadSnapshot(disputeLoop, JSON.stringify(item))).toEqual(item);
    expect(() => loadSnapshot(disputeLoop, '{not json')).toThrow(expect.objectContaining({ code: 'snapshot_not_json' }));
    expect(() => loadSnapshot(taskLoop, item)).toThrow(expect.objectContaining({ code: 'snapshot_wrong_loop' }));
    expect(() => loadSnapshot(disputeLoop, { ...item, loop: { id: 'dispute', version: 2 } })).toThrow(expect.objectContaining({ code: 'snapshot_version_unsupported' }));
    const tampered = { ...item, state: 'closed' };
    try {
      loadSnapshot(disputeLoop, tampered);
      expect.fail('loaded');
    } catch (error) {
      expect(error).toBeInstanceOf(SnapshotLoadError);
      expect((error as SnapshotLoadError).issues.join()).toMatch(/state must be followUp/);
    }
    const badData = { ...item, data: { ...item.data, channel: 'fax' } };
    expect(() => loadSnapshot(disputeLoop, badData)).toThrow(/data\.channel/);
    const gap = { ...item, history: [item.history[0], item.history[2], item.history[3]] };
    expect(() => loadSnapshot(disputeLoop, gap)).toThrow(/seq must be 1/);
  });

  test('an older version is migrated step by step, or refused without a migration', () => {
    const v2 = defineLoop({ ...(taskLoop as AnyLoopDefinition), version: 2, data: z.object({ taskId: z.string(), officer: z.string(), feedbacks: z.int().min(0), evidence: z.array(z.string()), priority: z.enum(['normal', 'urgent']) }) });
    const old = JSON.parse(JSON.stringify(newTask()));
    expect(() => loadSnapshot(v2, old)).toThrow(expect.objectContaining({ code: 'snapshot_version_unsupported' }));
    const migrations: SnapshotMigration[] = [
      {
        from: 1,
        to: 2,
        migrate: (s) => {
          const addPriority = (d: object) => ({ ...d, priority: 'normal' });
          const history = (s.history as { payload?: { id: string; data: object } }[]).map((h, i) => (i === 0 ? { ...h, payload: { ...h.payload!, data: addPriority(h.payload!.data) } } : h));
          return { ...s, loop: { id: 'policing-task', version: 2 }, data: addPriority(s.data as object), history };
        },
      },
    ];
    const loaded = loadSnapshot(v2, old, migrations);
    expect(loaded.loop.version).toBe(2);
    expect(loaded.data.priority).toBe('normal');
    expect(old.loop.version).toBe(1); // the input is untouched
    expect(replay(v2, loaded.history)).toEqual(loaded);
    const careless: SnapshotMigration[] = [{ from: 1, to: 2, migrate: (s) => ({ ...s, loop: { id: 'policing-task', version: 2 } }) }];
    expect(() => loadSnapshot(v2, old, careless)).toThrow(/priority/);
  });
});

describe('replay', () => {
  test('rebuilds the snapshot from history alone, and refuses a history that does not replay', () => {
    const item = send(walkTo('followUp'), 'recordFollowUp', clerk, { method: 'phone', agreementKept: false, satisfaction: 'dissatisfied' });
    expect(replay(disputeLoop, item.history)).toEqual(item);
    expect(() => replay(disputeLoop, item.history.slice(1))).toThrow(ReplayError);
    const forged = item.history.map((h) => (h.type === 'writeOff' || h.seq !== 2 ? h : { ...h, actor: clerk }));
    expect(() => replay(disputeLoop, forged)).toThrow(expect.objectContaining({ seq: 2 }));
    expect(() => replay(disputeLoop, [])).toThrow(InvalidArgumentError);
  });
});

describe('definitions are checked when made', () => {
  const base = {
    id: 'mini',
    version: 1,
    data: z.object({}),
    initial: 'open',
    roles: { clerk: { label: { 'zh-CN': '办事员', en: 'clerk' } } },
    states: { open: { label: { 'zh-CN': '办理中', en: 'open' } }, done: { label: { 'zh-CN': '已办结', en: 'done' }, final: true } },
    events: { finish: { label: { 'zh-CN': '办结', en: 'finish' }, from: ['open'], to: 'done', roles: ['clerk'] } },
  } as const;
  test('a valid one is frozen plain data', () => {
    const def = defineLoop(base);
    expect(Object.isFrozen(def)).toBe(true);
    expect(JSON.parse(JSON.stringify(def.states))).toEqual(base.states);
  });
  test.each([
    ['a final state left without reopen', { events: { ...base.events, back: { label: base.events.finish.label, from: ['done'], to: 'open', roles: ['clerk'] } } }, /reopen/],
    ['a non-final state with no way out', { states: { ...base.states, stuck: { label: base.states.open.label } } }, /stuck has no event/],
    ['no final state', { states: { open: base.states.open }, events: { loop: { ...base.events.finish, to: 'open' } } }, /final state/],
    ['a limit of two kinds', { states: { ...base.states, open: { ...base.states.open, limit: { hours: 1, days: 1 } } } }, /limit/],
    ['an unknown role', { events: { finish: { ...base.events.finish, roles: ['boss'] } } }, /role boss/],
    ['an unknown target', { events: { finish: { ...base.events.finish, to: 'nowhere' } } }, /nowhere/],
    ['a reserved name', { events: { '@create': base.events.finish } }, /reserved/],
  ])('%s', (_name, change, message) => {
    expect(() => defineLoop({ ...base, ...change } as never)).toThrow(LoopDefinitionError);
    expect(() => defineLoop({ ...base, ...change } as never)).toThrow(message);
  });
  test('wrong names are TypeScript errors', () => {
    const typed = () => {
      // @ts-expect-error 'closed' is not a state of this loop
      defineLoop({ ...base, events: { finish: { ...base.events.finish, from: ['closed'] } } });
      // @ts-expect-error 'approve' is not an event of the dispute loop
      transition(disputeLoop, accept(), { type: 'approve', actor: clerk, at: '2025-09-26T10:00:00Z' });
      // @ts-expect-error 'judge' is not a role of the dispute loop
      availableEvents(disputeLoop, accept(), 'judge');
    };
    expect(typed).toBeTypeOf('function');
  });
  test('createItem checks the creator and the data', () => {
    expect(() => createItem(taskLoop, { id: 'T', data: { taskId: 't', officer: 'o', feedbacks: 0, evidence: [] }, actor: officer as never, at: at('2025-09-01T09:00:00Z') })).toThrow(/input\.actor\.role/);
    expect(() => createItem(taskLoop, { id: 'T', data: { taskId: 't', officer: 'o', feedbacks: -1, evidence: [] }, actor: hq, at: '2025-09-01T09:00:00Z' })).toThrow(/input\.data\.feedbacks/);
    expect(() => createItem(taskLoop, { id: '', data: { taskId: 't', officer: 'o', feedbacks: 0, evidence: [] }, actor: hq, at: '2025-09-01T09:00:00Z' })).toThrow(/input\.id/);
  });
});
