import { describe, expect, test } from 'vitest';
import {
  DISPUTE_RULES,
  DisputeSchema,
  applyDisputeEvent,
  checkIntake,
  createMemoryStore,
  disputeLoop,
  disputeStoreSpec,
  summarizeLedger,
  transition,
  type DisputeItem,
} from '@bihuan/core';
import { accept, clerk, mediator, noiseIntake, send, walkTo } from './fixtures.js';

const at = (item: DisputeItem, hours = 1) => new Date(Date.parse(item.updatedAt) + hours * 3_600_000).toISOString();
const refusalOf = (item: DisputeItem, type: string, payload: unknown, actor: { id: string; role: string } = clerk) => {
  const r = transition(disputeLoop, item, { type, actor, at: at(item), payload } as never);
  if (r.ok) expect.fail(`${type} was accepted`);
  return r.reason;
};

describe('不予受理 (decline) at intake', () => {
  test('a stated reason ends the dispute as declined, with its record', () => {
    const item = send(accept(), 'decline', clerk, { reason: 'inLitigation', advice: '振兴区人民法院（2025）辽0603民初1234号' });
    expect(item.state).toBe('declined');
    expect(item.data.declined).toMatchObject({ reason: 'inLitigation', advice: expect.stringContaining('法院'), by: clerk.id });
    expect(disputeLoop.states.declined.final).toBe(true);
  });

  test('each rule refuses in both languages, names its field, and leaves the record as it was', () => {
    const item = accept();
    const copy = structuredClone(item);
    const other = refusalOf(item, 'decline', { reason: 'other' });
    expect(other).toMatchObject({ code: 'guard_failed', rule: 'decline_detail', field: 'detail' });
    const court = refusalOf(item, 'decline', { reason: 'inArbitration' });
    expect(court).toMatchObject({ code: 'guard_failed', rule: 'decline_litigation_advice', field: 'advice' });
    for (const r of [other, court]) {
      expect(r.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(r.message.en).toMatch(/[a-z]/);
      expect(DISPUTE_RULES).toHaveProperty(r.rule!);
    }
    expect(refusalOf(item, 'decline', { reason: 'notAReason' })).toMatchObject({ code: 'field_invalid' });
    expect(item).toEqual(copy);
  });

  test('only before routing, and not by a mediator', () => {
    expect(refusalOf(walkTo('routed'), 'decline', { reason: 'outsideRemit' }).code).toBe('not_allowed_in_state');
    expect(refusalOf(accept(), 'decline', { reason: 'outsideRemit' }, mediator).code).toBe('role_not_allowed');
  });
});

describe('直接移交 (direct referral) before mediation', () => {
  test('who, why and when are kept; the dispute ends as referred elsewhere', () => {
    const item = send(walkTo('routed'), 'transfer', clerk, { to: '区劳动人事争议仲裁院', reason: '劳动争议须先经仲裁', date: '2025-09-26', reference: '振劳仲案字〔2025〕88号' });
    expect(item.state).toBe('transferred');
    expect(item.data.transfer).toMatchObject({ to: '区劳动人事争议仲裁院', date: '2025-09-26', by: clerk.id });
  });

  test('a body of the centre is routed to, not referred to; dates stay within the case', () => {
    const item = accept();
    expect(refusalOf(item, 'transfer', { to: '人民法院', reason: 'x', date: '2025-09-26' })).toMatchObject({ rule: 'transfer_outside_centre', field: 'to' });
    expect(refusalOf(item, 'transfer', { to: 'court', reason: 'x', date: '2025-09-26' })).toMatchObject({ rule: 'transfer_outside_centre' });
    expect(refusalOf(item, 'transfer', { to: '区仲裁院', reason: 'x', date: '2025-09-01' })).toMatchObject({ rule: 'date_after_acceptance', field: 'date' });
    expect(refusalOf(item, 'transfer', { to: '区仲裁院', reason: 'x', date: '2025-12-01' })).toMatchObject({ rule: 'date_not_after_event', field: 'date' });
    expect(refusalOf(walkTo('mediating'), 'transfer', { to: '区仲裁院', reason: 'x', date: '2025-09-26' }).code).toBe('not_allowed_in_state');
  });
});

describe('12345 hotline item number', () => {
  test('kept on the record when valid; a malformed one is a field problem in both languages', () => {
    expect(accept('D-H-1', undefined, { hotline: 'GD2025092600123' }).data.hotline).toBe('GD2025092600123');
    expect(accept('D-H-2').data.hotline).toBeNull();
    const bad = checkIntake(noiseIntake({ hotline: '12345' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues).toEqual([{ path: 'hotline', message: { 'zh-CN': expect.stringContaining('12345 工单号'), en: expect.stringContaining('12345 item number') } }]);
    for (const ok of ['RX-20250926001234', '202509260012']) expect(checkIntake(noiseIntake({ hotline: ok })).ok).toBe(true);
  });
});

describe('records from before still load', () => {
  test('a stored dispute without hotline, declined or transfer parses, and moves on', () => {
    const old = structuredClone(walkTo('received'));
    const data = old.data as Partial<DisputeItem['data']>;
    delete data.hotline;
    delete data.declined;
    delete data.transfer;
    const parsed = DisputeSchema.safeParse(old.data);
    expect(parsed.success && parsed.data).toMatchObject({ hotline: null, declined: null, transfer: null });
    expect(send(old, 'route', clerk).state).toBe('routed');
  });

  test('the ledger does not count a declined dispute as accepted, nor a referred-elsewhere one as open', () => {
    const items = [walkTo('received'), walkTo('declined', accept('D-2')), walkTo('transferred', accept('D-3'))];
    expect(summarizeLedger(items)).toMatchObject({ accepted: 2, declined: 1, transferred: 1, open: 1, resolutionRate: '0%' });
  });

  test('through the store, a refused decline writes nothing', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const item = accept();
    await store.put('disputes', item);
    const r = await applyDisputeEvent(store, item.id, { type: 'decline', actor: clerk, at: at(item), payload: { reason: 'other' } });
    expect(r.ok === false && r.reason).toMatchObject({ rule: 'decline_detail' });
    expect(await store.get('disputes', item.id)).toEqual(item);
  });
});
