import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod';
import { toCsv, type CsvColumn } from '@bihuan/core/export';
import type { LoopActor } from '@bihuan/core/loop';
import type { Identity, Verifier } from './auth.js';
import { HttpError, TEXTS } from './errors.js';
import type { AuditEntry, Service } from './service.js';
import { mountLive, type LiveOptions } from './live.js';
import { loggerFor, requestLog, type LoggerLike } from './log.js';
import { rollupTasks, TaskRollupQuery } from './rollups.js';
import { disputeLedger, DisputeLedgerQuery } from './ledgers.js';
import { DispatchBody, dispatchTasks, type DispatchOptions } from './dispatch.js';
import { ATTACHMENT_BODY_LIMIT, isAttachmentUpload, mountAttachments } from './attachments.js';
import { UNSTORABLE_TEXT, unstorableTextPath, unstorableUrlPart } from './text.js';

export interface AppOptions extends LiveOptions {
  /** Largest request body in bytes (default 1 MiB); larger ones are answered 413. */
  readonly bodyLimit?: number;
  /** A host's own logger (pino, or anything with info/warn/error): request and failure entries go there. */
  readonly logger?: LoggerLike;
  /** Without `logger`: where pino's entries go, as objects (default: one JSON line each on stderr). */
  readonly log?: (entry: Record<string, unknown>) => void;
  /** How long `GET /health` waits for the database before answering 503 (ms, default 2000). */
  readonly healthTimeout?: number;
  /** Largest body of `POST /dispatch/tasks`, which carries a city's roster and catalog (bytes, default 16 MiB). */
  readonly dispatchBodyLimit?: number;
  /** How the city-wide dispatch writes (orders per transaction). */
  readonly dispatch?: DispatchOptions;
}

/** Paths whose bodies have a limit of their own. */
const DISPATCH_PATH = '/dispatch/tasks';

const text = (max: number) => z.string().min(1).max(max);
const ClaimedActor = z.object({ id: text(120).optional(), role: text(60).optional(), unit: text(120).optional(), name: text(120).optional() }).strict();
const MutationId = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
const ClientId = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _ . : - (at most 100)');
const Collection = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,59}$/, 'a collection name');
const ItemId = text(200);
const EventBody = z
  .object({ type: text(100), at: text(40), note: z.string().max(2000).optional(), attachments: z.array(text(1000)).max(50).optional(), payload: z.unknown().optional(), actor: ClaimedActor.optional() })
  .strict();
export const PushBody = z
  .object({
    clientId: ClientId,
    mutations: z.array(z.object({ mutationId: MutationId, collection: Collection, item: ItemId, baseVersion: z.int().min(1).max(1_000_000), event: EventBody }).strict()).min(1).max(100),
  })
  .strict();
const Area = text(120);
export const CreateBody = z
  .object({
    clientId: ClientId,
    mutationId: MutationId,
    id: ItemId,
    input: z.unknown(),
    at: text(40),
    note: z.string().max(2000).optional(),
    attachments: z.array(text(1000)).max(50).optional(),
    scope: z.object({ city: Area.optional(), county: Area.optional(), town: Area.optional(), community: Area.optional() }).strict().optional(),
    actor: ClaimedActor.optional(),
  })
  .strict();
// Pages of up to 5,000 items: a station's first pull of 10,000 in two round trips.
// Digits only (no sign, exponent, hex or blank) and no other parameter, as for the ledgers and roll-ups.
const digits = z.string().regex(/^\d{1,16}$/, 'a whole number (digits only)');
const PullQuery = z
  .object({ cursor: digits.default('0').transform(Number).pipe(z.int().max(Number.MAX_SAFE_INTEGER)), limit: digits.default('200').transform(Number).pipe(z.int().min(1).max(5000)) })
  .strict();

type Env = { Variables: { identity: Identity; requestId: string } };

/** The HTTP routes, as a Hono app: `app.fetch` is a web-standard handler a portal can mount. */
export function createApp(service: Service, verify: Verifier, options: AppOptions = {}): Hono<Env> {
  const logger = loggerFor(options);
  const app = new Hono<Env>();
  app.use('*', requestLog(logger, (c) => (c.get('identity') as Identity | undefined)?.sub));

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body(), error.status as 400);
    // Logged once, with the request's entry (log.ts reads `c.error`); the answer names nothing of it.
    return c.json(new HttpError(500, 'internal', TEXTS.internal).body(), 500);
  });
  app.notFound((c) => c.json(new HttpError(404, 'no_route', TEXTS.route).body(), 404));

  // An id or a query value with an encoded NUL would fail in the database: refused here, naming the part.
  app.use('*', async (c, next) => {
    const part = unstorableUrlPart(c.req.url);
    if (part !== undefined) throw invalidText('invalid_query', part.slice(0, 100));
    await next();
  });

  const tooLarge = (c: Context) => c.json(new HttpError(413, 'body_too_large', TEXTS.tooLarge).body(), 413);
  const limit = bodyLimit({ maxSize: options.bodyLimit ?? 1024 * 1024, onError: tooLarge });
  const dispatchLimit = bodyLimit({ maxSize: options.dispatchBodyLimit ?? 16 * 1024 * 1024, onError: tooLarge });
  const uploadLimit = bodyLimit({ maxSize: ATTACHMENT_BODY_LIMIT, onError: tooLarge });
  app.use('*', (c, next) => (c.req.path === DISPATCH_PATH ? dispatchLimit(c, next) : isAttachmentUpload(c.req.method, c.req.path) ? uploadLimit(c, next) : limit(c, next)));

  app.get('/health', async (c) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // A round trip to the database, bounded: a hung database answers 503, not never.
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('database did not answer in time')), options.healthTimeout ?? 2000)));
      await Promise.race([service.db.query('SELECT 1 AS ok FROM bihuan_migrations LIMIT 1'), timeout]);
      return c.json({ status: 'ok', database: service.db.kind });
    } catch (error) {
      logger.error({ requestId: c.get('requestId'), error: String(error) }, 'health check failed');
      return c.json({ status: 'unavailable', error: new HttpError(503, 'database_unavailable', TEXTS.unavailable).body().error }, 503);
    } finally {
      clearTimeout(timer);
    }
  });

  // The session, live tickets and the live stream check the token (or ticket) themselves.
  mountLive(app, service, verify, options);

  // Everything else needs the portal's token.
  app.use('*', async (c, next) => {
    c.set('identity', await verify(c.req.header('authorization')));
    await next();
  });

  app.post('/push', async (c) => {
    const identity = c.get('identity');
    const body = parse(PushBody, await readJson(c));
    // Every mutation's actor is settled before anything is written: one forged actor refuses the batch.
    const actors = body.mutations.map((m, i) => actorFor(identity, m.event.actor, `mutations[${i}].event.actor`));
    // Another user's client id is refused by the first mutation's transaction, which locks the client's row.
    const results = [];
    for (const [i, m] of body.mutations.entries()) {
      const { actor: _claimed, ...event } = m.event;
      results.push(await service.push(identity, body.clientId, { mutationId: m.mutationId, collection: m.collection, item: m.item, baseVersion: m.baseVersion, event, actor: actors[i]! }));
    }
    return c.json({ results });
  });

  app.post('/items/:collection', async (c) => {
    const identity = c.get('identity');
    const collection = c.req.param('collection');
    const body = parse(CreateBody, await readJson(c));
    const actor = actorFor(identity, body.actor, 'actor');
    await service.checkClient(identity, body.clientId);
    const { result, snapshot } = await service.create(identity, { ...body, collection, actor });
    if (!result.ok) return c.json({ result, error: result.error }, result.status as 409);
    const binding = service.binding(collection)!;
    const found = snapshot ? undefined : await service.get(identity, collection, result.item);
    const shown = snapshot ?? (found?.row.snapshot as typeof snapshot);
    return c.json({ result, snapshot: shown ? service.view(identity, binding, shown) : undefined }, result.replayed ? 200 : 201);
  });

  app.get('/items/:collection/:id/audit.json', async (c) => {
    const { collection, id } = c.req.param();
    const entries = await auditOf(service, c.get('identity'), collection, id);
    return c.json({ collection, id, events: entries });
  });

  app.get('/items/:collection/:id/audit.csv', async (c) => {
    const { collection, id } = c.req.param();
    const entries = await auditOf(service, c.get('identity'), collection, id);
    return c.body(toCsv(entries, AUDIT_COLUMNS), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit.csv"; filename*=UTF-8''${encodeURIComponent(`${collection}-${id}-audit.csv`)}`,
    });
  });

  app.get('/items/:collection/:id', async (c) => {
    const identity = c.get('identity');
    const { collection, id } = c.req.param();
    const found = await service.get(identity, collection, id);
    if (!found) throw new HttpError(404, 'not_found', TEXTS.notFound);
    return c.json({ collection, id, version: found.row.version, snapshot: service.view(identity, found.binding, found.row.snapshot as never) });
  });

  app.get('/pull', async (c) => {
    const query = parse(PullQuery, c.req.query(), 'invalid_query');
    return c.body(await service.pullBody(c.get('identity'), query.cursor, query.limit), 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  // The month's task orders for the token's whole city (dispatch.ts): idempotent, in chunks.
  app.post(DISPATCH_PATH, async (c) => {
    const identity = c.get('identity');
    const body = parse(DispatchBody, await readJson(c));
    const actor = actorFor(identity, body.actor, 'actor');
    return c.json(await dispatchTasks(service, identity, actor, body, options.dispatch));
  });

  // Ledgers and roll-ups in SQL, scoped like pull (rollups.ts, ledgers.ts).
  app.get('/rollups/tasks', async (c) => c.json(await rollupTasks(service.db, c.get('identity'), parse(TaskRollupQuery, c.req.query(), 'invalid_query'))));
  app.get('/ledgers/disputes', async (c) => {
    const identity = c.get('identity');
    const page = await disputeLedger(service.db, identity, parse(DisputeLedgerQuery, c.req.query(), 'invalid_query'));
    const items = page.items.flatMap((r) => {
      const binding = service.binding(r.collection);
      return binding ? [{ collection: r.collection, id: r.id, version: r.version, snapshot: service.view(identity, binding, r.snapshot) }] : [];
    });
    return c.json({ ...page, items });
  });

  // An item's files: records with their bytes (attachments.ts).
  mountAttachments(app, service, logger);

  return app;
}

async function auditOf(service: Service, identity: Identity, collection: string, id: string): Promise<AuditEntry[]> {
  const entries = await service.audit(identity, collection, id);
  if (!entries) throw new HttpError(404, 'not_found', TEXTS.notFound);
  return entries;
}

const AUDIT_COLUMNS: readonly CsvColumn<AuditEntry>[] = [
  { header: '版本 version', value: 'version', type: 'number' },
  { header: '事件 event', value: 'type' },
  { header: '原状态 from', value: 'from' },
  { header: '新状态 to', value: 'to' },
  { header: '操作人编号 actor id', value: (e) => e.actor.id },
  { header: '操作人 actor', value: (e) => e.actor.name },
  { header: '角色 role', value: (e) => e.actor.role },
  { header: '单位 unit', value: (e) => e.actor.unit },
  { header: '发生时间 at', value: 'at' },
  { header: '接收时间 received', value: 'receivedAt', type: 'datetime' },
  { header: '客户端 client', value: 'clientId' },
  { header: '操作编号 mutation', value: 'mutationId', type: 'number' },
  { header: '备注 note', value: 'note' },
  { header: '附件 attachments', value: 'attachments' },
  { header: '内容 payload', value: 'payload' },
];

/** The request's JSON body, refused with a typed 400 when it is not JSON or holds text the database cannot store. */
export async function readJson(c: Context): Promise<unknown> {
  const raw = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'body_not_json', TEXTS.notJson);
  }
  const unstorable = unstorableTextPath(value);
  if (unstorable !== undefined) throw invalidText('invalid_body', unstorable.slice(0, 200));
  return value;
}

function invalidText(code: string, path: string): HttpError {
  return new HttpError(400, code, { 'zh-CN': `${TEXTS.invalid['zh-CN']}：${path} ${UNSTORABLE_TEXT['zh-CN']}`, en: `${TEXTS.invalid.en}: ${path} ${UNSTORABLE_TEXT.en}` }, path);
}

/** `value` checked by `schema`, or a typed 400 naming the first failing path (zod's own words, in both languages). */
export function parse<T>(schema: z.core.$ZodType<T>, value: unknown, code = 'invalid_body'): T {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
  const detail = issue.message.slice(0, 200);
  // zod's own words in Chinese for the Chinese text; a rule's own hint (a custom issue) as written.
  const zh = issue.code === 'custom' ? undefined : ZOD_ZH(issue as never);
  const zhDetail = typeof zh === 'string' ? zh.slice(0, 200) : detail;
  return fail(new HttpError(400, code, { 'zh-CN': `${TEXTS.invalid['zh-CN']}：${path || '(根)'} ${zhDetail}`, en: `${TEXTS.invalid.en}: ${path || '(root)'} ${detail}` }, path || undefined));
}

const ZOD_ZH = z.locales.zhCN().localeError;

function fail(error: HttpError): never {
  throw error;
}

/**
 * The actor of an event: always the token's user. A body may name the role it acts in (one of the
 * token's roles); naming anyone else — another id, unit or name — is refused as forged.
 */
export function actorFor(identity: Identity, claimed: z.infer<typeof ClaimedActor> | undefined, path: string): LoopActor {
  const own: Record<string, string | undefined> = { id: identity.sub, unit: identity.unit, name: identity.name };
  for (const key of ['id', 'unit', 'name'] as const) {
    if (claimed?.[key] !== undefined && claimed[key] !== own[key]) throw new HttpError(403, 'actor_forged', TEXTS.actorForged, `${path}.${key}`);
  }
  const role = claimed?.role ?? (identity.roles.length === 1 ? identity.roles[0] : undefined);
  if (role === undefined) throw new HttpError(400, 'role_required', TEXTS.roleRequired, `${path}.role`);
  if (!identity.roles.includes(role)) throw new HttpError(403, 'role_not_held', TEXTS.roleNotHeld, `${path}.role`);
  const actor: { -readonly [K in keyof LoopActor]: LoopActor[K] } = { id: identity.sub, role };
  if (identity.unit !== undefined) actor.unit = identity.unit;
  if (identity.name !== undefined) actor.name = identity.name;
  return actor;
}
