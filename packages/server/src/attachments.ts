import type { Context, Hono } from 'hono';
import { ATTACHMENT_TYPES, AttachmentSchema, checkDuplicate, checkFile, MAX_ATTACHMENT_BYTES, sha256Of, type Attachment, type AttachmentType } from '@bihuan/core/attachment';
import type { Localized } from '@bihuan/core/schema';
import type { LoopActor } from '@bihuan/core/loop';
import type { Identity } from './auth.js';
import type { Row } from './database.js';
import { HttpError, TEXTS } from './errors.js';
import type { LoggerLike } from './log.js';
import type { LoopBinding } from './loops.js';
import { undone, type Service } from './service.js';
import { actorFor } from './app.js';

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
 * - `GET /items/:collection/:id/attachments` — the item's records, oldest first (no bytes).
 * - `GET /items/:collection/:id/attachments/:attachmentId` — the bytes.
 * - `GET /items/:collection/:id/attachment-log` — the audit lines (who stored or fetched which file, when).
 * Each upload and each download writes an audit line (`attachment_audit`, append-only like `events`).
 */

/** Whether a request is an upload (its body limit is the largest attachment's, not the JSON one). */
export function isAttachmentUpload(method: string, path: string): boolean {
  return method === 'PUT' && UPLOAD_PATH.test(path);
}
const UPLOAD_PATH = /^\/items\/[^/]+\/[^/]+\/attachments\/[^/]+$/;

/** The body limit of an upload: the largest attachment core accepts. */
export const ATTACHMENT_BODY_LIMIT = MAX_ATTACHMENT_BYTES;

/** Types whose files carry personal data in clear (a signed agreement, a notice naming the parties). */
const PERSONAL_TYPES: readonly AttachmentType[] = ['agreementScan', 'notice'];

export const ATTACHMENT_TEXTS = {
  roleNotInLoop: { 'zh-CN': '您的角色不参与这类事项，不能查看或上传其附件', en: 'none of your roles takes part in this kind of item: its attachments are not yours to see or add' },
  personalFile: { 'zh-CN': '该附件含当事人个人信息，您的角色不能下载', en: 'this attachment holds personal data your role may not download' },
  sha256Missing: { 'zh-CN': '请在 X-Bihuan-SHA256 头中给出文件的 SHA-256（64 位十六进制小写）', en: 'give the file’s SHA-256 (64 lower-case hex digits) in the X-Bihuan-SHA256 header' },
  sha256Mismatch: { 'zh-CN': '文件内容与所给 SHA-256 不符（传输中损坏或被改动），未保存', en: 'the body does not match the SHA-256 given (damaged or altered on the way); nothing was stored' },
  attachmentExists: { 'zh-CN': '该附件编号已用于另一个文件', en: 'this attachment id is already used for another file' },
  noAttachment: { 'zh-CN': '没有找到该附件（或不在您的辖区内）', en: 'no such attachment (or not within your area)' },
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
}

const RECORD_COLUMNS = 'id, collection, item_id, type, name, media_type, size, sha256, added_by, added_at';

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
});

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

function recordArg(value: unknown): Attachment {
  const parsed = AttachmentSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  throw new HttpError(400, 'invalid_attachment', { 'zh-CN': `${TEXTS.invalid['zh-CN']}：${path} ${issue.message.slice(0, 200)}`, en: `${TEXTS.invalid.en}: ${path} ${issue.message.slice(0, 200)}` }, path);
}

async function audit(db: { query: Service['db']['query'] }, action: 'upload' | 'download', a: Attachment, actor: LoopActor | { id: string; roles: readonly string[] }) {
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

type Env = { Variables: { identity: Identity; requestId: string } };

/** Registers the attachment routes on the app (after its token check). */
export function mountAttachments(app: Hono<Env>, service: Service, logger: LoggerLike): void {
  app.put('/items/:collection/:id/attachments/:attachmentId', async (c) => {
    const identity = c.get('identity');
    const { collection, id, attachmentId } = c.req.param();
    const found = await itemFor(service, identity, collection, id);
    const actor = actorFor(identity, c.req.query('role') === undefined ? undefined : { role: c.req.query('role') }, 'role');
    const type = c.req.query('type') as AttachmentType;
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(type)) throw new HttpError(400, 'invalid_attachment', { 'zh-CN': `附件类型须是 ${ATTACHMENT_TYPES.join('、')} 之一`, en: `the type is one of ${ATTACHMENT_TYPES.join(', ')}` }, 'type');
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const claimed = (c.req.header('x-bihuan-sha256') ?? '').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(claimed)) throw new HttpError(400, 'sha256_missing', ATTACHMENT_TEXTS.sha256Missing, 'sha256');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const name = c.req.query('name') ?? '';
    const fits = checkFile({ type, name: name.slice(0, 255), size: bytes.byteLength, mediaType: mediaType.slice(0, 200) });
    if (fits !== true) throw refusal(fits.rule === 'media_type' ? 415 : fits.rule === 'file_too_large' ? 413 : 422, fits);
    const sha256 = await sha256Of(bytes);
    if (sha256 !== claimed) throw new HttpError(422, 'sha256_mismatch', ATTACHMENT_TEXTS.sha256Mismatch, 'sha256');
    const record = recordArg({ id: attachmentId, item: { kind: collection, id }, type, name, size: bytes.byteLength, mediaType, sha256, addedBy: actor, addedAt: c.req.query('at') ?? new Date().toISOString() });
    const stored = await undone(() =>
      service.db.transaction(async (tx) => {
        const [same] = await tx.query<AttachmentRow>(`SELECT ${RECORD_COLUMNS} FROM attachments WHERE id = $1`, [record.id]);
        if (same) {
          // A retried upload: the same file under the same id on the same item has its effect once.
          if (same.collection === collection && same.item_id === id && same.sha256 === sha256) return { record: recordOf(same), replayed: true };
          throw new HttpError(409, 'attachment_exists', ATTACHMENT_TEXTS.attachmentExists, 'id');
        }
        const onItem = await tx.query<AttachmentRow>(`SELECT ${RECORD_COLUMNS} FROM attachments WHERE collection = $1 AND item_id = $2 AND sha256 = $3`, [collection, id, sha256]);
        const duplicate = checkDuplicate(sha256, record.item, onItem.map(recordOf));
        if (duplicate !== true) throw refusal(409, duplicate);
        await tx.query(
          `INSERT INTO attachments (id, collection, item_id, type, name, media_type, size, sha256, added_by, added_at, bytes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb, $10, $11::bytea)`,
          [record.id, collection, id, record.type, record.name, record.mediaType, record.size, sha256, JSON.stringify(record.addedBy), record.addedAt, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
        );
        await audit(tx, 'upload', record, actor);
        return { record, replayed: false };
      }),
    );
    if (!stored.replayed) logger.info({ requestId: c.get('requestId'), user: identity.sub, collection: found.binding.definition.id, attachment: record.id, size: record.size }, 'attachment stored');
    return c.json({ attachment: stored.record, ...(stored.replayed ? { replayed: true } : {}) }, stored.replayed ? 200 : 201);
  });

  app.get('/items/:collection/:id/attachments', async (c) => {
    const { collection, id } = c.req.param();
    await itemFor(service, c.get('identity'), collection, id);
    const rows = await service.db.query<AttachmentRow>(`SELECT ${RECORD_COLUMNS} FROM attachments WHERE collection = $1 AND item_id = $2 ORDER BY added_at, id`, [collection, id]);
    return c.json({ items: rows.map(recordOf) });
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
}

async function download(c: Context<Env>, service: Service): Promise<Response> {
  const identity = c.get('identity');
  const { collection, id, attachmentId } = c.req.param() as { collection: string; id: string; attachmentId: string };
  const found = await itemFor(service, identity, collection, id);
  const [row] = await service.db.query<AttachmentRow & { bytes: Uint8Array }>(`SELECT ${RECORD_COLUMNS}, bytes FROM attachments WHERE id = $1 AND collection = $2 AND item_id = $3`, [attachmentId, collection, id]);
  if (!row) throw new HttpError(404, 'not_found', ATTACHMENT_TEXTS.noAttachment);
  const record = recordOf(row);
  // A file with the parties' personal data goes only to roles that see it in clear, where the loop names such roles.
  if (PERSONAL_TYPES.includes(record.type) && (found.binding.personalDataRoles ?? []).length > 0 && !service.seesInClear(identity, found.binding)) {
    throw new HttpError(403, 'personal_data', ATTACHMENT_TEXTS.personalFile);
  }
  await audit(service.db, 'download', record, { id: identity.sub, roles: identity.roles });
  const bytes = row.bytes instanceof Uint8Array ? row.bytes : new Uint8Array(row.bytes as ArrayBuffer);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': record.mediaType,
    'content-length': String(bytes.byteLength),
    'x-bihuan-sha256': record.sha256,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
    'content-disposition': `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(record.name)}`,
  });
}
