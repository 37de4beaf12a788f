import * as z from '../schema/zod.js';
import { id, instant } from '../schema/fields.js';
import { checkStore, parseArgument } from '../schema/argument.js';
import { accepted, type Result } from '../schema/result.js';
import { InvalidArgumentError } from '../errors/errors.js';
import {
  ATTACHMENT_TYPES,
  AddedBySchema,
  AttachmentItemSchema,
  checkDuplicate,
  checkFile,
  fileName,
  type Attachment,
  type AttachmentItem,
} from '../schema/attachment.js';
import type { AttachmentStore } from './store.js';
import { readBlob } from '../store/blobs.js';
import { sha256Of } from './hash.js';
import { ATTACHMENT_REMOVER_ROLES, attachmentRuleOfKind, checkRemoval } from './rules.js';
import { attachmentsAsSeen } from './privacy.js';

/** Whether the person acting sees the item's personal data in clear (default true): else a refusal names other files as `attachmentsAsSeen` masks them. */
const ClearOption = /* @__PURE__ */ z.optional(z.boolean());

/** What the person adding a file says about it; size, media type and hash are read from the file. */
export const AddAttachmentInputSchema = /* @__PURE__ */ z.object({
  id,
  item: AttachmentItemSchema,
  type: z.enum(ATTACHMENT_TYPES),
  /** Shown name (default: the file's own name). */
  name: z.optional(fileName),
  addedBy: AddedBySchema,
  addedAt: instant,
});
export type AddAttachmentInput = z.input<typeof AddAttachmentInputSchema>;

export const RemoveAttachmentInputSchema = /* @__PURE__ */ z.object({ actor: AddedBySchema, at: instant, reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))) });
export type RemoveAttachmentInput = z.input<typeof RemoveAttachmentInputSchema>;

export { ATTACHMENT_REMOVER_ROLES };

const refuse = (rule: string, zh: string, en: string, field: string) => ({ ok: false as const, reason: { rule, field, message: { 'zh-CN': zh, en } } });

function fileArg(fn: string, file: unknown): Blob {
  if (!(typeof Blob !== 'undefined' && file instanceof Blob)) throw new InvalidArgumentError(fn, 'file', { 'zh-CN': '必须是 File 或 Blob', en: 'must be a File or Blob' }, file);
  return file;
}

/**
 * Attaches a file to an item: the record (type, name, size, media type, SHA-256, who and when)
 * and the bytes as the store's blob under the record's id, in one unit of work (one batch: both
 * are kept or neither). Refused as a value, with nothing stored: an empty file (`file_empty`),
 * one above the size limit (`file_too_large`), a format the type does not take (`media_type`),
 * the same bytes already on the item (`duplicate_attachment`), an id in use (`attachment_exists`).
 * The checks run again inside the batch, so two tabs adding the same file at once add it once.
 * `options.clear: false` (someone who may not see personal data): a refusal names the file
 * already there by its number, never its name.
 */
export async function addAttachment(store: AttachmentStore, input: AddAttachmentInput, file: Blob, options: { readonly clear?: boolean } = {}): Promise<Result<Attachment>> {
  checkStore('addAttachment', store);
  const a = parseArgument('addAttachment', 'input', AddAttachmentInputSchema, input);
  fileArg('addAttachment', file);
  const clear = parseArgument('addAttachment', 'options.clear', ClearOption, options?.clear) ?? true;
  const name = a.name ?? parseArgument('addAttachment', 'file.name', fileName, (file as File).name || 'file');
  const fits = checkFile({ type: a.type, name, size: file.size, mediaType: file.type });
  if (fits !== true) return { ok: false, reason: fits };
  // Read once, before the batch (a batch awaits only its own calls): hashed and kept from the same bytes.
  const bytes = await readBlob(file);
  const sha256 = await sha256Of(bytes.bytes);
  const record: Attachment = { id: a.id, item: a.item, type: a.type, name, size: file.size, mediaType: file.type, sha256, addedBy: a.addedBy, addedAt: a.addedAt };
  return store.batch(
    async (tx) => {
      const checked = await check({ get: (c, k) => tx.get(c, k), list: (it) => tx.all('attachments', { index: 'item', equals: [it.kind, it.id] }) }, record, clear);
      if (!checked.ok) return checked;
      await tx.add('attachments', record);
      await tx.putBlob(record.id, bytes);
      return accepted(record);
    },
    { actor: { id: a.addedBy.id, role: a.addedBy.role } },
  );
}

interface Reader {
  get(collection: 'attachments', key: string): Promise<Attachment | undefined>;
  list(item: AttachmentItem): Promise<readonly Attachment[]>;
}

async function check(reader: Reader, record: Attachment, clear: boolean): Promise<Result<Attachment>> {
  if (await reader.get('attachments', record.id)) return refuse('attachment_exists', `附件编号 ${record.id} 已被使用`, `attachment id ${record.id} is already in use`, 'id');
  const same = checkDuplicate(record.sha256, record.item, attachmentsAsSeen(await reader.list(record.item), clear));
  return same === true ? accepted(record) : { ok: false, reason: same };
}

/** The item's attachments, oldest first, removed ones included (`removedAt` set) unless `live` is asked for. */
export async function listAttachments(store: AttachmentStore, item: AttachmentItem, options: { readonly live?: boolean } = {}): Promise<Attachment[]> {
  checkStore('listAttachments', store);
  const it = parseArgument('listAttachments', 'item', AttachmentItemSchema, item);
  const { items } = await store.all('attachments', { index: 'item', equals: [it.kind, it.id] });
  const sorted = items.sort((x, y) => (x.addedAt < y.addedAt ? -1 : x.addedAt > y.addedAt ? 1 : x.id < y.id ? -1 : 1));
  return options?.live ? sorted.filter((x) => x.removedAt === undefined) : sorted;
}

/** Options of `removeAttachment`. */
export interface RemoveAttachmentOptions {
  /**
   * The item's current snapshot, when the attachment store does not keep the item itself (a
   * store that declares the loop's collection — `disputes`, `orders` — is read in the same batch).
   */
  readonly item?: unknown;
  /** Whether the remover sees the item's personal data in clear (default true): else a refusal names the file by its number, never its name. */
  readonly clear?: boolean;
}

/**
 * Removes (withdraws) an attachment added in error: its record stays, marked `removedAt` with who
 * and why (history still names it), and its blob is deleted, in the same unit of work. Only
 * whoever added it or a supervisor may (`remove_not_allowed`); an unknown id (`attachment_unknown`)
 * or one already removed (`attachment_removed`) is refused; so is a file a rule still needs
 * (`attachment_still_needed`: the signed scan of a settled dispute, evidence a task's feedback
 * cites — `checkWithdrawal`, the server's same rule), judged on the item as the store keeps it or
 * as `options.item` gives it.
 */
export async function removeAttachment(store: AttachmentStore, attachmentId: string, input: RemoveAttachmentInput, options: RemoveAttachmentOptions = {}): Promise<Result<Attachment>> {
  checkStore('removeAttachment', store);
  const key = parseArgument('removeAttachment', 'attachmentId', id, attachmentId);
  const { actor, at, reason } = parseArgument('removeAttachment', 'input', RemoveAttachmentInputSchema, input);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('removeAttachment', 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  const clear = parseArgument('removeAttachment', 'options.clear', ClearOption, options.clear) ?? true;
  const done = await store.batch(async (tx): Promise<Result<Attachment>> => {
    const current = await tx.get('attachments', key);
    if (!current) return refuse('attachment_unknown', `没有编号为 ${key} 的附件`, `there is no attachment ${key}`, 'attachmentId');
    const collection = attachmentRuleOfKind(current.item.kind)?.collection;
    const kept = collection !== undefined && Object.hasOwn(store.spec.collections, collection) ? await (tx as unknown as { get(c: string, k: string): Promise<unknown> }).get(collection, current.item.id) : undefined;
    const onItem = await tx.all('attachments', { index: 'item', equals: [current.item.kind, current.item.id] });
    const seen = attachmentsAsSeen(onItem, clear);
    const refused = checkRemoval(seen.find((x) => x.id === key) ?? current, actor, kept ?? options.item, seen);
    if (refused !== true) return { ok: false, reason: refused };
    const next: Attachment = { ...current, removedAt: at, removedBy: actor, ...(reason === undefined ? {} : { removedReason: reason }) };
    await tx.put('attachments', next);
    await tx.deleteBlob(key);
    return accepted(next);
  });
  return done;
}

/** The bytes of a live attachment (undefined when it was removed or never stored). */
export async function readAttachment(store: AttachmentStore, attachmentId: string): Promise<Blob | undefined> {
  checkStore('readAttachment', store);
  return store.getBlob(parseArgument('readAttachment', 'attachmentId', id, attachmentId));
}
