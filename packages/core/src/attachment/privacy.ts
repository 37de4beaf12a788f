import * as z from '../schema/zod.js';
import { parseArgument } from '../schema/argument.js';
import { ATTACHMENT_TYPES, AttachmentSchema, type Attachment, type AttachmentType } from '../schema/attachment.js';
import { LOCALES, type Locale } from '../i18n/locale.js';
import { formatBytes } from './hash.js';

/**
 * Attachments as a viewer who may not see personal data sees them (a county supervisor, a
 * department's liaison, the city): one rule for core's views, the widgets and the server alike.
 *
 * - A file's **name** is never shown to them, whatever its type: a name such as "张三丰身份证.jpg"
 *   is itself personal data. They see the file's number on its item, its format and size instead
 *   ("附件 3（JPEG，240.0 KB）" / "Attachment 3 (JPEG, 240.0 KB)"), and a neutral file name
 *   (`attachment-3.jpg`) wherever a name must be given. Why it was withdrawn is not shown either
 *   (free text, which may name a party).
 * - A file's **bytes** are withheld from them by its type (`PERSONAL_ATTACHMENT_TYPES`): a person's
 *   papers (an ID card, a household register), a signed agreement, a notice naming the parties and
 *   any other file (its content is unknown, so it is treated as personal). Photos of the site stay
 *   available: supervision looks at them, and they are what task orders' evidence is.
 *
 * Whether a viewer sees personal data in clear is the loop's own rule (its personal-data roles,
 * e.g. `DISPUTE_PERSONAL_DATA_ROLES`); a loop that names none (task orders) shows everything.
 */

/** Types whose bytes hold personal data: withheld from a viewer who may not see it in clear. */
export const PERSONAL_ATTACHMENT_TYPES: readonly AttachmentType[] = ['idDocument', 'agreementScan', 'notice', 'other'];

/** Whether files of this type hold personal data (their bytes go only to viewers who see it in clear). */
export function attachmentHoldsPersonalData(type: AttachmentType): boolean {
  return PERSONAL_ATTACHMENT_TYPES.includes(parseArgument('attachmentHoldsPersonalData', 'type', z.enum(ATTACHMENT_TYPES), type));
}

/** Whether this file's bytes are withheld from a viewer: one who may not see personal data, of a type that holds it. */
export function attachmentWithheld(attachment: Pick<Attachment, 'type'>, clear: boolean): boolean {
  parseArgument('attachmentWithheld', 'clear', z.boolean(), clear);
  return !clear && attachmentHoldsPersonalData(parseArgument('attachmentWithheld', 'attachment', z.pick(AttachmentSchema, { type: true }), attachment).type);
}

const FORMATS: Readonly<Record<string, readonly [string, string]>> = {
  'image/jpeg': ['JPEG', 'jpg'],
  'image/png': ['PNG', 'png'],
  'image/webp': ['WEBP', 'webp'],
  'image/heic': ['HEIC', 'heic'],
  'image/tiff': ['TIFF', 'tif'],
  'application/pdf': ['PDF', 'pdf'],
  'text/plain': ['TXT', 'txt'],
  'text/csv': ['CSV', 'csv'],
  'application/msword': ['DOC', 'doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['DOCX', 'docx'],
  'application/vnd.ms-excel': ['XLS', 'xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['XLSX', 'xlsx'],
};
const formatOf = (mediaType: string): readonly [string, string] => {
  if (Object.hasOwn(FORMATS, mediaType)) return FORMATS[mediaType]!;
  const sub = (mediaType.split('/')[1] ?? '').replace(/[^a-z0-9]/gi, '').slice(0, 8);
  return sub ? [sub.toUpperCase(), sub.toLowerCase()] : ['FILE', 'bin'];
};

/** A file's format as people name it (`image/jpeg` → `JPEG`, `application/pdf` → `PDF`). */
export function attachmentFormat(mediaType: string): string {
  return formatOf(parseArgument('attachmentFormat', 'mediaType', z.string().check(z.maxLength(200)), mediaType))[0];
}

/**
 * The copy of a record shown to a viewer who may not see personal data: its name replaced by a
 * neutral one (`attachment-<n>.<ext>`) and marked `masked: { n }`, its withdrawal's reason left
 * out. `n` is the file's number on its item (see `attachmentsAsSeen`). A record already masked
 * keeps its number.
 */
export function maskAttachment(attachment: Attachment, n: number): Attachment {
  const a = parseArgument('maskAttachment', 'attachment', AttachmentSchema, attachment);
  const number = a.masked?.n ?? parseArgument('maskAttachment', 'n', z.int().check(z.minimum(1), z.maximum(1_000_000)), n);
  const { removedReason: _reason, ...rest } = a;
  return { ...rest, name: `attachment-${number}.${formatOf(a.mediaType)[1]}`, masked: { n: number } };
}

const byAdded = (x: Attachment, y: Attachment) => (x.addedAt < y.addedAt ? -1 : x.addedAt > y.addedAt ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * Records as a viewer sees them, in the order given: unchanged for a viewer who sees personal data
 * in clear; otherwise each masked (`maskAttachment`), numbered on its item in the order the files
 * were added (oldest first, withdrawn ones counted, so that a number never changes).
 */
export function attachmentsAsSeen(attachments: readonly Attachment[], clear: boolean): Attachment[] {
  const list = parseArgument('attachmentsAsSeen', 'attachments', z.array(AttachmentSchema), attachments);
  parseArgument('attachmentsAsSeen', 'clear', z.boolean(), clear);
  if (clear) return list;
  const numbers = new Map<Attachment, number>();
  const perItem = new Map<string, number>();
  for (const a of [...list].sort(byAdded)) {
    const key = `${a.item.kind}\u0000${a.item.id}`;
    const n = (perItem.get(key) ?? 0) + 1;
    perItem.set(key, n);
    numbers.set(a, n);
  }
  return list.map((a) => maskAttachment(a, numbers.get(a)!));
}

/**
 * How a record is named on screen: its file name, or for a masked copy its number, format and
 * size ("附件 3（JPEG，240.0 KB）" / "Attachment 3 (JPEG, 240.0 KB)").
 */
export function attachmentLabel(attachment: Pick<Attachment, 'name' | 'mediaType' | 'size' | 'masked'>, locale: Locale): string {
  const a = parseArgument('attachmentLabel', 'attachment', z.pick(AttachmentSchema, { name: true, mediaType: true, size: true, masked: true }), attachment);
  parseArgument('attachmentLabel', 'locale', z.enum(LOCALES), locale);
  if (!a.masked) return a.name;
  const format = formatOf(a.mediaType)[0];
  return locale === 'en' ? `Attachment ${a.masked.n} (${format}, ${formatBytes(a.size)})` : `附件 ${a.masked.n}（${format}，${formatBytes(a.size)}）`;
}
