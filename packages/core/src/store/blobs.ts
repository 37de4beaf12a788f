import { InvalidArgumentError } from '../errors/errors.js';
import { fromDomError, storeError } from './errors.js';
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

const BLOBS = 'blobs';

/**
 * The blobs of an IndexedDB store live in a database of their own, `<name>:blobs` (one object
 * store), opened when first used: the records' database and its versions stay as they are.
 */
export function indexedDbBlobs(factory: IDBFactory, name: string) {
  let opening: Promise<IDBDatabase> | undefined;
  let db: IDBDatabase | undefined;
  const open = () =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      let req: IDBOpenDBRequest;
      try {
        req = factory.open(`${name}:blobs`, 1);
      } catch (error) {
        reject(fromDomError(error));
        return;
      }
      req.onupgradeneeded = () => req.result.createObjectStore(BLOBS, { keyPath: 'id' });
      req.onsuccess = () => {
        db = req.result;
        db.onversionchange = () => close();
        resolve(db);
      };
      req.onerror = () => {
        opening = undefined;
        reject(fromDomError(req.error));
      };
      req.onblocked = () => reject(storeError('blocked'));
    }));
  const close = () => {
    db?.close();
    db = undefined;
    opening = undefined;
  };
  async function run<T>(mode: IDBTransactionMode, body: (os: IDBObjectStore) => IDBRequest<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw storeError('aborted');
    const d = await open();
    return new Promise<T>((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = d.transaction(BLOBS, mode);
      } catch (error) {
        reject(fromDomError(error));
        return;
      }
      let result: T;
      const onAbort = () => {
        try {
          tx.abort();
        } catch {
          // Already finished.
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      let req: IDBRequest<T>;
      try {
        req = body(tx.objectStore(BLOBS));
      } catch (error) {
        signal?.removeEventListener('abort', onAbort);
        onAbort();
        reject(fromDomError(error));
        return;
      }
      req.onsuccess = () => (result = req.result);
      tx.oncomplete = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(result);
      };
      tx.onabort = () => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? storeError('aborted') : fromDomError(tx.error ?? { name: 'AbortError' }));
      };
    });
  }
  return {
    async put(row: BlobRow, signal?: AbortSignal) {
      await run('readwrite', (os) => os.put(row), signal);
    },
    async get(id: string): Promise<BlobRow | undefined> {
      return (await run('readonly', (os) => os.get(id) as IDBRequest<BlobRow | undefined>)) ?? undefined;
    },
    async delete(id: string, signal?: AbortSignal): Promise<boolean> {
      // Counted and deleted in one transaction: the count comes first.
      const had = await run(
        'readwrite',
        (os) => {
          const counted = os.count(id);
          os.delete(id);
          return counted;
        },
        signal,
      );
      return had > 0;
    },
    async clear() {
      await run('readwrite', (os) => os.clear());
    },
    close,
  };
}
