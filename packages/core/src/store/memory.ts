import { storeError } from './errors.js';
import { ChangeGroups, Notifier } from './channel.js';
import { copyOut, own, ownStep } from './copy.js';
import { checkDump } from './dump.js';
import { blobBytesRow, blobIdArg, blobOf, blobRow, infoOf, type BlobRow } from './blobs.js';
import { declared, eventActor, historyOf, pageOf, storeOf, verifyRecords } from './common.js';
import { changesQueryArg, functionArg, listArg, memoryOptionsArg, pageSize, queryArg, restoreOptionsArg, writeOptionsArg } from './args.js';
import {
  afterCursor,
  collectionOf,
  compareValid,
  decodeCursor,
  emptyRange,
  expectedVersionArg,
  inRange,
  keyArg,
  keyAt,
  keyId,
  migrateChecked,
  rangeOf,
  runStep,
  specArg,
  validateIn,
  type ResolvedCollection,
} from './spec.js';
import type {
  Actor,
  ApplyResult,
  ChangeEntry,
  ChangeOp,
  Collections,
  HistoryEntryLike,
  HistoryRow,
  Key,
  Listed,
  StaleVersion,
  StepResult,
  Store,
  StoreDump,
  StoreSpec,
  StoreTx,
  TxApplyResult,
  Where,
  WriteOptions,
} from './types.js';

export { keyId };

type Table = Map<string, { key: Key; value: unknown }>;

/**
 * The data of a memory store. Two stores given the same backing behave like two tabs on one
 * database (same records, notices through BroadcastChannel); a server can keep one per tenant.
 */
export interface MemoryBacking {
  version: number;
  fingerprint: string;
  readonly collections: Map<string, Table>;
  /** @deprecated Unused: an item's history is its record's `history`. */
  readonly history: Map<string, HistoryRow[]>;
  readonly changes: ChangeEntry[];
  /** Bumped on every write, so that sorted views know when to rebuild. */
  generation: number;
  /** Blobs by id (`putBlob`; a batch swaps in a new map when it commits). */
  readonly blobs: Map<string, BlobRow>;
}

export function createMemoryBacking(): MemoryBacking {
  return { version: 0, fingerprint: '', collections: new Map(), history: new Map(), changes: [], generation: 0, blobs: new Map() };
}

export interface MemoryStoreOptions {
  readonly backing?: MemoryBacking;
  /** Actor recorded in the change log when a write names none. */
  readonly actor?: Actor;
  readonly now?: () => Date;
}

/** A batch in progress holds its backing: other writes wait for it (one writer at a time, as in IndexedDB). */
const held = new WeakMap<MemoryBacking, Promise<void>>();

// Waiting for the batch in progress is written inline where it is needed, as
// `while (held.has(b)) await held.get(b);` — the check that no batch holds the backing and what
// follows it (a write, or taking the hold) must run in one turn: a helper function's own return
// would let another batch start in between, and two batches would then commit over each other.

/** An in-memory store (tests, servers, portals without IndexedDB). */
export function createMemoryStore<const C extends Collections>(spec: StoreSpec<C>, options: MemoryStoreOptions = {}): Store<C> {
  specArg('createMemoryStore', spec);
  options = memoryOptionsArg('createMemoryStore', options);
  const { cols, version, fingerprint } = declared(spec);
  const b = options.backing ?? createMemoryBacking();
  // A host's clock that gives no valid date falls back to the system's (a log entry always has its time).
  const clock = options.now;
  const nowMs = (): number => {
    const d = clock?.();
    const ms = d instanceof Date ? d.getTime() : NaN;
    return Number.isNaN(ms) ? Date.now() : ms;
  };
  const notifier = new Notifier(spec.name);
  upgrade(b, spec, cols, version, fingerprint);

  let closed = false;
  const views = new Map<string, { generation: number; rows: Row[] }>();

  const live = () => {
    if (closed) throw storeError('closed');
  };
  // A backing made by an earlier version has no blob map yet.
  const blobs = (): Map<string, BlobRow> => (b.blobs ?? ((b as { blobs: Map<string, BlobRow> }).blobs = new Map()));
  const table = (name: string): Table => {
    let t = b.collections.get(name);
    if (!t) b.collections.set(name, (t = new Map()));
    return t;
  };

  /** Rows of a collection sorted by (index key, primary key); records without the index key are left out. */
  function view(c: ResolvedCollection, index: string | undefined) {
    const id = `${c.name}\u0000${index ?? ''}`;
    const cached = views.get(id);
    if (cached && cached.generation === b.generation) return cached.rows;
    const rows = sortedRows(c, table(c.name), index);
    views.set(id, { generation: b.generation, rows });
    return rows;
  }

  function select(c: ResolvedCollection, where: Where, fn: string, t?: Table) {
    const range = rangeOf(where, fn);
    if (emptyRange(range)) return [];
    const rows = t ? sortedRows(c, t, where.index) : view(c, where.index);
    return range ? rows.filter((r) => inRange(where.index === undefined ? r.pk : (r.ik as Key), range)) : rows;
  }

  // The time of the last log entry as text: writes in the same millisecond share it.
  let stampMs = NaN;
  let stampText = '';
  function log(collection: string, op: ChangeOp, keys: Key[], actor: Actor | undefined): ChangeEntry {
    const last = b.changes[b.changes.length - 1];
    const ms = nowMs();
    if (ms !== stampMs) {
      stampText = new Date(ms).toISOString();
      stampMs = ms;
    }
    const seq = (last?.seq ?? 0) + 1;
    const entry: ChangeEntry = actor ? { seq, collection, op, keys, at: stampText, actor } : { seq, collection, op, keys, at: stampText };
    b.changes.push(entry);
    return entry;
  }

  function checkSignal(options?: WriteOptions) {
    if (options?.signal?.aborted) throw storeError('aborted');
  }

  /** Validated, owned rows ready to go into `t`; throws before anything is written. */
  function prepare(c: ResolvedCollection, t: Table, records: readonly unknown[], create: boolean) {
    const seen = new Set<string>();
    const batch = records.map((r, i) => {
      const { value, key } = validateIn(c, r, records.length > 1 ? i : undefined);
      const position = records.length > 1 ? i : undefined;
      if (create || c.spec.createOnly) {
        const id = keyId(key);
        if (t.has(id) || seen.has(id)) throw storeError('exists', { collection: c.name, key, ...(position !== undefined ? { position } : {}) });
        seen.add(id);
      }
      return { key, value, stored: own(value, undefined, { collection: c.name, key, ...(position !== undefined ? { position } : {}) }) };
    });
    checkUnique(c, t, batch);
    return batch;
  }

  const store = storeOf<C>(spec, version, () => closed, write, {
    async get(collection, key) {
      live();
      const c = collectionOf(cols, collection);
      const row = table(c.name).get(keyId(keyArg(c.name, key)));
      return row ? (copyOut(row.value) as never) : undefined;
    },


    async bulkDelete(collection, keys, opts) {
      live();
      const c = collectionOf(cols, collection);
      listArg('bulkDelete', 'keys', keys);
      for (const k of keys) keyArg(c.name, k);
      opts = writeOptionsArg('bulkDelete', opts);
      while (held.has(b)) await held.get(b);
      checkSignal(opts);
      const t = table(c.name);
      const seen = new Set<string>();
      const gone = keys.filter((k) => {
        const id = keyId(k);
        if (seen.has(id) || !t.has(id)) return false;
        seen.add(id);
        return true;
      });
      if (gone.length === 0) return 0;
      for (const k of gone) t.delete(keyId(k));
      b.generation++;
      notifier.publish({ kind: 'changes', changes: [log(c.name, 'delete', gone, opts?.actor ?? options.actor)] });
      return gone.length;
    },

    async query(collection, query) {
      live();
      const c = collectionOf(cols, collection);
      const q = queryArg('query', query);
      const limit = pageSize(q.limit);
      let rows = select(c, q, 'query');
      if (q.reverse) rows = [...rows].reverse();
      if (q.cursor) {
        const pos = decodeCursor(q.cursor, q.index !== undefined);
        rows = rows.filter((r) => afterCursor(pos, r.ik, r.pk, q.reverse ?? false));
      }
      return pageOf(rows, limit, q.index !== undefined, copyOut);
    },

    async all(collection, where) {
      live();
      const c = collectionOf(cols, collection);
      return { items: select(c, queryArg('all', where), 'all').map((r) => copyOut(r.value)), problems: [] } as unknown as Listed<never>;
    },

    async count(collection, where) {
      live();
      const c = collectionOf(cols, collection);
      return select(c, queryArg('count', where), 'count').length;
    },

    // Not an async function: when no batch holds the backing (nearly always) the event is applied
    // in this turn and its settled result handed back, without an async function's frame.
    applyEvent<N extends keyof C & string, R>(
      collection: N,
      key: Key,
      step: (current: never) => StepResult<never, R>,
      opts?: WriteOptions & { expectedVersion?: number },
    ): Promise<ApplyResult<never, R | StaleVersion>> {
      try {
        live();
        const c = collectionOf(cols, collection);
        keyArg(c.name, key);
        functionArg('applyEvent', 'step', step);
        const o = writeOptionsArg('applyEvent', opts);
        const expected = expectedVersionArg('applyEvent', o.expectedVersion);
        if (!held.has(b)) return Promise.resolve(eventNow(c, key, step, expected, o));
        return (async () => {
          while (held.has(b)) await held.get(b);
          return eventNow(c, key, step, expected, o);
        })();
      } catch (error) {
        return Promise.reject(error);
      }
    },

    async batch(body, opts) {
      live();
      functionArg('batch', 'body', body);
      opts = writeOptionsArg('batch', opts);
      while (held.has(b)) await held.get(b);
      let release!: () => void;
      held.set(b, new Promise<void>((r) => (release = r)));
      try {
        // Copy-on-write tables: the batch writes into its own copies, swapped in at commit.
        const staged = new Map<string, Table>();
        const stage = (c: ResolvedCollection) => {
          let t = staged.get(c.name);
          if (!t) staged.set(c.name, (t = new Map(table(c.name))));
          return t;
        };
        const current = (c: ResolvedCollection) => staged.get(c.name) ?? table(c.name);
        // The batch's blobs, likewise: a copy of the map, swapped in with the tables.
        let stagedBlobs: Map<string, BlobRow> | undefined;
        const blobStage = () => (stagedBlobs ??= new Map(blobs()));
        const groups = new ChangeGroups();
        const actor = opts?.actor ?? options.actor;
        let open = true;
        const use = (collection: string) => {
          if (!open) throw storeError('failed', {}, 'this batch has ended; its transaction can no longer be used');
          return collectionOf(cols, collection);
        };
        // A refused write fails the whole batch, even when the body catches it (as in IndexedDB).
        let failure: { error: unknown } | undefined;
        const txWrite = async (collection: string, record: unknown, create: boolean) => {
          const c = use(collection);
          const t = stage(c);
          let prepared: ReturnType<typeof prepare>;
          try {
            prepared = prepare(c, t, [record], create);
          } catch (error) {
            failure ??= { error };
            throw error;
          }
          const [row] = prepared;
          t.set(keyId(row!.key), { key: row!.key, value: row!.stored });
          groups.add(c.name, 'put', row!.key, actor);
          return row!.value;
        };
        const tx: StoreTx<C> = {
          async get(collection, key) {
            const c = use(collection);
            const row = current(c).get(keyId(keyArg(c.name, key)));
            return row ? (copyOut(row.value) as never) : undefined;
          },
          async all(collection, where) {
            const c = use(collection);
            return select(c, queryArg('all', where), 'all', staged.get(c.name)).map((r) => copyOut(r.value)) as never;
          },
          put: (collection, record) => txWrite(collection, record, false) as never,
          add: (collection, record) => txWrite(collection, record, true) as never,
          async delete(collection, key) {
            const c = use(collection);
            const t = stage(c);
            if (!t.delete(keyId(keyArg(c.name, key)))) return false;
            groups.add(c.name, 'delete', key, actor);
            return true;
          },
          async applyEvent(collection, key, step, o) {
            const c = use(collection);
            keyArg(c.name, key);
            functionArg('applyEvent', 'step', step);
            const expected = expectedVersionArg('applyEvent', o?.expectedVersion);
            const id = keyId(key);
            const out = applyIn(c, current(c), key, id, step as never, expected);
            if (!out.ok) return out as TxApplyResult<never, never>;
            stage(c).set(id, { key, value: out.stored });
            groups.add(c.name, 'event', key, eventActor(opts, out.entries, options.actor));
            return { ok: true, snapshot: out.stored as never, entries: out.entries };
          },
          async putBlob(id, data) {
            if (!open) throw storeError('failed', {}, 'this batch has ended; its transaction can no longer be used');
            let row: BlobRow;
            try {
              row = blobBytesRow('putBlob', id, data);
            } catch (error) {
              failure ??= { error };
              throw error;
            }
            blobStage().set(row.id, row);
            return infoOf(row);
          },
          async deleteBlob(id) {
            if (!open) throw storeError('failed', {}, 'this batch has ended; its transaction can no longer be used');
            try {
              blobIdArg('deleteBlob', id);
            } catch (error) {
              failure ??= { error };
              throw error;
            }
            return blobStage().delete(id);
          },
        };
        let result: Awaited<ReturnType<typeof body>>;
        try {
          result = await body(tx);
        } finally {
          open = false;
        }
        if (failure) throw failure.error;
        checkSignal(opts);
        const entries = groups.list();
        if (stagedBlobs) (b as { blobs: Map<string, BlobRow> }).blobs = stagedBlobs;
        if (entries.length === 0) return result;
        for (const [name, t] of staged) b.collections.set(name, t);
        b.generation++;
        notifier.publish({ kind: 'changes', changes: entries.map((e) => log(e.collection, e.op, e.keys, e.actor)) });
        return result;
      } finally {
        held.delete(b);
        release();
      }
    },

    async history(collection, key) {
      live();
      const c = collectionOf(cols, collection);
      return historyOf(table(c.name).get(keyId(keyArg(c.name, key)))?.value, copyOut);
    },

    async changes(query) {
      live();
      const q = changesQueryArg('changes', query);
      const after = q.after ?? 0;
      const out = b.changes.filter((e) => e.seq > after);
      return copyOut(q.limit !== undefined ? out.slice(0, q.limit) : out);
    },

    async lastSeq() {
      live();
      return b.changes[b.changes.length - 1]?.seq ?? 0;
    },

    subscribe(listener) {
      return notifier.subscribe(listener);
    },

    async dump(): Promise<StoreDump> {
      live();
      const collections: Record<string, unknown[]> = {};
      for (const c of cols.values()) collections[c.name] = view(c, undefined).map((r) => copyOut(r.value));
      return { name: spec.name, schemaVersion: version, collections, changes: copyOut(b.changes) };
    },

    async restore(dump, restoreOptions) {
      live();
      const ropts = restoreOptionsArg('restore', restoreOptions);
      while (held.has(b)) await held.get(b);
      const holds = [...cols.keys()].some((n) => table(n).size > 0);
      const next = checkDump(dump, cols, version, holds, ropts);
      // Everything is checked and copied before the first table is touched.
      const tables = new Map<string, Table>();
      for (const [name, rows] of next.collections) {
        const t: Table = new Map();
        for (const [id, row] of rows) t.set(id, { key: row.key, value: own(row.value, undefined, { collection: name, key: row.key }) });
        tables.set(name, t);
      }
      for (const [name, t] of tables) b.collections.set(name, t);
      b.changes.length = 0;
      b.changes.push(...next.changes);
      b.generation++;
      notifier.publish({ kind: 'reset' });
      return { mode: 'replace', records: next.records, changes: next.changes.length };
    },

    async verify() {
      live();
      return verifyRecords([...cols.values()].map((c) => [c, [...table(c.name).values()].map((row) => row.value)]));
    },

    async clear(clearOptions) {
      live();
      const opts = writeOptionsArg('clear', clearOptions);
      while (held.has(b)) await held.get(b);
      checkSignal(opts);
      for (const c of cols.values()) b.collections.set(c.name, new Map());
      b.changes.length = 0;
      b.blobs?.clear();
      b.generation++;
      notifier.publish({ kind: 'reset' });
    },

    async putBlob(id, blob, blobOptions) {
      live();
      const { row, signal } = await blobRow(id, blob, blobOptions);
      while (held.has(b)) await held.get(b);
      checkSignal({ signal });
      blobs().set(id, row);
      return infoOf(row);
    },

    async getBlob(id) {
      live();
      blobIdArg('getBlob', id);
      const row = blobs().get(id);
      return row && blobOf(row);
    },

    async deleteBlob(id, blobOptions) {
      live();
      blobIdArg('deleteBlob', id);
      const opts = writeOptionsArg('deleteBlob', blobOptions);
      while (held.has(b)) await held.get(b);
      checkSignal(opts);
      return blobs().delete(id);
    },

    close() {
      if (closed) return;
      closed = true;
      notifier.close();
    },
  });

  /** One event written now (no batch holds the backing): the refusal, or what was written. */
  function eventNow<R>(c: ResolvedCollection, key: Key, step: (current: never) => StepResult<never, R>, expected: number | undefined, opts: WriteOptions): ApplyResult<never, R | StaleVersion> {
    const t = table(c.name);
    const id = keyId(key);
    const out = applyIn(c, t, key, id, step, expected);
    if (!out.ok) return out;
    checkSignal(opts);
    t.set(id, { key, value: out.stored });
    b.generation++;
    const change = log(c.name, 'event', [key], eventActor(opts, out.entries, options.actor));
    notifier.publish({ kind: 'changes', changes: [change] });
    // The stored snapshot itself: deep-frozen, read-only (read it again with get() for a copy to edit).
    return { ok: true, snapshot: out.stored as never, entries: out.entries, change };
  }

  async function write(collection: string, records: readonly unknown[], opts: WriteOptions | undefined, create: boolean): Promise<unknown[]> {
    live();
    const c = collectionOf(cols, collection);
    while (held.has(b)) await held.get(b);
    const t = table(c.name);
    const batch = prepare(c, t, records, create);
    checkSignal(opts);
    if (batch.length === 0) return [];
    for (const { key, stored } of batch) t.set(keyId(key), { key, value: stored });
    b.generation++;
    notifier.publish({ kind: 'changes', changes: [log(c.name, 'put', batch.map((r) => r.key), opts?.actor ?? options.actor)] });
    return batch.map((r) => r.value);
  }

  return store;
}

type Row = { ik: Key | undefined; pk: Key; value: unknown };

function sortedRows(c: ResolvedCollection, t: Table, index: string | undefined): Row[] {
  const path = index === undefined ? undefined : c.indexes.get(index)?.path;
  if (index !== undefined && !path) throw storeError('unknown_index', { collection: c.name }, index);
  const rows: Row[] = [];
  for (const { key, value } of t.values()) {
    if (path === undefined) rows.push({ ik: undefined, pk: key, value });
    else {
      const ik = keyAt(value, path);
      if (ik !== undefined) rows.push({ ik, pk: key, value });
    }
  }
  rows.sort((x, y) => (x.ik !== undefined && y.ik !== undefined ? compareValid(x.ik, y.ik) : 0) || compareValid(x.pk, y.pk));
  return rows;
}

/** One event on a stored row of `t` (not yet written): the refusal, or the owned new value. */
function applyIn<R>(c: ResolvedCollection, t: Table, key: Key, id: string, step: (current: never) => StepResult<never, R>, expected: number | undefined) {
  const row = t.get(id);
  if (!row) throw storeError('not_found', { collection: c.name, key });
  // The step gets the stored value itself: it is deep-frozen, so a step that tries to change it throws.
  const result = runStep(c, key, row.value, step, expected);
  if (!result.ok) return result;
  const details = { collection: c.name, key };
  const stored = result.fresh ? ownStep(result.value, row.value, details) : own(result.value, row.value, details);
  if (hasUnique(c)) checkUnique(c, t, [{ key, value: stored }]);
  // Kept as they were made: the step's new entries are the stored ones.
  const history = (stored as { history?: HistoryEntryLike[] }).history;
  if (result.fresh && result.entries.length === 1 && result.entries[0] === history![history!.length - 1]) return { ok: true as const, stored, entries: result.entries };
  // The entries the step added, as stored (frozen), copied by hand: slice of a frozen list is slow.
  const entries: HistoryEntryLike[] = [];
  if (Array.isArray(history) && result.entries.length > 0) {
    for (let i = (row.value as { history?: unknown[] }).history?.length ?? 0; i < history.length; i++) entries.push(history[i]!);
  }
  return { ok: true as const, stored, entries };
}

const uniqueness = new WeakMap<ResolvedCollection, boolean>();

/** Whether the collection has a unique index (most have none, and then nothing need be checked). */
function hasUnique(c: ResolvedCollection): boolean {
  let has = uniqueness.get(c);
  if (has === undefined) uniqueness.set(c, (has = [...c.indexes.values()].some((i) => i.unique)));
  return has;
}

/** Checks unique indexes for records about to be written (against the table and the batch). */
function checkUnique(c: ResolvedCollection, t: Table, batch: { key: Key; value: unknown }[]) {
  if (!hasUnique(c)) return;
  for (const [name, idx] of c.indexes) {
    if (!idx.unique) continue;
    const owner = new Map<string, string>();
    for (const { key, value } of t.values()) {
      const ik = keyAt(value, idx.path);
      if (ik !== undefined) owner.set(keyId(ik), keyId(key));
    }
    const batchIds = new Set(batch.map((r) => keyId(r.key)));
    for (const [ikId, pkId] of owner) if (batchIds.has(pkId)) owner.delete(ikId);
    batch.forEach(({ key, value }, position) => {
      const ik = keyAt(value, idx.path);
      if (ik === undefined) return;
      const id = keyId(ik);
      const holder = owner.get(id);
      if (holder !== undefined && holder !== keyId(key)) throw storeError('conflict', { collection: c.name, key, ...(batch.length > 1 ? { position } : {}) }, `index ${name}`);
      owner.set(id, keyId(key));
    });
  }
}

/**
 * Brings a backing to this version: runs migrations (validating what they make, refusing a record
 * re-keyed onto another's key), checks the declared structure. All or nothing: the backing is
 * changed only once every migrated table is ready.
 */
function upgrade(b: MemoryBacking, spec: StoreSpec, cols: ReadonlyMap<string, ResolvedCollection>, version: number, fingerprint: string) {
  if (b.version > version) throw storeError('version', {}, `stored version ${b.version}, code version ${version}`);
  if (b.version === version) {
    if (b.fingerprint !== fingerprint) throw storeError('schema_mismatch');
    return;
  }
  const next = new Map<string, Table>();
  if (b.version > 0) {
    for (const [name, rows] of b.collections) {
      const c = cols.get(name);
      if (!c) continue;
      if (!(spec.migrations ?? []).slice(b.version - 1).some((m) => m.transform?.[name])) {
        next.set(name, rows);
        continue;
      }
      const t: Table = new Map();
      for (const row of rows.values()) {
        const migrated = migrateChecked(spec, c, row.value, b.version);
        if (migrated === null) continue;
        const id = keyId(migrated.key);
        if (t.has(id)) throw storeError('conflict', { collection: name, key: migrated.key }, 'a migration gave two records the same key');
        t.set(id, { key: migrated.key, value: own(migrated.value, undefined, { collection: name, key: migrated.key }) });
      }
      next.set(name, t);
    }
  }
  b.collections.clear();
  for (const [name, t] of next) b.collections.set(name, t);
  b.version = version;
  b.fingerprint = fingerprint;
  b.generation++;
}
