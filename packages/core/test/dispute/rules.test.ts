// The dispute loop's rules of who may act, when, and on what: one test per rule, each naming the
// refusal code and rule, each checking that a refusal leaves the record as it was.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  DISPUTE_RULES,
  InvalidArgumentError,
  applyDisputeEvent,
  createDisputeLoop,
  createMemoryStore,
  deadlineFor,
  disputeLoop,
  disputeStoreSpec,
  parseInstant,
  replay,
  summarizeLedger,
  transition,
  type DisputeEvent,
  type DisputeItem,
  type Refusal,
} from '@bihuan/core';
import { accept, clerk, liaison, mediator, PAYLOADS, send, supervisor, walkTo, type Who } from './fixtures.js';

const ACCEPTED_AT = '2025-11-03T09:00:00+08:00'; // a Monday
const outsider = { id: 'mediator-zhou', role: 'mediator' } as const;

/** The refusal of an event that must be refused; the input snapshot is checked unchanged. */
function refused(item: DisputeItem, type: DisputeEvent, actor: Who, at: string, payload: unknown = PAYLOADS[type], loop = disputeLoop): Refusal {
  const before = structuredClone(item);
  const r = transition(loop, item, payload === undefined ? { type, actor, at } : { type, actor, at, payload } as never);
  expect(item).toEqual(before);
  if (r.ok) return expect.fail(`${type} by ${actor.id} was accepted`);
  return r.reason;
}

function expectRule(reason: Refusal, rule: keyof typeof DISPUTE_RULES, field?: string) {
  expect(reason).toMatchObject({ code: 'guard_failed', rule, ...(field ? { field } : {}) });
  expect(reason.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  expect(reason.message.en).not.toMatch(/[\u4e00-\u9fff]{2}/);
  expect(Object.keys(DISPUTE_RULES)).toContain(rule);
}

const routed = () => send(accept('D-1', ACCEPTED_AT), 'route', clerk, PAYLOADS.route, '2025-11-03T10:00:00+08:00');
const mediating = (mediators: string[] = ['mediator-wang', 'liaison-court']) => send(routed(), 'mediate', mediator, { mode: 'atCentre', mediators }, '2025-11-04T09:30:00+08:00');
const settled = () => send(mediating(), 'settle', mediator, { terms: ['降低生活噪声'], consentedBy: ['p1', 'p2'], date: '2025-11-04' }, '2025-11-04T15:00:00+08:00');

describe('who may act', () => {
  test('liaison_unit_missing: a department liaison who does not say which body they act for cannot start mediation', () => {
    const r = refused(routed(), 'mediate', { id: 'liaison-court', role: 'departmentLiaison' }, '2025-11-04T09:00:00+08:00');
    expectRule(r, 'liaison_unit_missing', 'actor.unit');
  });

  test('liaison_unit_routed: the housing bureau’s liaison cannot mediate a dispute routed to the court and others', () => {
    const r = refused(routed(), 'mediate', { id: 'liaison-housing', role: 'departmentLiaison', unit: 'housing' }, '2025-11-04T09:00:00+08:00');
    expectRule(r, 'liaison_unit_routed', 'actor.unit');
    // The court's liaison may; the unit is kept in the history.
    const ok = send(routed(), 'mediate', liaison, { mode: 'atCentre', mediators: [] }, '2025-11-04T09:00:00+08:00');
    expect(ok.history.at(-1)!.actor).toEqual({ id: 'liaison-court', role: 'departmentLiaison', unit: 'court' });
    expect(ok.data.mediation!.mediators).toEqual(['liaison-court']);
  });

  test('mediator_on_panel: only a listed mediator records the settlement', () => {
    const item = mediating();
    expectRule(refused(item, 'settle', outsider, '2025-11-04T15:00:00+08:00'), 'mediator_on_panel', 'actor.id');
    // A liaison named on the panel may.
    expect(send(item, 'settle', liaison, { terms: ['降低生活噪声'], consentedBy: ['p1', 'p2'], date: '2025-11-04' }, '2025-11-04T15:00:00+08:00').state).toBe('followUp');
  });

  test('mediator_on_panel: only a listed mediator refers the dispute on; the centre’s head may too', () => {
    const item = mediating();
    const referral = { to: 'arbitration', reason: '一方拒绝调解', date: '2025-11-04' };
    expectRule(refused(item, 'refer', outsider, '2025-11-04T15:00:00+08:00', referral), 'mediator_on_panel');
    expect(send(item, 'refer', supervisor, referral, '2025-11-04T15:00:00+08:00').state).toBe('followUp');
  });

  test('mediator_on_panel: a mediator follows up only a dispute whose panel they sat on', () => {
    expectRule(refused(settled(), 'recordFollowUp', outsider, '2025-11-12T10:00:00+08:00'), 'mediator_on_panel');
    expect(send(settled(), 'recordFollowUp', mediator, PAYLOADS.recordFollowUp, '2025-11-12T10:00:00+08:00').state).toBe('pendingWriteOff');
  });

  test('mediator_on_panel: a mediator records a withdrawal only on a dispute they mediate', () => {
    expectRule(refused(routed(), 'withdraw', mediator, '2025-11-03T11:00:00+08:00'), 'mediator_on_panel');
    expect(send(mediating(), 'withdraw', mediator, PAYLOADS.withdraw, '2025-11-05T09:00:00+08:00').state).toBe('withdrawn');
    // The intake clerk and the head record withdrawals at any open stage.
    expect(send(routed(), 'withdraw', clerk, PAYLOADS.withdraw, '2025-11-03T11:00:00+08:00').state).toBe('withdrawn');
  });

  test('write_off_by_other: whoever recorded the follow-up does not also write the dispute off', () => {
    const followed = send(settled(), 'recordFollowUp', { id: 'head-gao', role: 'intakeClerk' }, PAYLOADS.recordFollowUp, '2025-11-12T10:00:00+08:00');
    expectRule(refused(followed, 'writeOff', supervisor, '2025-11-13T09:00:00+08:00'), 'write_off_by_other', 'actor.id');
    expect(send(followed, 'writeOff', { id: 'head-sun', role: 'supervisor' }, undefined, '2025-11-13T09:00:00+08:00').state).toBe('closed');
  });
});

describe('when', () => {
  test('follow_up_interval: a follow-up checks the agreement is kept, so not at the settlement’s instant nor within a week', () => {
    const item = settled(); // settled Tuesday 11-04 15:00
    expectRule(refused(item, 'recordFollowUp', clerk, '2025-11-04T15:00:00+08:00'), 'follow_up_interval');
    expectRule(refused(item, 'recordFollowUp', clerk, '2025-11-11T23:59:59+08:00'), 'follow_up_interval');
    expect(send(item, 'recordFollowUp', clerk, PAYLOADS.recordFollowUp, '2025-11-12T00:00:00+08:00').state).toBe('pendingWriteOff');
  });

  test('follow_up_interval: a centre sets its own interval; a referral has no agreement to wait on', () => {
    const loop = createDisputeLoop({ followUpAfter: { workingDays: 3 } });
    const item = settled();
    expectRule(refused(item, 'recordFollowUp', clerk, '2025-11-07T10:00:00+08:00', PAYLOADS.recordFollowUp, loop), 'follow_up_interval');
    expect(transition(loop, item, { type: 'recordFollowUp', actor: clerk, at: '2025-11-08T00:00:00+08:00', payload: PAYLOADS.recordFollowUp }).ok).toBe(true);
    expect(() => createDisputeLoop({ followUpAfter: { weeks: 1 } as never })).toThrow(InvalidArgumentError);
    const referred = send(mediating(), 'refer', mediator, { to: 'fastTrackCourt', reason: '拒绝调解', date: '2025-11-04' }, '2025-11-04T15:00:00+08:00');
    expect(send(referred, 'recordFollowUp', clerk, { method: 'phone', agreementKept: null, satisfaction: 'satisfied' }, '2025-11-04T16:00:00+08:00').state).toBe('pendingWriteOff');
  });

  test('date_not_after_event: a settlement dated 2099, or later than the day it is recorded, is refused', () => {
    const item = mediating();
    const settle = (date: string) => ({ terms: ['降低生活噪声'], consentedBy: ['p1', 'p2'], date });
    expectRule(refused(item, 'settle', mediator, '2025-11-04T15:00:00+08:00', settle('2099-01-01')), 'date_not_after_event', 'date');
    expectRule(refused(item, 'settle', mediator, '2025-11-04T23:59:00+08:00', settle('2025-11-05')), 'date_not_after_event', 'date');
    // China time decides the day: 16:30 UTC on 11-04 is already 11-05 in Dandong.
    expect(transition(disputeLoop, item, { type: 'settle', actor: mediator, at: '2025-11-04T16:30:00Z', payload: settle('2025-11-05') }).ok).toBe(true);
  });

  test('date_after_acceptance: a settlement or referral dated before the dispute was accepted is refused', () => {
    const item = mediating();
    expectRule(refused(item, 'settle', mediator, '2025-11-04T15:00:00+08:00', { terms: ['x'], consentedBy: ['p1', 'p2'], date: '2025-11-02' }), 'date_after_acceptance', 'date');
    expectRule(refused(item, 'refer', mediator, '2025-11-04T15:00:00+08:00', { to: 'arbitration', reason: '拒绝调解', date: '2025-10-31' }), 'date_after_acceptance', 'date');
  });

  test('re-routing to a new body restarts the stage’s limit for it; a change of lead or a supervision does not', () => {
    const item = routed(); // Monday 11-03 10:00: two working days, to the end of Wednesday 11-05
    expect(item.deadline).toBe('2025-11-05T16:00:00.000Z');
    const rerouted = send(item, 'route', clerk, { departments: ['housing'] }, '2025-11-05T11:00:00+08:00');
    expect(rerouted.deadline).toBe(deadlineFor({ workingDays: 2 }, parseInstant('2025-11-05T11:00:00+08:00')));
    expect(rerouted.deadline).toBe('2025-11-07T16:00:00.000Z');
    const lead = send(item, 'route', clerk, { ...(PAYLOADS.route as object), lead: 'court' }, '2025-11-05T11:00:00+08:00');
    expect(lead.deadline).toBe(item.deadline);
    expect(send(item, 'supervise', supervisor, PAYLOADS.supervise, '2025-11-05T11:00:00+08:00').deadline).toBe(item.deadline);
    // The rebuilt record agrees.
    expect(replay(disputeLoop, rerouted.history)).toEqual(rerouted);
  });
});

describe('merges never lose a dispute', () => {
  const at = (day: number, hour = 10) => `2025-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  const merge = (into: string, day = 4, who: Who = clerk) => ({ type: 'merge' as const, actor: who, at: at(day), payload: { into, reason: '同一纠纷重复登记' } });
  const unmerge = (day = 5, who: Who = supervisor) => ({ type: 'unmerge' as const, actor: who, at: at(day), payload: { reason: '并非同一纠纷，误合并' } });

  async function ledger(...ids: string[]) {
    const store = createMemoryStore(disputeStoreSpec);
    for (const id of ids) await store.add('disputes', accept(id, ACCEPTED_AT));
    const get = async (id: string) => (await store.get('disputes', id)) as DisputeItem;
    return { store, get };
  }

  test('merge_into_other, merge_cycle, duplicates_attached: what the records themselves tell', () => {
    expectRule(refused(accept('A'), 'merge', clerk, at(4), { into: 'A', reason: '重复' }), 'merge_into_other', 'into');
    // B lists A as its duplicate: B cannot be merged into A, nor anywhere else while it holds one.
    const b = send(accept('B', ACCEPTED_AT), 'linkDuplicate', clerk, { duplicate: 'A', reason: '重复' }, at(4));
    expect(b.data.duplicates).toEqual([{ id: 'A', reason: '重复' }]);
    expectRule(refused(b, 'merge', clerk, at(5), { into: 'A', reason: '重复' }), 'merge_cycle', 'into');
    expectRule(refused(b, 'merge', clerk, at(5), { into: 'C', reason: '重复' }), 'duplicates_attached', 'into');
    expectRule(refused(b, 'linkDuplicate', clerk, at(5), { duplicate: 'A', reason: '重复' }), 'duplicate_listed', 'duplicate');
    expectRule(refused(b, 'unlinkDuplicate', supervisor, at(5), { duplicate: 'X', reason: '误' }), 'duplicate_not_listed', 'duplicate');
  });

  test('a merge writes both records: the duplicate points to its original, the original lists its duplicate', async () => {
    const { store, get } = await ledger('A', 'B');
    const r = await applyDisputeEvent(store, 'A', merge('B'));
    expect(r.ok).toBe(true);
    const [a, b] = [await get('A'), await get('B')];
    expect(a).toMatchObject({ state: 'merged', data: { mergedInto: { id: 'B', reason: '同一纠纷重复登记' } } });
    expect(b).toMatchObject({ state: 'received', data: { duplicates: [{ id: 'A', reason: '同一纠纷重复登记' }] } });
    expect(b.history.at(-1)).toMatchObject({ type: 'linkDuplicate', actor: clerk, from: 'received', to: 'received' });
    expect(r.ok && r.original).toEqual(b);
    expect(replay(disputeLoop, b.history)).toEqual(b);
    expect(summarizeLedger([a, b])).toMatchObject({ accepted: 1, merged: 1 });
  });

  test('merge_cycle and merge_chain: B into A after A into B, and C into the merged A, are refused and write nothing', async () => {
    const { store, get } = await ledger('A', 'B', 'C');
    await applyDisputeEvent(store, 'A', merge('B'));
    const before = [await get('A'), await get('B'), await get('C')];
    const cycle = await applyDisputeEvent(store, 'B', merge('A', 5));
    expect(cycle.ok === false && cycle.reason).toMatchObject({ code: 'guard_failed', rule: 'merge_cycle', field: 'into' });
    const chain = await applyDisputeEvent(store, 'C', merge('A', 5));
    expect(chain.ok === false && chain.reason).toMatchObject({ code: 'guard_failed', rule: 'merge_chain', field: 'into' });
    const gone = await applyDisputeEvent(store, 'C', merge('Z', 5));
    expect(gone.ok === false && gone.reason).toMatchObject({ code: 'guard_failed', rule: 'original_exists' });
    expect([await get('A'), await get('B'), await get('C')]).toEqual(before);
  });

  test('original_open: nothing is merged into a written-off or withdrawn case', async () => {
    const { store, get } = await ledger('A', 'W');
    await store.put('disputes', walkTo('closed', accept('C'))); // the noise case, written off in October
    await applyDisputeEvent(store, 'W', { type: 'withdraw', actor: clerk, at: at(4), payload: { reason: '自行和解' } });
    for (const into of ['C', 'W']) {
      const r = await applyDisputeEvent(store, 'A', merge(into, 20));
      expect(r.ok === false && r.reason).toMatchObject({ code: 'guard_failed', rule: 'original_open', field: 'into' });
    }
    expect((await get('A')).state).toBe('received');
  });

  test('a supervisor undoes a merge with a reason: the duplicate is back where it was, the original lets it go', async () => {
    const { store, get } = await ledger('A', 'B');
    await applyDisputeEvent(store, 'A', { type: 'route', actor: clerk, at: at(3, 11), payload: { departments: ['housing'] } });
    await applyDisputeEvent(store, 'A', merge('B'));
    const clerkTry = await applyDisputeEvent(store, 'A', unmerge(5, clerk));
    expect(clerkTry.ok === false && clerkTry.reason.code).toBe('role_not_allowed');
    const noReason = await applyDisputeEvent(store, 'A', { ...unmerge(), payload: {} });
    expect(noReason.ok === false && noReason.reason).toMatchObject({ code: 'field_missing', field: 'reason' });
    const r = await applyDisputeEvent(store, 'A', unmerge());
    expect(r.ok).toBe(true);
    const [a, b] = [await get('A'), await get('B')];
    expect(a).toMatchObject({ state: 'routed', data: { mergedInto: null, routing: { departments: ['housing'] } } });
    expect(a.history.at(-1)).toMatchObject({ type: 'unmerge', from: 'merged', to: 'routed', payload: { reason: '并非同一纠纷，误合并' } });
    expect(b.data.duplicates).toEqual([]);
    expect(b.history.map((h) => h.type)).toEqual(['@create', 'linkDuplicate', 'unlinkDuplicate']);
    expect(replay(disputeLoop, a.history)).toEqual(a);
    expect(summarizeLedger([a, b])).toMatchObject({ accepted: 2, merged: 0 });
  });

  test('original_open: a merge into a case since written off is undone only once the original is reopened', async () => {
    const { store, get } = await ledger('A');
    await store.put('disputes', walkTo('pendingWriteOff', accept('B')));
    const b0 = await get('B');
    await applyDisputeEvent(store, 'A', merge('B', 20));
    await applyDisputeEvent(store, 'B', { type: 'writeOff', actor: supervisor, at: at(21) });
    const refusedUndo = await applyDisputeEvent(store, 'A', unmerge(22));
    expect(refusedUndo.ok === false && refusedUndo.reason).toMatchObject({ code: 'guard_failed', rule: 'original_open' });
    expect((await get('A')).state).toBe('merged');
    await applyDisputeEvent(store, 'B', { type: 'reopen', actor: supervisor, at: at(22), payload: { reason: '合并有误，重新调解' } });
    expect((await applyDisputeEvent(store, 'A', unmerge(23))).ok).toBe(true);
    expect((await get('B')).data.duplicates).toEqual(b0.data.duplicates);
  });

  test('all or nothing: when the original refuses its side, the duplicate is not merged either', async () => {
    const { store, get } = await ledger('A', 'B');
    // B was last changed on 11-10; a merge dated 11-05 cannot be written into B's history.
    await applyDisputeEvent(store, 'B', { type: 'supervise', actor: supervisor, at: at(10), payload: { instruction: '请尽快分流' } });
    const before = [await get('A'), await get('B')];
    const r = await applyDisputeEvent(store, 'A', merge('B', 5));
    expect(r.ok === false && r.reason).toMatchObject({ code: 'out_of_order', event: 'linkDuplicate' });
    expect([await get('A'), await get('B')]).toEqual(before);
  });

  test('the ledger counts a merge cycle written before these rules as accepted, not as two duplicates', () => {
    // Pure transitions without the ledger at hand cannot see the other record.
    const a = send(accept('A', ACCEPTED_AT), 'merge', clerk, { into: 'B', reason: '重复' }, at(4));
    const b = send(accept('B', ACCEPTED_AT), 'merge', clerk, { into: 'A', reason: '重复' }, at(4));
    expect(summarizeLedger([a, b])).toMatchObject({ accepted: 2, merged: 0, open: 2 });
    expect(summarizeLedger([a, accept('B', ACCEPTED_AT)])).toMatchObject({ accepted: 1, merged: 1 });
  });

  test('property: no sequence of merges and undos makes a dispute disappear from the ledger', async () => {
    const IDS = ['A', 'B', 'C', 'D'];
    const step = fc.record({ undo: fc.boolean(), from: fc.constantFrom(...IDS), into: fc.constantFrom(...IDS) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const { store } = await ledger(...IDS);
        let hour = 0;
        for (const s of steps) {
          hour++;
          const when = new Date(Date.parse('2025-11-04T01:00:00Z') + hour * 3_600_000).toISOString();
          const event = s.undo
            ? { type: 'unmerge' as const, actor: supervisor, at: when, payload: { reason: '误合并' } }
            : { type: 'merge' as const, actor: clerk, at: when, payload: { into: s.into, reason: '重复' } };
          await applyDisputeEvent(store, s.from, event);
        }
        const { items } = await store.all('disputes');
        const all = items as DisputeItem[];
        const byId = new Map(all.map((d) => [d.id, d]));
        const summary = summarizeLedger(all);
        expect(summary.accepted + summary.merged).toBe(IDS.length);
        expect(summary.accepted).toBeGreaterThanOrEqual(1);
        for (const d of all) {
          // Every duplicate points at a counted original, which lists it back; every record replays.
          if (d.state === 'merged') {
            const original = byId.get(d.data.mergedInto!.id)!;
            expect(original.state).not.toBe('merged');
            expect(original.data.duplicates.map((x) => x.id)).toContain(d.id);
          }
          for (const dup of d.data.duplicates) expect(byId.get(dup.id)!.data.mergedInto?.id).toBe(d.id);
          expect(replay(disputeLoop, d.history)).toEqual(d);
        }
      }),
      { numRuns: 150, seed: 20251103 },
    );
  });
});
