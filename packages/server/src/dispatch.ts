import * as z from 'zod';
import { BihuanError } from '@bihuan/core/schema';
import { personalKindOf } from '@bihuan/core/privacy';
import { parseInstant } from '@bihuan/core/calendar';
import { maskSnapshot, type LoopActor, type Snapshot } from '@bihuan/core/loop';
import { dispatchMonth, TASK_LOOP_ID, type TaskActor, type TaskOrder } from '@bihuan/core/task';
import type { Identity } from './auth.js';
import { HttpError, TEXTS } from './errors.js';
import { DIMENSION_COLUMNS, dimensionsOfAll } from './rollups.js';
import type { LoopBinding } from './loops.js';
import { undone, type Service } from './service.js';

/**
 * The month's task orders for a whole city (下单), made on the server by core's `dispatchMonth`
 * from the city's catalog and roster, and written in chunks of their own transactions.
 *
 * Idempotent by the order's id (period, template, officer — core's `taskOrderId`): a chunk skips
 * the ids already stored, and its insert skips any another process stored meanwhile (`ON CONFLICT
 * DO NOTHING` under the feed head's lock), so a repeated or retried call, two calls at once on two
 * processes, or a call resumed after a crash mid-way create each order exactly once.
 */

const area = z.string().min(1).max(120);
/** `POST /dispatch/tasks`: the month, when, and the city's catalog and roster (checked by core). */
export const DispatchBody = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written YYYY-MM'),
    /** When the dispatch happens (default: now); core allows a month ahead up to the month's last day. */
    at: z.string().min(1).max(40).refine((s) => !Number.isNaN(parseInstant(s)), { message: 'an instant with an offset, e.g. 2026-12-01T08:30:00+08:00' }).optional(),
    catalog: z.unknown(),
    roster: z.unknown(),
    /** The city dispatched for; when given it must be the token's own. */
    city: area.optional(),
    actor: z.object({ id: area.optional(), role: z.string().min(1).max(60).optional(), unit: area.optional(), name: area.optional() }).strict().optional(),
  })
  .strict();
export type DispatchBody = z.output<typeof DispatchBody>;

export interface DispatchOptions {
  /** Orders written per transaction (default 1000). */
  readonly chunk?: number;
  /** Called after each committed chunk (tests stop a dispatch here to check it resumes). */
  readonly onChunk?: (done: { readonly created: number; readonly skipped: number }) => void | Promise<void>;
}

export interface DispatchSummary {
  readonly collection: string;
  readonly month: string;
  readonly city: string;
  /** Orders due this dispatch by core's rules. */
  readonly orders: number;
  /** Orders written by this call. */
  readonly created: number;
  /** Orders that already existed (an earlier or concurrent call made them). */
  readonly skipped: number;
  readonly chunks: number;
}

const TEXTS_DISPATCH = {
  scope: { 'zh-CN': '全市派单须由市级账号办理：登录凭证的辖区须为整个城市', en: 'a city-wide dispatch needs a city-level account: the token’s scope must be the whole city' },
  role: { 'zh-CN': '这个角色不能派发任务单', en: 'this role may not dispatch task orders' },
  noLoop: { 'zh-CN': '本服务没有任务单集合', en: 'this server keeps no task orders' },
} as const;

/** The types of the dimension columns as `json_to_recordset` reads them. */
const DIMENSION_TYPES: Readonly<Record<(typeof DIMENSION_COLUMNS)[number], string>> = {
  opened_at: 'timestamptz', last_at: 'timestamptz', deadline_at: 'timestamptz', area_town: 'text', outcome: 'text', officer: 'text',
  station: 'text', unit_county: 'text', category: 'text', month: 'text', due_at: 'timestamptz', flags: 'smallint',
};

/**
 * One chunk in one statement: the items not yet stored (their change cursors counted down from the
 * head, $6), then their creation events and change rows — only for the rows actually inserted.
 */
const CHUNK_SQL = `
WITH input AS (
  SELECT x.*, x.snapshot::jsonb AS doc FROM json_to_recordset($1::text::json) AS x(n integer, id text, snapshot json, masked json, actor json, at text, county text, town text,
    ${DIMENSION_COLUMNS.map((c) => `${c} ${DIMENSION_TYPES[c]}`).join(', ')})
), made AS (
  INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, snapshot_text, snapshot_masked, city, county, town, community, change_seq, ${DIMENSION_COLUMNS.join(', ')})
  SELECT $2, id, $3, $4::integer, 1, $5, doc, snapshot::text, masked::text, $7, county, town, NULL, $6::bigint - $8::bigint + n, ${DIMENSION_COLUMNS.join(', ')}
  FROM input ORDER BY n
  ON CONFLICT (collection, id) DO NOTHING
  RETURNING id, change_seq
), logged AS (
  INSERT INTO events (collection, item_id, version, type, from_state, to_state, actor, at, client_id, payload)
  SELECT $2, i.id, 1, i.doc->'history'->0->>'type', NULL, $5, i.actor::jsonb, i.at, $9, i.doc->'history'->0->'payload'
  FROM made JOIN input i USING (id)
), changed AS (
  INSERT INTO changes (cursor, collection, item_id, version, city, county, town, community)
  SELECT made.change_seq, $2, made.id, 1, $7, i.county, i.town, NULL FROM made JOIN input i USING (id)
  RETURNING 1
)
SELECT count(*)::text AS created FROM changed`;

/** Dispatches `body.month` for the token's city. Refusals are `HttpError`s; nothing is written by one. */
export async function dispatchTasks(service: Service, identity: Identity, actor: LoopActor, body: DispatchBody, options: DispatchOptions = {}): Promise<DispatchSummary> {
  const found = Object.entries(service.loops).find(([, b]) => b.definition.id === TASK_LOOP_ID);
  if (!found) throw new HttpError(404, 'unknown_collection', TEXTS_DISPATCH.noLoop, 'collection');
  const [collection, binding] = found;
  // Only a city-level account dispatches for its city; a county's or a town's is refused.
  if (identity.scope.county !== undefined) throw new HttpError(403, 'out_of_scope', TEXTS_DISPATCH.scope, 'scope');
  if (body.city !== undefined && body.city !== identity.scope.city) throw new HttpError(403, 'out_of_scope', TEXTS.outOfScope, 'city');
  if (!(binding.definition.creators as readonly string[]).includes(actor.role)) throw new HttpError(403, 'role_not_allowed', TEXTS_DISPATCH.role, 'actor.role');

  let orders: TaskOrder[];
  try {
    orders = dispatchMonth({ catalog: body.catalog as never, roster: body.roster as never, month: body.month, at: body.at ?? new Date().toISOString(), actor: { id: actor.id, role: actor.role } as TaskActor }).orders;
  } catch (error) {
    if (error instanceof BihuanError) {
      const argument = (error as BihuanError & { argument?: string }).argument;
      const path = argument?.replace(/^input\.?/, '') || undefined;
      throw new HttpError(400, 'invalid_body', error.texts, path);
    }
    throw error;
  }
  // The creation entry names the token's user in full (unit and name too), as every other event does.
  const fullActor = JSON.stringify(actor);
  for (const o of orders) (o.history as unknown as object[])[0] = { ...o.history[0]!, actor };

  const size = Math.max(1, Math.min(options.chunk ?? 1000, 5000));
  const clean = !hasPersonalData(binding);
  let created = 0;
  let skipped = 0;
  let chunks = 0;
  for (let from = 0; from < orders.length; from += size) {
    const chunk = orders.slice(from, from + size);
    // Ids already stored are skipped before anything is made for them (a retried dispatch is cheap).
    const stored = await service.db.query<{ id: string }>('SELECT id FROM items WHERE collection = $1 AND id = ANY(ARRAY(SELECT json_array_elements_text($2::text::json)))', [collection, JSON.stringify(chunk.map((o) => o.id))]);
    const have = new Set(stored.map((r) => r.id));
    const fresh = have.size ? chunk.filter((o) => !have.has(o.id)) : chunk;
    if (fresh.length) {
      const rows = rowsOf(fresh, binding, clean, fullActor);
      // A chunk that lost a race (deadlock, serialization) runs again from its start.
      const n = await undone(() => service.db.transaction(async (tx) => {
        // The feed's head first: cursors for the whole chunk, held until commit (commit order).
        const [head] = await tx.query<{ cursor: string }>('UPDATE feed_head SET cursor = cursor + $1 RETURNING cursor::text AS cursor', [fresh.length]);
        const [done] = await tx.query<{ created: string }>(CHUNK_SQL, [rows, collection, TASK_LOOP_ID, fresh[0]!.loop.version, fresh[0]!.state, head!.cursor, identity.scope.city, fresh.length, 'dispatch']);
        return Number(done!.created);
      }));
      created += n;
      skipped += chunk.length - n;
      chunks++;
    } else {
      skipped += chunk.length;
    }
    await options.onChunk?.({ created, skipped });
  }
  return { collection, month: body.month, city: identity.scope.city, orders: orders.length, created, skipped, chunks };
}

/** A chunk's rows as one JSON array: each snapshot's own JSON text spliced in, never encoded twice. */
function rowsOf(orders: readonly TaskOrder[], binding: LoopBinding, clean: boolean, actor: string): string {
  const parts: string[] = new Array(orders.length);
  const all = dimensionsOfAll(orders as unknown as Snapshot[]);
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!;
    const clear = JSON.stringify(o);
    let masked = 'null';
    if (!clean) {
      const text = JSON.stringify(maskSnapshot(binding.definition, o as unknown as Snapshot));
      if (text !== clear) masked = text;
    }
    const dims = all[i]!;
    const rest: Record<string, unknown> = { n: i + 1, id: o.id, at: o.history[0]!.at, county: o.data.county, town: o.data.station };
    DIMENSION_COLUMNS.forEach((c, k) => (rest[c] = dims[k]));
    parts[i] = `{"snapshot":${clear},"masked":${masked},"actor":${actor},${JSON.stringify(rest).slice(1)}`;
  }
  return `[${parts.join(',')}]`;
}

const personalOf = new WeakMap<object, boolean>();

/**
 * Whether masking could change a new item of this loop: its data schema marks a personal field
 * somewhere `maskSnapshot` looks (object fields, array elements, optional/nullable wrappers).
 * A loop without any (task orders) skips masking each of its 200,000 orders.
 */
export function hasPersonalData(binding: LoopBinding): boolean {
  const def = binding.definition;
  let known = personalOf.get(def);
  if (known === undefined) {
    known = marks(def.data as z.ZodType, 0);
    personalOf.set(def, known);
  }
  return known;
}

function marks(schema: z.ZodType, depth: number): boolean {
  if (depth > 40) return true; // deeper than any loop's data: assume personal rather than guess
  if (personalKindOf(schema) !== undefined) return true;
  const def = (schema as { _zod?: { def?: { type?: string; element?: z.ZodType; shape?: Record<string, z.ZodType> } } })._zod?.def;
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (def?.type === 'object' && shape) return Object.values(shape).some((f) => marks(f, depth + 1));
  if (def?.type === 'array' && def.element) return marks(def.element, depth + 1);
  const unwrap = (schema as { unwrap?: () => z.ZodType }).unwrap;
  if (typeof unwrap === 'function') return marks(unwrap.call(schema), depth + 1);
  return false;
}
