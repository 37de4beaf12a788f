import { InvalidArgumentError } from '../errors/errors.js';
import { AttachmentSchema, liveAttachments, type Attachment, type AttachmentItem } from '../schema/attachment.js';
import type { Store } from './types.js';

/** A store that keeps attachment records: its spec declares an `attachments` collection (as `attachmentStoreSpec` does). */
export type AttachmentSource = Pick<Store, 'all' | 'spec'>;

const holdsAttachments = (value: unknown): value is AttachmentSource => {
  const s = value as { all?: unknown; spec?: { collections?: Record<string, unknown> } } | null;
  return s !== null && typeof s === 'object' && typeof s.all === 'function' && !!s.spec?.collections && Object.hasOwn(s.spec.collections, 'attachments');
};

/**
 * @internal The live attachments of an item, as a loop's store path reads them for a rule that
 * needs a file (a settlement's signed agreement scan, a task feedback's photos): from `source`
 * (`options.attachments`, a store holding attachment records), else from the loop's own `store`
 * when it declares an `attachments` collection too; undefined when neither does (the caller then
 * falls back on a list it was given, else on none — so that the rule refuses rather than being
 * skipped). A `source` that keeps no attachment records is refused naming the option.
 */
export async function itemAttachments(fn: string, store: unknown, source: unknown, item: AttachmentItem): Promise<Attachment[] | undefined> {
  if (source !== undefined && !holdsAttachments(source)) {
    throw new InvalidArgumentError(
      fn,
      'options.attachments',
      { 'zh-CN': '必须是保存附件记录的 bihuan 存储（用 attachmentStoreSpec 创建）', en: 'must be a bihuan store of attachment records (made from attachmentStoreSpec)' },
      source,
    );
  }
  const from = source ?? (holdsAttachments(store) ? store : undefined);
  if (!from) return undefined;
  const { items } = await from.all('attachments' as never, { index: 'item', equals: [item.kind, item.id] });
  // Read through the schema: a record the rule trusts is one the kernel would have accepted.
  const records = items.filter((r) => AttachmentSchema.safeParse(r).success) as Attachment[];
  return liveAttachments(records, item);
}
