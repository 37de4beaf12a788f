import { BihuanError, InvalidArgumentError } from '../errors/errors.js';
import { wrap, type IDBPDatabase } from 'idb';
import { fromDomError, storeError } from './errors.js';
import { ChangeGroups, Notifier } from './channel.js';
import { blobBytesRow, blobIdArg, blobOf, blobRow, copyLegacyBlobs, infoOf, legacyBlobsName, type BlobRow } from './blobs.js';
import { BLOBS, BLOBS_LAYOUT_OFFSET, CHANGES, META, layOut } from './structure.js';
import { BLOCKED_TEXT, CLOSED_TEXT, VERSIONCHANGE_TEXT, idbOptionsArg, openDatabase } from './reader.js';
import { declared, eventActor, historyOf, pageOf, storeOf, verifyRecords } from './common.js';
import { changesQueryArg, functionArg, listArg, pageSize, queryArg, restoreOptionsArg, writeOptionsArg } from './args.js';
import {
  afterCursor,
  collectionOf,
  compareValid,
  decodeCursor,
  emptyRange,
  expectedVersionArg,
  keyAt,
  keyId,
  migrateChecked,
  rangeOf,
  runStep,
  specArg,
  keyArg,
  validateIn,
  type Range,
  type ResolvedCollection,
} from './spec.js';
import type {
  Actor,
  ApplyOptions,
  ApplyResult,
  ChangeEntry,
  ChangeOp,
  Collections,
  HistoryEntryLike,
  Key,
  Listed,
  StaleVersion,
  StepResult,
  Store,
  StoreDump,
  StoreSpec,
  StoreStatusEvent,
  StoreTx,
  Where,
  WriteOptions,
} from './types.js';

const INTERNAL = [META, CHANGES, BLOBS];
export { BLOBS_LAYOUT_OFFSET };
/** Set in `_meta` by the upgrade that moved the old layout's blobs in, until `<name>:blobs` is deleted. */
const LEGACY = 'legacyBlobs';
/** What a batch's blob calls name as their "collection" (not a declared one, so never a clash). */
const BLOBS_SCOPE = '\u0000blobs';

export interface IndexedDbStoreOptions {
  /** The IndexedDB factory (default: globalThis.indexedDB). */
  readonly indexedDB?: IDBFactory;
  /** The key-range class matching the factory (default: globalThis.IDBKeyRange). */
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Actor recorded in the change log when a write names none. */
  readonly actor?: Actor;
  readonly now?: () => Date;
  /**
   * Status the host should show: 'blocked' (another tab holds an older version open),
   * 'versionchange' (a newer version opened elsewhere; this connection closes), 'closed'.
   */
  readonly onEvent?: (event: StoreStatusEvent) => void;
  /** How long an upgrade may stay blocked before opening fails with a 'blocked' error (default 5 s). */
  readonly blockedTimeoutMs?: number;
  /** Close this connection when another tab upgrades the database (default true). */
  readonly closeOnVersionChange?: boolean;
}

/** Opens (creating or upgrading as needed) an IndexedDB store: the embedded default in browsers. */
export async function createIndexedDbStore<const C extends Collections>(spec: StoreSpec<C>, options: IndexedDbStoreOptions = {}): Promise<Store<C>> {
  specArg('createIndexedDbStore', spec);
  options = idbOptionsArg('createIndexedDbStore', options);
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  const KeyRange = options.IDBKeyRange ?? (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
  if (!factory || !KeyRange) throw storeError('failed', {}, 'IndexedDB is not available here; use createMemoryStore');
  const { cols, version, fingerprint } = declared(spec);
  const now = options.now ?? (() => new Date());
  const emit = (event: StoreStatusEvent) => options.onEvent?.(event);

  const raw = await open(factory, spec, cols, version, fingerprint, options, emit);
  const db = wrap(raw) as IDBPDatabase;
  const notifier = new Notifier(spec.name);
  let closed = false;

  const shut = () => {
    if (closed) return;
    closed = true;
    raw.close();
    notifier.close();
  };
  raw.onversionchange = () => {
    if (options.closeOnVersionChange === false) return;
    shut();
    emit({ type: 'versionchange', message: VERSIONCHANGE_TEXT });
  };
  raw.onclose = () => {
    closed = true;
    notifier.close();
    emit({ type: 'closed', message: CLOSED_TEXT });
  };

  const live = () => {
    if (closed) throw storeError('closed');
  };

  const keyRange = (r: Range | undefined): IDBKeyRange | undefined => {
    if (!r) return undefined;
    if (r.lower !== undefined && r.upper !== undefined) {
      return compareValid(r.lower, r.upper) === 0 && !r.lowerOpen && !r.upperOpen
        ? KeyRange.only(r.lower)
        : KeyRange.bound(r.lower, r.upper, r.lowerOpen, r.upperOpen);
    }
    return r.lower !== undefined ? KeyRange.lowerBound(r.lower, r.lowerOpen) : KeyRange.upperBound(r.upper, r.upperOpen);
  };

  /**
   * Runs `body` in one transaction and resolves with its result once the transaction commits.
   * Anything that goes wrong aborts the transaction, so nothing is half written.
   */
  function run<T>(names: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => () => T, signal?: AbortSignal, details = {}): Promise<T> {
    live();
    if (signal?.aborted) return Promise.reject(storeError('aborted', details));
    let tx: IDBTransaction;
    try {
      tx = raw.transaction(names, mode, { durability: 'default' } as IDBTransactionOptions);
    } catch (error) {
      return Promise.reject(fromDomError(error, details));
    }
    return new Promise<T>((resolve, reject) => {
      let failure: unknown;
      let result: () => T = () => undefined as T;
      const onAbort = () => {
        failure ??= storeError('aborted', details);
        try {
          tx.abort();
        } catch {
          // Already finished: the abort came too late to matter.
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      tx.oncomplete = () => {
        done();
        try {
          resolve(result());
        } catch (error) {
          reject(error);
        }
      };
      tx.onabort = () => {
        done();
        reject(passThrough(failure) ? failure : fromDomError(failure ?? tx.error ?? { name: 'AbortError' }, details));
      };
      // A failed request aborts the transaction; keep the first reason (it names the cause).
      tx.onerror = (event) => {
        failure ??= (event.target as IDBRequest | null)?.error ?? tx.error;
      };
      const fail = (error: unknown) => {
        failure ??= error;
        try {
          tx.abort();
        } catch {
          // The transaction already ended.
        }
      };
      try {
        result = body(tx);
      } catch (error) {
        fail(error);
      }
      (tx as unknown as { __fail: (e: unknown) => void }).__fail = fail;
    });
  }
  /** Aborts `tx` with `error` from inside a request callback. */
  const abortWith = (tx: IDBTransaction, error: unknown) => (tx as unknown as { __fail: (e: unknown) => void }).__fail(error);

  const logChange = (tx: IDBTransaction, collection: string, op: ChangeOp, keys: Key[], actor: Actor | undefined) => {
    const entry = { collection, op, keys, at: now().toISOString(), ...(actor ? { actor } : {}) };
    const req = tx.objectStore(CHANGES).add(entry);
    let seq = 0;
    req.onsuccess = () => {
      seq = req.result as number;
    };
    return (): ChangeEntry => ({ seq, ...entry });
  };

  const source = (c: ResolvedCollection, tx: IDBTransaction, index: string | undefined): IDBObjectStore | IDBIndex => {
    const os = tx.objectStore(c.name);
    if (index === undefined) return os;
    if (!c.indexes.has(index)) throw storeError('unknown_index', { collection: c.name }, index);
    return os.index(index);
  };

  async function guard<T>(fn: () => Promise<T>, details = {}): Promise<T> {
    live();
    try {
      return await fn();
    } catch (error) {
      throw fromDomError(error, details);
    }
  }

  /** A batch's request, as a promise settled inside the transaction. */
  const ask = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(fromDomError(req.error));
    });

  /** Writes records (create-only collections and `add` check that each key is new first). */
  function putAll(tx: IDBTransaction, c: ResolvedCollection, values: unknown[], keys: Key[], create: boolean, done?: () => void) {
    const os = tx.objectStore(c.name);
    if (!create && !c.spec.createOnly) {
      for (const v of values) os.put(v);
      done?.();
      return;
    }
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      const id = keyId(key);
      if (seen.has(id)) throw storeError('exists', { collection: c.name, key, ...(keys.length > 1 ? { position: i } : {}) });
      seen.add(id);
    });
    let pending = values.length;
    values.forEach((v, i) => {
      const req = os.count(keys[i] as IDBValidKey);
      req.onsuccess = () => {
        if (req.result > 0) return abortWith(tx, storeError('exists', { collection: c.name, key: keys[i]!, ...(keys.length > 1 ? { position: i } : {}) }));
        try {
          os.put(v);
        } catch (error) {
          // A value IndexedDB cannot store (DataCloneError): the whole write is refused.
          return abortWith(tx, fromDomError(error, { collection: c.name, key: keys[i]!, ...(keys.length > 1 ? { position: i } : {}) }));
        }
        if (--pending === 0) done?.();
      };
    });
  }

  async function write(collection: string, records: readonly unknown[], opts: WriteOptions | undefined, create: boolean): Promise<unknown[]> {
    const c = collectionOf(cols, collection);
    // Validate everything first: one bad record refuses the batch before any transaction opens.
    const values = new Array<unknown>(records.length);
    const keys = new Array<Key>(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = validateIn(c, records[i], records.length > 1 ? i : undefined);
      values[i] = r.value;
      keys[i] = r.key;
    }
    if (records.length === 0) return [];
    const change = await run(
      [c.name, CHANGES],
      'readwrite',
      (tx) => {
        putAll(tx, c, values, keys, create);
        return logChange(tx, c.name, 'put', keys, opts?.actor ?? options.actor);
      },
      opts?.signal,
      records.length === 1 ? { collection: c.name, key: keys[0] } : { collection: c.name },
    );
    notifier.publish({ kind: 'changes', changes: [change] });
    return values;
  }

  const store = storeOf<C>(spec, version, () => closed, write, {
    async get(collection, key) {
      const c = collectionOf(cols, collection);
      keyArg(c.name, key);
      // A read trusts what this store wrote: the version and the declared structure were checked on open.
      return (await guard(() => db.get(c.name, key as IDBValidKey), { collection: c.name, key })) as never;
    },


    async bulkDelete(collection, keys, opts) {
      const c = collectionOf(cols, collection);
      listArg('bulkDelete', 'keys', keys);
      for (const k of keys) keyArg(c.name, k);
      opts = writeOptionsArg('bulkDelete', opts);
      if (keys.length === 0) return 0;
      const result = await run(
        [c.name, CHANGES],
        'readwrite',
        (tx) => {
          const os = tx.objectStore(c.name);
          const gone: Key[] = [];
          const seen = new Set<string>();
          let pending = keys.length;
          let change: (() => ChangeEntry) | undefined;
          for (const k of keys) {
            const req = os.count(k as IDBValidKey);
            req.onsuccess = () => {
              const id = keyId(k);
              if (req.result > 0 && !seen.has(id)) {
                seen.add(id);
                gone.push(k);
                os.delete(k as IDBValidKey);
              }
              if (--pending === 0 && gone.length) change = logChange(tx, c.name, 'delete', gone, opts?.actor ?? options.actor);
            };
          }
          return () => ({ count: gone.length, change: change?.() });
        },
        opts?.signal,
        { collection: c.name },
      );
      if (result.change) notifier.publish({ kind: 'changes', changes: [result.change] });
      return result.count;
    },

    async query(collection, query) {
      const c = collectionOf(cols, collection);
      const q = queryArg('query', query);
      const limit = pageSize(q.limit);
      const range = rangeOf(q, 'query');
      const pos = q.cursor ? decodeCursor(q.cursor, q.index !== undefined) : undefined;
      if (emptyRange(range)) return { items: [], problems: [], cursor: null };
      const reverse = q.reverse ?? false;
      const rows = await run([c.name], 'readonly', (tx) => {
        const src = source(c, tx, q.index);
        const out: { value: unknown; pk: Key; ik: Key }[] = [];
        let r = range;
        // Narrow the range to the cursor's side; ties on the index key are skipped below.
        if (pos) {
          const at = q.index === undefined ? pos.primaryKey : (pos.indexKey as Key);
          const open = q.index === undefined;
          const base: Range = r ?? { lowerOpen: false, upperOpen: false };
          if (!reverse) {
            const c2 = base.lower === undefined ? -1 : compareValid(base.lower, at);
            r = c2 > 0 || (c2 === 0 && base.lowerOpen) ? base : { ...base, lower: at, lowerOpen: open };
          } else {
            const c2 = base.upper === undefined ? 1 : compareValid(base.upper, at);
            r = c2 < 0 || (c2 === 0 && base.upperOpen) ? base : { ...base, upper: at, upperOpen: open };
          }
          if (emptyRange(r)) return () => out;
        }
        if (q.index === undefined && !reverse) {
          const req = (src as IDBObjectStore).getAll(keyRange(r), limit + 1);
          req.onsuccess = () => {
            for (const value of req.result) {
              const pk = keyAt(value, c.key) as Key;
              out.push({ value, pk, ik: pk });
            }
          };
          return () => out;
        }
        const req = src.openCursor(keyRange(r), reverse ? 'prev' : 'next');
        let jumped = false;
        req.onsuccess = () => {
          try {
            const cur = req.result;
            if (!cur) return;
            const pk = cur.primaryKey as Key;
            const ik = cur.key as Key;
            if (pos && !afterCursor(pos, q.index === undefined ? undefined : ik, pk, reverse)) {
              // Jump over the ties on the index key in one step (IndexedDB refuses a jump to where it is).
              if (!jumped && q.index !== undefined && compareValid(pk, pos.primaryKey) !== 0) {
                jumped = true;
                cur.continuePrimaryKey(pos.indexKey as IDBValidKey, pos.primaryKey as IDBValidKey);
              } else cur.continue();
              return;
            }
            out.push({ value: cur.value, pk, ik });
            if (out.length <= limit) cur.continue();
          } catch (error) {
            abortWith(tx, error);
          }
        };
        return () => out;
      });
      return pageOf(rows, limit, q.index !== undefined, (value) => value);
    },

    async all(collection, whereArg) {
      const c = collectionOf(cols, collection);
      const where: Where = queryArg('all', whereArg);
      const range = rangeOf(where, 'all');
      if (emptyRange(range)) return { items: [], problems: [] };
      const items = await run([c.name], 'readonly', (tx) => {
        const req = (source(c, tx, where.index) as IDBObjectStore).getAll(keyRange(range));
        return () => req.result as unknown[];
      });
      return { items, problems: [] } as unknown as Listed<never>;
    },

    async count(collection, whereArg) {
      const c = collectionOf(cols, collection);
      const where: Where = queryArg('count', whereArg);
      const range = rangeOf(where, 'count');
      if (emptyRange(range)) return 0;
      return run([c.name], 'readonly', (tx) => {
        const req = source(c, tx, where.index).count(keyRange(range));
        return () => req.result;
      });
    },

    async applyEvent<N extends keyof C & string, R>(
      collection: N,
      key: Key,
      step: (current: never) => StepResult<never, R>,
      opts?: ApplyOptions,
    ): Promise<ApplyResult<never, R | StaleVersion>> {
      const c = collectionOf(cols, collection);
      keyArg(c.name, key);
      functionArg('applyEvent', 'step', step);
      opts = writeOptionsArg('applyEvent', opts);
      const expected = expectedVersionArg('applyEvent', opts?.expectedVersion);
      const details = { collection: c.name, key };
      type Out = { refused: R | StaleVersion } | { snapshot: unknown; entries: HistoryEntryLike[]; change: () => ChangeEntry };
      let out: Out | undefined;
      await run(
        [c.name, CHANGES],
        'readwrite',
        (tx) => {
          const os = tx.objectStore(c.name);
          const req = os.get(key as IDBValidKey);
          // Everything below runs inside the transaction: the engine's step is pure and synchronous.
          req.onsuccess = () => {
            try {
              if (req.result === undefined) throw storeError('not_found', details);
              const result = runStep(c, key, req.result, step, expected);
              if (!result.ok) {
                out = { refused: result.reason };
                return;
              }
              const { value, entries } = result;
              os.put(value);
              out = { snapshot: value, entries, change: logChange(tx, c.name, 'event', [key], eventActor(opts, entries, options.actor)) };
            } catch (error) {
              abortWith(tx, error);
            }
          };
          return () => undefined;
        },
        opts?.signal,
        details,
      );
      if (!out) throw storeError('failed', details);
      if ('refused' in out) return { ok: false, reason: out.refused };
      const change = out.change();
      notifier.publish({ kind: 'changes', changes: [change] });
      return { ok: true, snapshot: out.snapshot as never, entries: out.entries, change };
    },

    async batch(body, opts) {
      functionArg('batch', 'body', body);
      opts = writeOptionsArg('batch', opts);
      const groups = new ChangeGroups();
      const actor = opts?.actor ?? options.actor;
      let result: unknown;
      const changes = await run(
        [...cols.keys(), CHANGES, BLOBS],
        'readwrite',
        (tx) => {
          let open = true;
          const ENDED = 'the batch awaited something other than its own calls (or has ended): its transaction is no longer usable; nothing was written';
          const use = <T>(collection: string, fn: (c: ResolvedCollection) => Promise<T>): Promise<T> => {
            if (!open) return Promise.reject(storeError('failed', {}, ENDED));
            const c = collection === BLOBS_SCOPE ? ({ name: BLOBS } as ResolvedCollection) : collectionOf(cols, collection);
            try {
              return fn(c);
            } catch (error) {
              const e = (error as { name?: string })?.name === 'TransactionInactiveError' ? storeError('failed', { collection: c.name }, ENDED, error) : error;
              abortWith(tx, e);
              return Promise.reject(e);
            }
          };
          const writeOne = (c: ResolvedCollection, record: unknown, create: boolean) => {
            const { value, key } = validateIn(c, record);
            return new Promise<unknown>((resolve) => {
              putAll(tx, c, [value], [key], create, () => resolve(value));
            }).then((v) => {
              groups.add(c.name, 'put', key, actor);
              return v;
            });
          };
          const api: StoreTx<C> = {
            get: (collection, key) => use(collection, (c) => ask(tx.objectStore(c.name).get(key as IDBValidKey))) as never,
            all: (collection, where = {}) =>
              use(collection, (c) => {
                const range = rangeOf(where, 'all');
                if (emptyRange(range)) return Promise.resolve([]);
                return ask((source(c, tx, where.index) as IDBObjectStore).getAll(keyRange(range)));
              }) as never,
            put: (collection, record) => use(collection, (c) => writeOne(c, record, false)) as never,
            add: (collection, record) => use(collection, (c) => writeOne(c, record, true)) as never,
            delete: (collection, key) =>
              use(collection, (c) =>
                ask(tx.objectStore(c.name).count(key as IDBValidKey)).then((n) => {
                  if (n === 0) return false;
                  tx.objectStore(c.name).delete(key as IDBValidKey);
                  groups.add(c.name, 'delete', key, actor);
                  return true;
                }),
              ),
            applyEvent: (collection, key, step, o) =>
              use(collection, (c) => {
                const expected = expectedVersionArg('applyEvent', o?.expectedVersion);
                return ask(tx.objectStore(c.name).get(key as IDBValidKey)).then((current) => {
                  if (current === undefined) throw storeError('not_found', { collection: c.name, key });
                  const r = runStep(c, key, current, step as never, expected);
                  if (!r.ok) return r as never;
                  tx.objectStore(c.name).put(r.value);
                  groups.add(c.name, 'event', key, eventActor(opts, r.entries, options.actor));
                  return { ok: true, snapshot: r.value, entries: r.entries } as never;
                });
              }),
            // The blobs live in this database: a record and its bytes commit together or not at all.
            putBlob: (id, data) =>
              use(BLOBS_SCOPE, () => {
                const row = blobBytesRow('putBlob', id, data);
                return ask(tx.objectStore(BLOBS).put(row)).then(() => infoOf(row));
              }),
            deleteBlob: (id) =>
              use(BLOBS_SCOPE, () => {
                blobIdArg('deleteBlob', id);
                const os = tx.objectStore(BLOBS);
                return ask(os.count(id)).then((n) => {
                  if (n > 0) os.delete(id);
                  return n > 0;
                });
              }),
          };
          // Until the body settles, a cheap read keeps the transaction from committing early: a
          // body that awaits something else then finds it inactive, and the whole batch aborts.
          let settled = false;
          const keep = () => {
            if (settled) return;
            const r = tx.objectStore(CHANGES).get(0);
            r.onsuccess = keep;
          };
          keep();
          let finish: () => ChangeEntry[] = () => [];
          Promise.resolve()
            .then(() => body(api))
            .then(
              (value) => {
                open = false;
                settled = true;
                result = value;
                try {
                  if (opts?.signal?.aborted) throw storeError('aborted');
                  const pending = groups.list().map((g) => logChange(tx, g.collection, g.op, g.keys, g.actor));
                  finish = () => pending.map((f) => f());
                } catch (error) {
                  abortWith(tx, (error as { name?: string })?.name === 'TransactionInactiveError' ? storeError('failed', {}, ENDED, error) : error);
                }
              },
              (error: unknown) => {
                open = false;
                settled = true;
                abortWith(tx, error ?? storeError('failed', {}, 'the batch was rejected'));
              },
            );
          return () => finish();
        },
        opts?.signal,
      );
      if (changes.length) notifier.publish({ kind: 'changes', changes });
      return result as never;
    },

    async history(collection, key) {
      const c = collectionOf(cols, collection);
      keyArg(c.name, key);
      // What IndexedDB hands back is already a copy of its own.
      return historyOf(await guard(() => db.get(c.name, key as IDBValidKey), { collection: c.name, key }), (value) => value);
    },

    async changes(query) {
      const q = changesQueryArg('changes', query);
      const after = q.after ?? 0;
      return (await guard(() => db.getAll(CHANGES, KeyRange.lowerBound(after, true), q.limit))) as ChangeEntry[];
    },

    async lastSeq() {
      return run([CHANGES], 'readonly', (tx) => {
        const req = tx.objectStore(CHANGES).openCursor(null, 'prev');
        return () => (req.result ? (req.result.key as number) : 0);
      });
    },

    subscribe(listener) {
      return notifier.subscribe(listener);
    },

    async dump(): Promise<StoreDump> {
      const names = [...cols.keys()];
      return run([...names, CHANGES], 'readonly', (tx) => {
        const reqs = names.map((n) => tx.objectStore(n).getAll());
        const ch = tx.objectStore(CHANGES).getAll();
        return () => ({
          name: spec.name,
          schemaVersion: version,
          collections: Object.fromEntries(names.map((n, i) => [n, reqs[i]!.result as unknown[]])),
          changes: ch.result as ChangeEntry[],
        });
      });
    },

    async restore(dump, restoreOptions) {
      const ropts = restoreOptionsArg('restore', restoreOptions);
      // The backup's checks (and the loop engine's history check they run) load with the first
      // restore: a page that only reads and writes records never fetches them.
      const { checkDump } = await import('./dump.js');
      const names = [...cols.keys()];
      const holds = await run(names, 'readonly', (tx) => {
        const counts = names.map((n) => tx.objectStore(n).count());
        return () => counts.some((r) => r.result > 0);
      });
      const next = checkDump(dump, cols, version, holds, ropts);
      await run([...names, CHANGES], 'readwrite', (tx) => {
        for (const n of names) {
          const os = tx.objectStore(n);
          os.clear();
          for (const { value } of next.collections.get(n)?.values() ?? []) os.put(value);
        }
        const cs = tx.objectStore(CHANGES);
        cs.clear();
        for (const entry of next.changes) cs.put(entry);
        return () => undefined;
      });
      notifier.publish({ kind: 'reset' });
      return { mode: 'replace', records: next.records, changes: next.changes.length };
    },

    async verify() {
      const names = [...cols.keys()];
      const rows = await run(names, 'readonly', (tx) => {
        const reqs = names.map((n) => tx.objectStore(n).getAll());
        return () => reqs.map((r) => r.result as unknown[]);
      });
      return verifyRecords(names.map((n, i) => [cols.get(n)!, rows[i]!]));
    },

    async clear(clearOptions) {
      const opts = writeOptionsArg('clear', clearOptions);
      const names = [...cols.keys()];
      await run(
        [...names, CHANGES, BLOBS],
        'readwrite',
        (tx) => {
          for (const n of [...names, CHANGES, BLOBS]) tx.objectStore(n).clear();
          return () => undefined;
        },
        opts?.signal,
      );
      notifier.publish({ kind: 'reset' });
    },

    async putBlob(id, blob, blobOptions) {
      live();
      const { row, signal } = await blobRow(id, blob, blobOptions);
      await run(
        [BLOBS],
        'readwrite',
        (tx) => {
          tx.objectStore(BLOBS).put(row);
          return () => undefined;
        },
        signal,
      );
      return infoOf(row);
    },

    async getBlob(id) {
      live();
      blobIdArg('getBlob', id);
      const row = await run([BLOBS], 'readonly', (tx) => {
        const req = tx.objectStore(BLOBS).get(id) as IDBRequest<BlobRow | undefined>;
        return () => req.result;
      });
      return row && blobOf(row);
    },

    async deleteBlob(id, blobOptions) {
      live();
      blobIdArg('deleteBlob', id);
      const opts = writeOptionsArg('deleteBlob', blobOptions);
      // Counted and deleted in one transaction: the count comes first.
      return run(
        [BLOBS],
        'readwrite',
        (tx) => {
          const os = tx.objectStore(BLOBS);
          const counted = os.count(id);
          os.delete(id);
          return () => counted.result > 0;
        },
        opts.signal,
      );
    },

    close() {
      shut();
    },
  });
  return store;
}

/**
 * Deletes a store's whole IndexedDB database (sign-out on a shared computer). Open stores of that
 * name close themselves (they hear the deletion as a version change); resolves once it is gone,
 * or fails with `blocked` when another connection keeps it open past `blockedTimeoutMs`.
 */
export function deleteIndexedDbStore(name: string, options: { readonly indexedDB?: IDBFactory; readonly blockedTimeoutMs?: number } = {}): Promise<void> {
  try {
    options = idbOptionsArg('deleteIndexedDbStore', options);
    if (typeof name !== 'string' || name === '' || name.length > 200) throw new InvalidArgumentError('deleteIndexedDbStore', 'name', { 'zh-CN': '必须是数据库名（1–200 字）', en: 'must be a database name (1–200 characters)' }, name);
  } catch (error) {
    return Promise.reject(error);
  }
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) return Promise.reject(storeError('failed', {}, 'IndexedDB is not available here'));
  if (typeof name !== 'string' || name === '') return Promise.reject(storeError('failed', {}, 'a database name is needed'));
  // The old layout's blobs database goes first (`<name>:blobs`; nothing happens when there is none).
  const blobsGone = new Promise<void>((resolve) => {
    const req = factory.deleteDatabase(legacyBlobsName(name));
    req.onsuccess = req.onerror = () => resolve();
  });
  return blobsGone.then(() => deleteDatabase(factory, name, options));
}

function deleteDatabase(factory: IDBFactory, name: string, options: { readonly blockedTimeoutMs?: number }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => {
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    };
    req.onerror = () => {
      if (timer !== undefined) clearTimeout(timer);
      reject(fromDomError(req.error));
    };
    req.onblocked = () => {
      timer ??= setTimeout(() => reject(storeError('blocked')), options.blockedTimeoutMs ?? 5000);
    };
  });
}

/** Our own errors and the caller's (an engine error thrown by a step) reach the caller unchanged. */
function passThrough(error: unknown): boolean {
  if (error instanceof BihuanError) return true;
  const isDom = typeof DOMException !== 'undefined' && error instanceof DOMException;
  return error instanceof Error && !isDom && !DOM_NAMES.has(error.name);
}
const DOM_NAMES = new Set(['QuotaExceededError', 'AbortError', 'TransactionInactiveError', 'InvalidStateError', 'ConstraintError', 'DataError', 'VersionError', 'UnknownError', 'DataCloneError']);

/**
 * Opens the database at the spec's version. The upgrade creates what the declaration adds, runs
 * the migrations' record transforms in order, then drops what the declaration no longer has — all
 * in the one versionchange transaction, so a failed migration leaves the old version intact.
 */
async function open(
  factory: IDBFactory,
  spec: StoreSpec,
  cols: ReadonlyMap<string, ResolvedCollection>,
  version: number,
  fingerprint: string,
  options: IndexedDbStoreOptions,
  emit: (event: StoreStatusEvent) => void,
): Promise<IDBDatabase> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return (await openDatabase(factory, spec.name, version, fingerprint, {
      blocked: (settle, _resolve, reject) => {
        emit({ type: 'blocked', message: BLOCKED_TEXT });
        const ms = options.blockedTimeoutMs ?? 5000;
        if (Number.isFinite(ms) && timer === undefined) timer = setTimeout(() => settle(() => reject(storeError('blocked'))), ms);
      },
      upgrade: (request, event, fail) => upgrade(factory, request.result, request.transaction!, spec, cols, event.oldVersion, version, fingerprint, fail),
      opened: (db) => {
        const legacy = db.transaction(META, 'readonly').objectStore(META).get(LEGACY);
        legacy.onsuccess = () => {
          if (legacy.result !== true) return;
          // The upgrade moved the old layout's blobs in: delete their database, then forget it. In
          // the background (an old tab may hold it open a moment); the next open tries again if need be.
          const gone = factory.deleteDatabase(legacyBlobsName(spec.name));
          gone.onsuccess = () => {
            try {
              db.transaction(META, 'readwrite').objectStore(META).delete(LEGACY);
            } catch {
              // Closed meanwhile: the next open deletes nothing and clears the mark.
            }
          };
        };
      },
    }))!;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function upgrade(
  factory: IDBFactory,
  db: IDBDatabase,
  tx: IDBTransaction,
  spec: StoreSpec,
  cols: ReadonlyMap<string, ResolvedCollection>,
  storedVersion: number,
  version: number,
  fingerprint: string,
  failed: (error: unknown) => void,
) {
  const existing = new Set(Array.from(db.objectStoreNames));
  // A database of the old two-database layout has no `_blobs` and its IndexedDB version is its schema version.
  const legacy = storedVersion > 0 && !existing.has(BLOBS);
  const oldVersion = legacy || storedVersion === 0 ? storedVersion : storedVersion - BLOBS_LAYOUT_OFFSET;
  if (oldVersion > version) throw storeError('version', {}, `stored version ${oldVersion}, code version ${version}`);
  layOut(db, tx, existing, cols);

  if (oldVersion > 0) {
    for (const c of cols.values()) {
      if (!existing.has(c.name)) continue;
      if (!(spec.migrations ?? []).slice(oldVersion - 1).some((m) => m.transform?.[c.name])) continue;
      const os = tx.objectStore(c.name);
      const rekeyed: { value: unknown; key: Key }[] = [];
      const req = os.openCursor();
      req.onsuccess = () => {
        const cur = req.result;
        if (!cur) {
          // `add`, not `put`: a record re-keyed onto a key that exists fails the upgrade.
          for (const { value, key } of rekeyed) {
            const r = os.add(value);
            r.onerror = () => failed(storeError('conflict', { collection: c.name, key }, 'a migration re-keyed a record onto an existing key'));
          }
          return;
        }
        try {
          // What a migration makes is validated like any write.
          const next = migrateChecked(spec, c, cur.value, oldVersion);
          if (next === null) cur.delete();
          else {
            if (compareValid(next.key, cur.primaryKey as Key) === 0) cur.update(next.value);
            else {
              // A new key: put it after the scan, so the cursor does not meet it again.
              cur.delete();
              rekeyed.push(next);
            }
          }
          cur.continue();
        } catch (error) {
          // A failing migration aborts the upgrade: the database stays at its old version.
          failed(error);
          tx.abort();
        }
      };
    }
  }
  for (const name of existing) if (!INTERNAL.includes(name) && !cols.has(name)) db.deleteObjectStore(name);
  tx.objectStore(META).put(fingerprint, 'fingerprint');
  if (legacy) {
    // The old layout's blobs come in with the same upgrade: all of it commits, or none of it.
    copyLegacyBlobs(
      factory,
      spec.name,
      tx.objectStore(BLOBS),
      (found) => {
        if (found) tx.objectStore(META).put(true, LEGACY);
      },
      (error) => {
        failed(error);
        try {
          tx.abort();
        } catch {
          // Already aborted.
        }
      },
    );
  }
}
