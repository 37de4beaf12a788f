import { storeError } from './errors.js';
import { Notifier } from './channel.js';
import {
  afterCursor,
  collectionOf,
  compareKeys,
  decodeCursor,
  emptyRange,
  encodeCursor,
  fingerprintOf,
  inRange,
  keyAt,
  migrateRecord,
  rangeOf,
  resolveCollections,
  runStep,
  schemaVersionOf,
  validateIn,
  readStored,
  validateOut,
  type ResolvedCollection,
} from './spec.js';
import type {
  Actor,
  ApplyResult,
  ChangeEntry,
  ChangeOp,
  Collections,
  HistoryRow,
  Key,
  Listed,
  Page,
  QueryOptions,
  RecordProblem,
  StepResult,
  Store,
  StoreDump,
  StoreSpec,
  Where,
  WriteOptions,
} from './types.js';

/**
 * The data of a memory store. Two stores given the same backing behave like two tabs on one
 * database (same records, notices through BroadcastChannel); a server can keep one per tenant.
 */
export interface MemoryBacking {
  version: number;
  fingerprint: string;
  readonly collections: Map<string, Map<string, { key: Key; value: unknown }>>;
  readonly history: Map<string, HistoryRow[]>;
  readonly changes: ChangeEntry[];
  /** Bumped on every write, so that sorted views know when to rebuild. */
  generation: number;
}

export function createMemoryBacking(): MemoryBacking {
  return { version: 0, fingerprint: '', collections: new Map(), history: new Map(), changes: [], generation: 0 };
}

export interface MemoryStoreOptions {
  readonly backing?: MemoryBacking;
  /** Actor recorded in the change log when a write names none. */
  readonly actor?: Actor;
  readonly now?: () => Date;
}

/** Stable text form of a key, for maps. */
export const keyId = (k: Key): string => JSON.stringify(k instanceof Date ? { d: k.getTime() } : Array.isArray(k) ? k.map((x) => (x instanceof Date ? { d: x.getTime() } : x)) : k);

const clone = <T>(v: T): T => structuredClone(v);

/** An in-memory store (tests, servers, portals without IndexedDB). */
export function createMemoryStore<const C extends Collections>(spec: StoreSpec<C>, options: MemoryStoreOptions = {}): Store<C> {
  const cols = resolveCollections(spec);
  const version = schemaVersionOf(spec);
  const fingerprint = fingerprintOf(spec);
  const b = options.backing ?? createMemoryBacking();
  const now = options.now ?? (() => new Date());
  const notifier = new Notifier(spec.name);
  upgrade(b, spec, cols, version, fingerprint);

  let closed = false;
  const views = new Map<string, { generation: number; rows: { ik: Key | undefined; pk: Key; value: unknown }[] }>();

  const live = () => {
    if (closed) throw storeError('closed');
  };
  const table = (name: string) => {
    let t = b.collections.get(name);
    if (!t) b.collections.set(name, (t = new Map()));
    return t;
  };

  /** Rows of a collection sorted by (index key, primary key); records without the index key are left out. */
  function view(c: ResolvedCollection, index: string | undefined) {
    const id = `${c.name}\u0000${index ?? ''}`;
    const cached = views.get(id);
    if (cached && cached.generation === b.generation) return cached.rows;
    const path = index === undefined ? undefined : c.indexes.get(index)?.path;
    if (index !== undefined && !path) throw storeError('unknown_index', { collection: c.name }, index);
    const rows: { ik: Key | undefined; pk: Key; value: unknown }[] = [];
    for (const { key, value } of table(c.name).values()) {
      if (path === undefined) rows.push({ ik: undefined, pk: key, value });
      else {
        const ik = keyAt(value, path);
        if (ik !== undefined) rows.push({ ik, pk: key, value });
      }
    }
    rows.sort((x, y) => (x.ik !== undefined && y.ik !== undefined ? compareKeys(x.ik, y.ik) : 0) || compareKeys(x.pk, y.pk));
    views.set(id, { generation: b.generation, rows });
    return rows;
  }

  function select(c: ResolvedCollection, where: Where, fn: string) {
    const range = rangeOf(where, fn);
    if (emptyRange(range)) return [];
    return view(c, where.index).filter((r) => inRange(where.index === undefined ? r.pk : (r.ik as Key), range));
  }

  /** Checks unique indexes for records about to be written (against the store and the batch). */
  function checkUnique(c: ResolvedCollection, batch: { key: Key; value: unknown }[], removing: Set<string>) {
    for (const [name, idx] of c.indexes) {
      if (!idx.unique) continue;
      const owner = new Map<string, string>();
      for (const { key, value } of table(c.name).values()) {
        const ik = keyAt(value, idx.path);
        if (ik !== undefined) owner.set(keyId(ik), keyId(key));
      }
      const batchIds = new Set(batch.map((r) => keyId(r.key)));
      for (const [ikId, pkId] of owner) if (batchIds.has(pkId) || removing.has(pkId)) owner.delete(ikId);
      batch.forEach(({ key, value }, position) => {
        const ik = keyAt(value, idx.path);
        if (ik === undefined) return;
        const id = keyId(ik);
        const held = owner.get(id);
        if (held !== undefined && held !== keyId(key)) throw storeError('conflict', { collection: c.name, key, position }, `index ${name}`);
        owner.set(id, keyId(key));
      });
    }
  }

  function log(collection: string, op: ChangeOp, keys: Key[], actor: Actor | undefined): ChangeEntry {
    const last = b.changes[b.changes.length - 1];
    const entry: ChangeEntry = { seq: (last?.seq ?? 0) + 1, collection, op, keys, at: now().toISOString(), ...(actor ? { actor } : {}) };
    b.changes.push(entry);
    return entry;
  }

  function checkSignal(options?: WriteOptions) {
    if (options?.signal?.aborted) throw storeError('aborted');
  }

  function readOut(c: ResolvedCollection, raw: unknown, problems: RecordProblem[]): unknown {
    const r = validateOut(c, raw);
    if (r.ok) return clone(r.value);
    problems.push(r.problem);
    return undefined;
  }

  const store: Store<C> = {
    name: spec.name,
    schemaVersion: version,
    spec,
    get closed() {
      return closed;
    },

    async get(collection, key) {
      live();
      const c = collectionOf(cols, collection);
      const row = table(c.name).get(keyId(key));
      if (!row) return undefined;
      return clone(readStored(c, key, row.value)) as never;
    },

    async put(collection, record, opts) {
      live();
      const c = collectionOf(cols, collection);
      const { value, key } = validateIn(c, record);
      checkUnique(c, [{ key, value }], new Set());
      checkSignal(opts);
      table(c.name).set(keyId(key), { key, value: clone(value) });
      b.generation++;
      notifier.publish({ kind: 'changes', changes: [log(c.name, 'put', [key], opts?.actor ?? options.actor)] });
      return clone(value) as never;
    },

    async bulkPut(collection, records, opts) {
      live();
      const c = collectionOf(cols, collection);
      const batch = records.map((r, i) => validateIn(c, r, i));
      checkUnique(c, batch, new Set());
      checkSignal(opts);
      if (batch.length === 0) return 0;
      const t = table(c.name);
      for (const { key, value } of batch) t.set(keyId(key), { key, value: clone(value) });
      b.generation++;
      notifier.publish({ kind: 'changes', changes: [log(c.name, 'put', batch.map((r) => r.key), opts?.actor ?? options.actor)] });
      return batch.length;
    },

    async delete(collection, key, opts) {
      return (await store.bulkDelete(collection, [key], opts)) === 1;
    },

    async bulkDelete(collection, keys, opts) {
      live();
      const c = collectionOf(cols, collection);
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

    async query(collection, q = {}) {
      live();
      const c = collectionOf(cols, collection);
      const limit = pageSize(q.limit);
      let rows = select(c, q, 'query');
      if (q.reverse) rows = [...rows].reverse();
      if (q.cursor) {
        const pos = decodeCursor(q.cursor, q.index !== undefined);
        rows = rows.filter((r) => afterCursor(pos, r.ik, r.pk, q.reverse ?? false));
      }
      const problems: RecordProblem[] = [];
      const items: unknown[] = [];
      const pageRows = rows.slice(0, limit);
      for (const r of pageRows) {
        const v = readOut(c, r.value, problems);
        if (v !== undefined) items.push(v);
      }
      const last = pageRows[pageRows.length - 1];
      const cursor = rows.length > limit && last ? encodeCursor({ primaryKey: last.pk, ...(q.index !== undefined ? { indexKey: last.ik } : {}) }) : null;
      return { items, problems, cursor } as Page<never>;
    },

    async all(collection, where = {}) {
      live();
      const c = collectionOf(cols, collection);
      const problems: RecordProblem[] = [];
      const items: unknown[] = [];
      for (const r of select(c, where, 'all')) {
        const v = readOut(c, r.value, problems);
        if (v !== undefined) items.push(v);
      }
      return { items, problems } as Listed<never>;
    },

    async count(collection, where = {}) {
      live();
      return select(collectionOf(cols, collection), where, 'count').length;
    },

    async applyEvent<N extends keyof C & string, R>(
      collection: N,
      key: Key,
      step: (current: never) => StepResult<never, R>,
      opts?: WriteOptions,
    ): Promise<ApplyResult<never, R>> {
      live();
      const c = collectionOf(cols, collection);
      const row = table(c.name).get(keyId(key));
      if (!row) throw storeError('not_found', { collection: c.name, key });
      // The step gets a copy: whatever it does, the stored record stays as it was.
      const result = runStep(c, key, clone(row.value), step);
      if (!result.ok) return result;
      const { value, entries } = result;
      checkUnique(c, [{ key, value }], new Set());
      checkSignal(opts);
      table(c.name).set(keyId(key), { key, value: clone(value) });
      const hid = keyId([c.name, key]);
      const rows = b.history.get(hid) ?? [];
      for (const entry of entries) rows.push({ collection: c.name, key, seq: entry.seq, entry: clone(entry) });
      b.history.set(hid, rows);
      b.generation++;
      const change = log(c.name, 'event', [key], opts?.actor ?? entries[entries.length - 1]?.actor ?? options.actor);
      notifier.publish({ kind: 'changes', changes: [change] });
      return { ok: true, snapshot: clone(value) as never, entries: clone(entries), change };
    },

    async history(collection, key) {
      live();
      collectionOf(cols, collection);
      return clone((b.history.get(keyId([collection, key])) ?? []).map((r) => r.entry)).sort((x, y) => x.seq - y.seq);
    },

    async changes(q = {}) {
      live();
      const after = q.after ?? 0;
      const out = b.changes.filter((e) => e.seq > after);
      return clone(q.limit !== undefined ? out.slice(0, q.limit) : out);
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
      for (const c of cols.values()) collections[c.name] = view(c, undefined).map((r) => clone(r.value));
      const history = [...b.history.values()].flat().sort((x, y) => compareKeys([x.collection, x.key, x.seq], [y.collection, y.key, y.seq]));
      return { name: spec.name, schemaVersion: version, collections, history: clone(history), changes: clone(b.changes) };
    },

    async restore(dump) {
      live();
      const next = checkDump(dump, spec, cols, version);
      b.collections.clear();
      for (const [name, rows] of next.collections) b.collections.set(name, rows);
      b.history.clear();
      for (const row of dump.history) {
        const hid = keyId([row.collection, row.key]);
        const list = b.history.get(hid) ?? [];
        list.push(clone(row));
        b.history.set(hid, list);
      }
      b.changes.length = 0;
      b.changes.push(...clone(dump.changes));
      b.generation++;
      notifier.publish({ kind: 'reset' });
    },

    close() {
      if (closed) return;
      closed = true;
      notifier.close();
    },
  };
  return store;
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return 100;
  if (!Number.isInteger(limit) || limit < 1) throw storeError('failed', {}, `page limit must be a positive integer, got ${limit}`);
  return limit;
}

/**
 * Validates every record of a dump (all or nothing) and lays it out as memory tables.
 * Shared with the IndexedDB store so that both refuse the same dumps.
 */
export function checkDump(dump: StoreDump, spec: StoreSpec, cols: ReadonlyMap<string, ResolvedCollection>, version: number) {
  if (dump.schemaVersion !== version) throw storeError('invalid_backup', {}, `schema version ${dump.schemaVersion}, this store is version ${version}`);
  const problems: RecordProblem[] = [];
  const collections = new Map<string, Map<string, { key: Key; value: unknown }>>();
  for (const name of Object.keys(dump.collections)) if (!cols.has(name)) throw storeError('unknown_collection', { collection: name });
  for (const c of cols.values()) {
    const rows = new Map<string, { key: Key; value: unknown }>();
    for (const raw of dump.collections[c.name] ?? []) {
      const r = validateOut(c, raw);
      if (!r.ok) {
        problems.push(r.problem);
        continue;
      }
      const key = keyAt(r.value, c.key);
      if (key === undefined) problems.push({ collection: c.name, path: String(c.key), message: 'no valid key' });
      else rows.set(keyId(key), { key, value: structuredClone(r.value) });
    }
    collections.set(c.name, rows);
  }
  if (problems.length) throw storeError('invalid_backup', { problems }, `${problems.length} record(s) failed validation`);
  void spec;
  return { collections };
}

/** Brings a backing to this version: runs migrations, checks the declared structure. */
function upgrade(b: MemoryBacking, spec: StoreSpec, cols: ReadonlyMap<string, ResolvedCollection>, version: number, fingerprint: string) {
  if (b.version > version) throw storeError('version', {}, `stored version ${b.version}, code version ${version}`);
  if (b.version === version) {
    if (b.fingerprint !== fingerprint) throw storeError('schema_mismatch');
    return;
  }
  if (b.version > 0) {
    for (const [name, rows] of [...b.collections]) {
      const c = cols.get(name);
      if (!c) {
        b.collections.delete(name);
        continue;
      }
      // A migration may change a record's key, so the table is rebuilt rather than edited in place.
      const next = new Map<string, { key: Key; value: unknown }>();
      for (const row of rows.values()) {
        const value = migrateRecord(spec, name, row.value, b.version);
        if (value == null) continue;
        const key = keyAt(value, c.key) ?? row.key;
        next.set(keyId(key), { key, value });
      }
      b.collections.set(name, next);
    }
  }
  b.version = version;
  b.fingerprint = fingerprint;
  b.generation++;
}
