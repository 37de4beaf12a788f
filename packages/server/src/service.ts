import { BihuanError, type Localized } from '@bihuan/core/schema';
import { stringifyCanonical } from '@bihuan/core/export';
import { loadSnapshot, maskSnapshot, transition, type HistoryEntry, type LoopActor, type LoopEvent, type Refusal, type Snapshot } from '@bihuan/core/loop';
import type { Database, Queryable, Row } from './database.js';
import { scopeClause, scopeParams, within, type Identity, type Scope } from './auth.js';
import { errorBody, HttpError, TEXTS, type ErrorBody } from './errors.js';
import { createWith, type LoopBinding, type Loops } from './loops.js';
import { DIMENSION_COLUMNS, dimensionsOf } from './rollups.js';
import { fileCollections, fileRecordsFor, ruleContext } from './attachments.js';

/** What the server answers for one mutation (and records, when it was decided). */
export type MutationResult =
  | { readonly mutationId: number; readonly ok: true; readonly item: string; readonly version: number; readonly state: string; readonly rebased?: boolean; readonly replayed?: boolean }
  | {
      readonly mutationId: number;
      readonly ok: false;
      /** The HTTP status this refusal would have on its own: 403 role, 404 unknown item, 409 state, 422 payload. */
      readonly status: number;
      readonly error: ErrorBody;
      /** The engine's refusal, when the loop refused. */
      readonly refusal?: Refusal;
      /** The item's current version and state (so the client sees what it was decided on). */
      readonly version?: number;
      readonly state?: string;
      readonly replayed?: boolean;
    };

export interface EventInput {
  readonly type: string;
  readonly at: string;
  readonly note?: string;
  readonly attachments?: readonly string[];
  readonly payload?: unknown;
}

export interface Mutation {
  readonly mutationId: number;
  readonly collection: string;
  readonly item: string;
  readonly baseVersion: number;
  readonly event: EventInput;
  readonly actor: LoopActor;
}

export interface Creation {
  readonly clientId: string;
  readonly mutationId: number;
  readonly collection: string;
  readonly id: string;
  readonly input: unknown;
  readonly at: string;
  readonly note?: string;
  readonly attachments?: readonly string[];
  readonly scope?: Partial<Scope>;
  readonly actor: LoopActor;
}

interface ItemRow extends Row {
  version: number;
  state: string;
  snapshot: unknown;
  city: string;
  county: string | null;
  town: string | null;
  community: string | null;
}

const STATUS_OF_REFUSAL: Readonly<Record<string, number>> = { role_not_allowed: 403, not_allowed_in_state: 409, out_of_order: 409, guard_failed: 409, unknown_event: 422, field_missing: 422, field_invalid: 422 };

const json = (value: unknown): string => JSON.stringify(value);

const utf8 = new TextDecoder();
const PAGE_HEAD = Buffer.from('{"items":[');
/** A pull page's rows: changed since $1, within the scope $2–$5, of a collection served ($6, a JSON array). */
const PAGE_WHERE = `change_seq > $1::bigint AND ${scopeClause(2)} AND collection = ANY(ARRAY(SELECT json_array_elements_text($6::text::json)))`;
/** A row's snapshot text as this user sees it: clear for the collections in $7, else masked (where masking changes anything). */
const SHOWN = `CASE WHEN snapshot_text IS NULL THEN NULL WHEN collection = ANY(ARRAY(SELECT json_array_elements_text($7::text::json))) THEN snapshot_text ELSE coalesce(snapshot_masked, snapshot_text) END`;
/** A pull page's file changes: after $1, within the scope $2–$5, of a collection whose files the user takes part in ($9, a JSON array). */
const FILES_WHERE = `attachment_id IS NOT NULL AND cursor > $1::bigint AND ${scopeClause(2)} AND collection = ANY(ARRAY(SELECT json_array_elements_text($9::text::json)))`;
/** The first $8 item changes and the first $8 file changes after the cursor: the page is the first $8 − 1 of both, in feed order. */
const PAGE_SOURCES = `
changed AS (SELECT change_seq, collection, id, version, snapshot_text, snapshot_masked FROM items WHERE ${PAGE_WHERE} ORDER BY change_seq LIMIT $8),
filed AS (SELECT cursor AS change_seq, collection, item_id, attachment_id FROM changes WHERE ${FILES_WHERE} ORDER BY cursor LIMIT $8),
bound AS (
  SELECT max(change_seq) FILTER (WHERE n < $8) AS seq, count(*) AS total
  FROM (SELECT change_seq, row_number() OVER (ORDER BY change_seq) AS n FROM (SELECT change_seq FROM changed UNION ALL SELECT change_seq FROM filed) AS merged) AS numbered
)`;
/**
 * One pull page joined by the database: the items' JSON in feed order, the next cursor, whether
 * more follow, how many rows lack their stored text, and the file changes in the page (a JSON
 * array of [collection, item, attachment], or NULL).
 */
const PAGE_SQL = `
WITH ${PAGE_SOURCES}
SELECT coalesce((SELECT string_agg('{"collection":' || to_json(collection)::text || ',"id":' || to_json(id)::text || ',"version":' || version::text || ',"snapshot":' || ${SHOWN} || '}', ',' ORDER BY change_seq)
                 FROM changed WHERE change_seq <= bound.seq), '') AS body,
       coalesce(bound.seq, $1::bigint)::text AS cursor,
       (bound.total >= $8)::text AS more,
       (SELECT count(*) FROM changed WHERE snapshot_text IS NULL AND change_seq <= bound.seq)::text AS unwritten,
       (SELECT json_agg(json_build_array(collection, item_id, attachment_id) ORDER BY change_seq) FROM filed WHERE change_seq <= bound.seq)::text AS files
FROM bound`;

/** An item's row as a push or a creation locks it: its snapshot's text, and whether this server wrote that text. */
interface LockedRow extends Row {
  version: number;
  state: string;
  text: string | null;
  written: boolean;
  city: string;
  county: string | null;
  town: string | null;
  community: string | null;
}

/**
 * A mutation's first statement: the client's row, made on first use and locked (one transaction
 * per client at a time), and the item ($3, $4) locked for update. FOR UPDATE reads the item's
 * newest committed version, also when this statement waited for the client's row.
 */
const BEGIN_SQL = `
WITH client AS (
  INSERT INTO clients (client_id, owner) VALUES ($1, $2) ON CONFLICT (client_id) DO UPDATE SET owner = clients.owner RETURNING owner, last_mutation_id
)
SELECT client.owner, client.last_mutation_id::text AS last, item.version, item.state, item.text, item.written, item.city, item.county, item.town, item.community
FROM client LEFT JOIN LATERAL (
  SELECT version, state, coalesce(snapshot_text, snapshot::text) AS text, snapshot_text IS NOT NULL AS written, city, county, town, community
  FROM items WHERE collection = $3 AND id = $4 FOR UPDATE
) AS item ON true`;

/** The mutation's receipt and the client's last id, with the placeholders' numbers. */
const receiptSql = (client: number, mutation: number, result: number) => `INSERT INTO mutations (client_id, mutation_id, result) VALUES ($${client}, $${mutation}, $${result}::text::jsonb)`;
const lastSql = (client: number, mutation: number) => `UPDATE clients SET last_mutation_id = $${mutation} WHERE client_id = $${client}`;

/** The ledger and roll-up columns' placeholders: after the 22 of `write`. */
const DIMS_AT = DIMENSION_COLUMNS.map((_, i) => `$${23 + i}`).join(', ');
/**
 * An accepted event written in one statement (parameters in `write`'s order): the feed's head
 * moved, the event appended, the item written with the new cursor, the change, the receipt.
 */
const writeSql = (item: string) => `
WITH head AS (UPDATE feed_head SET cursor = cursor + 1 RETURNING cursor),
logged AS (
  INSERT INTO events (collection, item_id, version, type, from_state, to_state, actor, at, client_id, mutation_id, note, attachments, payload)
  VALUES ($1, $2, $3, $13, $14, $4, $15::text::jsonb, $16, $17, $18, $19, $20::text::jsonb, $21::text::jsonb)
),
item AS (${item}),
changed AS (INSERT INTO changes (cursor, collection, item_id, version, city, county, town, community) SELECT cursor, $1, $2, $3, $9, $10, $11, $12 FROM head),
receipt AS (${receiptSql(17, 18, 22)})
${lastSql(17, 18)}`;
const CREATE_SQL = writeSql(`
  INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, snapshot_text, snapshot_masked, city, county, town, community, change_seq, ${DIMENSION_COLUMNS.join(', ')})
  SELECT $1, $2, $7, $8, $3, $4, $5::text::jsonb, $5, $6, $9, $10, $11, $12, cursor, ${DIMS_AT} FROM head`);
const UPDATE_SQL = writeSql(`
  UPDATE items SET version = $3, state = $4, snapshot = $5::text::jsonb, snapshot_text = $5, snapshot_masked = $6, loop_id = $7, loop_version = $8,
    change_seq = (SELECT cursor FROM head), updated_at = now(), (${DIMENSION_COLUMNS.join(', ')}) = (${DIMS_AT})
  WHERE collection = $1 AND id = $2`);

/** Snapshots a process keeps of what it wrote (a few thousand items' worth). */
const WRITTEN_KEPT = 2000;

/** The domain work behind the HTTP routes: one transaction per mutation, core deciding every event. */
export class Service {
  /** Snapshots this process wrote, by collection and id, with their text (see `loaded`). */
  private readonly written = new Map<string, { readonly text: string; readonly snapshot: Snapshot }>();

  constructor(
    readonly db: Database,
    readonly loops: Loops,
  ) {}

  binding(collection: string): LoopBinding | undefined {
    return Object.hasOwn(this.loops, collection) ? this.loops[collection] : undefined;
  }

  /** A snapshot as this user may see it: personal data masked unless one of their roles may see it. */
  view(identity: Identity, binding: LoopBinding, snapshot: Snapshot): Snapshot {
    return this.seesInClear(identity, binding) ? snapshot : maskSnapshot(binding.definition, snapshot);
  }

  /** Whether one of the user's roles may see this collection's personal data in clear. */
  seesInClear(identity: Identity, binding: LoopBinding): boolean {
    const roles = binding.personalDataRoles ?? [];
    return identity.roles.some((r) => roles.includes(r));
  }

  /** Refuses a client id that another user has used (checked again, under lock, in each transaction). */
  async checkClient(identity: Identity, clientId: string): Promise<void> {
    const rows = await this.db.query<{ owner: string }>('SELECT owner FROM clients WHERE client_id = $1', [clientId]);
    if (rows[0] && rows[0].owner !== identity.sub) throw new HttpError(403, 'client_not_yours', TEXTS.clientNotYours, 'clientId');
  }

  /**
   * The transaction's first statement: locks the client's row (made on first use) and the item,
   * and reads the mutation's recorded result. Answers a mutation already processed with that
   * result, or one older than the last processed with `mutation_out_of_order`; otherwise the
   * item's row as locked (undefined when there is none).
   */
  private async begin(tx: Queryable, identity: Identity, clientId: string, mutationId: number, collection: string, id: string): Promise<{ seen: MutationResult } | { seen?: undefined; row: LockedRow | undefined }> {
    const [first] = await tx.query<LockedRow & { owner: string; last: string }>(BEGIN_SQL, [clientId, identity.sub, collection, id]);
    const { owner, last, ...row } = first!;
    if (owner !== identity.sub) throw new HttpError(403, 'client_not_yours', TEXTS.clientNotYours, 'clientId');
    if (mutationId <= Number(last)) {
      // A retry (or a stale mutation): read in a statement of its own, which sees what the client's
      // previous transaction committed while this one waited for the client's row.
      const [seen] = await tx.query<{ result: MutationResult }>('SELECT result FROM mutations WHERE client_id = $1 AND mutation_id = $2', [clientId, mutationId]);
      if (seen) return { seen: { ...seen.result, replayed: true } };
      throw new Undo(failure(mutationId, 409, 'mutation_out_of_order', TEXTS.mutationOutOfOrder, 'mutationId'));
    }
    return { row: row.version === null ? undefined : row };
  }

  /** Records a refused mutation (its result and the client's last id) in one statement. */
  private async record(tx: Queryable, clientId: string, result: MutationResult): Promise<MutationResult> {
    await tx.query(`WITH receipt AS (${receiptSql(1, 2, 3)}) ${lastSql(1, 2)}`, [clientId, result.mutationId, json(result)]);
    return result;
  }

  /**
   * The stored snapshot of a locked row, checked: one this process wrote (same text) is taken as
   * written, since core checked it then; any other is read with core's `loadSnapshot` (validated
   * whole, migrated, checked against its own history).
   */
  private loaded(binding: LoopBinding, collection: string, id: string, row: LockedRow): Snapshot {
    const key = `${collection}\u0000${id}`;
    const known = this.written.get(key);
    if (known !== undefined && row.written && known.text === row.text) return known.snapshot;
    return loadSnapshot(binding.definition, JSON.parse(row.text!), binding.migrations ?? []);
  }

  /** Remembers a snapshot this process is writing, under its text (bounded; the oldest go first). */
  private remember(collection: string, id: string, text: string, snapshot: Snapshot): void {
    const key = `${collection}\u0000${id}`;
    this.written.delete(key);
    this.written.set(key, { text, snapshot });
    if (this.written.size > WRITTEN_KEPT) this.written.delete(this.written.keys().next().value!);
  }

  /**
   * The snapshot's JSON text as a pull sends it: in clear, and masked for roles that may not see
   * personal data (undefined when masking changes nothing). Made once, when the item is written.
   */
  texts(binding: LoopBinding, snapshot: Snapshot): { clear: string; masked: string | undefined } {
    const clear = json(snapshot);
    const masked = json(maskSnapshot(binding.definition, snapshot));
    return { clear, masked: masked === clear ? undefined : masked };
  }

  /**
   * Appends the accepted entry to the log, moves the feed's head, writes the item and the change,
   * and records the mutation's result and the client's last id: one statement in `tx`, so the
   * feed's head (every writer's one lock) is held only for this statement and the commit.
   */
  private async write(tx: Queryable, binding: LoopBinding, collection: string, snapshot: Snapshot, scope: ItemScope, clientId: string, result: MutationResult, fresh: boolean): Promise<MutationResult> {
    const entry = snapshot.history[snapshot.history.length - 1]!;
    const version = snapshot.history.length;
    const text = this.texts(binding, snapshot);
    const params = [
      collection, snapshot.id, version, snapshot.state, text.clear, text.masked ?? null, snapshot.loop.id, snapshot.loop.version, scope.city, scope.county, scope.town, scope.community,
      entry.type, entry.from, json(entry.actor), entry.at, clientId, result.mutationId, entry.note ?? null, entry.attachments ? json(entry.attachments) : null, entry.payload === undefined ? null : json(entry.payload),
      json(result),
      // The ledger and roll-up columns (migration 2) travel after the other parameters.
      ...dimensionsOf(snapshot),
    ];
    await tx.query(fresh ? CREATE_SQL : UPDATE_SQL, params);
    this.remember(collection, snapshot.id, text.clear, snapshot);
    return result;
  }

  /** One mutation in its own transaction: recorded result, or core's decision on the current snapshot. */
  async push(identity: Identity, clientId: string, m: Mutation): Promise<MutationResult> {
    return undone(() => this.db.transaction(async (tx) => {
      const begun = await this.begin(tx, identity, clientId, m.mutationId, m.collection, m.item);
      if (begun.seen) return begun.seen;
      const binding = this.binding(m.collection);
      if (!binding) throw new Undo(failure(m.mutationId, 404, 'unknown_collection', TEXTS.unknownCollection, 'collection'));
      const row = begun.row;
      // Another area's item is answered exactly as a missing one: its existence does not leak.
      if (!row || !within(identity.scope, row)) throw new Undo(failure(m.mutationId, 404, 'not_found', TEXTS.notFound, 'item'));
      const current = this.loaded(binding, m.collection, m.item, row);
      const event: LoopEvent = { type: m.event.type, actor: m.actor, at: m.event.at, note: m.event.note, attachments: m.event.attachments, payload: m.event.payload };
      let decided;
      try {
        // Core's attachment rules read the item's files as stored here, in this transaction.
        decided = transition(binding.definition, current, event, await ruleContext(tx, binding, m.collection, m.item, event.type));
      } catch (error) {
        // Not an event at all (a bad time, an empty type): refused, nothing recorded.
        if (error instanceof BihuanError) throw new Undo(failure(m.mutationId, 400, error.code, error.texts, fieldOf(error, 'event')));
        throw error;
      }
      if (!decided.ok) {
        const reason = decided.reason;
        const refused: MutationResult = {
          mutationId: m.mutationId,
          ok: false,
          status: STATUS_OF_REFUSAL[reason.code] ?? 409,
          error: errorBody(reason.code, reason.message, reason.field === undefined ? undefined : reason.field === 'payload' ? 'event.payload' : `event.payload.${reason.field}`),
          refusal: reason,
          version: row.version,
          state: row.state,
        };
        return this.record(tx, clientId, refused);
      }
      const next = decided.snapshot;
      const accepted: MutationResult = { mutationId: m.mutationId, ok: true, item: m.item, version: next.history.length, state: next.state, ...(m.baseVersion !== row.version ? { rebased: true } : {}) };
      return this.write(tx, binding, m.collection, next, row, clientId, accepted, false);
    }));
  }

  /**
   * Creates an item (intake): idempotent by client mutation, and by id — the same creation sent
   * again answers as the first time; a different item under a taken id is refused.
   */
  async create(identity: Identity, c: Creation): Promise<{ result: MutationResult; snapshot?: Snapshot }> {
    const binding = this.binding(c.collection);
    if (!binding) throw new HttpError(404, 'unknown_collection', TEXTS.unknownCollection, 'collection');
    const scope = itemScope(identity.scope, c.scope);
    let made: Snapshot;
    try {
      made = createWith(binding, { id: c.id, input: c.input, actor: c.actor, at: c.at, note: c.note, attachments: c.attachments });
    } catch (error) {
      if (error instanceof BihuanError) {
        const path = fieldOf(error, 'input');
        const status = /actor\.role$/.test(path ?? '') ? 403 : 400;
        throw new HttpError(status, status === 403 ? 'role_not_allowed' : error.code, error.texts, path);
      }
      throw error;
    }
    return undone(() => this.db.transaction(async (tx) => {
      const begun = await this.begin(tx, identity, c.clientId, c.mutationId, c.collection, c.id);
      if (begun.seen) return { result: begun.seen };
      const row = begun.row;
      if (row) {
        const first = (JSON.parse(row.text!) as Snapshot).history[0];
        // jsonb reorders keys: compare canonical forms.
        const same = within(identity.scope, row) && stringifyCanonical(first) === stringifyCanonical(made.history[0]);
        if (!same) throw new Undo(failure(c.mutationId, 409, 'item_exists', TEXTS.itemExists, 'id'));
        const result: MutationResult = { mutationId: c.mutationId, ok: true, item: c.id, version: row.version, state: row.state, replayed: true };
        return { result: await this.record(tx, c.clientId, result) };
      }
      const result: MutationResult = { mutationId: c.mutationId, ok: true, item: c.id, version: 1, state: made.state };
      return { result: await this.write(tx, binding, c.collection, made, scope, c.clientId, result, true), snapshot: made };
    }), (result) => ({ result }));
  }

  /** One item within the user's scope, or undefined (missing and out of scope look the same). */
  async get(identity: Identity, collection: string, id: string): Promise<{ binding: LoopBinding; row: ItemRow } | undefined> {
    const binding = this.binding(collection);
    if (!binding) return undefined;
    const [row] = await this.db.query<ItemRow>(`SELECT version, state, snapshot, city, county, town, community FROM items WHERE collection = $1 AND id = $2 AND ${scopeClause(3)}`, [
      collection,
      id,
      ...scopeParams(identity.scope),
    ]);
    return row ? { binding, row } : undefined;
  }

  /**
   * Items and file records changed since `cursor` within the user's scope, in feed order, masked;
   * and the next cursor — as the JSON text of
   * `{ items: [{ collection, id, version, snapshot }], attachments: [Attachment], cursor, more }`.
   */
  async pull(identity: Identity, cursor: number, limit: number): Promise<string> {
    const body = await this.pullBody(identity, cursor, limit);
    return typeof body === 'string' ? body : new TextDecoder().decode(body);
  }

  /**
   * The same page as `pull`, as the bytes to send. Each snapshot goes out as the JSON text stored
   * with it when it was written (in clear or masked, chosen per collection in the query), and the
   * database joins the page itself: nothing is parsed, masked, stringified or concatenated row by
   * row here, and on PostgreSQL the page's bytes are never decoded into a string at all. A page
   * holding a row written without its text (before migration 3, or by direct SQL) is made row by row.
   * File changes in the page (uploads, withdrawals) go out as their records, read and masked by
   * core's rule here (`fileRecordsFor`); a page without any costs no more than the items'.
   */
  async pullBody(identity: Identity, cursor: number, limit: number): Promise<Uint8Array<ArrayBuffer> | string> {
    const params = this.pullParams(identity, cursor, limit);
    if (this.db.bytes) {
      const [row] = await this.db.bytes(PAGE_SQL, params);
      const [body, next, more, unwritten, files] = row!;
      if (utf8.decode(unwritten!) === '0') {
        const records = files ? await this.fileRecords(identity, utf8.decode(files)) : '';
        return Buffer.concat([PAGE_HEAD, body!, Buffer.from(`],"attachments":[${records}],"cursor":${utf8.decode(next!)},"more":${utf8.decode(more!)}}`)]);
      }
    } else {
      const [row] = await this.db.query<{ body: string; cursor: string; more: string; unwritten: string; files: string | null }>(PAGE_SQL, params);
      if (row!.unwritten === '0') {
        const records = row!.files ? await this.fileRecords(identity, row!.files) : '';
        return `{"items":[${row!.body}],"attachments":[${records}],"cursor":${row!.cursor},"more":${row!.more}}`;
      }
    }
    return this.pullRows(identity, cursor, limit);
  }

  /** The records of a page's file changes (`[[collection, item, attachment], …]` as JSON text), as the user sees them. */
  private fileRecords(identity: Identity, files: string): Promise<string> {
    return fileRecordsFor(this, identity, JSON.parse(files) as [string, string, string][]);
  }

  /** The page's parameters: cursor, the user's scope, the collections served, those seen in clear, limit + 1, those whose files the user gets. */
  private pullParams(identity: Identity, cursor: number, limit: number): unknown[] {
    const served = Object.keys(this.loops);
    const clear = served.filter((c) => this.seesInClear(identity, this.loops[c]!));
    return [cursor, ...scopeParams(identity.scope), json(served), json(clear), limit + 1, json(fileCollections(this, identity))];
  }

  /** A page made row by row, computing the JSON of any row stored without its text. */
  private async pullRows(identity: Identity, cursor: number, limit: number): Promise<string> {
    const rows = await this.db.query<{ kind: 'item' | 'file' | 'end'; seq: string; collection: string; id: string; version: number; shown: string | null; unwritten: string | null; attachment: string }>(
      `WITH ${PAGE_SOURCES}
       SELECT 'item' AS kind, change_seq, change_seq::text AS seq, collection, id, version, ${SHOWN} AS shown,
              CASE WHEN snapshot_text IS NULL THEN (SELECT snapshot::text FROM items i WHERE i.collection = changed.collection AND i.id = changed.id) END AS unwritten, NULL AS attachment
       FROM changed, bound WHERE change_seq <= bound.seq
       UNION ALL SELECT 'file', change_seq, NULL, collection, item_id, NULL, NULL, NULL, attachment_id FROM filed, bound WHERE change_seq <= bound.seq
       UNION ALL SELECT 'end', NULL, coalesce(bound.seq, $1::bigint)::text, NULL, (bound.total >= $8)::text, NULL, NULL, NULL, NULL FROM bound
       ORDER BY 2 NULLS LAST`,
      this.pullParams(identity, cursor, limit),
    );
    const items: string[] = [];
    const files: [string, string, string][] = [];
    const end = rows[rows.length - 1]!;
    for (const r of rows) {
      if (r.kind === 'file') files.push([r.collection, r.id, r.attachment]);
      else if (r.kind === 'item') items.push(`{"collection":${json(r.collection)},"id":${json(r.id)},"version":${r.version},"snapshot":${r.shown ?? this.textOf(identity, r.collection, r.unwritten!)}}`);
    }
    const records = files.length ? await fileRecordsFor(this, identity, files) : '';
    return `{"items":[${items.join(',')}],"attachments":[${records}],"cursor":${end.seq},"more":${end.id}}`;
  }

  /** A row stored without its JSON text: its jsonb's text, masked here as the writer would have. */
  private textOf(identity: Identity, collection: string, snapshot: string): string {
    const binding = this.binding(collection)!;
    return this.seesInClear(identity, binding) ? snapshot : json(maskSnapshot(binding.definition, JSON.parse(snapshot) as Snapshot));
  }

  /** Every event of an item, oldest first, with actor, the time sent and the time received; masked. */
  async audit(identity: Identity, collection: string, id: string): Promise<AuditEntry[] | undefined> {
    const found = await this.get(identity, collection, id);
    if (!found) return undefined;
    const rows = await this.db.query<{ version: number; type: string; from_state: string | null; to_state: string; actor: LoopActor; at: string; received_at: Date | string; client_id: string | null; mutation_id: string | null; note: string | null; attachments: string[] | null; payload: unknown }>(
      `SELECT version, type, from_state, to_state, actor, at, received_at, client_id, mutation_id::text AS mutation_id, note, attachments, payload
       FROM events WHERE collection = $1 AND item_id = $2 ORDER BY version`,
      [collection, id],
    );
    const history = rows.map(historyOf);
    const shown = this.view(identity, found.binding, { ...(found.row.snapshot as Snapshot), history }).history;
    return rows.map((r, i) => ({
      version: r.version,
      type: r.type,
      from: r.from_state,
      to: r.to_state,
      actor: r.actor,
      at: r.at,
      receivedAt: new Date(r.received_at).toISOString(),
      clientId: r.client_id,
      mutationId: r.mutation_id === null ? null : Number(r.mutation_id),
      note: r.note,
      attachments: r.attachments,
      payload: shown[i]!.payload ?? null,
    }));
  }
}

export interface PulledItem {
  readonly collection: string;
  readonly id: string;
  readonly version: number;
  readonly snapshot: Snapshot;
}

export interface AuditEntry {
  readonly version: number;
  readonly type: string;
  readonly from: string | null;
  readonly to: string;
  readonly actor: LoopActor;
  readonly at: string;
  readonly receivedAt: string;
  readonly clientId: string | null;
  readonly mutationId: number | null;
  readonly note: string | null;
  readonly attachments: readonly string[] | null;
  readonly payload: unknown;
}

/** A stored event row as the history entry it records (what `replay` reads). */
export function historyOf(r: { version: number; type: string; from_state: string | null; to_state: string; actor: LoopActor; at: string; note: string | null; attachments: readonly string[] | null; payload: unknown }): HistoryEntry {
  const entry: { -readonly [K in keyof HistoryEntry]: HistoryEntry[K] } = { seq: r.version - 1, type: r.type, actor: r.actor, at: r.at, from: r.from_state, to: r.to_state };
  if (r.note !== null) entry.note = r.note;
  if (r.attachments !== null) entry.attachments = r.attachments;
  if (r.payload !== null && r.payload !== undefined) entry.payload = r.payload;
  return entry;
}

interface ItemScope {
  readonly city: string;
  readonly county: string | null;
  readonly town: string | null;
  readonly community: string | null;
}

const LEVELS = ['county', 'town', 'community'] as const;

/** A new item's area: the creator's own, narrowed where the request names a level below it. */
function itemScope(own: Scope, asked: Partial<Scope> | undefined): ItemScope {
  const scope: { -readonly [K in keyof ItemScope]: ItemScope[K] } = { city: own.city, county: own.county ?? null, town: own.town ?? null, community: own.community ?? null };
  if (asked?.city !== undefined && asked.city !== own.city) throw new HttpError(403, 'out_of_scope', TEXTS.outOfScope, 'scope.city');
  for (const level of LEVELS) {
    const value = asked?.[level];
    if (value === undefined) continue;
    if (own[level] !== undefined && own[level] !== value) throw new HttpError(403, 'out_of_scope', TEXTS.outOfScope, `scope.${level}`);
    scope[level] = value;
  }
  if ((scope.town !== null && scope.county === null) || (scope.community !== null && scope.town === null)) {
    throw new HttpError(400, 'invalid_body', { 'zh-CN': '所填辖区不完整：镇街须有所属区县，社区须有所属镇街', en: 'incomplete area: a town needs its county, a community its town' }, 'scope');
  }
  return scope;
}

/** A refusal that must leave no trace: thrown to roll its transaction back, then answered. */
class Undo {
  constructor(readonly result: MutationResult) {}
}

/**
 * Runs a transaction, answering an `Undo` with its result. A transaction that lost a race — two
 * creations of one id (unique violation), a serialization failure or a deadlock — is run again
 * from the start, where it sees the winner's committed write.
 */
export async function undone<T = MutationResult>(run: () => Promise<T>, answer: (result: MutationResult) => T = (r) => r as T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (error instanceof Undo) return answer(error.result);
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt < 4 && (code === '23505' || code === '40001' || code === '40P01')) continue;
      throw error;
    }
  }
}

function failure(mutationId: number, status: number, code: string, message: Localized, path?: string): MutationResult {
  return { mutationId, ok: false, status, error: errorBody(code, message, path) };
}

function fieldOf(error: BihuanError, prefix: string): string | undefined {
  const e = error as BihuanError & { field?: string; argument?: string };
  const name = e.field ?? e.argument;
  if (name === undefined) return undefined;
  return `${prefix}.${name.replace(/^(input|event)\.?/, '')}`.replace(/\.$/, '');
}
