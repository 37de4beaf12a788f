// Fault tests against real IndexedDB in Chromium: whatever fails, the store holds what it held.
import { afterEach, describe, expect, test } from 'vitest';
import { createIndexedDbStore, StoreError, type Store, type StoreStatusEvent } from '@bihuan/core';
import { makeTasks, taskSpec, uniqueName, type TaskOrder } from '../../store-contract/fixtures.js';
import { openRaw, writeRaw } from '../../store-contract/raw.js';

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});
const open = async (name = uniqueName(), options: Parameters<typeof createIndexedDbStore>[1] = {}) => {
  const store = await createIndexedDbStore(taskSpec(name), options);
  opened.push(store);
  return store;
};
const snapshot = async (store: Store) => JSON.stringify(await store.dump());

describe('faults in real IndexedDB', () => {
  test('an abort in the middle of a large batch leaves the store exactly as before', async () => {
    const store = await open();
    await store.bulkPut('tasks', makeTasks(50));
    const before = await snapshot(store as unknown as Store);
    // 40,000 records take far longer than 30 ms to commit, so the abort lands mid-transaction;
    // the batch also overwrites the 50 existing records, which must keep their old values.
    const batch = makeTasks(40_000).map((t) => ({ ...t, title: `${t.title} (changed)` }));
    const controller = new AbortController();
    const pending = store.bulkPut('tasks', batch, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error = await pending.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('aborted');
    expect(await snapshot(store as unknown as Store)).toBe(before);
  });

  test('quota exceeded mid-batch surfaces as a typed error and writes nothing', async () => {
    const store = await open();
    await store.put('tasks', makeTasks(1, 900)[0]!);
    const before = await snapshot(store as unknown as Store);
    // Chromium's quota cannot be lowered from a page; fail the 500th put the way Chromium does.
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 500) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
    let error: unknown;
    try {
      await store.bulkPut('tasks', makeTasks(1000));
    } catch (e) {
      error = e;
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(error).toMatchObject({ code: 'quota_exceeded' });
    expect((error as StoreError).text('zh-CN')).toContain('存储空间已满');
    expect(await snapshot(store as unknown as Store)).toBe(before);
  });

  test('a unique-index violation raised by IndexedDB halfway through rolls the batch back', async () => {
    const store = await open();
    const batch = makeTasks(2000).map((t, i) => ({ ...t, ref: `R${i}` }));
    batch[1500] = { ...batch[1500]!, ref: 'R3' };
    await expect(store.bulkPut('tasks', batch)).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.count('tasks')).toBe(0);
    expect(await store.lastSeq()).toBe(0);
  });

  test('a change made in another browsing context (an iframe) reaches this one', async () => {
    const name = uniqueName();
    const store = await open(name);
    const heard = new Promise((resolve) => store.subscribe((n) => n.kind === 'changes' && n.source === 'remote' && resolve(n)));
    const core = new URL('../../../packages/core/src/index.ts', import.meta.url).href;
    const fixtures = new URL('../../store-contract/fixtures.ts', import.meta.url).href;
    const frame = document.createElement('iframe');
    // srcdoc frames share this page's origin: the same IndexedDB and BroadcastChannel namespace.
    frame.srcdoc = `<script type="module">
      import { createIndexedDbStore } from ${JSON.stringify(core)};
      import { taskSpec, makeTasks } from ${JSON.stringify(fixtures)};
      const store = await createIndexedDbStore(taskSpec(${JSON.stringify(name)}));
      await store.put('tasks', { ...makeTasks(1, 77)[0], title: 'from the other tab' });
      parent.postMessage('written', '*');
    </script>`;
    document.body.append(frame);
    try {
      const notice = await heard;
      expect(notice).toMatchObject({ kind: 'changes', source: 'remote', changes: [{ collection: 'tasks', op: 'put', keys: ['T000077'] }] });
      expect((await store.get('tasks', 'T000077'))?.title).toBe('from the other tab');
    } finally {
      frame.remove();
    }
  });

  test('an upgrade blocked by another open connection is reported, not hung', async () => {
    const name = uniqueName();
    (await open(name)).close();
    // An "old tab" that does not close on versionchange.
    const old = await openRaw(name);
    const events: StoreStatusEvent[] = [];
    const spec2 = taskSpec(name, [{ description: 'v2' }]);
    const started = performance.now();
    const error = await createIndexedDbStore(spec2, { onEvent: (e) => events.push(e), blockedTimeoutMs: 300 }).then(
      (s) => (s.close(), null),
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(events.map((e) => e.type)).toEqual(['blocked']);
    expect(events[0]!.message['zh-CN']).toContain('另一个标签页');
    expect(events[0]!.message.en).toContain('another tab');
    expect(error).toMatchObject({ code: 'blocked' });
    expect((error as StoreError).text('en')).toContain('blocked by another open tab');
    // Once the old tab goes away the upgrade goes through.
    old.close();
    const upgraded = await createIndexedDbStore(spec2);
    opened.push(upgraded);
    expect(upgraded.schemaVersion).toBe(2);
  });

  test('our own older connection steps aside for an upgrade and reports it', async () => {
    const name = uniqueName();
    const events: StoreStatusEvent[] = [];
    const v1 = await open(name, { onEvent: (e) => events.push(e) });
    await v1.put('tasks', makeTasks(1)[0]!);
    const v2 = await createIndexedDbStore(taskSpec(name, [{ description: 'v2' }]));
    opened.push(v2);
    expect(events.map((e) => e.type)).toEqual(['versionchange']);
    expect(v1.closed).toBe(true);
    await expect(v1.get('tasks', 'T000000')).rejects.toMatchObject({ code: 'closed' });
    expect((await v2.get('tasks', 'T000000'))?.id).toBe('T000000');
  });

  test('corrupt records written raw are found by verify(); reads trust the store', async () => {
    const name = uniqueName();
    const store = await open(name);
    await store.bulkPut('tasks', makeTasks(200));
    await writeRaw(name, 'tasks', { id: 'T000010', title: 42, state: 'done' });
    await writeRaw(name, 'tasks', { ...makeTasks(1, 150)[0]!, dueAt: null } as unknown as TaskOrder);
    const listed = await store.all('tasks');
    expect(listed.items).toHaveLength(200);
    expect(listed.problems).toEqual([]);
    const report = await store.verify();
    expect(report.checked).toBe(200);
    expect(report.problems.map((p) => [p.key, p.path])).toEqual([
      ['T000010', 'title'],
      ['T000150', 'dueAt'],
    ]);
  });
});
