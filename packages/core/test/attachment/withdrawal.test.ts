// Removing (withdrawing) an attachment added in error, on the local store: the same rules as the
// server's withdrawal endpoint (`checkRemoval`) — only the person who added it or a supervisor,
// never twice, and never a file a rule still needs: the signed scan of a settled dispute, a photo
// a task order's feedback cites. A refusal is a value naming its rule; the store stays as it was.
import { describe, expect, test } from 'vitest';
import {
  addAttachment,
  applyDisputeEvent,
  applyTaskEvent,
  attachmentCollections,
  attachmentStoreSpec,
  checkRemoval,
  checkWithdrawal,
  createMemoryStore,
  defineStore,
  dispatchMonth,
  disputeCollections,
  eventNeedsAttachments,
  listAttachments,
  readAttachment,
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
const AT = '2025-09-26T11:00:00+08:00';
const file = (text: string, type: string) => new File([new TextEncoder().encode(text)], 'f', { type });
const on = (id: string, type: AddAttachmentInput['type'], addedBy: { id: string; role: string } = { id: mediator.id, role: 'mediator' }): AddAttachmentInput => ({ id, item: { kind: 'dispute', id: DISPUTE }, type, name: `${id}.pdf`, addedBy, addedAt: '2025-09-26T10:00:00+08:00' });
const stateOf = async (s: { dump(): Promise<unknown> }) => JSON.stringify(await s.dump());

/** A store keeping the dispute and its files together, the dispute in mediation with a scan and a stray file. */
async function centre() {
  const store = createMemoryStore(defineStore({ name: 'centre', collections: { ...disputeCollections(), ...attachmentCollections } }));
  const item = walkTo('mediating');
  await store.put('disputes', item);
  const files = store as unknown as AttachmentStore;
  expect((await addAttachment(files, on('scan-1', 'agreementScan'), file('signed agreement', 'application/pdf'))).ok).toBe(true);
  expect((await addAttachment(files, on('stray', 'other', { id: 'clerk-zhou', role: 'intakeClerk' }), file('another case', 'application/pdf'))).ok).toBe(true);
  const settle = { type: 'settle', actor: mediator, at: new Date(Date.parse(item.updatedAt) + 3_600_000).toISOString(), payload: { ...(PAYLOADS.settle as object), document: 'scan-1' } } as const;
  return { store, files, disputes: store as unknown as DisputeStore, settle };
}

describe('removeAttachment: a file added in error is withdrawn, with who and why', () => {
  test('by whoever added it: the record stays marked (who, when, why), its bytes go, it is no longer live', async () => {
    const { files } = await centre();
    const r = await removeAttachment(files, 'stray', { actor: { id: 'clerk-zhou', role: 'intakeClerk' }, at: AT, reason: '传错了案件' });
    expect(r.ok ? r.value : r.reason).toMatchObject({ id: 'stray', removedAt: AT, removedBy: { id: 'clerk-zhou', role: 'intakeClerk' }, removedReason: '传错了案件' });
    expect(await readAttachment(files, 'stray')).toBeUndefined();
    expect((await listAttachments(files, { kind: 'dispute', id: DISPUTE }, { live: true })).map((a) => a.id)).toEqual(['scan-1']);
  });

  test('refused to others than the adder or a supervisor, and a second time; nothing changes', async () => {
    const { files, store } = await centre();
    const before = await stateOf(store);
    const other = await removeAttachment(files, 'stray', { actor: { id: mediator.id, role: 'mediator' }, at: AT });
    expect(other.ok ? undefined : other.reason).toMatchObject({ rule: 'remove_not_allowed', field: 'actor' });
    expect(await stateOf(store)).toBe(before);
    expect((await removeAttachment(files, 'stray', { actor: { id: 'sup-1', role: 'supervisor' }, at: AT, reason: '与本案无关' })).ok).toBe(true);
    const again = await removeAttachment(files, 'stray', { actor: { id: 'sup-1', role: 'supervisor' }, at: AT });
    expect(again.ok ? undefined : again.reason).toMatchObject({ rule: 'attachment_removed', field: 'attachmentId' });
  });

  test('a bad reason is refused in words, naming the field', async () => {
    const { files } = await centre();
    await expect(removeAttachment(files, 'stray', { actor: { id: 'clerk-zhou', role: 'intakeClerk' }, at: AT, reason: '' })).rejects.toMatchObject({ argument: 'input.reason' });
    await expect(removeAttachment(files, 'stray', { actor: { id: 'clerk-zhou', role: 'intakeClerk' }, at: AT }, null as never)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

describe('a file a rule still needs stays (attachment_still_needed)', () => {
  test('the signed scan of a settled dispute, read from the store that keeps the dispute; before the settlement it may go', async () => {
    const { files, disputes, store, settle } = await centre();
    expect((await applyDisputeEvent(disputes, DISPUTE, settle)).ok).toBe(true);
    const before = await stateOf(store);
    for (const actor of [{ id: mediator.id, role: 'mediator' }, { id: 'sup-1', role: 'supervisor' }]) {
      const r = await removeAttachment(files, 'scan-1', { actor, at: AT, reason: '想换一份' });
      expect(r.ok ? undefined : r.reason).toEqual({
        rule: 'attachment_still_needed',
        field: 'attachmentId',
        message: { 'zh-CN': '“scan-1.pdf”是本纠纷已达成协议的签字协议扫描件，不能删除', en: '"scan-1.pdf" is the signed agreement scan of this settled dispute: it stays' },
      });
    }
    expect(await stateOf(store)).toBe(before);

    const fresh = await centre();
    expect((await removeAttachment(fresh.files, 'scan-1', { actor: { id: mediator.id, role: 'mediator' }, at: AT, reason: '扫描不清' })).ok).toBe(true);
  });

  test('with a second scan on file and the settlement naming none, one of them may go; with an attachment store apart, the item comes as an option', async () => {
    const { files, disputes, store, settle } = await centre();
    expect((await addAttachment(files, on('scan-2', 'agreementScan'), file('second copy', 'application/pdf'))).ok).toBe(true);
    const undocumented = { ...settle, payload: PAYLOADS.settle };
    expect((await applyDisputeEvent(disputes, DISPUTE, undocumented)).ok).toBe(true);
    expect((await removeAttachment(files, 'scan-2', { actor: { id: mediator.id, role: 'mediator' }, at: AT })).ok).toBe(true);
    expect((await removeAttachment(files, 'scan-1', { actor: { id: mediator.id, role: 'mediator' }, at: AT })).ok).toBe(false);

    // The same judgement where the files are kept apart from the dispute: the host hands the item over.
    const apart = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    expect((await addAttachment(apart, on('scan-1', 'agreementScan'), file('signed agreement', 'application/pdf'))).ok).toBe(true);
    const settled = await store.get('disputes', DISPUTE);
    const r = await removeAttachment(apart, 'scan-1', { actor: { id: mediator.id, role: 'mediator' }, at: AT }, { item: settled });
    expect(r.ok ? undefined : r.reason.rule).toBe('attachment_still_needed');
  });

  test('a photo a task order’s feedback cites stays; an uncited one may go', async () => {
    const ORDER = '2025-10:visits:wang';
    const store = createMemoryStore(defineStore({ name: 'station', collections: { ...taskStoreSpec.collections, ...attachmentCollections } }));
    const order = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders.find((o) => o.id === ORDER)!;
    await store.put('orders', order);
    const files = store as unknown as AttachmentStore;
    const wang = { id: 'wang', role: 'officer' };
    for (const id of ['photo-1', 'photo-2', 'photo-3']) {
      expect((await addAttachment(files, { id, item: { kind: 'taskOrder', id: ORDER }, type: 'photo', addedBy: wang, addedAt: '2025-10-09T09:00:00+08:00' }, file(id, 'image/jpeg'))).ok).toBe(true);
    }
    const feedback = { type: 'feedback', actor: officer('wang'), at: '2025-10-10T09:00:00+08:00', payload: { values: { place: '文化里 3 号楼', photos: ['photo-1', 'photo-2'] } } } as const;
    const fed = await applyTaskEvent(store as unknown as TaskStore, ORDER, feedback, undefined, { actor: wang });
    expect(fed.ok ? 'accepted' : fed.reason).toBe('accepted');
    const before = await stateOf(store);
    const cited = await removeAttachment(files, 'photo-1', { actor: wang, at: AT });
    expect(cited.ok ? undefined : cited.reason).toMatchObject({ rule: 'attachment_still_needed', field: 'attachmentId' });
    expect(cited.ok ? '' : cited.reason.message.en).toBe('"f" is evidence this task\'s feedback cites: it stays');
    expect(await stateOf(store)).toBe(before);
    expect((await removeAttachment(files, 'photo-3', { actor: wang, at: AT })).ok).toBe(true);
  });
});

describe('the rules as functions', () => {
  test('which events read attachments, by loop', () => {
    expect(eventNeedsAttachments('dispute', 'settle')).toBe(true);
    expect(eventNeedsAttachments('dispute', 'refer')).toBe(false);
    expect(eventNeedsAttachments('task-order', 'feedback')).toBe(true);
    expect(eventNeedsAttachments('reception', 'feedback')).toBe(false);
    expect(eventNeedsAttachments('__proto__', 'settle')).toBe(false);
  });

  test('bad arguments are refused in words', () => {
    expect(() => checkWithdrawal({} as never, undefined, [])).toThrow(InvalidArgumentError);
    expect(() => checkRemoval({ id: 'a', item: { kind: 'dispute', id: 'D' }, type: 'photo', name: 'a.jpg', size: 1, mediaType: 'image/jpeg', sha256: 'a'.repeat(64), addedBy: { id: 'm', role: 'mediator' }, addedAt: AT }, { id: '', role: 'x' }, undefined, [])).toThrow(
      InvalidArgumentError,
    );
  });
});
