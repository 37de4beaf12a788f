// The attachment rules hold on the store path, not only when a caller hands `transition` the
// item's attachments: `applyDisputeEvent` reads the dispute's attachments before a settlement and
// `applyTaskEvent` the order's before feedback — from `options.attachments`, or from the loop's own
// store when it keeps them — and with none found the rule refuses rather than being skipped. Each
// refusal is a value naming its rule and field, and the stores stay exactly as they were.
import { describe, expect, test } from 'vitest';
import {
  addAttachment,
  applyDisputeEvent,
  applyTaskEvent,
  attachmentCollections,
  attachmentStoreSpec,
  createMemoryStore,
  defineStore,
  disputeCollections,
  disputeStoreSpec,
  dispatchMonth,
  removeAttachment,
  taskStoreSpec,
  InvalidArgumentError,
  type AddAttachmentInput,
  type AttachmentStore,
  type DisputeStore,
  type TaskStore,
} from '@bihuan/core';
import { mediator, walkTo, PAYLOADS } from '../dispute/fixtures.js';
import { catalog, cityRoster, officer } from '../task/fixtures.js';

const DISPUTE = 'D-2025-0001';
const file = (text: string, type: string, name = 'f') => new File([new TextEncoder().encode(text)], name, { type });
const scanOf = (id: string, item = { kind: 'dispute', id: DISPUTE }, type: AddAttachmentInput['type'] = 'agreementScan'): AddAttachmentInput => ({
  id,
  item,
  type,
  addedBy: { id: mediator.id, role: 'mediator' },
  addedAt: '2025-09-26T10:00:00+08:00',
});

/** A dispute store holding one dispute in mediation, and an attachment store beside it. */
async function mediatingCase() {
  const disputes = createMemoryStore(disputeStoreSpec) as DisputeStore;
  const item = walkTo('mediating');
  await disputes.put('disputes', item);
  const attachments = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
  const settle = { type: 'settle', actor: mediator, at: new Date(Date.parse(item.updatedAt) + 3_600_000).toISOString(), payload: PAYLOADS.settle } as const;
  return { disputes, attachments, item, settle };
}

const stateOf = async (s: { dump(): Promise<unknown> }) => JSON.stringify(await s.dump());

describe('applyDisputeEvent: a settlement needs the signed agreement scan, on every call', () => {
  test('no attachment store given and none kept: refused (agreement_scan_required), nothing written', async () => {
    const { disputes, settle } = await mediatingCase();
    const before = await stateOf(disputes);
    const r = await applyDisputeEvent(disputes, DISPUTE, settle);
    expect(r.ok ? undefined : r.reason).toMatchObject({ code: 'guard_failed', rule: 'agreement_scan_required', field: 'document' });
    expect(r.ok ? '' : r.reason.message.en).toBe('attach the agreement scan signed by every party before recording the settlement');
    expect(await stateOf(disputes)).toBe(before);
  });

  test('with the attachment store: a photo alone is refused, a scan is accepted; a removed scan no longer counts', async () => {
    const { disputes, attachments, settle, item } = await mediatingCase();
    await addAttachment(attachments, scanOf('photo-1', undefined, 'photo'), file('jpeg', 'image/jpeg'));
    const before = await stateOf(disputes);
    const photoOnly = await applyDisputeEvent(disputes, DISPUTE, settle, undefined, { attachments });
    expect(photoOnly.ok ? undefined : photoOnly.reason.rule).toBe('agreement_scan_required');
    expect(await stateOf(disputes)).toBe(before);

    // A scan attached, then removed: still refused.
    await addAttachment(attachments, scanOf('scan-old'), file('first scan', 'application/pdf'));
    await removeAttachment(attachments, 'scan-old', { actor: { id: mediator.id, role: 'mediator' }, at: '2025-09-26T11:00:00+08:00' });
    expect((await applyDisputeEvent(disputes, DISPUTE, settle, undefined, { attachments })).ok).toBe(false);

    // The settlement's document must name the scan, not the photo.
    await addAttachment(attachments, scanOf('scan-1'), file('signed', 'application/pdf'));
    const wrongDoc = await applyDisputeEvent(disputes, DISPUTE, { ...settle, payload: { ...(PAYLOADS.settle as object), document: 'photo-1' } }, undefined, { attachments });
    expect(wrongDoc.ok ? undefined : wrongDoc.reason).toMatchObject({ rule: 'agreement_scan_required', field: 'document' });
    expect(await stateOf(disputes)).toBe(before);

    const r = await applyDisputeEvent(disputes, DISPUTE, { ...settle, payload: { ...(PAYLOADS.settle as object), document: 'scan-1' } }, undefined, { attachments });
    expect(r.ok).toBe(true);
    expect((await disputes.get('disputes', DISPUTE))?.state).toBe('followUp');
    expect((await disputes.get('disputes', DISPUTE))?.history.length).toBe(item.history.length + 1);
  });

  test('a list the caller passes does not override the stored attachments (a fake scan is not a scan)', async () => {
    const { disputes, attachments, settle } = await mediatingCase();
    const fake = [{ id: 'scan-x', item: { kind: 'dispute', id: DISPUTE }, type: 'agreementScan' as const, name: 'x.pdf', size: 1, mediaType: 'application/pdf', sha256: 'a'.repeat(64), addedBy: { id: 'm', role: 'mediator' }, addedAt: '2025-09-26T10:00:00+08:00' }];
    const r = await applyDisputeEvent(disputes, DISPUTE, settle, { attachments: fake }, { attachments });
    expect(r.ok ? undefined : r.reason.rule).toBe('agreement_scan_required');
    // Without a store to read, the caller's list is what there is (as `transition` takes it).
    expect((await applyDisputeEvent(disputes, DISPUTE, settle, { attachments: fake })).ok).toBe(true);
  });

  test('a store keeping disputes and attachments together is read by itself', async () => {
    const both = createMemoryStore(defineStore({ name: 'centre', collections: { ...disputeCollections(), ...attachmentCollections } }));
    const item = walkTo('mediating');
    await both.put('disputes', item);
    const settle = { type: 'settle', actor: mediator, at: new Date(Date.parse(item.updatedAt) + 3_600_000).toISOString(), payload: PAYLOADS.settle } as const;
    expect((await applyDisputeEvent(both as unknown as DisputeStore, DISPUTE, settle)).ok).toBe(false);
    await addAttachment(both as unknown as AttachmentStore, scanOf('scan-1'), file('signed', 'application/pdf'));
    expect((await applyDisputeEvent(both as unknown as DisputeStore, DISPUTE, settle)).ok).toBe(true);
  });

  test('an attachments option that keeps no attachment records is refused, naming it', async () => {
    const { disputes, settle } = await mediatingCase();
    const call = applyDisputeEvent(disputes, DISPUTE, settle, undefined, { attachments: disputes as never });
    await expect(call).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(call).rejects.toMatchObject({ argument: 'options.attachments' });
  });

  test('other events need no attachments (a referral, a withdrawal)', async () => {
    const { disputes, item } = await mediatingCase();
    const r = await applyDisputeEvent(disputes, DISPUTE, { type: 'refer', actor: mediator, at: new Date(Date.parse(item.updatedAt) + 3_600_000).toISOString(), payload: PAYLOADS.refer });
    expect(r.ok).toBe(true);
  });
});

describe('applyTaskEvent: feedback with evidence needs photos attached to the order, on every call', () => {
  const ORDER = '2025-10:visits:wang';
  async function visits() {
    const tasks = createMemoryStore(taskStoreSpec) as TaskStore;
    const order = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders.find((o) => o.id === ORDER)!;
    await tasks.put('orders', order);
    const attachments = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const feedback = (photos: string[]) => ({ type: 'feedback', actor: officer('wang'), at: '2025-10-10T09:00:00+08:00', payload: { values: { place: '文化里 3 号楼', photos } } }) as const;
    return { tasks, attachments, feedback };
  }
  const onOrder = (id: string, type: AddAttachmentInput['type']) => ({ ...scanOf(id, { kind: 'taskOrder', id: ORDER }, type), addedBy: { id: 'wang', role: 'officer' } });

  test('references that are not attachments of the order are refused (evidence_not_attached); nothing written', async () => {
    const { tasks, feedback } = await visits();
    const before = await stateOf(tasks);
    const r = await applyTaskEvent(tasks, ORDER, feedback(['IMG_0001.jpg', 'IMG_0002.jpg']));
    expect(r.ok ? undefined : r.reason).toMatchObject({ code: 'guard_failed', rule: 'evidence_not_attached', field: 'values.photos' });
    expect(await stateOf(tasks)).toBe(before);
  });

  test('attachments that are not photos are refused (photos_required); with a photo accepted', async () => {
    const { tasks, attachments, feedback } = await visits();
    await addAttachment(attachments, onOrder('doc-1', 'other'), file('minutes', 'application/pdf'));
    await addAttachment(attachments, onOrder('doc-2', 'notice'), file('notice', 'text/plain'));
    const before = await stateOf(tasks);
    const noPhoto = await applyTaskEvent(tasks, ORDER, feedback(['doc-1', 'doc-2']), undefined, { attachments });
    expect(noPhoto.ok ? undefined : noPhoto.reason).toMatchObject({ rule: 'photos_required', field: 'values.photos' });
    expect(await stateOf(tasks)).toBe(before);
    await addAttachment(attachments, onOrder('photo-1', 'photo'), file('jpeg bytes', 'image/jpeg'));
    const r = await applyTaskEvent(tasks, ORDER, feedback(['doc-1', 'photo-1']), undefined, { attachments, actor: { id: 'wang', role: 'officer' } });
    expect(r.ok).toBe(true);
    expect((await tasks.get('orders', ORDER))?.state).toBe('fedBack');
  });

  test('a bad store or id is refused in words', async () => {
    const { feedback } = await visits();
    await expect(applyTaskEvent({} as never, ORDER, feedback([]))).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(applyTaskEvent(createMemoryStore(taskStoreSpec) as TaskStore, '', feedback([]))).rejects.toMatchObject({ argument: 'id' });
  });
});
