import type { Context, Hono } from 'hono';
import * as z from 'zod';
import {
  ATTACHMENT_TYPES,
  AttachmentSchema,
  attachmentRuleOf,
  attachmentsAsSeen,
  attachmentWithheld,
  checkDuplicate,
  checkFile,
  checkRemoval,
  eventNeedsAttachments,
  MAX_ATTACHMENT_BYTES,
  sha256Of,
  type Attachment,
  type AttachmentType,
} from '@bihuan/core/attachment';
import type { Localized } from '@bihuan/core/schema';
import type { LoopActor } from '@bihuan/core/loop';
import type { Identity } from './auth.js';
import type { Queryable, Row } from './database.js';
import { HttpError, TEXTS } from './errors.js';
import type { LoggerLike } from './log.js';
import type { LoopBinding } from './loops.js';
import { undone, type Service } from './service.js';
import { actorFor, parse, readJson } from './app.js';

/**
 * Attachments on the server: a file belongs to one item (its collection and id), as a record (type,
 * name, media type, size, SHA-256, who added it and when) with its bytes in the same PostgreSQL
 * row (`bytea`; migration 5). Why `bytea` and not large objects: a file is at most 20 MiB
 * (`MAX_ATTACHMENT_BYTES`), which TOAST stores out of line and compressed; the record and its bytes
 * are one row, written in one statement of one transaction, so neither exists without the other;
 * the database checks the bytes against the hash (`CHECK (encode(sha256(bytes), 'hex') = sha256)`);
 * `pg_dump`, replicas and PGlite's data folder carry them with no extra step; and nothing is left
 * behind to clean up (a large object outlives its row unless `lo_unlink`ed, and needs its own
 * permissions). Large objects would pay off only for files far larger than any this server accepts,
 * read in pieces.
 *
 * Routes (all behind the portal's token, inside the item's scope):
 * - `PUT /items/:collection/:id/attachments/:attachmentId?type=&name=[&role=][&at=]` — the body is
 *   the file's bytes; `Content-Type` its media type; `X-Bihuan-SHA256` its hash, checked against
 *   the body. Idempotent: the same id with the same bytes again answers the stored record (200).
 * - `GET /items/:collection/:id/attachments[?withdrawn=include]` — the item's records, oldest first (no bytes); withdrawn ones only when asked.
 * - `GET /items/:collection/:id/attachments/:attachmentId` — the bytes.
 * - `GET /items/:collection/:id/attachment-log` — the audit lines (who stored, fetched or withdrew which file, when).
 * - `POST /items/:collection/:id/attachments/:attachmentId/withdrawal` — `{ reason, at?, actor?: { role } }`:
 *   withdraws a file added in error (migration 7: a row with who, when and why; the record is then
 *   neither listed nor served). Core's rules decide: only whoever added it or a supervisor
 *   (`remove_not_allowed`), never a file a rule still needs (`attachment_still_needed`: the signed
 *   scan of a settled dispute, evidence a task's feedback cites — `checkWithdrawal`).
 * Each upload, download and withdrawal writes an audit line (`attachment_audit`, append-only like `events`).
 *
 * Personal data in files follows core's one rule (`@bihuan/core/attachment`, privacy.ts): to a user
 * none of whose roles sees the loop's personal data in clear (a county supervisor, a department's
 * liaison, the city), every answer — lists, uploads, withdrawals, downloads' file names and every
 * refusal that names a file — names files only as core masks them (`attachment-3.jpg`, never
 * "张三丰身份证.jpg"), and the bytes of the types that hold personal data (an ID document, a signed
 * agreement, a notice, any other file) are refused (403 `personal_data`); photos of the site are served.
 *
 * The rules that need a file are core's too: a pushed event whose guard reads the item's
 * attachments (`eventNeedsAttachments`: a dispute's `settle`, a task order's `feedback`) is decided
 * with the item's live attachments read in the push's own transaction (`ruleContext`), so the
 * server refuses a settlement without a stored scan with the engine's own reason
 * (`guard_failed`, `agreement_scan_required`).
 */

/** Whether a request is an upload (its body limit is the largest attachment's, not the JSON one). */
export function isAttachmentUpload(method: string, path: string): boolean {
  return method === 'PUT' && UPLOAD_PATH.test(path);
}
const UPLOAD_PATH = /^\/items\/[^/]+\/[^/]+\/attachments\/[^/]+$/;

/** The body limit of an upload: the largest attachment core accepts. */
export const ATTACHMENT_BODY_LIMIT = MAX_ATTACHMENT_BYTES;

export const ATTACHMENT_TEXTS = {
  roleNotInLoop: { 'zh-CN': '您的角色不参与这类事项，不能查看或上传其附件', en: 'none of your roles takes part in this kind of item: its attachments are not yours to see or add' },
  personalFile: { 'zh-CN': '该附件含当事人个人信息，您的角色不能下载', en: 'this attachment holds personal data your role may not download' },
  sha256Missing: { 'zh-CN': '请在 X-Bihuan-SHA256 头中给出文件的 SHA-256（64 位十六进制小写）', en: 'give the file’s SHA-256 (64 lower-case hex digits) in the X-Bihuan-SHA256 header' },
  sha256Mismatch: { 'zh-CN': '文件内容与所给 SHA-256 不符（传输中损坏或被改动），未保存', en: 'the body does not match the SHA-256 given (damaged or altered on the way); nothing was stored' },
  attachmentExists: { 'zh-CN': '该附件编号已用于另一个文件', en: 'this attachment id is already used for another file' },
  noAttachment: { 'zh-CN': '没有找到该附件（或不在您的辖区内）', en: 'no such attachment (or not within your area)' },
  withdrawn: { 'zh-CN': '该附件已撤下，不再提供', en: 'this attachment was withdrawn and is no longer served' },
} as const satisfies Record<string, Localized>;

interface AttachmentRow extends Row {
  id: string;
  collection: string;
  item_id: string;
  type: AttachmentType;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  added_by: Attachment['addedBy'];
  added_at: string;
  removed_at?: string | null;
  removed_by?: Attachment['addedBy'] | null;
  removed_reason?: string | null;
}

const RECORD_COLUMNS = 'id, collection, item_id, type, name, media_type, size, sha256, added_by, added_at';
/** Records with their withdrawal (when there is one), from `attachments a`. */
const RECORD_SELECT = `SELECT ${RECORD_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')}, w.at AS removed_at, w.actor AS removed_by, w.reason AS removed_reason
  FROM attachments a LEFT JOIN attachment_withdrawals w ON w.attachment_id = a.id`;

const recordOf = (r: AttachmentRow): Attachment => ({
  id: r.id,
  item: { kind: r.collection, id: r.item_id },
  type: r.type,
  name: r.name,
  size: Number(r.size),
  mediaType: r.media_type,
  sha256: r.sha256,
  addedBy: r.added_by,
  addedAt: r.added_at,
  ...(r.removed_at ? { removedAt: r.removed_at, removedBy: r.removed_by!, removedReason: r.removed_reason! } : {}),
});

/** An item's records (withdrawn ones included, `removedAt` set), oldest first, read in `tx`. */
async function recordsOf(tx: Queryable, collection: string, id: string): Promise<Attachment[]> {
  return (await tx.query<AttachmentRow>(`${RECORD_SELECT} WHERE a.collection = $1 AND a.item_id = $2 ORDER BY a.added_at, a.id`, [collection, id])).map(recordOf);
}

/**
 * Whether the user sees this loop's files as they are: one of their roles sees its personal data
 * in clear, or the loop names no such roles (task orders: nothing in them is masked).
 */
function seesFilesInClear(service: Service, identity: Identity, binding: LoopBinding): boolean {
  return (binding.personalDataRoles ?? []).length === 0 || service.seesInClear(identity, binding);
}

/** The item's records as the user may see them (core's `attachmentsAsSeen`: numbered over all of them, withdrawn ones too). */
const asSeen = (records: readonly Attachment[], clear: boolean): Attachment[] => attachmentsAsSeen(records, clear);

/** One of an item's records as a user who may not see personal data sees it. */
const seenIn = (records: readonly Attachment[], attachmentId: string): Attachment => asSeen(records, false).find((r) => r.id === attachmentId)!;

/** Records as core's rules read them: the item named by the loop's attachment kind (`dispute`, not the collection `disputes`). */
const asKind = (records: readonly Attachment[], kind: string): Attachment[] => records.map((r) => ({ ...r, item: { kind, id: r.item.id } }));

/**
 * The transition context of a pushed event, read in the push's transaction: the binding's own,
 * with the item's attachments when the event's rule reads them (`eventNeedsAttachments`) — so
 * core decides, on the files the server holds, exactly as it does on a local store.
 */
export async function ruleContext(tx: Queryable, binding: LoopBinding, collection: string, id: string, eventType: string): Promise<LoopBinding['context']> {
  const rule = attachmentRuleOf(binding.definition.id);
  if (!rule || !eventNeedsAttachments(binding.definition.id, eventType)) return binding.context;
  return { ...binding.context, attachments: asKind(await recordsOf(tx, collection, id), rule.kind) } as LoopBinding['context'];
}

/** Locks the item's row for the rest of the transaction: uploads, withdrawals and pushes of one item take turns. */
async function lockItem(tx: Queryable, collection: string, id: string): Promise<unknown> {
  const [row] = await tx.query<{ snapshot: unknown }>('SELECT snapshot FROM items WHERE collection = $1 AND id = $2 FOR UPDATE', [collection, id]);
  if (!row) throw new HttpError(404, 'not_found', TEXTS.notFound);
  return row.snapshot;
}

/** The roles a loop names (its actors), without the rules' own `system`. */
function loopRoles(binding: LoopBinding): string[] {
  return Object.keys(binding.definition.roles).filter((r) => r !== 'system');
}

/** The item, within the user's scope, and a user who takes part in its loop; else 404 / 403. */
async function itemFor(service: Service, identity: Identity, collection: string, id: string) {
  const found = await service.get(identity, collection, id);
  if (!found) throw new HttpError(404, 'not_found', TEXTS.notFound);
  const roles = loopRoles(found.binding);
  if (!identity.roles.some((r) => roles.includes(r))) throw new HttpError(403, 'role_not_in_loop', ATTACHMENT_TEXTS.roleNotInLoop);
  return found;
}

const refusal = (status: number, reason: { rule: string; field?: string; message: Localized }) => new HttpError(status, reason.rule, reason.message, reason.field);

const ATTACHMENT_ID = /^(?![\s])[^\p{Cc}\p{Cf}]+(?<![\s])$/u;


async function audit(db: { query: Service['db']['query'] }, action: 'upload' | 'download' | 'withdraw', a: Attachment, actor: LoopActor | { id: string; roles: readonly string[] }) {
  await db.query('INSERT INTO attachment_audit (attachment_id, collection, item_id, action, actor, sha256, size) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7)', [
    a.id,
    a.item.kind,
    a.item.id,
    action,
    JSON.stringify(actor),
    a.sha256,
    a.size,
  ]);
}

/**
 * Stores a file with its record (checked by the caller against core's `checkFile` and its hash),
 * under the item's row lock: the same id with the same bytes again answers the stored record
 * (`replayed`); a withdrawn id is refused (`attachment_removed`), another file under a taken id
 * too (`attachment_exists`), and a second live copy of the bytes on the item
 * (`duplicate_attachment`). Audited. The upload route's write, and the example seed's.
 */
export async function storeAttachment(service: Pick<Service, 'db'>, record: Attachment, bytes: Uint8Array, options: { readonly clear?: boolean } = {}): Promise<{ record: Attachment; replayed: boolean }> {
  const clear = options.clear ?? true;
  const { kind: collection, id } = record.item;
  return undone(() =>
    service.db.transaction(async (tx) => {
      await lockItem(tx, collection, id);
      const [same] = await tx.query<AttachmentRow>(`${RECORD_SELECT} WHERE a.id = $1`, [record.id]);
      if (same) {
        const was = recordOf(same);
        if (was.removedAt !== undefined) throw refusal(409, { rule: 'attachment_removed', field: 'id', message: ATTACHMENT_TEXTS.withdrawn });
        // A retried upload: the same file under the same id on the same item has its effect once.
        if (same.collection === collection && same.item_id === id && same.sha256 === record.sha256) return { record: clear ? was : seenIn(await recordsOf(tx, collection, id), was.id), replayed: true };
        throw new HttpError(409, 'attachment_exists', ATTACHMENT_TEXTS.attachmentExists, 'id');
      }
      // One live copy of a file per item, checked under the item's lock (two uploads at once take turns).
      // Refusals name the other file as the user may see it.
      const duplicate = checkDuplicate(record.sha256, record.item, asSeen(await recordsOf(tx, collection, id), clear));
      if (duplicate !== true) throw refusal(409, duplicate);
      await tx.query(
        `INSERT INTO attachments (id, collection, item_id, type, name, media_type, size, sha256, added_by, added_at, bytes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $11::bytea)`,
        [record.id, collection, id, record.type, record.name, record.mediaType, record.size, record.sha256, JSON.stringify(record.addedBy), record.addedAt, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
      );
      await audit(tx, 'upload', record, record.addedBy);
      await fileChanged(tx, record);
      return { record: clear ? record : seenIn(await recordsOf(tx, collection, id), record.id), replayed: false };
    }),
  );
}

/**
 * A file's record changed (stored or withdrawn): the change feed's next cursor and a change row
 * naming the file, in the item's scope, so that pulls carry the record and live clients are told.
 * The transaction's last statement: the feed's head, every writer's one lock, is held only until
 * the commit (as a push holds it).
 */
async function fileChanged(tx: Queryable, a: Attachment): Promise<void> {
  await tx.query(
    `WITH head AS (UPDATE feed_head SET cursor = cursor + 1 RETURNING cursor)
     INSERT INTO changes (cursor, collection, item_id, version, city, county, town, community, attachment_id)
     SELECT head.cursor, i.collection, i.id, i.version, i.city, i.county, i.town, i.community, $3 FROM head, items i WHERE i.collection = $1 AND i.id = $2`,
    [a.item.kind, a.item.id, a.id],
  );
}

/**
 * The collections whose file records a user's pull carries: those where one of their roles takes
 * part in the loop (the attachment routes' own rule, \`role_not_in_loop\`).
 */
export function fileCollections(service: Service, identity: Identity): string[] {
  return Object.keys(service.loops).filter((c) => {
    const roles = loopRoles(service.loops[c]!);
    return identity.roles.some((r) => roles.includes(r));
  });
}

/**
 * The records a pull page names (\`collection\`, \`item\`, attachment \`id\`, in feed order), as the
 * user may see them: each once, in its current state (a withdrawal has \`removedAt\`), masked by
 * core's rule for a user who may not see the loop's personal data (\`attachmentsAsSeen\`, numbered
 * over all of the item's files) — never a file name or a withdrawal's reason to them. As JSON text.
 */
export async function fileRecordsFor(service: Service, identity: Identity, refs: readonly (readonly [string, string, string])[]): Promise<string> {
  const items = [...new Map(refs.map(([c, i]) => [`${c}\u0000${i}`, [c, i] as const])).values()];
  const rows = await service.db.query<AttachmentRow>(
    `${RECORD_SELECT} WHERE (a.collection, a.item_id) IN (SELECT x->>0, x->>1 FROM json_array_elements($1::text::json) AS x) ORDER BY a.added_at, a.id`,
    [JSON.stringify(items)],
  );
  const byItem = new Map<string, Attachment[]>();
  for (const r of rows) {
    const key = `${r.collection}\u0000${r.item_id}`;
    const list = byItem.get(key) ?? [];
    byItem.set(key, list);
    list.push(recordOf(r));
  }
  const seen = new Map<string, Attachment>();
  for (const [key, list] of byItem) {
    const binding = service.binding(key.slice(0, key.indexOf('\u0000')));
    if (!binding) continue;
    for (const a of asSeen(list, seesFilesInClear(service, identity, binding))) seen.set(a.id, a);
  }
  const out: string[] = [];
  const sent = new Set<string>();
  for (const [, , id] of refs) {
    const a = seen.get(id);
    if (a === undefined || sent.has(id)) continue;
    sent.add(id);
    out.push(JSON.stringify(a));
  }
  return out.join(',');
}

type Env = { Variables: { identity: Identity; requestId: string } };

/** Registers the attachment routes on the app (after its token check). */
export function mountAttachments(app: Hono<Env>, service: Service, logger: LoggerLike): void {
  app.put('/items/:collection/:id/attachments/:attachmentId', async (c) => {
    const identity = c.get('identity');
    const { collection, id, attachmentId } = c.req.param();
    // An id is a key, not text: no control or format characters (a byte-order mark, a bidi
    // override) and no space at either end. PGlite's text decoding drops a leading byte-order
    // mark, so such an id would not read back as it was stored.
    if (!ATTACHMENT_ID.test(attachmentId)) throw new HttpError(400, 'invalid_attachment', { 'zh-CN': '附件编号不能含控制字符或格式字符，首尾不能有空格', en: 'an attachment id has no control or format characters and no space at either end' }, 'id');
    const found = await itemFor(service, identity, collection, id);
    const clear = seesFilesInClear(service, identity, found.binding);
    const actor = actorFor(identity, c.req.query('role') === undefined ? undefined : { role: c.req.query('role') }, 'role');
    const type = c.req.query('type') as AttachmentType;
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(type)) throw new HttpError(400, 'invalid_attachment', { 'zh-CN': `附件类型须是 ${ATTACHMENT_TYPES.join('、')} 之一`, en: `the type is one of ${ATTACHMENT_TYPES.join(', ')}` }, 'type');
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const claimed = (c.req.header('x-bihuan-sha256') ?? '').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(claimed)) throw new HttpError(400, 'sha256_missing', ATTACHMENT_TEXTS.sha256Missing, 'sha256');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const name = c.req.query('name') ?? '';
    // A refusal quotes the file's name only to a user who sees names in clear.
    const fits = checkFile({ type, name: clear ? name.slice(0, 255) : 'attachment', size: bytes.byteLength, mediaType: mediaType.slice(0, 200) });
    if (fits !== true) throw refusal(fits.rule === 'media_type' ? 415 : fits.rule === 'file_too_large' ? 413 : 422, fits);
    const sha256 = await sha256Of(bytes);
    if (sha256 !== claimed) throw new HttpError(422, 'sha256_mismatch', ATTACHMENT_TEXTS.sha256Mismatch, 'sha256');
    const record = parse(AttachmentSchema, { id: attachmentId, item: { kind: collection, id }, type, name, size: bytes.byteLength, mediaType, sha256, addedBy: actor, addedAt: c.req.query('at') ?? new Date().toISOString() }, 'invalid_attachment');
    const stored = await storeAttachment(service, record, bytes, { clear });
    if (!stored.replayed) logger.info({ requestId: c.get('requestId'), user: identity.sub, collection: found.binding.definition.id, attachment: record.id, size: record.size }, 'attachment stored');
    return c.json({ attachment: stored.record, ...(stored.replayed ? { replayed: true } : {}) }, stored.replayed ? 200 : 201);
  });

  app.get('/items/:collection/:id/attachments', async (c) => {
    const { collection, id } = c.req.param();
    const identity = c.get('identity');
    const found = await itemFor(service, identity, collection, id);
    const seen = asSeen(await recordsOf(service.db, collection, id), seesFilesInClear(service, identity, found.binding));
    // `?withdrawn=include`: withdrawn records too (`removedAt` set), so that a device learns of a withdrawal made on another.
    return c.json({ items: c.req.query('withdrawn') === 'include' ? seen : seen.filter((r) => r.removedAt === undefined) });
  });

  app.get('/items/:collection/:id/attachment-log', async (c) => {
    const { collection, id } = c.req.param();
    await itemFor(service, c.get('identity'), collection, id);
    const rows = await service.db.query<{ seq: string; attachment_id: string; action: string; actor: unknown; at: Date | string; sha256: string; size: number }>(
      'SELECT seq::text AS seq, attachment_id, action, actor, at, sha256, size FROM attachment_audit WHERE collection = $1 AND item_id = $2 ORDER BY seq',
      [collection, id],
    );
    return c.json({ items: rows.map((r) => ({ seq: Number(r.seq), attachment: r.attachment_id, action: r.action, actor: r.actor, at: new Date(r.at).toISOString(), sha256: r.sha256, size: Number(r.size) })) });
  });

  app.get('/items/:collection/:id/attachments/:attachmentId', async (c) => download(c, service));

  app.post('/items/:collection/:id/attachments/:attachmentId/withdrawal', async (c) => {
    const identity = c.get('identity');
    const { collection, id, attachmentId } = c.req.param();
    const found = await itemFor(service, identity, collection, id);
    const body = parse(WithdrawalBody, await readJson(c));
    const actor = actorFor(identity, body.actor, 'actor');
    const at = body.at ?? new Date().toISOString();
    const clear = seesFilesInClear(service, identity, found.binding);
    const withdrawn = await undone(() =>
      service.db.transaction(async (tx) => {
        const snapshot = await lockItem(tx, collection, id);
        const records = await recordsOf(tx, collection, id);
        const current = records.find((r) => r.id === attachmentId);
        if (!current) throw new HttpError(404, 'not_found', ATTACHMENT_TEXTS.noAttachment);
        const refused = withdrawalRefusal(found.binding, current, actor, snapshot, records, clear);
        if (refused) throw refused;
        await tx.query('INSERT INTO attachment_withdrawals (attachment_id, collection, item_id, actor, reason, at) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)', [current.id, collection, id, JSON.stringify(actor), body.reason, at]);
        await audit(tx, 'withdraw', current, actor);
        await fileChanged(tx, current);
        const done = { ...current, removedAt: at, removedBy: actor, removedReason: body.reason } satisfies Attachment;
        return clear ? done : seenIn(records.map((r) => (r.id === done.id ? done : r)), done.id);
      }),
    );
    logger.info({ requestId: c.get('requestId'), user: identity.sub, collection: found.binding.definition.id, attachment: withdrawn.id }, 'attachment withdrawn');
    return c.json({ attachment: withdrawn });
  });
}

const WithdrawalBody = z
  .object({
    reason: z.string().trim().min(1).max(500),
    at: z.iso.datetime({ offset: true }).optional(),
    actor: z.object({ role: z.string().min(1).max(60).optional() }).strict().optional(),
  })
  .strict();

/**
 * Core's refusals of a withdrawal (`checkRemoval`), as HTTP errors: one already withdrawn
 * (`attachment_removed`, 409), by someone who did not add it and is no supervisor
 * (`remove_not_allowed`, 403), or a file a rule still needs (`attachment_still_needed`, 409);
 * undefined when it may go.
 */
function withdrawalRefusal(binding: LoopBinding, current: Attachment, actor: LoopActor, snapshot: unknown, records: readonly Attachment[], clear: boolean): HttpError | undefined {
  const kind = attachmentRuleOf(binding.definition.id)?.kind ?? current.item.kind;
  // Judged on the records as the user sees them: a refusal names the file as they may see it.
  const seen = asSeen(records, clear);
  const [record, ...rest] = asKind([seen.find((r) => r.id === current.id)!, ...seen.filter((r) => r.id !== current.id)], kind);
  const refused = checkRemoval(record!, actor, snapshot, [record!, ...rest]);
  return refused === true ? undefined : refusal(refused.rule === 'remove_not_allowed' ? 403 : 409, refused);
}

async function download(c: Context<Env>, service: Service): Promise<Response> {
  const identity = c.get('identity');
  const { collection, id, attachmentId } = c.req.param() as { collection: string; id: string; attachmentId: string };
  const found = await itemFor(service, identity, collection, id);
  const clear = seesFilesInClear(service, identity, found.binding);
  const records = await recordsOf(service.db, collection, id);
  const record = records.find((r) => r.id === attachmentId);
  if (!record) throw new HttpError(404, 'not_found', ATTACHMENT_TEXTS.noAttachment);
  if (record.removedAt !== undefined) throw new HttpError(410, 'attachment_removed', ATTACHMENT_TEXTS.withdrawn);
  // Files of the types that hold personal data go only to users who see it in clear (core's rule).
  if (attachmentWithheld(record, clear)) throw new HttpError(403, 'personal_data', ATTACHMENT_TEXTS.personalFile, 'attachmentId');
  const [row] = await service.db.query<{ bytes: Uint8Array }>('SELECT bytes FROM attachments WHERE id = $1 AND collection = $2 AND item_id = $3', [attachmentId, collection, id]);
  if (!row) throw new HttpError(404, 'not_found', ATTACHMENT_TEXTS.noAttachment);
  const shown = clear ? record : seenIn(records, attachmentId);
  await audit(service.db, 'download', record, { id: identity.sub, roles: identity.roles });
  const bytes = row.bytes instanceof Uint8Array ? row.bytes : new Uint8Array(row.bytes as ArrayBuffer);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': record.mediaType,
    'content-length': String(bytes.byteLength),
    'x-bihuan-sha256': record.sha256,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
    'content-disposition': `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(shown.name)}`,
  });
}
