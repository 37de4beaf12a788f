// The read side of an IndexedDB store, on its own: a page that only shows records (the dispute
// ledger) opens the database, checks its version and fingerprint, reads and hears changes with
// this module, and fetches zod, the record schemas, the loop engine and the write side of the store
// (indexeddb.ts) only when something first writes, migrates, restores or verifies. A read trusts
// what the store wrote: every write was validated before it was stored, and a database whose
// version or structure differs from the code's is refused at open.
import { InvalidArgumentError } from '../errors/errors.js';
import { fromDomError, storeError } from './errors.js';
import { Notifier } from './channel.js';
import { BLOBS_LAYOUT_OFFSET, META, keyArg, layOut, resolveCollections, structureFingerprint, type CollectionShape } from './structure.js';
import type { IndexedDbStoreOptions } from './indexeddb.js';
import type { Collections, Key, Listed, Store, StoreNotice, StoreSpec } from './types.js';

export const BLOCKED_TEXT = {
  'zh-CN': '数据库需要升级，但本系统的另一个标签页仍在使用旧版本。请关闭其他标签页，升级将自动继续。',
  en: 'The database needs an upgrade, but another tab of this application still uses the old version. Close the other tabs; the upgrade will then continue.',
} as const;
export const VERSIONCHANGE_TEXT = {
  'zh-CN': '本系统已在另一个标签页中更新，本页的数据库连接已关闭，请刷新页面。',
  en: 'This application was updated in another tab; this page’s database connection is closed. Please reload.',
} as const;
export const CLOSED_TEXT = { 'zh-CN': '数据库连接被浏览器关闭，请刷新页面。', en: 'The browser closed the database connection. Please reload.' } as const;

// Options read as an object (a non-object is refused in words); the timeout bounded.
export function idbOptionsArg<O extends object>(fn: string, value: O): O {
  if (value === undefined || value === null) return {} as O;
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidArgumentError(fn, 'options', { 'zh-CN': '必须是选项对象', en: 'must be an options object' }, value);
  const t = (value as { blockedTimeoutMs?: unknown }).blockedTimeoutMs;
  if (t !== undefined && !(typeof t === 'number' && Number.isFinite(t) && t >= 0 && t <= 600_000)) {
    throw new InvalidArgumentError(fn, 'options.blockedTimeoutMs', { 'zh-CN': '必须是 0 到 600000 之间的毫秒数', en: 'must be milliseconds from 0 to 600000' }, t);
  }
  return value;
}


/**
 * What a page that only reads needs to know of a store: its name, schema version, each
 * collection's key path and indexes, and where its full spec (schemas, migrations, change checks)
 * loads from. The full spec must declare the same name, version and structure: the first write
 * checks that before it stores anything.
 */
export interface StoreOutline<C extends Collections = Collections> {
  readonly name: string;
  /** The schema version: 1, plus one per migration of the full spec. */
  readonly version: number;
  readonly collections: { readonly [N in keyof C]: CollectionShape };
  /** Loads the full spec (typically `() => import('./store.js').then((m) => m.spec)`). */
  readonly load: () => Promise<StoreSpec<C>>;
}

const OUTLINE_RULES = {
  name: { 'zh-CN': '必须是数据库名（1–200 字）', en: 'must be a database name (1–200 characters)' },
  version: { 'zh-CN': '必须是不小于 1 的整数（1 加迁移数）', en: 'must be an integer of at least 1 (1 plus the migrations)' },
  collections: { 'zh-CN': '必须是集合名到 { key, indexes } 的对象（至多 200 个，名称以字母开头）', en: 'must map collection names (starting with a letter, at most 200) to { key, indexes }' },
  load: { 'zh-CN': '必须是返回完整存储定义的函数', en: 'must be a function that loads the full store spec' },
} as const;

const isKeyPath = (v: unknown) => (typeof v === 'string' && v.length <= 200) || (Array.isArray(v) && v.length > 0 && v.length <= 16 && v.every((p) => typeof p === 'string' && p !== '' && p.length <= 200));

/** Checks an outline once (without zod: it is what a page that only reads loads) and returns it. */
export function defineStoreOutline<const C extends Collections>(outline: StoreOutline<C>): StoreOutline<C> {
  const fail = (field: keyof typeof OUTLINE_RULES, value: unknown): never => {
    throw new InvalidArgumentError('defineStoreOutline', `outline.${field}`, OUTLINE_RULES[field], value);
  };
  if (outline === null || typeof outline !== 'object') throw new InvalidArgumentError('defineStoreOutline', 'outline', { 'zh-CN': '必须是存储概要对象', en: 'must be a store outline object' }, outline);
  const { name, version, collections, load } = outline;
  if (typeof name !== 'string' || name === '' || name.length > 200) fail('name', name);
  if (!Number.isSafeInteger(version) || version < 1) fail('version', version);
  if (typeof load !== 'function') fail('load', load);
  const entries = collections !== null && typeof collections === 'object' ? Object.entries(collections as Record<string, CollectionShape>) : undefined;
  const wellFormed = (c: CollectionShape) =>
    c !== null && typeof c === 'object' && isKeyPath(c.key) && (c.indexes === undefined || (typeof c.indexes === 'object' && c.indexes !== null && Object.values(c.indexes).every((i) => isKeyPath(i) || (typeof i === 'object' && i !== null && isKeyPath((i as { path?: unknown }).path)))));
  if (!entries || entries.length > 200 || !entries.every(([n, c]) => /^[A-Za-z][\w-]{0,63}$/.test(n) && wellFormed(c))) fail('collections', collections);
  return outline;
}

/** What differs between opening a database to read (below) and to write (indexeddb.ts). */
export interface OpenHooks {
  /** Another tab holds an older version open: settle (resolve or reject) or wait. */
  blocked(settle: (fn: () => void) => void, resolve: (db: IDBDatabase | undefined) => void, reject: (error: unknown) => void): void;
  /** The upgrade; `fail` names why it failed (the caller aborts it); `handOver` aborts it for the caller to open another way (resolves undefined). */
  upgrade(request: IDBOpenDBRequest, event: IDBVersionChangeEvent, fail: (error: unknown) => void, handOver: () => void, settled: boolean): void;
  /** The database is open and its structure is the declared one. */
  opened?(db: IDBDatabase): void;
}

/**
 * Opens a store's database at `version`, and checks that the structure on disk is the declared
 * one (`schema_mismatch` otherwise; a newer database fails with `version`).
 */
export function openDatabase(factory: IDBFactory, name: string, version: number, fingerprint: string, hooks: OpenHooks): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version + BLOBS_LAYOUT_OFFSET);
    } catch (error) {
      reject(fromDomError(error));
      return;
    }
    let settled = false;
    let handedOver = false;
    let upgradeError: unknown;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    request.onblocked = () => hooks.blocked(settle, resolve, reject);
    request.onupgradeneeded = (event) => {
      const tx = request.transaction!;
      const abort = () => {
        try {
          tx.abort();
        } catch {
          // Already aborted.
        }
      };
      try {
        hooks.upgrade(request, event, (error) => {
          upgradeError ??= error;
        }, () => {
          handedOver = true;
          abort();
        }, settled);
      } catch (error) {
        upgradeError = error;
        abort();
      }
    };
    request.onerror = (event) => {
      event.preventDefault();
      settle(() => (handedOver ? resolve(undefined) : reject(fromDomError(upgradeError ?? request.error))));
    };
    request.onsuccess = () => {
      const db = request.result;
      if (settled) {
        // We gave up waiting (blocked too long, or handed over); do not keep a connection nobody holds.
        db.close();
        return;
      }
      let req: IDBRequest;
      try {
        req = db.transaction(META, 'readonly').objectStore(META).get('fingerprint');
      } catch (error) {
        db.close();
        settle(() => reject(fromDomError(error)));
        return;
      }
      req.onsuccess = () => {
        if (req.result !== fingerprint) {
          db.close();
          settle(() => reject(storeError('schema_mismatch', {}, `stored ${String(req.result)}, declared ${fingerprint}`)));
        } else {
          settle(() => resolve(db));
          hooks.opened?.(db);
        }
      };
      req.onerror = () => {
        db.close();
        settle(() => reject(fromDomError(req.error)));
      };
    };
  });
}

/**
 * Opens the database at the outline's version for reading: creates it when it is new (empty
 * collections need no schema), refuses it when its stored structure differs (`schema_mismatch`) or
 * it is newer than the code (`version`), and answers undefined when an upgrade of existing data is
 * due or another tab blocks one: the full store runs that (it holds the migrations).
 */
function openForReading(factory: IDBFactory, outline: StoreOutline, fingerprint: string, cols: ReturnType<typeof resolveCollections>): Promise<IDBDatabase | undefined> {
  let blocked = false;
  return openDatabase(factory, outline.name, outline.version, fingerprint, {
    blocked: (settle, resolve) => {
      blocked = true;
      settle(() => resolve(undefined));
    },
    upgrade: (request, event, _fail, handOver, settled) => {
      if (event.oldVersion !== 0 || settled || blocked) return handOver();
      layOut(request.result, request.transaction!, new Set(), cols);
      request.transaction!.objectStore(META).put(fingerprint, 'fingerprint');
    },
  });
}

/** The methods a store runs only once its full spec is loaded (everything but `get`, `all` and `subscribe`). */
const FULL_ONLY = ['put', 'add', 'bulkPut', 'delete', 'bulkDelete', 'query', 'count', 'applyEvent', 'batch', 'history', 'changes', 'lastSeq', 'dump', 'restore', 'verify', 'clear', 'putBlob', 'getBlob', 'deleteBlob'] as const;

/**
 * An IndexedDB store opened from an outline: `get`, `all` (without `where`) and `subscribe` work at
 * once from the read side alone; the first call of any other method loads the full spec and the
 * store's write side (`createIndexedDbStore`), which from then on serves every call on the same
 * database. So a page that only reads never fetches them, and a write on a page that also reads
 * is validated exactly as before, before anything is stored. `spec` is the outline's structure
 * until the full spec has loaded.
 */
export async function createLazyIndexedDbStore<const C extends Collections>(outline: StoreOutline<C>, options: IndexedDbStoreOptions = {}): Promise<Store<C>> {
  defineStoreOutline(outline);
  options = idbOptionsArg('createLazyIndexedDbStore', options);
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) throw storeError('failed', {}, 'IndexedDB is not available here; use createMemoryStore');
  const cols = resolveCollections(outline);
  const fingerprint = structureFingerprint(cols);
  const emit = options.onEvent ?? (() => undefined);

  const listeners = new Set<(notice: StoreNotice) => void>();
  const hear = (notice: StoreNotice) => {
    for (const l of [...listeners]) {
      try {
        l(notice);
      } catch (error) {
        // As the store's own notifier does: one failing listener stops neither the others nor the write.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };
  let closed = false;
  let full: Store<C> | undefined;
  let loading: Promise<Store<C>> | undefined;
  let raw = await openForReading(factory, outline as StoreOutline, fingerprint, cols);
  let notifier: Notifier | undefined;
  const closeReader = () => {
    raw?.close();
    notifier?.close();
    raw = notifier = undefined;
  };
  if (raw) {
    notifier = new Notifier(outline.name);
    notifier.subscribe(hear);
    raw.onversionchange = () => {
      if (options.closeOnVersionChange === false) return;
      closeReader();
      closed = true;
      emit({ type: 'versionchange', message: VERSIONCHANGE_TEXT });
    };
    raw.onclose = () => {
      closeReader();
      closed = true;
      emit({ type: 'closed', message: CLOSED_TEXT });
    };
  }

  /** The full store: loaded once, on first need; a failed load is tried again by the next call. */
  const writable = (): Promise<Store<C>> =>
    (loading ??= (async () => {
      if (closed) throw storeError('closed');
      const [spec, idb, declared] = await Promise.all([outline.load(), import('./indexeddb.js'), import('./spec.js')]);
      if (spec?.name !== outline.name || declared.schemaVersionOf(spec) !== outline.version || declared.fingerprintOf(spec) !== fingerprint) {
        throw storeError('schema_mismatch', {}, `the outline of ${outline.name} does not match its spec`);
      }
      const store = await idb.createIndexedDbStore(spec, options);
      if (closed) {
        store.close();
        throw storeError('closed');
      }
      store.subscribe(hear);
      closeReader();
      return (full = store);
    })().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  if (!raw) await writable();

  const reading = (collection: unknown): IDBDatabase => {
    if (closed || !raw) throw storeError('closed');
    if (typeof collection !== 'string' || !cols.has(collection)) throw storeError('unknown_collection', typeof collection === 'string' ? { collection } : {}, typeof collection === 'string' ? undefined : 'a collection is named by text');
    return raw;
  };
  const ask = <T>(db: IDBDatabase, collection: string, key: Key | undefined, get: (os: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const details = key === undefined ? { collection } : { collection, key };
      try {
        const req = get(db.transaction(collection, 'readonly').objectStore(collection));
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(fromDomError(req.error, details));
      } catch (error) {
        reject(fromDomError(error, details));
      }
    });

  const outlineSpec = { name: outline.name, collections: outline.collections } as unknown as StoreSpec<C>;
  const store = {
    name: outline.name,
    schemaVersion: outline.version,
    get spec() {
      return full?.spec ?? outlineSpec;
    },
    get closed() {
      return full ? full.closed : closed;
    },
    async get(collection: string, key: Key) {
      if (full) return full.get(collection as never, key);
      const db = reading(collection);
      keyArg(collection, key);
      return ask(db, collection, key, (os) => os.get(key as IDBValidKey));
    },
    async all(collection: string, where?: unknown) {
      if (full || where !== undefined) return (await writable()).all(collection as never, where as never);
      const db = reading(collection);
      return { items: await ask(db, collection, undefined, (os) => os.getAll()), problems: [] } as unknown as Listed<never>;
    },
    subscribe(listener: (notice: StoreNotice) => void) {
      if (typeof listener !== 'function') throw new InvalidArgumentError('subscribe', 'listener', { 'zh-CN': '必须是函数 (notice) => void', en: 'must be a function (notice) => void' }, listener);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      closeReader();
      full?.close();
      listeners.clear();
    },
  } as Record<string, unknown>;
  for (const name of FULL_ONLY) store[name] = async (...args: unknown[]) => ((await writable()) as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
  return store as unknown as Store<C>;
}
