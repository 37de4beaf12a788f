// S3 Large-event security (大型活动安全许可): permits accepted 6 months ahead, one event, one
// filing, one plan; 192 events in 2025, all safe. Walked as the city's public-security bureau and
// an organizer would, through a store, then the out-of-rule variants: each refused by name, the
// store unchanged.
import { describe, expect, test } from 'vitest';
import { createMemoryStore, applyLoopEvent, type Store } from '@bihuan/core/store';
import {
  eventPermitLoop,
  eventPermitStore,
  fileEventPermitIn,
  filingWindow,
  lapsedFilings,
  summarizeEventPermits,
  type EventPermitCollections,
  type EventPermitItem,
} from '@bihuan/core/event-permit';
import { exampleEventPermits } from '@bihuan/core/examples';

const organizer = { id: 'org-qhd-sports', role: 'organizer', unit: '秦皇岛体育文化有限公司', name: '汪洋' } as const;
const reviewer = { id: 'police-zhian-07', role: 'reviewer', unit: '秦皇岛市公安局治安支队', name: '李卫东' } as const;
const on = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;
const marathon = {
  name: '2026秦皇岛海滨马拉松',
  kind: 'sports' as const,
  venue: '秦皇岛奥体中心',
  eventDate: '2026-10-18',
  expectedAttendance: 20_000,
  organizer: { name: '秦皇岛体育文化有限公司', contact: '汪洋', phone: '0335-1234567' },
};

async function snapshot(store: Store<EventPermitCollections>) {
  return JSON.stringify(await store.dump());
}
const send = (store: Store<EventPermitCollections>, id: string, type: string, at: string, payload?: unknown, actor: typeof reviewer | typeof organizer = reviewer) =>
  applyLoopEvent(store, 'permits', eventPermitLoop, id, { type, actor, at, ...(payload === undefined ? {} : { payload }) } as never);

describe('S3 large-event security: one event, one filing, one plan', () => {
  test('the source year: 192 events in 2025, every one filed in its window and held safely → 100%', () => {
    const year = exampleEventPermits(192, 2025);
    expect(summarizeEventPermits(year)).toMatchObject({ filings: 192, held: 192, heldSafely: 192, approvedLate: 0, incidents: 0, safeRate: '100%' });
    for (const item of year) expect(item.data.filedOn >= filingWindow(item.data.eventDate).opens).toBe(true);
  });

  test('a marathon filed in April, reviewed within 7 working days, approved, held and closed', async () => {
    const store = createMemoryStore(eventPermitStore);
    // Filings open 6 months ahead: 2026-04-18 for an event on 2026-10-18.
    expect(filingWindow(marathon.eventDate)).toEqual({ opens: '2026-04-18', closes: '2026-09-28' });
    const filed = await fileEventPermitIn(store, { id: 'EP-2026-0001', application: marathon, actor: organizer, at: on('2026-04-20', '09:30:00') });
    expect(filed.ok).toBe(true);
    const accepted = await send(store, 'EP-2026-0001', 'accept', on('2026-04-21', '15:00:00'));
    // 7 working days from Tuesday 04-21: to the end of Thursday 04-30.
    expect(accepted.ok && accepted.snapshot.deadline).toBe('2026-04-30T16:00:00.000Z');
    expect((await send(store, 'EP-2026-0001', 'submitPlan', on('2026-04-23'), { summary: '起终点安检、沿途分段疏导、医疗点 12 个', stewards: 600 }, organizer)).ok).toBe(true);
    expect((await send(store, 'EP-2026-0001', 'approve', on('2026-04-28', '16:00:00'))).ok).toBe(true);
    expect((await send(store, 'EP-2026-0001', 'recordHeld', on('2026-10-18', '14:00:00'), { attendance: 19_600, incidents: 0 })).ok).toBe(true);
    expect((await send(store, 'EP-2026-0001', 'close', on('2026-10-19', '10:00:00'))).ok).toBe(true);
    const { items } = await store.all('permits');
    expect(summarizeEventPermits(items)).toMatchObject({ held: 1, heldSafely: 1, safeRate: '100%' });
    expect(items[0]!.history.map((e) => e.actor.unit)).toEqual([organizer.unit, reviewer.unit, organizer.unit, reviewer.unit, reviewer.unit, reviewer.unit]);
  });

  test('out of rule: each refused by name, the store unchanged', async () => {
    const store = createMemoryStore(eventPermitStore);
    // Too early, too late: outside the window.
    expect(await fileEventPermitIn(store, { id: 'EP-x', application: marathon, actor: organizer, at: on('2026-04-17') })).toMatchObject({ ok: false, reason: { rule: 'filing_too_early' } });
    expect(await fileEventPermitIn(store, { id: 'EP-x', application: marathon, actor: organizer, at: on('2026-09-29') })).toMatchObject({ ok: false, reason: { rule: 'filing_too_late' } });
    expect(await store.count('permits')).toBe(0);
    await fileEventPermitIn(store, { id: 'EP-1', application: marathon, actor: organizer, at: on('2026-09-20') });
    // One event, one filing — even spelled with other spacing.
    const twin = await fileEventPermitIn(store, { id: 'EP-2', application: { ...marathon, name: '2026 秦皇岛 海滨马拉松' }, actor: organizer, at: on('2026-09-21') });
    expect(twin).toMatchObject({ ok: false, reason: { rule: 'one_filing_per_event' } });
    let before = await snapshot(store);
    // The filing waited: accepting or approving it on or after the event date is refused.
    expect(await send(store, 'EP-1', 'accept', on('2026-10-18', '08:00:00'))).toMatchObject({ ok: false, reason: { code: 'guard_failed', rule: 'accept_before_event' } });
    expect(await send(store, 'EP-1', 'expire', on('2026-10-17'))).toMatchObject({ ok: false, reason: { rule: 'expire_after_event' } });
    expect(await snapshot(store)).toBe(before);
    // It expires once the event date has come; it is never counted as held.
    const { items: open } = await store.all('permits');
    expect(lapsedFilings(open, '2026-10-18').map((i) => i.id)).toEqual(['EP-1']);
    expect((await send(store, 'EP-1', 'expire', on('2026-10-18', '00:10:00'))).ok).toBe(true);
    const { items } = await store.all('permits');
    expect(summarizeEventPermits(items)).toMatchObject({ expired: 1, held: 0, heldSafely: 0, safeRate: '—' });
    // Approval without a plan, approval after the fact, outcome before the event.
    await fileEventPermitIn(store, { id: 'EP-3', application: { ...marathon, eventDate: '2026-11-08', name: '海滨夜跑' }, actor: organizer, at: on('2026-09-01') });
    await send(store, 'EP-3', 'accept', on('2026-09-02'));
    before = await snapshot(store);
    expect(await send(store, 'EP-3', 'approve', on('2026-09-03'))).toMatchObject({ ok: false, reason: { rule: 'plan_required' } });
    await send(store, 'EP-3', 'submitPlan', on('2026-09-03'), { summary: '夜间照明与分段疏导', stewards: 120 }, organizer);
    before = await snapshot(store);
    expect(await send(store, 'EP-3', 'approve', on('2026-11-09'))).toMatchObject({ ok: false, reason: { rule: 'approve_before_event' } });
    expect(await send(store, 'EP-3', 'approve', on('2026-09-04'), undefined, organizer)).toMatchObject({ ok: false, reason: { code: 'role_not_allowed' } });
    expect(await snapshot(store)).toBe(before);
    await send(store, 'EP-3', 'approve', on('2026-09-04'));
    expect(await send(store, 'EP-3', 'recordHeld', on('2026-11-07'), { attendance: 900, incidents: 0 })).toMatchObject({ ok: false, reason: { rule: 'event_not_yet' } });
    // A hollow record or a filing listed twice is refused by the summary, not counted as held safely.
    expect(() => summarizeEventPermits([{ state: 'held', data: {} }] as never)).toThrow(/items\[0\]/);
    const all = (await store.all('permits')).items as EventPermitItem[];
    expect(() => summarizeEventPermits([...all, all[0]!])).toThrow(/twice/);
  });
});
