import * as z from './zod.js';
import { id, instant } from './fields.js';
import type { Rejection } from './result.js';
import { parseArgument } from './argument.js';

/**
 * Attachments as records: a photo, a scan of a signed agreement, a notice or another file that
 * belongs to one item (a dispute, a task order …). The record says what the file is (type, name,
 * size, media type, SHA-256 of its bytes), who added it and when; the bytes are a blob in the
 * store under the record's id. In the kernel because loops' rules name attachments (a settlement
 * needs a signed agreement scan, an evidence field needs photos) and a domain never imports
 * another domain.
 */

/** 照片 (of the site), 证件 (an ID card, a household register: a person's papers), 协议扫描件 (signed), 告知书/通知, 其他. */
export const ATTACHMENT_TYPES = ['photo', 'idDocument', 'agreementScan', 'notice', 'other'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The largest file accepted: 20 MiB (a phone photo or a multi-page scan fits; a video does not). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const IMAGES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
const PDF = 'application/pdf';
/** The media types each type accepts. */
export const ATTACHMENT_MEDIA_TYPES: Readonly<Record<AttachmentType, readonly string[]>> = {
  photo: IMAGES,
  idDocument: [PDF, ...IMAGES, 'image/tiff'],
  agreementScan: [PDF, 'image/jpeg', 'image/png', 'image/tiff'],
  notice: [PDF, 'image/jpeg', 'image/png', 'text/plain'],
  other: [
    PDF,
    ...IMAGES,
    'image/tiff',
    'text/plain',
    'text/csv',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
};

/** The item an attachment belongs to: its kind (the loop or collection) and its id. */
export const AttachmentItemSchema = /* @__PURE__ */ z.object({ kind: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'a kind such as dispute or taskOrder')), id });
export type AttachmentItem = z.output<typeof AttachmentItemSchema>;

/** Who added it (the shape of a loop actor). */
export const AddedBySchema = /* @__PURE__ */ z.object({ id, role: z.string().check(z.minLength(1), z.maxLength(60)), unit: z.optional(z.string().check(z.minLength(1), z.maxLength(200))), name: z.optional(z.string().check(z.minLength(1), z.maxLength(60))) });

/** SHA-256 of the bytes, 64 lower-case hex digits. */
export const sha256Hex = /* @__PURE__ */ z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a SHA-256 in 64 lower-case hex digits'));

/** A file name as shown (no path, no control characters). */
export const fileName = /* @__PURE__ */ z
  .string().check(z.trim(), z.minLength(1), z.maxLength(255), z.regex(/^[^/\\\u0000-\u001f\u007f]+$/, 'a file name without a path or control characters'));

export const AttachmentSchema = /* @__PURE__ */ z.object({
  id,
  item: AttachmentItemSchema,
  type: z.enum(ATTACHMENT_TYPES),
  name: fileName,
  size: z.int().check(z.gte(1), z.lte(MAX_ATTACHMENT_BYTES)),
  mediaType: z.string().check(z.regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'a media type such as image/jpeg')),
  sha256: sha256Hex,
  addedBy: AddedBySchema,
  addedAt: instant,
  /** Set when it was removed (the record stays, so that history still names it); its blob is gone. */
  removedAt: z.optional(instant),
  /** Who removed it (withdrawn as added in error), when `removedAt` is set. */
  removedBy: z.optional(AddedBySchema),
  /** Why it was removed, when the remover said. */
  removedReason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  /**
   * Set on the copy shown to a viewer who may not see personal data (`maskAttachment`): the file's
   * number on its item. `name` is then a neutral one (`attachment-3.jpg`), never the file's own.
   */
  masked: z.optional(z.strictObject({ n: z.int().check(z.minimum(1), z.maximum(1_000_000)) })),
});
export type Attachment = z.output<typeof AttachmentSchema>;
export type AttachmentInput = z.input<typeof AttachmentSchema>;

/** Every rule an attachment is refused by, in both languages (the `rule` of each refusal). */
export const ATTACHMENT_RULES = {
  file_empty: { 'zh-CN': '文件不能为空', en: 'a file is not empty' },
  file_too_large: { 'zh-CN': `单个文件不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, en: `a file is at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` },
  media_type: { 'zh-CN': '文件格式须与附件类型相符（照片为图片，协议扫描件为 PDF 或图片）', en: 'the file’s format fits its type (a photo is an image, an agreement scan a PDF or image)' },
  duplicate_attachment: { 'zh-CN': '同一事项不重复上传同一文件（按 SHA-256 判断）', en: 'the same file (by SHA-256) is attached to an item once' },
  attachment_exists: { 'zh-CN': '附件编号不重复', en: 'an attachment’s id is new' },
  attachment_unknown: { 'zh-CN': '删除的附件须存在', en: 'a removed attachment exists' },
  remove_not_allowed: { 'zh-CN': '附件只能由上传人或督导人员删除', en: 'an attachment is removed by whoever added it or a supervisor' },
  attachment_removed: { 'zh-CN': '已删除的附件不能再删除或引用', en: 'a removed attachment cannot be removed again or referred to' },
  agreement_scan_required: { 'zh-CN': '达成和解协议须附已签字的协议扫描件', en: 'a settlement needs the signed agreement’s scan attached' },
  evidence_not_attached: { 'zh-CN': '反馈引用的佐证材料须是本任务的附件', en: 'feedback evidence refers to attachments of this task order' },
  attachment_still_needed: { 'zh-CN': '规则仍需要的附件不能删除（已达成协议纠纷的协议扫描件、任务反馈引用的佐证材料）', en: 'an attachment a rule still needs stays (a settled dispute’s agreement scan, evidence a task’s feedback cites)' },
  photos_required: { 'zh-CN': '需要佐证材料的任务反馈至少附一张现场照片', en: 'feedback of a task that asks for evidence includes at least one photo' },
} as const;
export type AttachmentRule = keyof typeof ATTACHMENT_RULES;

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const TYPE_NAMES: Record<AttachmentType, readonly [string, string]> = {
  photo: ['照片', 'a photo'],
  idDocument: ['证件', 'an ID document'],
  agreementScan: ['协议扫描件', 'an agreement scan'],
  notice: ['告知书', 'a notice'],
  other: ['其他材料', 'another file'],
};
/** The type's name in both languages (照片 / a photo). */
export function attachmentTypeName(type: AttachmentType) {
  const t = parseArgument('attachmentTypeName', 'type', z.enum(ATTACHMENT_TYPES), type);
  return { 'zh-CN': TYPE_NAMES[t][0], en: TYPE_NAMES[t][1] };
}

const FileFactsSchema = /* @__PURE__ */ z.object({ type: z.enum(ATTACHMENT_TYPES), name: z.string().check(z.maxLength(255)), size: z.number(), mediaType: z.string().check(z.maxLength(200)) });
const attachmentList = (fn: string, value: unknown) => parseArgument(fn, 'attachments', z.array(AttachmentSchema), value);
const itemArg = (fn: string, value: unknown) => parseArgument(fn, 'item', AttachmentItemSchema, value);

const refuse = (rule: AttachmentRule, zh: string, en: string, field: string): Rejection => ({ rule, field, message: { 'zh-CN': zh, en } });

/** What a file must be before it is attached: not empty, within the size limit, of a media type its type accepts. */
export function checkFile(facts: { readonly type: AttachmentType; readonly name: string; readonly size: number; readonly mediaType: string }): Rejection | true {
  const file = parseArgument('checkFile', 'file', FileFactsSchema, facts);
  if (file.size <= 0) return refuse('file_empty', `“${file.name}”是空文件`, `"${file.name}" is empty`, 'size');
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return refuse('file_too_large', `“${file.name}”有 ${MB(file.size)}，超过 ${MB(MAX_ATTACHMENT_BYTES)} 的上限`, `"${file.name}" is ${MB(file.size)}, above the ${MB(MAX_ATTACHMENT_BYTES)} limit`, 'size');
  }
  const accepted = ATTACHMENT_MEDIA_TYPES[file.type];
  if (!accepted.includes(file.mediaType)) {
    const [zh, en] = TYPE_NAMES[file.type];
    return refuse(
      'media_type',
      `“${file.name}”的格式 ${file.mediaType || '未知'} 不能作为${zh}：可用 ${accepted.join('、')}`,
      `"${file.name}" (${file.mediaType || 'unknown format'}) cannot be ${en}: use ${accepted.join(', ')}`,
      'mediaType',
    );
  }
  return true;
}

/** The attachments still in place (not removed) of one item. */
export function liveAttachments(attachments: readonly Attachment[], item: AttachmentItem): Attachment[] {
  const it = itemArg('liveAttachments', item);
  return attachmentList('liveAttachments', attachments).filter((a) => a.removedAt === undefined && a.item.kind === it.kind && a.item.id === it.id);
}

/** A second copy of the same bytes on the same item is refused (`duplicate_attachment`), naming the first. */
export function checkDuplicate(sha256: string, item: AttachmentItem, attachments: readonly Attachment[]): Rejection | true {
  parseArgument('checkDuplicate', 'sha256', sha256Hex, sha256);
  itemArg('checkDuplicate', item);
  const same = liveAttachments(attachments, item).find((a) => a.sha256 === sha256);
  if (!same) return true;
  return refuse(
    'duplicate_attachment',
    `该文件已作为“${same.name}”上传到本事项（SHA-256 ${sha256.slice(0, 12)}…）`,
    `this file is already attached to this item as "${same.name}" (SHA-256 ${sha256.slice(0, 12)}…)`,
    'sha256',
  );
}

/**
 * A settlement needs a signed agreement scan attached to the dispute (`agreement_scan_required`).
 * `document` (the settlement's reference to the signed agreement), when given, must name one of
 * them by id.
 */
export function checkAgreementScan(disputeId: string, document: string | undefined, attachments: readonly Attachment[]): Rejection | true {
  parseArgument('checkAgreementScan', 'disputeId', id, disputeId);
  parseArgument('checkAgreementScan', 'document', z.optional(z.string().check(z.maxLength(500))), document);
  const scans = liveAttachments(attachments, { kind: 'dispute', id: disputeId }).filter((a) => a.type === 'agreementScan');
  if (scans.length === 0) {
    return refuse('agreement_scan_required', '达成和解协议前，须先上传各方签字的协议扫描件', 'attach the agreement scan signed by every party before recording the settlement', 'document');
  }
  if (document !== undefined && document !== '' && !scans.some((a) => a.id === document)) {
    return refuse('agreement_scan_required', `协议文书“${document.slice(0, 40)}”不是本纠纷已上传的协议扫描件`, `"${document.slice(0, 40)}" is not an agreement scan attached to this dispute`, 'document');
  }
  return true;
}

/**
 * A task order's evidence field (the catalog's 照片或文件: inspections of key units and stores of
 * dangerous goods, hazard checks …) lists attachment ids of this order (`evidence_not_attached`),
 * at least one of them a photo taken on site (`photos_required`).
 */
export function checkEvidencePhotos(orderId: string, field: string, refs: readonly string[], attachments: readonly Attachment[]): Rejection | true {
  parseArgument('checkEvidencePhotos', 'orderId', id, orderId);
  parseArgument('checkEvidencePhotos', 'field', z.string().check(z.maxLength(200)), field);
  parseArgument('checkEvidencePhotos', 'refs', z.array(z.string()), refs);
  const own = liveAttachments(attachments, { kind: 'taskOrder', id: orderId });
  const byId = new Map(own.map((a) => [a.id, a]));
  const stray = refs.find((r) => !byId.has(r));
  if (stray !== undefined) {
    return refuse('evidence_not_attached', `佐证材料“${stray.slice(0, 40)}”不是本任务的附件，请先上传`, `evidence "${stray.slice(0, 40)}" is not an attachment of this task order: attach it first`, field);
  }
  if (!refs.some((r) => byId.get(r)!.type === 'photo')) {
    return refuse('photos_required', '本任务的反馈须附至少一张现场照片', 'this task’s feedback needs at least one photo from the site', field);
  }
  return true;
}
