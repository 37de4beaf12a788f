// Attachments as records: a file's record and its bytes, refused as values (size, format,
// duplicates by hash, who may remove), and the loops' rules that need them: a settlement needs a
// signed agreement scan, a task's evidence field needs a photo attached to the order.
import { describe, expect, test } from 'vitest';
import {
  addAttachment,
  attachmentStoreSpec,
  createMemoryStore,
  disputeLoop,
  dispatchMonth,
  listAttachments,
  MAX_ATTACHMENT_BYTES,
  readAttachment,
  removeAttachment,
  sha256Of,
  taskOrderLoop,
  transition,
  type AddAttachmentInput,
  type Attachment,
  type AttachmentStore,
} from '@bihuan/core';
import { mediator, walkTo, PAYLOADS } from '../dispute/fixtures.js';
import { catalog, cityRoster, officer } from '../task/fixtures.js';

const li = { id: 'mediator-li', role: 'mediator', name: '李调解员' };
const store = () => createMemoryStore(attachmentStoreSpec) as AttachmentStore;
const file = (text: string, type: string, name = 'f') => new File([new TextEncoder().encode(text)], name, { type });
const input = (over: Partial<AddAttachmentInput> = {}): AddAttachmentInput => ({
  id: 'att-1',
  item: { kind: 'dispute', id: 'D-2025-0001' },
  type: 'agreementScan',
  addedBy: li,
  addedAt: '2025-09-26T10:00:00+08:00',
  ...over,
});

async function snapshot(s: AttachmentStore) {
  return { records: (await s.all('attachments')).items, log: await s.lastSeq() };
}

describe('SHA-256 with Web Crypto', () => {
  test('the FIPS 180-2 vectors', async () => {
    expect(await sha256Of(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Of(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('adding a file', () => {
  test('the record says what the file is, who added it and when; the bytes come back equal', async () => {
    const s = store();
    const r = await addAttachment(s, input(), file('signed agreement', 'application/pdf', '协议书.pdf'));
    expect(r.ok).toBe(true);
    const rec = r.ok ? r.value : undefined;
    expect(rec).toMatchObject({ id: 'att-1', type: 'agreementScan', name: '协议书.pdf', size: 16, mediaType: 'application/pdf', addedBy: li, addedAt: '2025-09-26T10:00:00+08:00' });
    expect(rec!.sha256).toBe(await sha256Of(new TextEncoder().encode('signed agreement')));
    const back = await readAttachment(s, 'att-1');
    expect(back?.type).toBe('application/pdf');
    expect(await back!.text()).toBe('signed agreement');
    expect(await listAttachments(s, { kind: 'dispute', id: 'D-2025-0001' })).toEqual([rec]);
  });

  test('the same bytes twice on one item are refused (duplicate_attachment); nothing is stored', async () => {
    const s = store();
    await addAttachment(s, input(), file('scan', 'application/pdf', 'a.pdf'));
    const before = await snapshot(s);
    const r = await addAttachment(s, input({ id: 'att-2', type: 'other' }), file('scan', 'application/pdf', 'copy.pdf'));
    expect(r.ok ? undefined : r.reason).toMatchObject({ rule: 'duplicate_attachment', field: 'sha256' });
    expect(r.ok ? '' : r.reason.message['zh-CN']).toContain('“a.pdf”');
    expect(r.ok ? '' : r.reason.message.en).toContain('"a.pdf"');
    expect(await snapshot(s)).toEqual(before);
    expect(await s.getBlob('att-2')).toBeUndefined();
    // On another item the same file is welcome; once removed, it may come back.
    expect((await addAttachment(s, input({ id: 'att-3', item: { kind: 'dispute', id: 'D-2025-0002' } }), file('scan', 'application/pdf'))).ok).toBe(true);
    expect((await removeAttachment(s, 'att-1', { actor: li, at: '2025-09-26T11:00:00+08:00' })).ok).toBe(true);
    expect((await addAttachment(s, input({ id: 'att-4' }), file('scan', 'application/pdf'))).ok).toBe(true);
  });

  test('size and format limits are refused with readable reasons, naming the field', async () => {
    const s = store();
    const cases: [Blob, Partial<AddAttachmentInput>, string, string][] = [
      [file('', 'image/jpeg', 'empty.jpg'), { type: 'photo' }, 'file_empty', 'size'],
      [new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], 'big.pdf', { type: 'application/pdf' }), {}, 'file_too_large', 'size'],
      [file('%PDF', 'application/pdf', 'scan.pdf'), { type: 'photo' }, 'media_type', 'mediaType'],
      [file('MZ', 'application/x-msdownload', 'x.exe'), { type: 'other' }, 'media_type', 'mediaType'],
    ];
    for (const [f, over, rule, field] of cases) {
      const r = await addAttachment(s, input(over), f);
      expect(r.ok ? undefined : r.reason).toMatchObject({ rule, field });
      if (!r.ok) {
        expect(r.reason.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        expect(r.reason.message.en).toMatch(/[a-z]/);
      }
    }
    expect(await snapshot(s)).toEqual({ records: [], log: 0 });
    const big = await addAttachment(s, input(), cases[1]![0]);
    expect(big.ok ? '' : big.reason.message['zh-CN']).toBe('“big.pdf”有 20.0 MB，超过 20.0 MB 的上限');
  });

  test('an id in use is refused (attachment_exists) and the first file stays as it was', async () => {
    const s = store();
    await addAttachment(s, input(), file('one', 'application/pdf'));
    const r = await addAttachment(s, input({ item: { kind: 'dispute', id: 'other' } }), file('two', 'application/pdf'));
    expect(r.ok ? undefined : r.reason.rule).toBe('attachment_exists');
    expect(await (await readAttachment(s, 'att-1'))!.text()).toBe('one');
  });
});

describe('removing a file', () => {
  test('only whoever added it or a supervisor; the record stays marked, the blob goes', async () => {
    const s = store();
    await addAttachment(s, input(), file('scan', 'application/pdf'));
    const before = await snapshot(s);
    const other = await removeAttachment(s, 'att-1', { actor: { id: 'grid-wang', role: 'gridWorker' }, at: '2025-09-26T11:00:00+08:00' });
    expect(other.ok ? undefined : other.reason).toMatchObject({ rule: 'remove_not_allowed', field: 'actor' });
    expect(await snapshot(s)).toEqual(before);
    const sup = await removeAttachment(s, 'att-1', { actor: { id: 'head-gao', role: 'supervisor' }, at: '2025-09-26T11:00:00+08:00' });
    expect(sup.ok ? sup.value.removedAt : undefined).toBe('2025-09-26T11:00:00+08:00');
    expect(await readAttachment(s, 'att-1')).toBeUndefined();
    expect(await listAttachments(s, { kind: 'dispute', id: 'D-2025-0001' }, { live: true })).toEqual([]);
    const again = await removeAttachment(s, 'att-1', { actor: li, at: '2025-09-26T12:00:00+08:00' });
    expect(again.ok ? undefined : again.reason.rule).toBe('attachment_removed');
    const none = await removeAttachment(s, 'nope', { actor: li, at: '2025-09-26T12:00:00+08:00' });
    expect(none.ok ? undefined : none.reason.rule).toBe('attachment_unknown');
  });
});

describe('a settlement needs a signed agreement scan attached', () => {
  const settle = (attachments: readonly Attachment[] | undefined, payload: object = PAYLOADS.settle as object) => {
    const item = walkTo('mediating');
    return transition(disputeLoop, item, { type: 'settle', actor: mediator, at: new Date(Date.parse(item.updatedAt) + 3_600_000).toISOString(), payload: payload as never }, attachments ? { attachments } : undefined);
  };

  test('refused without one (agreement_scan_required, field document), accepted with one', async () => {
    const s = store();
    await addAttachment(s, input({ id: 'photo-1', type: 'photo' }), file('jpeg', 'image/jpeg'));
    const photos = await listAttachments(s, { kind: 'dispute', id: 'D-2025-0001' });
    const r = settle(photos);
    expect(r.ok ? undefined : r.reason).toMatchObject({ code: 'guard_failed', rule: 'agreement_scan_required', field: 'document' });
    expect(r.ok ? '' : r.reason.message['zh-CN']).toBe('达成和解协议前，须先上传各方签字的协议扫描件');
    await addAttachment(s, input({ id: 'scan-1' }), file('signed', 'application/pdf'));
    const all = await listAttachments(s, { kind: 'dispute', id: 'D-2025-0001' });
    expect(settle(all).ok).toBe(true);
    expect(settle(all, { ...(PAYLOADS.settle as object), document: 'scan-1' }).ok).toBe(true);
    // The document named must be that scan, not the photo.
    const wrong = settle(all, { ...(PAYLOADS.settle as object), document: 'photo-1' });
    expect(wrong.ok ? undefined : wrong.reason.rule).toBe('agreement_scan_required');
    // A scan of another dispute does not count; a removed one neither.
    const elsewhere = all.map((a) => ({ ...a, item: { kind: 'dispute', id: 'D-9' } }));
    expect(settle(elsewhere).ok).toBe(false);
    const removed = all.map((a) => ({ ...a, removedAt: '2025-09-26T12:00:00+08:00' }));
    expect(settle(removed).ok).toBe(false);
  });
});

describe('a task whose feedback asks for evidence needs a photo attached to the order', () => {
  const visits = () => dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders.find((o) => o.id === '2025-10:visits:wang')!;
  const feedback = (photos: string[], attachments: readonly Attachment[]) =>
    transition(taskOrderLoop, visits(), { type: 'feedback', actor: officer('wang'), at: '2025-10-10T09:00:00+08:00', payload: { values: { place: '文化里 3 号楼', photos } } }, { attachments });

  test('evidence_not_attached, photos_required, then accepted', async () => {
    const s = store();
    const order = { kind: 'taskOrder', id: '2025-10:visits:wang' };
    const officerWang = { id: officer('wang').id, role: 'officer' };
    await addAttachment(s, input({ id: 'doc-1', item: order, type: 'other', addedBy: officerWang }), file('minutes', 'application/pdf'));
    await addAttachment(s, input({ id: 'doc-2', item: order, type: 'notice', addedBy: officerWang }), file('notice', 'text/plain'));
    let list = await listAttachments(s, order);
    const stray = feedback(['doc-1', 'a.jpg'], list);
    expect(stray.ok ? undefined : stray.reason).toMatchObject({ code: 'guard_failed', rule: 'evidence_not_attached', field: 'values.photos' });
    const noPhoto = feedback(['doc-1', 'doc-2'], list);
    expect(noPhoto.ok ? undefined : noPhoto.reason).toMatchObject({ rule: 'photos_required', field: 'values.photos' });
    await addAttachment(s, input({ id: 'photo-1', item: order, type: 'photo', addedBy: officerWang }), file('jpeg bytes', 'image/jpeg'));
    list = await listAttachments(s, order);
    expect(feedback(['doc-1', 'photo-1'], list).ok).toBe(true);
  });
});
