// Plain IndexedDB helpers for tests: write behind the store's back, hold a connection open.

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** Opens `name` at its current version (or `version`), without any upgrade handling. */
export function openRaw(name: string, version?: number, factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = version === undefined ? factory.open(name) : factory.open(name, version);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Puts `value` into `collection` as it is: no validation, no change log. */
export async function writeRaw(name: string, collection: string, value: unknown, factory: IDBFactory = indexedDB): Promise<void> {
  const db = await openRaw(name, undefined, factory);
  try {
    const tx = db.transaction(collection, 'readwrite');
    await request(tx.objectStore(collection).put(value));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}
