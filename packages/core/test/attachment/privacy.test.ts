// Attachments as a viewer who may not see personal data sees them (a county supervisor, a
// department's liaison, the city): no file name ever, a neutral number, format and size instead;
// the bytes of a person's papers, a signed agreement, a notice or any other file withheld by type,
// photos of the site not. One rule, read by the widgets and the server alike.
import { describe, expect, test } from 'vitest';
import {
  ATTACHMENT_TYPES,
  AttachmentSchema,
  InvalidArgumentError,
  PERSONAL_ATTACHMENT_TYPES,
  addAttachment,
  attachmentFormat,
  attachmentHoldsPersonalData,
  attachmentLabel,
  attachmentStoreSpec,
  attachmentWithheld,
  attachmentsAsSeen,
  checkFile,
  createMemoryStore,
  listAttachments,
  maskAttachment,
  removeAttachment,
  type Attachment,
} from '@bihuan/core';

const SHA = (c: string) => c.repeat(64);
const record = (id: string, type: Attachment['type'], name: string, addedAt: string, extra: Partial<Attachment> = {}): Attachment => ({
  id,
  item: { kind: 'dispute', id: 'D-1' },
  type,
  name,
  size: 245_760,
  mediaType: 'image/jpeg',
  sha256: SHA(id.slice(-1)),
  addedBy: { id: 'mediator-wang', role: 'mediator', name: '王调解员' },
  addedAt,
  ...extra,
});
const FILES: Attachment[] = [
  record('a3', 'photo', '张三丰家门口现场.jpg', '2026-11-02T10:20:00+08:00'),
  record('a1', 'idDocument', '张三丰身份证.jpg', '2026-11-02T10:00:00+08:00'),
  record('a2', 'agreementScan', '张三丰李四海调解协议.pdf', '2026-11-02T10:10:00+08:00', { mediaType: 'application/pdf', size: 812 }),
  record('a4', 'other', '李四海户口本.jpg', '2026-11-02T10:30:00+08:00', { removedAt: '2026-11-02T11:00:00+08:00', removedBy: { id: 'mediator-wang', role: 'mediator' }, removedReason: '误传了李四海的户口本' }),
];
const NAMES = ['张三丰', '李四海'];

describe('which files hold personal data', () => {
  test('a person’s papers, a signed agreement, a notice and any other file do; a photo of the site does not', () => {
    expect(ATTACHMENT_TYPES.filter(attachmentHoldsPersonalData)).toEqual(['idDocument', 'agreementScan', 'notice', 'other']);
    expect(PERSONAL_ATTACHMENT_TYPES).not.toContain('photo');
  });

  test('withheld only from a viewer who may not see personal data', () => {
    for (const a of FILES) {
      expect(attachmentWithheld(a, true)).toBe(false);
      expect(attachmentWithheld(a, false)).toBe(a.type !== 'photo');
    }
  });

  test('an ID document takes images and PDF, as people photograph or scan papers', () => {
    expect(checkFile({ type: 'idDocument', name: 'x.heic', size: 10, mediaType: 'image/heic' })).toBe(true);
    expect(checkFile({ type: 'idDocument', name: 'x.pdf', size: 10, mediaType: 'application/pdf' })).toBe(true);
    expect(checkFile({ type: 'idDocument', name: 'x.txt', size: 10, mediaType: 'text/plain' })).toMatchObject({ rule: 'media_type', field: 'mediaType' });
  });
});

describe('names as a viewer sees them', () => {
  test('in clear: the records as they are', () => {
    expect(attachmentsAsSeen(FILES, true)).toEqual(FILES);
  });

  test('masked: numbered on the item in the order added (withdrawn ones counted), a neutral name, no reason, nothing else changed', () => {
    const seen = attachmentsAsSeen(FILES, false);
    expect(seen.map((a) => [a.id, a.name, a.masked])).toEqual([
      ['a3', 'attachment-3.jpg', { n: 3 }],
      ['a1', 'attachment-1.jpg', { n: 1 }],
      ['a2', 'attachment-2.pdf', { n: 2 }],
      ['a4', 'attachment-4.jpg', { n: 4 }],
    ]);
    expect(seen[3]!.removedReason).toBeUndefined();
    expect(seen[3]!.removedAt).toBe(FILES[3]!.removedAt);
    for (const [i, a] of seen.entries()) {
      const { name: _n, removedReason: _r, ...same } = FILES[i]!;
      expect(a).toMatchObject(same);
      expect(AttachmentSchema.parse(a)).toEqual(a); // still a record: a store keeps it, a server sends it
    }
    const text = JSON.stringify(seen);
    for (const n of NAMES) expect(text).not.toContain(n);
  });

  test('each item is numbered on its own; a masked copy keeps its number when masked again', () => {
    const other = record('b1', 'photo', '王五.jpg', '2026-11-01T09:00:00+08:00', { item: { kind: 'dispute', id: 'D-2' } });
    const seen = attachmentsAsSeen([...FILES, other], false);
    expect(seen.at(-1)!.masked).toEqual({ n: 1 });
    expect(attachmentsAsSeen([seen[0]!], false)[0]).toEqual(seen[0]);
    expect(maskAttachment(seen[0]!, 9).masked).toEqual({ n: 3 });
  });

  test('labels: the file name in clear; number, format and size when masked, in Chinese and English', () => {
    const [photo, id, scan] = attachmentsAsSeen(FILES, false);
    expect(attachmentLabel(FILES[1]!, 'en')).toBe('张三丰身份证.jpg');
    expect(attachmentLabel(id!, 'zh-CN')).toBe('附件 1（JPEG，240.0 KB）');
    expect(attachmentLabel(id!, 'en')).toBe('Attachment 1 (JPEG, 240.0 KB)');
    expect(attachmentLabel(scan!, 'en')).toBe('Attachment 2 (PDF, 812 B)');
    expect(attachmentLabel(photo!, 'en')).not.toMatch(/[\u3000-\u303f\uff01-\uff1f]/);
    expect(attachmentFormat('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('DOCX');
    expect(attachmentFormat('image/x-weird+thing')).toBe('XWEIRDTH');
  });

  test('the records of a store, listed and then seen: what a widget shows a supervisor', async () => {
    const store = createMemoryStore(attachmentStoreSpec);
    const bytes = new File([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], '张三丰身份证.jpg', { type: 'image/jpeg' });
    const r = await addAttachment(store, { id: 'x1', item: { kind: 'dispute', id: 'D-9' }, type: 'idDocument', addedBy: { id: 'm', role: 'mediator' }, addedAt: '2026-11-02T10:00:00+08:00' }, bytes);
    expect(r.ok).toBe(true);
    const seen = attachmentsAsSeen(await listAttachments(store, { kind: 'dispute', id: 'D-9' }), false);
    expect(seen.map((a) => attachmentLabel(a, 'zh-CN'))).toEqual(['附件 1（JPEG，6 B）']);
    expect((await listAttachments(store, { kind: 'dispute', id: 'D-9' }))[0]!.name).toBe('张三丰身份证.jpg'); // the store keeps the real name
  });

  test('adding and removing on a store: a refusal to someone who may not see personal data names the other file by its number', async () => {
    const store = createMemoryStore(attachmentStoreSpec);
    const item = { kind: 'dispute', id: 'D-7' };
    const card = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 7])], '张三丰身份证.jpg', { type: 'image/jpeg' });
    expect((await addAttachment(store, { id: 'c1', item, type: 'idDocument', addedBy: { id: 'm', role: 'mediator' }, addedAt: '2026-11-02T10:00:00+08:00' }, card())).ok).toBe(true);
    const again = { id: 'c2', item, type: 'idDocument' as const, addedBy: { id: 's', role: 'supervisor' }, addedAt: '2026-11-02T10:05:00+08:00' };
    const inClear = await addAttachment(store, again, card());
    const masked = await addAttachment(store, again, card(), { clear: false });
    expect(inClear.ok ? undefined : inClear.reason.message['zh-CN']).toContain('“张三丰身份证.jpg”');
    expect(masked.ok ? undefined : [masked.reason.rule, masked.reason.message.en]).toEqual(['duplicate_attachment', expect.stringContaining('"attachment-1.jpg"')]);
    const notTheirs = await removeAttachment(store, 'c1', { actor: { id: 'l', role: 'departmentLiaison' }, at: '2026-11-02T11:00:00+08:00' }, { clear: false });
    expect(notTheirs.ok ? undefined : [notTheirs.reason.rule, notTheirs.reason.message['zh-CN']]).toEqual(['remove_not_allowed', expect.stringContaining('“attachment-1.jpg”')]);
    expect(JSON.stringify([masked, notTheirs])).not.toContain('张三丰');
    // A supervisor withdraws it: the store keeps the real record, marked removed.
    const done = await removeAttachment(store, 'c1', { actor: { id: 's', role: 'supervisor' }, at: '2026-11-02T11:00:00+08:00', reason: '误传' }, { clear: false });
    expect(done.ok && done.value.name).toBe('张三丰身份证.jpg');
    await expect(removeAttachment(store, 'c1', { actor: { id: 's', role: 'supervisor' }, at: '2026-11-02T11:00:00+08:00' }, { clear: 'no' as never })).rejects.toThrow(/options\.clear/);
  });

  test('bad input is refused naming the argument, and changes nothing', () => {
    const before = JSON.stringify(FILES);
    expect(() => attachmentsAsSeen([{ ...FILES[0]!, name: '' }], false)).toThrow(InvalidArgumentError);
    expect(() => attachmentsAsSeen(FILES, 'no' as never)).toThrow(/clear/);
    expect(() => maskAttachment(FILES[0]!, 0)).toThrow(/\bn\b/);
    expect(() => attachmentLabel(FILES[0]!, 'fr' as never)).toThrow(/locale/);
    expect(() => attachmentHoldsPersonalData('passport' as never)).toThrow(/type/);
    expect(() => AttachmentSchema.parse({ ...FILES[0]!, masked: { n: 1, name: 'x' } })).toThrow();
    expect(JSON.stringify(FILES)).toBe(before);
  });
});
