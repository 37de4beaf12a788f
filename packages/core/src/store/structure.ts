// A store's structure as IndexedDB holds it: collections, key paths, indexes, the fingerprint kept
// with the data and the internal object stores. No zod and no validation here: a page that only
// reads (the dispute ledger) opens and checks a database with this alone (see reader.ts).
import { storeError } from './errors.js';
import type { CollectionSpec, IndexSpec, Key, KeyPath } from './types.js';

/** Stable text form of a key, for maps. */
export const keyId = (k: Key): string => JSON.stringify(k instanceof Date ? { d: k.getTime() } : Array.isArray(k) ? k.map((x) => (x instanceof Date ? { d: x.getTime() } : x)) : k);

/** The longest text a key may hold, and the most parts and nesting of a compound key. */
export const MAX_KEY_TEXT = 4096;
const MAX_KEY_PARTS = 64;
const MAX_KEY_DEPTH = 4;

/** A key IndexedDB accepts, within bounds (text up to 4,096 characters, at most 64 parts, 4 deep). */
export function isValidKey(value: unknown, depth = 0): value is Key {
  if (typeof value === 'string') return value.length <= MAX_KEY_TEXT;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (Array.isArray(value)) return depth < MAX_KEY_DEPTH && value.length <= MAX_KEY_PARTS && value.every((v) => isValidKey(v, depth + 1));
  return false;
}

/** @internal Throws `invalid_key` (naming the collection) unless `key` is a valid key. */
export function keyArg(collection: string, key: unknown): Key {
  if (!isValidKey(key)) throw storeError('invalid_key', { collection }, 'a key is a number, text (up to 4,096 characters), date or list of those');
  return key;
}

/** What a structure needs of a collection: its key path and indexes (a full spec adds the schema). */
export type CollectionShape = Pick<CollectionSpec, 'key' | 'indexes'>;

/** A collection with its indexes normalized. */
export interface ResolvedCollection {
  readonly name: string;
  readonly spec: CollectionSpec;
  readonly key: KeyPath;
  readonly indexes: ReadonlyMap<string, { readonly path: KeyPath; readonly unique: boolean }>;
}

export function resolveCollections(spec: { readonly collections: Readonly<Record<string, CollectionShape>> }): Map<string, ResolvedCollection> {
  const out = new Map<string, ResolvedCollection>();
  for (const [name, c] of Object.entries(spec.collections)) {
    const indexes = new Map<string, { path: KeyPath; unique: boolean }>();
    for (const [iname, def] of Object.entries(c.indexes ?? {})) {
      const norm = typeof def === 'string' || Array.isArray(def) ? { path: def as KeyPath } : (def as IndexSpec);
      indexes.set(iname, { path: norm.path, unique: norm.unique ?? false });
    }
    out.set(name, { name, spec: c as CollectionSpec, key: c.key, indexes });
  }
  return out;
}

/**
 * A fingerprint of the declared structure (collections, key paths, indexes). Stored with the data,
 * so that a structure changed without a new migration is caught instead of silently diverging.
 */
export function structureFingerprint(cols: ReadonlyMap<string, ResolvedCollection>): string {
  const parts: string[] = [];
  for (const c of [...cols.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const idx = [...c.indexes.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([n, i]) => `${n}=${JSON.stringify(i.path)}${i.unique ? '!' : ''}`);
    parts.push(`${c.name}:${JSON.stringify(c.key)}[${idx.join(',')}]`);
  }
  let h = 0x811c9dc5;
  const text = parts.join(';');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, '0')}:${parts.length}`;
}

/** The indexes every loop collection has (`loopCollection`), besides its domain's own. */
export const LOOP_INDEXES = { state: 'state', deadline: 'deadline', updatedAt: 'updatedAt' } as const;

export const META = '_meta';
/** Where earlier versions kept history rows; dropped at the next upgrade (the snapshot holds the history). */
export const HISTORY = '_history';
export const CHANGES = '_changes';
export const BLOBS = '_blobs';
/**
 * The IndexedDB version is the schema version plus this offset since the blobs moved into the
 * records' database (`_blobs`): a database of the old two-database layout (version = schema
 * version) is always upgraded once, which moves its blobs in, and a page of the old layout meeting
 * a database of the new one gets a version error instead of writing blobs where nobody reads them.
 */
export const BLOBS_LAYOUT_OFFSET = 1_000_000;

/**
 * Inside an upgrade: creates the internal object stores and each declared collection with its
 * indexes (rebuilding an index whose path changed, dropping undeclared ones). Records are not touched.
 */
export function layOut(db: IDBDatabase, tx: IDBTransaction, existing: ReadonlySet<string>, cols: ReadonlyMap<string, ResolvedCollection>): void {
  if (!existing.has(META)) db.createObjectStore(META);
  if (existing.has(HISTORY)) db.deleteObjectStore(HISTORY);
  if (!existing.has(CHANGES)) db.createObjectStore(CHANGES, { keyPath: 'seq', autoIncrement: true });
  if (!existing.has(BLOBS)) db.createObjectStore(BLOBS, { keyPath: 'id' });

  for (const c of cols.values()) {
    let os: IDBObjectStore;
    if (existing.has(c.name)) {
      os = tx.objectStore(c.name);
      if (JSON.stringify(os.keyPath) !== JSON.stringify(c.key)) {
        throw storeError('schema_mismatch', { collection: c.name }, 'a collection’s key path cannot change; declare a new collection and copy in a migration');
      }
    } else os = db.createObjectStore(c.name, { keyPath: c.key as string | string[] });
    for (const [name, idx] of c.indexes) {
      if (os.indexNames.contains(name)) {
        const current = os.index(name);
        if (JSON.stringify(current.keyPath) === JSON.stringify(idx.path) && current.unique === idx.unique) continue;
        os.deleteIndex(name);
      }
      os.createIndex(name, idx.path as string | string[], { unique: idx.unique });
    }
    for (const name of Array.from(os.indexNames)) if (!c.indexes.has(name)) os.deleteIndex(name);
  }
}
