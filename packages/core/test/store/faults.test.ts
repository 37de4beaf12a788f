// Faults in Node with fake-indexeddb and the memory store (real Chromium: test/browser/store).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { createIndexedDbStore, createMemoryBacking, createMemoryStore, deleteIndexedDbStore, StoreError, type Store, type StoreStatusEvent } from '@bihuan/core';
import { makeTasks, taskSpec, uniqueName } from '../../../../test/store-contract/fixtures.js';
import { openRaw } from '../../../../test/store-contract/raw.js';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

describe('IndexedDB faults (fake-indexeddb)', () => {
  test('quota exceeded in the middle of a batch: typed error, nothing written', async () => {
    const store = await createIndexedDbStore(taskSpec());
    opened.push(store);
    await store.put('tasks', makeTasks(1, 50)[0]!);
    const before = JSON.stringify(await store.dump());
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 20) throw new DOMException('quota', 'QuotaExceededError');
      return original.apply(this, args);
    };
    const error = await store.bulkPut('tasks', makeTasks(40)).then(
      () => null,
      (e: unknown) => e,
    );
    IDBObjectStore.prototype.put = original;
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('quota_exceeded');
    expect(JSON.stringify(await store.dump())).toBe(before);
  });

  test('a blocked upgrade is reported at once and fails after the timeout', async () => {
    const name = uniqueName();
    (await createIndexedDbStore(taskSpec(name))).close();
    const old = await openRaw(name);
    const events: StoreStatusEvent[] = [];
    const pending = createIndexedDbStore(taskSpec(name, [{ description: 'v2' }]), { onEvent: (e) => events.push(e), blockedTimeoutMs: 50 });
    await expect(pending).rejects.toMatchObject({ code: 'blocked' });
    expect(events).toEqual([{ type: 'blocked', message: expect.objectContaining({ 'zh-CN': expect.stringContaining('关闭其他标签页') }) }]);
    old.close();
  });

  test('a failing migration leaves the database at its old version with its data', async () => {
    const name = uniqueName();
    const v1 = await createIndexedDbStore(taskSpec(name));
    await v1.bulkPut('tasks', makeTasks(5));
    v1.close();
    const broken = taskSpec(name, [{ description: 'throws', transform: { tasks: () => { throw new Error('bad migration'); } } }]);
    await expect(createIndexedDbStore(broken)).rejects.toThrow('bad migration');
    const again = await createIndexedDbStore(taskSpec(name));
    opened.push(again);
    expect(again.schemaVersion).toBe(1);
    expect(await again.count('tasks')).toBe(5);
  });

  test('deleteIndexedDbStore removes the database for sign-out; open stores close themselves', async () => {
    const name = uniqueName();
    const events: StoreStatusEvent[] = [];
    const store = await createIndexedDbStore(taskSpec(name), { onEvent: (e) => events.push(e) });
    await store.bulkPut('tasks', makeTasks(3));
    await deleteIndexedDbStore(name);
    expect(store.closed).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['versionchange']);
    const again = await createIndexedDbStore(taskSpec(name));
    opened.push(again);
    expect(await again.count('tasks')).toBe(0);
    expect(await again.lastSeq()).toBe(0);
  });

  test('a refused write inside a batch fails the batch even when the body catches it', async () => {
    for (const store of [await createIndexedDbStore(taskSpec()), createMemoryStore(taskSpec())]) {
      opened.push(store);
      await store.put('tasks', makeTasks(1)[0]!);
      const error = await store
        .batch(async (tx) => {
          await tx.put('tasks', makeTasks(1, 1)[0]!);
          await tx.add('tasks', makeTasks(1)[0]!).catch(() => 'ignored');
        })
        .then(() => null, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'exists' });
      expect(await store.count('tasks')).toBe(1);
    }
  });

  test('another connection upgrading closes ours and tells the host', async () => {
    const name = uniqueName();
    const events: StoreStatusEvent[] = [];
    const v1 = await createIndexedDbStore(taskSpec(name), { onEvent: (e) => events.push(e) });
    const v2 = await createIndexedDbStore(taskSpec(name, [{ description: 'v2' }]));
    opened.push(v2);
    expect(events.map((e) => e.type)).toEqual(['versionchange']);
    await expect(v1.count('tasks')).rejects.toMatchObject({ code: 'closed' });
  });
});

describe('memory store specifics', () => {
  test('two stores on one backing share data and hear each other', async () => {
    const backing = createMemoryBacking();
    const name = uniqueName();
    const a = createMemoryStore(taskSpec(name), { backing });
    const b = createMemoryStore(taskSpec(name), { backing });
    opened.push(a, b);
    const heard = new Promise((resolve) => b.subscribe((n) => n.source === 'remote' && resolve(n)));
    await a.bulkPut('tasks', makeTasks(3));
    expect(await heard).toMatchObject({ kind: 'changes', changes: [{ keys: ['T000000', 'T000001', 'T000002'] }] });
    expect(await b.count('tasks')).toBe(3);
  });

  test('stored records are copies: changing a returned record changes nothing stored', async () => {
    const store: Store = createMemoryStore(taskSpec()) as unknown as Store;
    opened.push(store);
    const written = (await store.put('tasks', makeTasks(1)[0]!)) as { title: string };
    written.title = 'mutated';
    const read = (await store.get('tasks', 'T000000')) as { title: string };
    read.title = 'mutated too';
    expect(((await store.get('tasks', 'T000000')) as { title: string }).title).toBe('社区警务任务 0');
  });
});
