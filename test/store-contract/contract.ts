// The store contract: one suite that every Store implementation must pass, run in Node (memory,
// fake-indexeddb) and in real Chromium (IndexedDB). Only the harness differs.
import { afterEach, describe, expect, test } from 'vitest';
import {
  exportBackup,
  importBackup,
  StoreError,
  type Actor,
  type Collections,
  type Page,
  type Store,
  type StoreNotice,
  type StoreSpec,
} from '@bihuan/core';
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
      expect(await store.history('disputes', 'D1')).toEqual(r.entries);
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
      expect(await store.history('disputes', 'D1')).toHaveLength(1);

      const missing = await refusal(store.applyEvent('disputes', 'nope', (s: Snapshot) => simpleStep(s, event)));
      expect(missing.code).toBe('not_found');
      const second = await store.applyEvent('disputes', 'D1', (s: Snapshot) => simpleStep(s, { ...event, type: 'close' }));
      expect(second.ok).toBe(true);
      expect((await store.history('disputes', 'D1')).map((e) => e.seq)).toEqual([1, 2]);
    });

    test('a record that fails on the way out is reported with key and path; the rest load', async () => {
      const name = uniqueName();
      const store = await fresh(name);
      await store.bulkPut('tasks', makeTasks(5));
      await h.writeRaw(name, 'tasks', { ...makeTasks(1, 2)[0]!, period: 'March' });
      const listed = await store.all('tasks');
      expect(listed.items.map((t) => t.id)).toEqual(['T000000', 'T000001', 'T000003', 'T000004']);
      expect(listed.problems).toEqual([expect.objectContaining({ collection: 'tasks', key: 'T000002', path: 'period' })]);
      const page = await store.query('tasks', { limit: 3 });
      expect(page.items.map((t) => t.id)).toEqual(['T000000', 'T000001']);
      expect(page.problems).toHaveLength(1);
      const next = await store.query('tasks', { limit: 3, cursor: page.cursor });
      expect(next.items.map((t) => t.id)).toEqual(['T000003', 'T000004']);
      const error = await refusal(store.get('tasks', 'T000002'));
      expect(error).toMatchObject({ code: 'invalid_record', details: { key: 'T000002', path: 'period' } });
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
      expect(await target.history('disputes', 'D1')).toHaveLength(1);
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
