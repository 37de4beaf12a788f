import { describe, expect, test } from 'vitest';
import { acceptDispute, transition, disputeLoop, watchDueNotices, type DisputeItem, type Notice } from '@bihuan/core';
import { expectInvalidArgument } from '../support/invalid-argument.js';

const clerk = { id: 'clerk-wu', role: 'intakeClerk' } as const;
const intake = (n: number) => ({ title: `楼上漏水纠纷 ${n}`, category: 'leak' as const, description: '楼上漏水', channel: 'walkIn' as const, town: '站前街道', community: '锦绣社区', parties: [{ id: 'p1', side: 'applicant' as const, name: '王秀兰', phone: '13800000001' }], reportedBy: null });
function routed(id: string, at: string): DisputeItem {
  const item = acceptDispute({ id, intake: intake(1), actor: clerk, at });
  const r = transition(disputeLoop, item, { type: 'route', actor: clerk, at, payload: { departments: ['housing'] } } as never);
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.snapshot as DisputeItem;
}

describe('watchDueNotices: deadline notices without the host’s own loop', () => {
  // Accepted and routed on Monday 2026-11-30 at 09:00: the routed stage (2 working days) ends 2026-12-01 24:00.
  const a = routed('D-1', '2026-11-30T09:00:00+08:00');
  const b = acceptDispute({ id: 'D-2', intake: intake(2), actor: clerk, at: '2026-11-30T10:00:00+08:00' });

  test('each due-soon notice goes out once per stage deadline, however often it looks', async () => {
    // D-2 (accepted Monday 10:00) is due at 2026-12-01 24:00; D-1 (routed to housing) at 2026-12-02 24:00.
    let items: DisputeItem[] = [a, b];
    const got: Notice[] = [];
    const seen = () => got.map((n) => `${n.key}:${n.itemId}→${n.recipient.kind === 'department' ? n.recipient.departmentId : n.recipient.kind}`);
    const watch = watchDueNotices({ read: () => items, onNotice: (n) => void got.push(n), start: false });
    expect(watch.running).toBe(false);
    expect((await watch.check('2026-11-30T12:00:00+08:00')).delivered).toBe(0);
    expect((await watch.check('2026-12-01T08:00:00+08:00')).delivered).toBe(1);
    expect((await watch.check('2026-12-01T09:00:00+08:00')).delivered).toBe(0);
    expect(seen()).toEqual(['dispute.dueSoon:D-2→centre']);
    // D-2 routed to the court: a new stage, a new deadline (2026-12-03 24:00), a new notice when it comes near.
    const r = transition(disputeLoop, b, { type: 'route', actor: clerk, at: '2026-12-01T09:30:00+08:00', payload: { departments: ['court'] } } as never);
    if (!r.ok) throw new Error(r.reason.message.en);
    items = [a, r.snapshot as DisputeItem];
    await watch.check('2026-12-02T09:00:00+08:00');
    await watch.check('2026-12-02T10:00:00+08:00');
    expect(seen()).toEqual(['dispute.dueSoon:D-2→centre', 'dispute.dueSoon:D-1→housing']);
    await watch.check('2026-12-03T09:00:00+08:00');
    expect(seen()).toEqual(['dispute.dueSoon:D-2→centre', 'dispute.dueSoon:D-1→housing', 'dispute.dueSoon:D-2→court']);
  });

  test('a failing read or gateway is reported, never thrown; the timer runs and stops', async () => {
    const errors: unknown[] = [];
    const failing = watchDueNotices({ read: () => Promise.reject(new Error('store closed')), onNotice: () => {}, onError: (e) => void errors.push(e), start: false });
    expect(await failing.check('2026-12-01T08:00:00+08:00')).toEqual({ delivered: 0, failed: [] });
    const gateway = watchDueNotices({ read: () => [a], onNotice: () => { throw new Error('SMS down'); }, onError: (e) => void errors.push(e), start: false });
    const r = await gateway.check('2026-12-02T09:00:00+08:00');
    expect(r.failed).toHaveLength(1);
    expect(errors.map((e) => (e as Error).message)).toEqual(['store closed', 'SMS down']);
    const got: Notice[] = [];
    const running = watchDueNotices({ read: () => [a], onNotice: (n) => void got.push(n), clock: () => '2026-12-02T09:00:00+08:00' });
    expect(running.running).toBe(true);
    running.stop();
    expect(running.running).toBe(false);
    // The check made at start (with the given clock) still delivers.
    await running.check();
    expect(got.length).toBeGreaterThanOrEqual(1);
  });

  test('bad options are refused at once with typed errors', () => {
    expectInvalidArgument(() => watchDueNotices(null as never), 'options');
    expectInvalidArgument(() => watchDueNotices({ read: 'items', onNotice: () => {} } as never), 'options.read');
    expectInvalidArgument(() => watchDueNotices({ read: () => [], onNotice: () => {}, everyMinutes: 0 }), 'options.everyMinutes');
    expectInvalidArgument(() => watchDueNotices({ read: () => [], onNotice: () => {}, within: { hours: -1 } }), 'within.hours');
  });
});
