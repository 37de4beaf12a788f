// The store contract: one suite that every Store implementation must pass, run in Node (memory,
// fake-indexeddb) and in real Chromium (IndexedDB). Only the harness differs.
import { afterEach, describe, expect, test } from 'vitest';
import {
  applyLoopEvent,
  defineStore,
  dispatchMonthToStore,
  exportBackup,
  importBackup,
  MAX_SEQ,
  recordVersion,
  reassignOnLeaveInStore,
  StoreError,
  taskOrderLoop,
  taskStoreSpec,
  urgeOrders,
  type Actor,
  type Collections,
  type Page,
  type Store,
  type StoreNotice,
  type StoreSpec,
} from '@bihuan/core';
import { exampleCatalog, exampleRoster } from '@bihuan/core/examples';
import { blobContract } from './blobs.js';
import { makeDispute, makeTasks, simpleStep, taskSpec, uniqueName, type Snapshot, type TaskOrder } from './fixtures.js';

export interface StoreHarness {
  readonly label: string;
  /** Opens a store; two opens of one name reach the same data (like two tabs). */
  open<C extends Collections>(spec: StoreSpec<C>, options?: { now?: () => Date; actor?: Actor }): Promise<Store<C>>;
  /** Writes a value into a collection bypassing validation (a hand edit, an older version's write). */
  writeRaw(name: string, collection: string, value: unknown): Promise<void>;
}

const officer: Actor = { id: 'officer-1', role: 'officer' };

/** Resolves with the first notice matching `pred`, or rejects after `ms`. */
export function nextNotice(store: Store<Collections>, pred: (n: StoreNotice) => boolean, ms = 3000): Promise<StoreNotice> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('no notice'));
    }, ms);
    const off = store.subscribe((n) => {
      if (!pred(n)) return;
      clearTimeout(timer);
      off();
      resolve(n);
    });
  });
}

async function refusal(p: Promise<unknown>): Promise<StoreError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError, the call succeeded');
}

export function storeContract(h: StoreHarness): void {
  blobContract(h);
  describe(`store contract: ${h.label}`, () => {
    const open: Store<Collections>[] = [];
    afterEach(() => {
      for (const s of open.splice(0)) s.close();
    });
    const fresh = async (name = uniqueName(), options?: { now?: () => Date; actor?: Actor }) => {
      const s = await h.open(taskSpec(name), options);
      open.push(s as unknown as Store<Collections>);
      return s;
    };

    test('puts and gets a record, parsed by its schema (defaults applied)', async () => {
      const store = await fresh();
      const { priority: _drop, ...input } = makeTasks(1)[0]!;
      const written = await store.put('tasks', input);
      expect(written.priority).toBe(0);
      expect(await store.get('tasks', input.id)).toEqual({ ...input, priority: 0 });
      expect(await store.get('tasks', 'missing')).toBeUndefined();
    });

    test('refuses an invalid record with a typed error naming the path; nothing written', async () => {
      const store = await fresh();
      const bad = { ...makeTasks(1)[0]!, period: '2025年3月' };
      const error = await refusal(store.put('tasks', bad));
      expect(error.code).toBe('invalid_record');
      expect(error.details).toMatchObject({ collection: 'tasks', key: bad.id, path: 'period' });
      expect(error.text('zh-CN')).toContain('字段 period');
      expect(error.text('en')).toContain('field period');
      expect(await store.count('tasks')).toBe(0);
      expect(await store.lastSeq()).toBe(0);
    });

    test('a batch with one bad record is refused whole', async () => {
      const store = await fresh();
      const batch: TaskOrder[] = makeTasks(10);
      (batch[6] as { state: string }).state = 'lost';
      const error = await refusal(store.bulkPut('tasks', batch));
      expect(error.code).toBe('invalid_record');
      expect(error.details).toMatchObject({ position: 6, path: 'state', key: batch[6]!.id });
      expect(await store.count('tasks')).toBe(0);
    });

    test('a unique index conflict refuses the batch and writes nothing', async () => {
      const store = await fresh();
      await store.put('tasks', { ...makeTasks(1, 100)[0]!, ref: 'R-1' });
      const batch = makeTasks(50).map((t, i) => ({ ...t, ref: `X-${i}` }));
      batch[30] = { ...batch[30]!, ref: 'R-1' };
      const error = await refusal(store.bulkPut('tasks', batch));
      expect(error.code).toBe('conflict');
      expect(await store.count('tasks')).toBe(1);
      // Re-putting the same record with its own unique value is not a conflict.
      await store.put('tasks', { ...makeTasks(1, 100)[0]!, ref: 'R-1', title: 'changed' });
      expect((await store.get('tasks', 'T000100'))?.title).toBe('changed');
    });

    test('queries by index: equality, ranges, compound keys, counts', async () => {
      const store = await fresh();
      const tasks = makeTasks(120);
      expect(await store.bulkPut('tasks', tasks)).toBe(120);
      const done = await store.all('tasks', { index: 'state', equals: 'done' });
      expect(done.items.map((t) => t.id)).toEqual(tasks.filter((t) => t.state === 'done').map((t) => t.id));
      expect(await store.count('tasks', { index: 'owner', equals: 'officer-3' })).toBe(tasks.filter((t) => t.owner === 'officer-3').length);
      const from = '2025-02-01T00:00:00.000Z';
      const to = '2025-03-01T00:00:00.000Z';
      const due = await store.all('tasks', { index: 'dueAt', gte: from, lt: to });
      const expected = tasks.filter((t) => t.dueAt >= from && t.dueAt < to).sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1));
      expect(due.items.map((t) => t.id)).toEqual(expected.map((t) => t.id));
      expect(await store.count('tasks', { index: 'dueAt', gt: from, lte: to })).toBe(tasks.filter((t) => t.dueAt > from && t.dueAt <= to).length);
      const unitPeriod = await store.all('tasks', { index: 'unitPeriod', equals: ['海港分局', '2025-04'] });
      expect(unitPeriod.items.map((t) => t.id)).toEqual(tasks.filter((t) => t.unit === '海港分局' && t.period === '2025-04').map((t) => t.id));
      expect(await store.count('tasks', { gte: 'T000100' })).toBe(20);
      expect(await store.count('tasks', { index: 'dueAt', gt: to, lt: from })).toBe(0);
      await expect(store.all('tasks', { index: 'nope' })).rejects.toMatchObject({ code: 'unknown_index' });
      await expect(store.all('nope' as 'tasks')).rejects.toMatchObject({ code: 'unknown_collection' });
    });

    test('lists in pages with a cursor: every record once, in order, both directions', async () => {
      const store = await fresh();
      const tasks = makeTasks(95);
      await store.bulkPut('tasks', tasks);
      for (const [index, reverse] of [[undefined, false], ['owner', false], ['owner', true], [undefined, true]] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: Page<TaskOrder> = await store.query('tasks', { ...(index ? { index } : {}), limit: 10, cursor, reverse });
          seen.push(...page.items.map((t) => t.id));
          cursor = page.cursor;
          pages++;
        } while (cursor);
        expect(pages).toBe(10);
        const order = [...tasks].sort((a, b) =>
          index ? (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : a.id < b.id ? -1 : 1) : a.id < b.id ? -1 : 1,
        );
        if (reverse) order.reverse();
        expect(seen).toEqual(order.map((t) => t.id));
      }
      // A range with pages: the cursor stays inside the range.
      const inRange: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<TaskOrder> = await store.query('tasks', { index: 'state', equals: 'overdue', limit: 7, cursor });
        inRange.push(...page.items.map((t) => t.id));
        cursor = page.cursor;
      } while (cursor);
      expect(inRange).toEqual(tasks.filter((t) => t.state === 'overdue').map((t) => t.id));
      await expect(store.query('tasks', { cursor: 'garbage' })).rejects.toMatchObject({ code: 'invalid_cursor' });
    });

    test('keeps a change log: seq, collection, keys, op, at, actor', async () => {
      const clock = new Date('2025-05-01T02:00:00.000Z');
      const store = await fresh(uniqueName(), { now: () => clock, actor: { id: 'system', role: 'host' } });
      await store.put('tasks', makeTasks(1)[0]!, { actor: officer });
      await store.bulkPut('tasks', makeTasks(3, 1));
      expect(await store.delete('tasks', 'T000002')).toBe(true);
      expect(await store.delete('tasks', 'T000002')).toBe(false);
      expect(await store.bulkDelete('tasks', ['T000001', 'missing', 'T000001'])).toBe(1);
      const log = await store.changes();
      expect(log).toEqual([
        { seq: 1, collection: 'tasks', op: 'put', keys: ['T000000'], at: '2025-05-01T02:00:00.000Z', actor: officer },
        { seq: 2, collection: 'tasks', op: 'put', keys: ['T000001', 'T000002', 'T000003'], at: '2025-05-01T02:00:00.000Z', actor: { id: 'system', role: 'host' } },
        { seq: 3, collection: 'tasks', op: 'delete', keys: ['T000002'], at: '2025-05-01T02:00:00.000Z', actor: { id: 'system', role: 'host' } },
        { seq: 4, collection: 'tasks', op: 'delete', keys: ['T000001'], at: '2025-05-01T02:00:00.000Z', actor: { id: 'system', role: 'host' } },
      ]);
      expect((await store.changes({ after: 2 })).map((e) => e.seq)).toEqual([3, 4]);
      expect((await store.changes({ after: 0, limit: 1 })).map((e) => e.seq)).toEqual([1]);
      expect(await store.lastSeq()).toBe(4);
    });

    test('notifies subscribers here and in a second connection (another tab)', async () => {
      const name = uniqueName();
      const a = await fresh(name);
      const b = await fresh(name);
      const local: StoreNotice[] = [];
      a.subscribe((n) => local.push(n));
      const remote = nextNotice(b as unknown as Store<Collections>, (n) => n.kind === 'changes');
      await a.put('tasks', makeTasks(1)[0]!);
      expect(local).toMatchObject([{ kind: 'changes', source: 'local', changes: [{ op: 'put', keys: ['T000000'] }] }]);
      const heard = await remote;
      expect(heard).toMatchObject({ kind: 'changes', source: 'remote', changes: [{ seq: 1, collection: 'tasks', keys: ['T000000'] }] });
      // The other connection reads the change itself.
      expect((await b.get('tasks', 'T000000'))?.title).toBe('社区警务任务 0');
    });

    test('applies a loop event atomically: snapshot, history entry and change together', async () => {
      const store = await fresh();
      await store.put('disputes', makeDispute('D1'));
      const event = { type: 'route', actor: { id: 'm1', role: 'mediator' }, at: '2025-03-01T10:00:00+08:00' };
      const r = await store.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, event));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.snapshot.state).toBe('routed');
      expect(r.entries).toEqual([{ seq: 1, type: 'route', actor: event.actor, at: event.at, from: 'received', to: 'routed' }]);
      expect(r.change).toMatchObject({ op: 'event', collection: 'disputes', keys: ['D1'], actor: event.actor });
      expect((await store.get('disputes', 'D1'))?.state).toBe('routed');
      // One history: the record's own, whatever asks for it.
      expect(await store.history('disputes', 'D1')).toEqual((await store.get('disputes', 'D1'))!.history);
      expect((await store.history('disputes', 'D1')).slice(1)).toEqual(r.entries);
      expect(await store.history('disputes', 'D2')).toEqual([]);
      const seq = await store.lastSeq();

      // A refusal is a value, and nothing is written.
      const refused = await store.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, { ...event, type: 'route' }));
      expect(refused).toMatchObject({ ok: false, reason: { code: 'not_allowed' } });
      expect(await store.lastSeq()).toBe(seq);
      expect((await store.get('disputes', 'D1'))?.history).toHaveLength(2);

      // A step that produces an invalid snapshot writes nothing either.
      const broken = await refusal(store.applyEvent('disputes', 'D1', (s: Snapshot) => ({ ok: true, snapshot: { ...s, state: 7 as unknown as string } })));
      expect(broken).toMatchObject({ code: 'invalid_record', details: { path: 'state' } });
      // A step that throws aborts the transaction.
      await expect(store.applyEvent('disputes', 'D1', () => { throw new Error('engine bug'); })).rejects.toThrow();
      expect(await store.lastSeq()).toBe(seq);
      expect(await store.history('disputes', 'D1')).toHaveLength(2);

      const missing = await refusal(store.applyEvent('disputes', 'nope', (s: Snapshot) => simpleStep(s, event)));
      expect(missing.code).toBe('not_found');
      const second = await store.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, { ...event, type: 'close' }));
      expect(second.ok).toBe(true);
      expect((await store.history('disputes', 'D1')).map((e) => e.seq)).toEqual([0, 1, 2]);
      expect((await store.changes()).filter((e) => e.collection === 'disputes').map((e) => e.op)).toEqual(['put', 'event', 'event']);
    });

    test('reads trust what the store wrote; verify() finds a record changed behind its back', async () => {
      const name = uniqueName();
      const store = await fresh(name);
      await store.bulkPut('tasks', makeTasks(5));
      expect(await store.verify()).toEqual({ checked: 5, problems: [] });
      await h.writeRaw(name, 'tasks', { ...makeTasks(1, 2)[0]!, period: 'March' });
      const listed = await store.all('tasks');
      expect(listed.items).toHaveLength(5);
      expect(listed.problems).toEqual([]);
      const report = await store.verify();
      expect(report.checked).toBe(5);
      expect(report.problems).toEqual([expect.objectContaining({ collection: 'tasks', key: 'T000002', path: 'period' })]);
    });

    test('a closed store refuses with a typed error', async () => {
      const store = await fresh();
      store.close();
      expect(store.closed).toBe(true);
      const error = await refusal(store.put('tasks', makeTasks(1)[0]!));
      expect(error.code).toBe('closed');
      expect(error.text('zh-CN')).toContain('数据库已关闭');
      await expect(store.all('tasks')).rejects.toMatchObject({ code: 'closed' });
    });

    test('an aborted signal stops the write; nothing written', async () => {
      const store = await fresh();
      const controller = new AbortController();
      controller.abort();
      const error = await refusal(store.bulkPut('tasks', makeTasks(20), { signal: controller.signal }));
      expect(error.code).toBe('aborted');
      expect(await store.count('tasks')).toBe(0);
      expect(await store.lastSeq()).toBe(0);
    });

    test('a JSON backup restores exactly: re-export is byte-identical', async () => {
      const store = await fresh(uniqueName(), { now: () => new Date('2025-06-01T00:00:00.000Z') });
      await store.bulkPut('tasks', makeTasks(30));
      await store.put('disputes', makeDispute('D1'));
      await store.applyEvent('disputes', 'D1', (s: Snapshot) =>
        simpleStep(s, { type: 'route', actor: { id: 'm1', role: 'mediator' }, at: '2025-06-01T08:00:00+08:00' }),
      );
      await store.delete('tasks', 'T000004');
      const backup = await exportBackup(store as unknown as Store<Collections>);

      const target = await fresh();
      await target.put('tasks', makeTasks(1, 500)[0]!);
      const reset = nextNotice(target as unknown as Store<Collections>, (n) => n.kind === 'reset');
      await importBackup(target as unknown as Store<Collections>, backup, { allowOtherStore: true });
      await reset;
      const again = await exportBackup(target as unknown as Store<Collections>);
      expect(again.replace(target.name, store.name)).toBe(backup);
      expect(await target.get('tasks', 'T000500')).toBeUndefined();
      expect(await target.count('tasks')).toBe(29);
      expect(await target.history('disputes', 'D1')).toHaveLength(2);
      expect(await target.lastSeq()).toBe(await store.lastSeq());

      // A broken backup is refused whole: the target keeps what it had.
      const broken = backup.replace('"period":"2025-01"', '"period":"一月"');
      expect(broken).not.toBe(backup);
      const error = await refusal(importBackup(target as unknown as Store<Collections>, broken, { allowOtherStore: true }));
      expect(error.code).toBe('invalid_backup');
      expect(error.details.problems?.[0]).toMatchObject({ collection: 'tasks', path: 'period' });
      expect(await exportBackup(target as unknown as Store<Collections>)).toBe(again);
      await expect(importBackup(target as unknown as Store<Collections>, backup)).rejects.toMatchObject({ code: 'invalid_backup' });
      await expect(importBackup(target as unknown as Store<Collections>, '{"format":"other"}')).rejects.toMatchObject({ code: 'invalid_backup' });
    });


    describe('a unit of work (batch)', () => {
      const route = { type: 'route', actor: { id: 'm1', role: 'mediator' }, at: '2025-03-01T10:00:00+08:00' };

      test('several records and collections in one transaction: reads see its writes; one notice, one change per collection and kind', async () => {
        const store = await fresh();
        await store.put('disputes', makeDispute('D1'));
        await store.bulkPut('tasks', makeTasks(3));
        const notices: StoreNotice[] = [];
        store.subscribe((n) => notices.push(n));
        const out = await store.batch(async (tx) => {
          const r = await tx.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, route));
          await tx.add('disputes', makeDispute('D2'));
          await tx.put('tasks', { ...makeTasks(1, 7)[0]!, title: 'new' });
          expect(await tx.delete('tasks', 'T000001')).toBe(true);
          expect(await tx.delete('tasks', 'nope')).toBe(false);
          expect((await tx.get('tasks', 'T000007'))?.title).toBe('new');
          expect(await tx.get('tasks', 'T000001')).toBeUndefined();
          expect((await tx.all('tasks')).map((t) => t.id)).toEqual(['T000000', 'T000002', 'T000007']);
          expect((await tx.all('disputes', { index: 'state', equals: 'routed' })).map((d) => d.id)).toEqual(['D1']);
          return r.ok;
        }, { actor: officer });
        expect(out).toBe(true);
        expect((await store.get('disputes', 'D1'))?.state).toBe('routed');
        expect(await store.count('disputes')).toBe(2);
        expect((await store.all('tasks')).items.map((t) => t.id)).toEqual(['T000000', 'T000002', 'T000007']);
        const log = (await store.changes()).slice(-4);
        expect(log.map((e) => [e.collection, e.op, e.keys])).toEqual([
          ['disputes', 'event', ['D1']],
          ['disputes', 'put', ['D2']],
          ['tasks', 'put', ['T000007']],
          ['tasks', 'delete', ['T000001']],
        ]);
        expect(notices).toHaveLength(1);
        expect(notices[0]).toMatchObject({ kind: 'changes', source: 'local' });
      });

      test('a failure mid-batch writes nothing, and the store stays writable', async () => {
        const store = await fresh();
        await store.put('disputes', makeDispute('D1'));
        await store.bulkPut('tasks', makeTasks(3));
        const before = JSON.stringify(await store.dump());
        const boom = new Error('the host changed its mind');
        await expect(
          store.batch(async (tx) => {
            await tx.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, route));
            await tx.put('tasks', { ...makeTasks(1)[0]!, title: 'changed' });
            await tx.delete('tasks', 'T000002');
            await tx.add('disputes', makeDispute('D9'));
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(JSON.stringify(await store.dump())).toBe(before);
        // A refused write inside the batch (a bad record, an existing key) fails it whole too.
        const bad = await refusal(
          store.batch(async (tx) => {
            await tx.put('tasks', { ...makeTasks(1)[0]!, title: 'changed' });
            await tx.put('tasks', { ...makeTasks(1, 1)[0]!, period: '一月' });
          }),
        );
        expect(bad).toMatchObject({ code: 'invalid_record', details: { path: 'period' } });
        const exists = await refusal(
          store.batch(async (tx) => {
            await tx.put('tasks', { ...makeTasks(1)[0]!, title: 'changed' });
            await tx.add('tasks', makeTasks(1, 2)[0]!);
          }),
        );
        expect(exists.code).toBe('exists');
        expect(JSON.stringify(await store.dump())).toBe(before);
        await store.put('tasks', makeTasks(1, 40)[0]!);
        expect(await store.count('tasks')).toBe(4);
      });

      test('a record that cannot be stored refuses the whole write with a typed error', async () => {
        const store = await fresh();
        const disputes = ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => makeDispute(id));
        (disputes[3]!.data as Record<string, unknown>).photo = () => 'not data';
        const error = await refusal(store.bulkPut('disputes', disputes));
        expect(error).toBeInstanceOf(StoreError);
        expect(await store.count('disputes')).toBe(0);
        await expect(store.batch(async (tx) => { await tx.add('disputes', disputes[0]!); await tx.add('disputes', disputes[3]!); })).rejects.toBeInstanceOf(StoreError);
        expect(await store.count('disputes')).toBe(0);
        expect(await store.lastSeq()).toBe(0);
      });

      test('a batch that awaits something else either completes or writes nothing', async () => {
        const store = await fresh();
        const outcome = await store
          .batch(async (tx) => {
            await tx.put('tasks', makeTasks(1)[0]!);
            await new Promise((resolve) => setTimeout(resolve, 5));
            await tx.put('tasks', makeTasks(1, 1)[0]!);
          })
          .then(() => 'done', (e: unknown) => e);
        if (outcome === 'done') expect(await store.count('tasks')).toBe(2);
        else {
          expect(outcome).toBeInstanceOf(StoreError);
          expect(await store.count('tasks')).toBe(0);
        }
        await store.put('tasks', makeTasks(1, 5)[0]!);
      });
    });

    describe('versions and creation', () => {
      const route = { type: 'route', actor: { id: 'm1', role: 'mediator' }, at: '2025-03-01T10:00:00+08:00' };

      test('an event decided on a version that is no longer stored is refused; nothing written', async () => {
        const store = await fresh();
        await store.put('disputes', makeDispute('D1'));
        const seen = (await store.get('disputes', 'D1'))!;
        expect(recordVersion(seen)).toBe(1);
        const ok = await store.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, route), { expectedVersion: recordVersion(seen) });
        expect(ok.ok).toBe(true);
        const seq = await store.lastSeq();
        // A second tab decided on what it saw before the route.
        const stale = await store.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, { ...route, type: 'close' }), { expectedVersion: 1 });
        expect(stale).toMatchObject({ ok: false, reason: { code: 'stale_version', expectedVersion: 1, currentVersion: 2, state: 'routed' } });
        if (!stale.ok) expect(stale.reason.message['zh-CN']).toContain('已被他人更新');
        expect(await store.lastSeq()).toBe(seq);
        expect((await store.get('disputes', 'D1'))?.state).toBe('routed');
        const inBatch = await store.batch((tx) => tx.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, { ...route, type: 'close' }), { expectedVersion: 1 }));
        expect(inBatch).toMatchObject({ ok: false, reason: { code: 'stale_version' } });
        await expect(store.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, route), { expectedVersion: -1 })).rejects.toMatchObject({ argument: 'options.expectedVersion' });
        const fresh2 = await store.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, { ...route, type: 'close' }), { expectedVersion: 2 });
        expect(fresh2.ok).toBe(true);
      });

      test('creating an item whose key exists is refused; put replaces only where records are not create-only', async () => {
        const store = await fresh();
        await store.put('disputes', makeDispute('D1'));
        await store.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, route));
        const seq = await store.lastSeq();
        const again = await refusal(store.put('disputes', { ...makeDispute('D1'), data: { title: 'replaced' } }));
        expect(again).toMatchObject({ code: 'exists', details: { collection: 'disputes', key: 'D1' } });
        expect(again.text('zh-CN')).toContain('已存在');
        await expect(store.bulkPut('disputes', [makeDispute('D2'), makeDispute('D1')])).rejects.toMatchObject({ code: 'exists' });
        await expect(store.bulkPut('disputes', [makeDispute('D3'), makeDispute('D3')])).rejects.toMatchObject({ code: 'exists' });
        await expect(store.add('tasks', makeTasks(1)[0]!)).resolves.toMatchObject({ id: 'T000000' });
        await expect(store.add('tasks', makeTasks(1)[0]!)).rejects.toMatchObject({ code: 'exists' });
        expect((await store.get('disputes', 'D1'))?.state).toBe('routed');
        expect(await store.count('disputes')).toBe(1);
        expect(await store.lastSeq()).toBe(seq + 1);
        await store.put('tasks', { ...makeTasks(1)[0]!, title: 'edited' });
        expect((await store.get('tasks', 'T000000'))?.title).toBe('edited');
      });
    });

    describe('one history, and the store helpers in one transaction (task orders)', () => {
      const AT = '2025-10-01T08:00:00+08:00';
      const supervisor = { id: 'sup-1', role: 'supervisor' } as const;
      const openTasks = async (name = uniqueName()) => {
        const s = await h.open(defineStore({ name, collections: taskStoreSpec.collections }));
        open.push(s as unknown as Store<Collections>);
        return s;
      };
      const roster = () => exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 1 });

      test('dispatch then urge: the snapshot, history() and the change log agree', async () => {
        const store = await openTasks();
        const { orders } = await dispatchMonthToStore(store, { catalog: exampleCatalog(), roster: roster(), month: '2025-10', at: AT });
        expect(orders.length).toBeGreaterThanOrEqual(100);
        const id = orders[0]!.id;
        const urged = await urgeOrders(store, { orders: [id, 'missing'], instruction: '请本周内完成', actor: supervisor, at: '2025-10-05T09:00:00+08:00' });
        expect(urged).toEqual({ urged: [id], refused: [{ id: 'missing', reason: 'not_found' }] });
        const snapshot = (await store.get('orders', id))!;
        expect(snapshot.history.map((e) => e.type)).toEqual(['@create', 'urge']);
        expect(await store.history('orders', id)).toEqual(snapshot.history);
        const log = await store.changes();
        expect(log.map((e) => e.op)).toEqual(['put', 'event']);
        expect(log[1]).toMatchObject({ collection: 'orders', keys: [id], actor: supervisor });
        // Dispatching again in the same month creates nothing, replaces nothing.
        const again = await dispatchMonthToStore(store, { catalog: exampleCatalog(), roster: roster(), month: '2025-10', at: AT });
        expect(again.orders).toEqual([]);
        expect((await store.get('orders', id))!.history).toHaveLength(2);
      });

      test('urging races cancellations from another connection: no accepted cancellation is lost', async () => {
        const name = uniqueName();
        const a = await openTasks(name);
        const b = await openTasks(name);
        const { orders } = await dispatchMonthToStore(a, { catalog: exampleCatalog(), roster: roster(), month: '2025-10', at: AT });
        const ids = orders.map((o) => o.id);
        expect(ids.length).toBeGreaterThanOrEqual(100);
        const cancels = ids.filter((_, i) => i % 2 === 0);
        const cancel = (id: string) =>
          applyLoopEvent(b, 'orders', taskOrderLoop, id, { type: 'cancel', actor: { id: 'disp', role: 'dispatcher' }, at: '2025-10-05T09:00:00+08:00', payload: { reason: '重复派发' } });
        // Interleave: half the cancellations before the urging starts reading, half after.
        const results = await Promise.all([
          ...cancels.slice(0, cancels.length / 2).map(cancel),
          urgeOrders(a, { orders: ids, instruction: '请本周内完成', actor: supervisor, at: '2025-10-05T09:00:00+08:00' }),
          ...cancels.slice(cancels.length / 2).map(cancel),
        ]);
        const urge = results.find((r) => 'urged' in r) as { urged: string[]; refused: { id: string }[] };
        const accepted = cancels.filter((_, i) => (results[i < cancels.length / 2 ? i : i + 1] as { ok: boolean }).ok);
        const all = (await a.all('orders')).items;
        const byId = new Map(all.map((o) => [o.id, o]));
        const lost = accepted.filter((id) => byId.get(id)!.state !== 'cancelled');
        expect(lost).toEqual([]);
        expect(urge.urged.length + urge.refused.length).toBe(ids.length);
        for (const o of all) {
          // Every order's history agrees with its state and with history().
          expect(o.history[o.history.length - 1]!.to).toBe(o.state);
          expect(urge.urged.includes(o.id)).toBe(o.history.some((e) => e.type === 'urge'));
        }
        expect(await a.history('orders', ids[0]!)).toEqual(byId.get(ids[0]!)!.history);
      });

      test('reassigning on leave goes through events in one transaction', async () => {
        const store = await openTasks();
        const r2 = exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 2 });
        const [from, to] = r2.officers.map((o) => o.id);
        await dispatchMonthToStore(store, { catalog: exampleCatalog(), roster: r2, month: '2025-10', at: AT });
        const mine = (await store.all('orders', { index: 'officer', equals: from! })).items;
        await applyLoopEvent(store, 'orders', taskOrderLoop, mine[0]!.id, { type: 'cancel', actor: { id: 'disp', role: 'dispatcher' }, at: '2025-10-02T09:00:00+08:00', payload: { reason: '重复' } });
        const r = await reassignOnLeaveInStore(store, { roster: r2, from: from!, to: to!, reason: '调岗', at: '2025-10-03T09:00:00+08:00' });
        expect(r.reassigned).toHaveLength(mine.length - 1);
        expect((await store.get('orders', mine[0]!.id))!.state).toBe('cancelled');
        const moved = (await store.get('orders', mine[1]!.id))!;
        expect(moved.data.officer).toBe(to);
        expect(await store.history('orders', moved.id)).toEqual(moved.history);
        expect((await store.changes()).at(-1)).toMatchObject({ op: 'event', keys: r.reassigned.map((o) => o.id) });
      });
    });

    describe('backups that would lose data are refused whole; the store stays writable', () => {
      const variants: [string, (b: Record<string, unknown>) => unknown][] = [
        ['a change-log seq of 2^53', (b) => ({ ...b, changes: [...(b.changes as object[]), { seq: 2 ** 53, collection: 'tasks', op: 'put', keys: ['T000000'], at: '2025-06-01T00:00:00.000Z' }] })],
        ['a seq beyond the bound', (b) => ({ ...b, changes: [{ seq: MAX_SEQ + 1, collection: 'tasks', op: 'put', keys: ['x'], at: '2025-06-01T00:00:00.000Z' }] })],
        ['seqs out of order', (b) => ({ ...b, changes: [...(b.changes as object[])].reverse() })],
        ['a change with an unknown op', (b) => ({ ...b, changes: [{ seq: 1, collection: 'tasks', op: 'drop', keys: [], at: '2025-06-01T00:00:00.000Z' }] })],
        ['a change that is null', (b) => ({ ...b, changes: [null] })],
        ['collections: []', (b) => ({ ...b, collections: [] })],
        ['collections: {} (every collection missing)', (b) => ({ ...b, collections: {} })],
        ['one collection missing', (b) => ({ ...b, collections: { tasks: (b.collections as Record<string, unknown>).tasks } })],
        ['a record that fails validation', (b) => ({ ...b, collections: { ...(b.collections as object), tasks: [{ id: 'bad' }] } })],
        ['the same key twice', (b) => ({ ...b, collections: { ...(b.collections as object), tasks: [makeTasks(1)[0], makeTasks(1)[0]] } })],
        ['a history row that is null (format 1)', (b) => ({ ...b, formatVersion: 1, history: [null] })],
        ['format 1 without history', (b) => ({ ...b, formatVersion: 1 })],
        ['no records at all (would wipe the store)', (b) => ({ ...b, collections: { tasks: [], disputes: [] }, changes: [] })],
      ];
      for (const [label, mutate] of variants) {
        test(label, async () => {
          const source = await fresh(uniqueName(), { now: () => new Date('2025-06-01T00:00:00.000Z') });
          await source.bulkPut('tasks', makeTasks(4));
          await source.put('disputes', makeDispute('D1'));
          const good = JSON.parse(await exportBackup(source as unknown as Store<Collections>)) as Record<string, unknown>;
          const target = await fresh();
          await target.bulkPut('tasks', makeTasks(2, 100));
          const before = await exportBackup(target as unknown as Store<Collections>);
          const error = await refusal(importBackup(target as unknown as Store<Collections>, JSON.stringify(mutate(good)), { allowOtherStore: true }));
          expect(['invalid_backup', 'unknown_collection']).toContain(error.code);
          expect(await exportBackup(target as unknown as Store<Collections>)).toBe(before);
          // Still writable, and the change log goes on from where it was.
          const seq = await target.lastSeq();
          await target.put('tasks', makeTasks(1, 200)[0]!);
          expect(await target.lastSeq()).toBeGreaterThan(seq);
          expect(await target.count('tasks')).toBe(3);
          // And a good backup still restores, saying that it replaced everything.
          const summary = await importBackup(target as unknown as Store<Collections>, JSON.stringify(good), { allowOtherStore: true });
          expect(summary).toEqual({ mode: 'replace', records: { tasks: 4, disputes: 1 }, changes: 2 });
          await target.put('tasks', makeTasks(1, 300)[0]!);
          expect(await target.count('tasks')).toBe(5);
        });
      }

      test('an empty backup replaces a store only when asked to; clear() empties it for sign-out', async () => {
        const empty = await fresh();
        const text = await exportBackup(empty as unknown as Store<Collections>);
        const target = await fresh();
        await target.bulkPut('tasks', makeTasks(3));
        await expect(importBackup(target as unknown as Store<Collections>, text, { allowOtherStore: true })).rejects.toMatchObject({ code: 'invalid_backup' });
        expect(await target.count('tasks')).toBe(3);
        await importBackup(target as unknown as Store<Collections>, text, { allowOtherStore: true, allowEmpty: true });
        expect(await target.count('tasks')).toBe(0);
        await target.bulkPut('tasks', makeTasks(3));
        const reset = nextNotice(target as unknown as Store<Collections>, (n) => n.kind === 'reset');
        await target.clear();
        await reset;
        expect(await target.count('tasks')).toBe(0);
        expect(await target.changes()).toEqual([]);
        await target.put('tasks', makeTasks(1)[0]!);
        expect(await target.count('tasks')).toBe(1);
      });
    });

    describe('schema versions and migrations', () => {
      // v1: the base; v2 renames owner ids (officer-n → police-n); v3 marks priority 0 tasks as 1,
      // drops 'overdue' test records and adds an index (structure follows the declaration).
      const v2 = { description: 'owner ids gain the police- prefix', transform: { tasks: (r: unknown) => ({ ...(r as TaskOrder), owner: (r as TaskOrder).owner.replace('officer-', 'police-') }) } };
      const v3 = {
        description: 'priority 0 becomes 1; overdue drafts dropped',
        transform: { tasks: (r: unknown) => ((r as TaskOrder).state === 'overdue' ? null : { ...(r as TaskOrder), priority: Math.max(1, (r as TaskOrder).priority) }) },
      };
      const specAt = (name: string, version: 1 | 2 | 3) => {
        const base = taskSpec(name, [v2, v3].slice(0, version - 1));
        if (version < 3) return base;
        return { ...base, collections: { ...base.collections, tasks: { ...base.collections.tasks, indexes: { ...base.collections.tasks.indexes, priority: 'priority' } } } };
      };

      for (const from of [1, 2] as const) {
        test(`upgrades from version ${from} to 3`, async () => {
          const name = uniqueName();
          const old = await h.open(specAt(name, from));
          expect(old.schemaVersion).toBe(from);
          await old.bulkPut('tasks', makeTasks(12));
          old.close();
          const store = await h.open(specAt(name, 3));
          open.push(store as unknown as Store<Collections>);
          expect(store.schemaVersion).toBe(3);
          const { items, problems } = await store.all('tasks');
          expect(problems).toEqual([]);
          expect(items.map((t) => t.id)).toEqual(makeTasks(12).filter((t) => t.state !== 'overdue').map((t) => t.id));
          // Version 2's transform applies to what version 1 wrote; version 2 itself writes officer- ids.
          const prefix = from === 1 ? 'police-' : 'officer-';
          expect(items.every((t) => t.owner.startsWith(prefix) && t.priority >= 1)).toBe(true);
          expect(await store.count('tasks', { index: 'priority', equals: 2 })).toBe(items.filter((t) => t.priority === 2).length);
        });
      }

      test('a backup from version 1 imports into version 3 through the migrations', async () => {
        const old = await h.open(specAt(uniqueName(), 1));
        await old.bulkPut('tasks', makeTasks(8));
        const backup = await exportBackup(old as unknown as Store<Collections>);
        old.close();
        const store = await h.open(specAt(uniqueName(), 3));
        open.push(store as unknown as Store<Collections>);
        await importBackup(store as unknown as Store<Collections>, backup, { allowOtherStore: true });
        const { items } = await store.all('tasks');
        expect(items).toHaveLength(6);
        expect(items[0]).toMatchObject({ owner: 'police-0', priority: 1 });
      });

      test('a migration whose output fails validation is refused; the data stays at its version', async () => {
        const name = uniqueName();
        const old = await h.open(specAt(name, 1));
        await old.bulkPut('tasks', makeTasks(4));
        old.close();
        const broken = taskSpec(name, [{ description: 'breaks the period', transform: { tasks: (r: unknown) => ({ ...(r as TaskOrder), period: 'someday' }) } }]);
        const error = await refusal(h.open(broken));
        expect(error).toMatchObject({ code: 'invalid_record', details: { collection: 'tasks', path: 'period' } });
        const again = await h.open(specAt(name, 1));
        open.push(again as unknown as Store<Collections>);
        expect((await again.all('tasks')).items.map((t) => t.period)).toEqual(makeTasks(4).map((t) => t.period));
      });

      test('a migration re-keying a record onto an existing id is refused; nothing is lost', async () => {
        const name = uniqueName();
        const old = await h.open(specAt(name, 1));
        await old.bulkPut('tasks', makeTasks(4));
        old.close();
        const rekey = taskSpec(name, [{ description: 'T000003 becomes T000001', transform: { tasks: (r: unknown) => ((r as TaskOrder).id === 'T000003' ? { ...(r as TaskOrder), id: 'T000001' } : r) } }]);
        const error = await refusal(h.open(rekey));
        expect(error.code).toBe('conflict');
        const again = await h.open(specAt(name, 1));
        open.push(again as unknown as Store<Collections>);
        expect(await again.all('tasks')).toEqual({ items: makeTasks(4), problems: [] });
      });

      test('an older page meeting a newer database gets a version error', async () => {
        const name = uniqueName();
        const store = await h.open(specAt(name, 2));
        store.close();
        const error = await refusal(h.open(specAt(name, 1)));
        expect(error.code).toBe('version');
      });

      test('changing the declared indexes without a migration is caught', async () => {
        const name = uniqueName();
        const store = await h.open(specAt(name, 1));
        store.close();
        const changed = { ...specAt(name, 1), collections: { ...collectionsWithout('ref') } };
        const error = await refusal(h.open(changed));
        expect(error.code).toBe('schema_mismatch');
      });
    });
  });
}

function collectionsWithout(index: string) {
  const base = taskSpec('x').collections;
  const { [index]: _gone, ...rest } = base.tasks.indexes as Record<string, unknown>;
  return { ...base, tasks: { ...base.tasks, indexes: rest as typeof base.tasks.indexes } };
}
