// The upgrade from the old two-database layout (records in `<name>`, blobs in
// `<name>:blobs`) to one database (`_blobs` beside the records, written in the same transactions).
// The old layout is written here by hand, the way that code left it, then opened by this store.
import { afterEach, describe, expect, test } from 'vitest';
import { BLOBS_LAYOUT_OFFSET, createIndexedDbStore, fingerprintOf, schemaVersionOf, sha256Of, type Collections, type Store, type StoreSpec } from '@bihuan/core';
import { makeTasks, taskSpec, uniqueName, type TaskOrder } from './fixtures.js';

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** Opens `name` at `version`, running `upgrade` on a fresh database; closes it once `fill` is done. */
function make(factory: IDBFactory, name: string, version: number, upgrade: (db: IDBDatabase) => void, fill: (db: IDBDatabase) => Promise<void>) {
  return new Promise<void>((resolve, reject) => {
    const req = factory.open(name, version);
    req.onupgradeneeded = () => upgrade(req.result);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      fill(db).then(
        () => (db.close(), resolve()),
        (e: unknown) => (db.close(), reject(e)),
      );
    };
  });
}

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });

/** The old layout as its code left it: records, change log and fingerprint at version = schema version; blobs apart. */
export async function writeOldLayout(factory: IDBFactory, spec: StoreSpec, tasks: readonly TaskOrder[], blobs: readonly { id: string; type: string; bytes: Uint8Array }[]): Promise<void> {
  await make(
    factory,
    spec.name,
    schemaVersionOf(spec),
    (db) => {
      db.createObjectStore('_meta');
      db.createObjectStore('_changes', { keyPath: 'seq', autoIncrement: true });
      for (const [name, c] of Object.entries(spec.collections as Collections)) {
        const os = db.createObjectStore(name, { keyPath: c.key as string });
        for (const [index, path] of Object.entries(c.indexes ?? {})) {
          const p = typeof path === 'string' || Array.isArray(path) ? path : (path as { path: string }).path;
          os.createIndex(index, p as string | string[], { unique: typeof path === 'object' && !Array.isArray(path) && (path as { unique?: boolean }).unique === true });
        }
      }
    },
    async (db) => {
      const tx = db.transaction(['_meta', '_changes', 'tasks'], 'readwrite');
      tx.objectStore('_meta').put(fingerprintOf(spec), 'fingerprint');
      for (const t of tasks) tx.objectStore('tasks').put(t);
      tx.objectStore('_changes').add({ collection: 'tasks', op: 'put', keys: tasks.map((t) => t.id), at: '2025-09-01T00:00:00.000Z' });
      await done(tx);
    },
  );
  await make(
    factory,
    `${spec.name}:blobs`,
    1,
    (db) => db.createObjectStore('blobs', { keyPath: 'id' }),
    async (db) => {
      const tx = db.transaction('blobs', 'readwrite');
      for (const b of blobs) tx.objectStore('blobs').put({ id: b.id, type: b.type, bytes: b.bytes.slice().buffer });
      await done(tx);
    },
  );
}

async function databaseNames(factory: IDBFactory): Promise<string[]> {
  return (await factory.databases()).map((d) => d.name ?? '');
}

async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('not within the time given');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 13 + seed) & 0xff);

export function legacyBlobsUpgrade(label: string, factory: () => IDBFactory): void {
  describe(`the old two-database layout is upgraded, keeping everything: ${label}`, () => {
    const opened: Store<Collections>[] = [];
    afterEach(() => {
      for (const s of opened.splice(0)) s.close();
    });
    const blobs = [
      { id: 'scan-1', type: 'application/pdf', bytes: bytes(80_000, 1) },
      { id: 'photo-1', type: 'image/jpeg', bytes: bytes(1_200, 2) },
    ];

    test('records, change log and blobs come across; the blobs database is deleted', async () => {
      const f = factory();
      const spec = taskSpec(uniqueName());
      await writeOldLayout(f, spec, makeTasks(5), blobs);
      expect(await databaseNames(f)).toEqual(expect.arrayContaining([spec.name, `${spec.name}:blobs`]));
      const store = (await createIndexedDbStore(spec, { indexedDB: f })) as unknown as Store<Collections>;
      opened.push(store);
      expect(store.schemaVersion).toBe(1);
      expect((await store.all('tasks')).items).toEqual(makeTasks(5));
      expect(await store.lastSeq()).toBe(1);
      for (const b of blobs) {
        const back = await store.getBlob(b.id);
        expect(back?.type).toBe(b.type);
        expect(await sha256Of(back!)).toBe(await sha256Of(b.bytes));
      }
      await eventually(async () => !(await databaseNames(f)).includes(`${spec.name}:blobs`));
      // The database is now of the new layout: reopening runs no upgrade and keeps the blobs.
      store.close();
      const again = (await createIndexedDbStore(spec, { indexedDB: f })) as unknown as Store<Collections>;
      opened.push(again);
      expect((await again.getBlob('scan-1'))?.size).toBe(80_000);
      const db = await request(f.open(spec.name));
      expect(db.version).toBe(BLOBS_LAYOUT_OFFSET + 1);
      expect(Array.from(db.objectStoreNames)).toContain('_blobs');
      db.close();
      expect(await databaseNames(f)).not.toContain(`${spec.name}:blobs`);
    });

    test('with a migration in the same upgrade: the records are migrated and the blobs come across', async () => {
      const f = factory();
      const name = uniqueName();
      await writeOldLayout(f, taskSpec(name), makeTasks(4), blobs);
      const v2 = taskSpec(name, [{ description: 'owners gain the police- prefix', transform: { tasks: (r: unknown) => ({ ...(r as TaskOrder), owner: (r as TaskOrder).owner.replace('officer-', 'police-') }) } }]);
      const store = (await createIndexedDbStore(v2, { indexedDB: f })) as unknown as Store<Collections>;
      opened.push(store);
      expect(store.schemaVersion).toBe(2);
      expect(((await store.all('tasks')).items as TaskOrder[]).every((t) => t.owner.startsWith('police-'))).toBe(true);
      expect((await store.getBlob('photo-1'))?.size).toBe(1_200);
    });

    test('a failing migration leaves both old databases as they were; a later upgrade still brings the blobs', async () => {
      const f = factory();
      const name = uniqueName();
      await writeOldLayout(f, taskSpec(name), makeTasks(3), blobs);
      const broken = taskSpec(name, [{ description: 'throws', transform: { tasks: () => { throw new Error('bad migration'); } } }]);
      await expect(createIndexedDbStore(broken, { indexedDB: f })).rejects.toThrow('bad migration');
      const db = await request(f.open(name));
      expect(db.version).toBe(1);
      expect(Array.from(db.objectStoreNames)).not.toContain('_blobs');
      db.close();
      expect(await databaseNames(f)).toContain(`${name}:blobs`);
      const store = (await createIndexedDbStore(taskSpec(name), { indexedDB: f })) as unknown as Store<Collections>;
      opened.push(store);
      expect(await store.count('tasks')).toBe(3);
      expect((await store.getBlob('scan-1'))?.size).toBe(80_000);
    });

    test('an old-layout database without a blobs database upgrades without making one', async () => {
      const f = factory();
      const spec = taskSpec(uniqueName());
      await writeOldLayout(f, spec, makeTasks(2), []);
      await request(f.deleteDatabase(`${spec.name}:blobs`));
      const store = (await createIndexedDbStore(spec, { indexedDB: f })) as unknown as Store<Collections>;
      opened.push(store);
      expect(await store.count('tasks')).toBe(2);
      expect(await store.getBlob('scan-1')).toBeUndefined();
      expect(await databaseNames(f)).not.toContain(`${spec.name}:blobs`);
    });

    test('an old-layout database of a later schema version meets an older page: a version error, nothing changed', async () => {
      const f = factory();
      const name = uniqueName();
      const later = taskSpec(name, [{ description: 'v2' }]);
      await writeOldLayout(f, later, makeTasks(2), blobs);
      await expect(createIndexedDbStore(taskSpec(name), { indexedDB: f })).rejects.toMatchObject({ code: 'version' });
      const db = await request(f.open(name));
      expect(db.version).toBe(2);
      db.close();
    });
  });
}
