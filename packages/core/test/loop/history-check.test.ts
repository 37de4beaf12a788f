import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import {
  HistoryMismatchError,
  acceptDispute,
  chinaCalendar,
  checkAgainstHistory,
  createItem,
  createMemoryStore,
  deadlineProvisional,
  defineLoop,
  disputeLoop,
  disputeStoreSpec,
  InvalidArgumentError,
  loadSnapshot,
  recomputeDeadlines,
  transition,
  type DisputeItem,
} from '@bihuan/core';
import { clerk, mediator, noiseIntake, supervisor as head } from '../dispute/fixtures.js';

function send(item: DisputeItem, type: string, actor: { id: string; role: string }, at: string, payload?: unknown): DisputeItem {
  const r = transition(disputeLoop, item, (payload === undefined ? { type, actor, at } : { type, actor, at, payload }) as never);
  if (!r.ok) throw new Error(`${type}: ${r.reason.message.en}`);
  return r.snapshot;
}

/** A neighbours' noise dispute, from acceptance to write-off over a month, as a centre would run it. */
function closedDispute(id = 'D-2025-0101'): DisputeItem {
  let d = acceptDispute({ id, intake: noiseIntake(), actor: clerk, at: '2025-09-22T09:00:00+08:00' });
  d = send(d, 'route', clerk, '2025-09-22T11:00:00+08:00', { departments: ['residentsCommittee'], joint: false });
  d = send(d, 'mediate', mediator, '2025-09-24T09:30:00+08:00', { mode: 'atCentre', mediators: ['mediator-wang'] });
  d = send(d, 'settle', mediator, '2025-09-26T16:00:00+08:00', { terms: ['晚十点后不再装修'], consentedBy: ['p1', 'p2'], date: '2025-09-26' });
  d = send(d, 'recordFollowUp', clerk, '2025-10-20T10:00:00+08:00', { method: 'phone', agreementKept: true, satisfaction: 'satisfied' });
  return send(d, 'writeOff', head, '2025-10-21T09:00:00+08:00');
}

describe('stored data must equal what its history gives (checkAgainstHistory)', () => {
  test('an item as the engine made it agrees with its history', () => {
    const d = closedDispute();
    const r = checkAgainstHistory(disputeLoop, d);
    expect(r.ok && r.value).toEqual(d);
  });

  test('a closed dispute whose follow-ups were emptied is refused, naming the item and the field', () => {
    const d = closedDispute();
    const forged = { ...d, data: { ...d.data, followUps: [] } };
    const r = checkAgainstHistory(disputeLoop, forged);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatchObject({ rule: 'history_mismatch', item: 'D-2025-0101', field: 'data.followUps[0]' });
    expect(r.reason.message['zh-CN']).toContain('事项 D-2025-0101 的 data.followUps[0] 与其历史记录不符');
    expect(r.reason.message.en).toContain('item D-2025-0101: data.followUps[0] does not match its history');
    expect(() => { throw new HistoryMismatchError(r.reason); }).toThrow(expect.objectContaining({ code: 'history_mismatch', item: 'D-2025-0101' }));
  });

  test('a deadline moved to 2099 is refused, quoting both values', () => {
    const routed = send(acceptDispute({ id: 'D-2025-0102', intake: noiseIntake(), actor: clerk, at: '2025-09-22T09:00:00+08:00' }), 'route', clerk, '2025-09-22T11:00:00+08:00', { departments: ['residentsCommittee'], joint: false });
    const r = checkAgainstHistory(disputeLoop, { ...routed, deadline: '2099-12-31T16:00:00.000Z' });
    expect(r.ok ? undefined : r.reason).toMatchObject({ rule: 'history_mismatch', field: 'deadline' });
    expect(r.ok ? '' : r.reason.message.en).toContain(`stored "2099-12-31T16:00:00.000Z", the history gives "${routed.deadline}"`);
    const { deadline: _gone, ...dropped } = routed;
    expect(checkAgainstHistory(disputeLoop, dropped as DisputeItem)).toMatchObject({ ok: false, reason: { field: 'deadline' } });
  });

  test('a history entry that cannot be applied is named (history_unreplayable); nothing is changed', () => {
    const d = closedDispute();
    const history = d.history.map((e, i) => (i === 2 ? { ...e, payload: { mode: 'onTheMoon', mediators: ['mediator-wang'] } } : e));
    const forged = { ...d, history };
    const before = structuredClone(forged);
    const r = checkAgainstHistory(disputeLoop, forged);
    expect(r.ok ? undefined : r.reason).toMatchObject({ rule: 'history_unreplayable', item: 'D-2025-0101' });
    expect(r.ok ? '' : r.reason.field).toBe('history[2].payload.mode');
    expect(forged).toEqual(before);
  });

  test('guards are not run again: a history accepted under earlier rules still checks', () => {
    const spec = (guard: boolean) =>
      defineLoop({
        id: 'rule-change',
        version: 1,
        initial: 'open',
        roles: { clerk: { label: { 'zh-CN': '办事员', en: 'clerk' } } },
        states: { open: { label: { 'zh-CN': '办理中', en: 'open' } }, done: { label: { 'zh-CN': '已办结', en: 'done' }, final: true } },
        events: { finish: { label: { 'zh-CN': '办结', en: 'finish' }, from: ['open'], to: 'done', roles: ['clerk'], ...(guard ? { guard: () => ({ rule: 'new_rule', message: { 'zh-CN': '新规则', en: 'a new rule' } }) } : {}) } },
        data: z.object({ n: z.number() }),
      });
    const old = spec(false);
    const made = transition(old, createItem(old, { id: 'x', data: { n: 1 }, actor: { id: 'c', role: 'clerk' }, at: '2025-10-09T09:00:00+08:00' }), { type: 'finish', actor: { id: 'c', role: 'clerk' }, at: '2025-10-10T09:00:00+08:00' });
    expect(made.ok).toBe(true);
    expect(checkAgainstHistory(spec(true), made.ok ? JSON.parse(JSON.stringify(made.snapshot)) : undefined).ok).toBe(true);
  });

  test('loadSnapshot checks the history too (default on), naming the field', () => {
    const d = closedDispute();
    const forged = JSON.stringify({ ...d, data: { ...d.data, followUps: [] } });
    expect(() => loadSnapshot(disputeLoop, forged)).toThrow(expect.objectContaining({ code: 'snapshot_history_mismatch', issues: ['data.followUps[0]'] }));
    expect(loadSnapshot(disputeLoop, forged, [], { checkHistory: false }).data.followUps).toEqual([]);
    expect(loadSnapshot(disputeLoop, JSON.stringify(d))).toEqual(d);
    expect(() => loadSnapshot(disputeLoop, JSON.stringify(d), [], { checkHistory: { calendar: 'cn' } as never })).toThrow(/options.checkHistory/);
  });

  test('bad arguments throw typed errors naming them', () => {
    expect(() => checkAgainstHistory(disputeLoop, null as never)).toThrow(InvalidArgumentError);
    expect(() => checkAgainstHistory(disputeLoop, { ...closedDispute(), data: { parties: 5 } } as never)).toThrow(/snapshot\.data/);
  });
});

describe('restore checks every loop item against its history (on by default)', () => {
  test('a backup with a forged item is refused whole, naming the item and field; the store keeps what it held', async () => {
    const source = createMemoryStore(disputeStoreSpec);
    await source.put('disputes', closedDispute('D-2025-0101'));
    await source.put('disputes', closedDispute('D-2025-0102'));
    const dump = await source.dump();
    const target = createMemoryStore(disputeStoreSpec);
    await target.put('disputes', closedDispute('D-2025-0999'));
    const forged = structuredClone(dump);
    const list = forged.collections.disputes as DisputeItem[];
    list[1] = { ...list[1]!, data: { ...list[1]!.data, followUps: [] } };
    const error = await target.restore(forged).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_backup', details: { collection: 'disputes', key: 'D-2025-0102', path: 'data.followUps[0]' } });
    expect((error as { text(l: string): string }).text('zh-CN')).toContain('字段 data.followUps[0]');
    expect((await target.all('disputes')).items.map((d) => d.id)).toEqual(['D-2025-0999']);
    // The honest backup restores; a host can skip the check on purpose.
    expect((await target.restore(dump)).records).toEqual({ disputes: 2 });
    expect((await createMemoryStore(disputeStoreSpec).restore(forged, { checkHistory: false })).records).toEqual({ disputes: 2 });
    await expect(createMemoryStore(disputeStoreSpec).restore(dump, { checkHistory: 'yes' as never })).rejects.toMatchObject({ code: 'invalid_backup' });
  });

  test('deadlines counted on a host calendar are checked with that calendar', async () => {
    const notice = chinaCalendar.extend({ 2027: { holidays: { '元旦 New Year': ['2027-01-01'] }, workdays: ['2027-01-02'] } });
    const d = acceptDispute({ id: 'D-2026-0900', intake: noiseIntake(), actor: clerk, at: '2026-12-31T15:00:00+08:00' });
    const counted = recomputeDeadlines(disputeLoop, d, notice);
    const store = createMemoryStore(disputeStoreSpec);
    await store.put('disputes', counted);
    const dump = await store.dump();
    await expect(createMemoryStore(disputeStoreSpec).restore(dump)).rejects.toMatchObject({ details: { path: 'deadline' } });
    expect((await createMemoryStore(disputeStoreSpec).restore(dump, { checkHistory: { calendar: notice } })).records).toEqual({ disputes: 1 });
  });
});

describe('provisional deadlines and recomputeDeadlines', () => {
  test('a dispute accepted on 2026-12-31 is due after New Year (provisional) and is recounted when the notice arrives', () => {
    const d = acceptDispute({ id: 'D-2026-0901', intake: noiseIntake(), actor: clerk, at: '2026-12-31T15:00:00+08:00' });
    expect(d.deadline).toBe('2027-01-04T16:00:00.000Z'); // 01-01 statutory, 01-02/03 a weekend: Monday 01-04
    expect(deadlineProvisional(disputeLoop, d)).toBe(true);
    const inDecember = acceptDispute({ id: 'D-2026-0902', intake: noiseIntake(), actor: clerk, at: '2026-12-29T15:00:00+08:00' });
    expect(deadlineProvisional(disputeLoop, inDecember)).toBe(false); // counted on 2026's notice alone
    // The notice (here: 01-02, a Saturday, made a working day) moves it; the same calendar leaves it.
    const notice = chinaCalendar.extend({ 2027: { holidays: { '元旦 New Year': ['2027-01-01'] }, workdays: ['2027-01-02'] } });
    const recounted = recomputeDeadlines(disputeLoop, d, notice);
    expect(recounted.deadline).toBe('2027-01-02T16:00:00.000Z');
    expect(deadlineProvisional(disputeLoop, recounted, notice)).toBe(false);
    expect(recomputeDeadlines(disputeLoop, d, chinaCalendar)).toBe(d);
    expect(d.deadline).toBe('2027-01-04T16:00:00.000Z'); // pure
    // A self-transition keeps the stage's start: supervision does not restart the clock.
    const supervised = send(d, 'supervise', head, '2027-01-02T09:00:00+08:00', { instruction: '请尽快分流' });
    expect(recomputeDeadlines(disputeLoop, supervised, notice).deadline).toBe('2027-01-02T16:00:00.000Z');
    expect(checkAgainstHistory(disputeLoop, recomputeDeadlines(disputeLoop, supervised, notice), { calendar: notice }).ok).toBe(true);
  });

  test('bad calendars are refused, naming the argument', () => {
    const d = acceptDispute({ id: 'D-2026-0903', intake: noiseIntake(), actor: clerk, at: '2026-12-31T15:00:00+08:00' });
    expect(() => recomputeDeadlines(disputeLoop, d, {} as never)).toThrow(/argument calendar/);
    expect(() => recomputeDeadlines(disputeLoop, d, undefined as never)).toThrow(/argument calendar/);
    expect(() => deadlineProvisional(disputeLoop, d, 'cn' as never)).toThrow(/argument calendar/);
  });
});
