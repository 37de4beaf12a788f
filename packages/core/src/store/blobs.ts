import { InvalidArgumentError } from '../errors/errors.js';
import { fromDomError } from './errors.js';
import { BLOBS } from './structure.js';
import { writeOptionsArg } from './args.js';

/**
 * Blobs (an attachment's bytes) kept beside the records, under an id. Stored as the bytes and
 * their media type, so that every store gives back an equal `Blob` in Node and in browsers.
 */
export interface StoredBlob {
  readonly id: string;
  readonly type: string;
  readonly size: number;
}

/** The bytes of one blob as kept. */
export interface BlobRow {
  readonly id: string;
  readonly type: string;
  readonly bytes: ArrayBuffer;
}

/**
 * A blob read into memory (`await readBlob(file)`), for `tx.putBlob` inside a batch: a batch may
 * await only its own calls, and reading a `Blob` is asynchronous, so the bytes are read first.
 */
export interface BlobBytes {
  readonly type: string;
  readonly bytes: ArrayBuffer;
}

/** An id of 1–200 characters, else `InvalidArgumentError` naming `id`. */
export function blobIdArg(fn: string, id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new InvalidArgumentError(fn, 'id', { 'zh-CN': '必须是 1–200 字的编号', en: 'must be an id of 1–200 characters' }, id);
  return id;
}

/** A `Blob` (a `File` is one), else `InvalidArgumentError` naming `blob`. */
export function blobArg(fn: string, blob: unknown): Blob {
  const ok = typeof Blob !== 'undefined' && blob instanceof Blob;
  if (!ok) throw new InvalidArgumentError(fn, 'blob', { 'zh-CN': '必须是 Blob 或 File', en: 'must be a Blob or File' }, blob);
  return blob;
}

/** Reads a `Blob` (or `File`) into the bytes a batch's `tx.putBlob` takes. */
export async function readBlob(blob: Blob): Promise<BlobBytes> {
  blobArg('readBlob', blob);
  return { type: blob.type, bytes: await blob.arrayBuffer() };
}

/** `tx.putBlob`'s arguments as the row to keep (a copy of the bytes), else `InvalidArgumentError` naming the argument. */
export function blobBytesRow(fn: string, id: unknown, data: unknown): BlobRow {
  blobIdArg(fn, id);
  const d = data as Partial<BlobBytes> | null;
  if (d === null || typeof d !== 'object' || !(d.bytes instanceof ArrayBuffer) || typeof d.type !== 'string' || d.type.length > 200) {
    throw new InvalidArgumentError(fn, 'blob', { 'zh-CN': '必须是 readBlob(file) 读出的 { type, bytes }', en: 'must be the { type, bytes } that readBlob(file) gives' }, data);
  }
  return { id: id as string, type: d.type, bytes: d.bytes.slice(0) };
}

/** Checks `putBlob`'s arguments and reads the blob into the row kept by the store. */
export async function blobRow(id: unknown, blob: unknown, options: unknown): Promise<{ row: BlobRow; signal?: AbortSignal }> {
  blobIdArg('putBlob', id);
  blobArg('putBlob', blob);
  const { signal } = writeOptionsArg('putBlob', options);
  const b = blob as Blob;
  return { row: { id: id as string, type: b.type, bytes: await b.arrayBuffer() }, signal };
}

export const blobOf = (row: BlobRow): Blob => new Blob([row.bytes], { type: row.type });
export const infoOf = (row: BlobRow): StoredBlob => ({ id: row.id, type: row.type, size: row.bytes.byteLength });

/**
 * The object store of an IndexedDB store's blobs, in the records' own database: an attachment's
 * record and its bytes are written in one transaction.
 */
export { BLOBS };

/** Where the old two-database layout kept the blobs: a database of their own beside the records'. */
export const legacyBlobsName = (name: string): string => `${name}:blobs`;

/**
 * Copies the blobs of the old layout (`<name>:blobs`) into `target` (the `_blobs` store of the
 * upgrade's own transaction), then calls `done(found)` inside that transaction; `fail` on any
 * error (the upgrade then aborts and both databases stay as they were). No transaction spans two
 * databases: the old one is read with a cursor while cheap reads of `target` keep the upgrade's
 * transaction alive, and the rows read are written in those reads' callbacks (the only moments
 * the upgrade's transaction takes requests).
 */
export function copyLegacyBlobs(factory: IDBFactory, name: string, target: IDBObjectStore, done: (found: boolean) => void, fail: (error: unknown) => void): void {
  const queue: unknown[] = [];
  let read: 'reading' | 'found' | 'none' | 'failed' = 'reading';
  let failure: unknown;
  const spin = () => {
    try {
      for (const row of queue.splice(0)) target.put(row);
    } catch (e) {
      read = 'failed';
      failure ??= e;
    }
    if (read === 'failed') return fail(fromDomError(failure));
    if (read !== 'reading') return done(read === 'found');
    const r = target.count();
    r.onsuccess = spin;
  };
  const stop = (how: 'found' | 'none' | 'failed', e?: unknown) => {
    if (read !== 'reading') return;
    read = how;
    failure = e;
  };
  let req: IDBOpenDBRequest;
  try {
    req = factory.open(legacyBlobsName(name));
  } catch (e) {
    fail(fromDomError(e));
    return;
  }
  spin();
  // No such database: opening makes an empty one; abort that, so that nothing is created.
  req.onupgradeneeded = (event) => {
    if (event.oldVersion === 0) req.transaction!.abort();
  };
  req.onerror = (event) => {
    event.preventDefault();
    if (req.error?.name === 'AbortError') stop('none');
    else stop('failed', req.error);
  };
  req.onsuccess = () => {
    const old = req.result;
    if (!old.objectStoreNames.contains('blobs')) {
      old.close();
      return stop('found');
    }
    let cursor: IDBRequest<IDBCursorWithValue | null>;
    try {
      cursor = old.transaction('blobs', 'readonly').objectStore('blobs').openCursor();
    } catch (e) {
      old.close();
      return stop('failed', e);
    }
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) {
        old.close();
        return stop('found');
      }
      queue.push(c.value);
      c.continue();
    };
    cursor.onerror = (event) => {
      event.preventDefault();
      old.close();
      stop('failed', cursor.error);
    };
  };
}
