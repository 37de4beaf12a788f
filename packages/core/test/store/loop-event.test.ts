// The atomic "apply a loop event" against the real engine and the real dispute loop, on both stores.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import {
  acceptDispute,
  applyLoopEvent,
  createIndexedDbStore,
  createItem,
  createMemoryBacking,
  createMemoryStore,
  defineLoop,
  defineStore,
  disputeLoop,
  loopChangeCheck,
  loopCollection,
  MalformedEventError,
  snapshotSchema,
  transition,
  type Store,
} from '@bihuan/core';
import { z } from 'zod';
import { uniqueName } from '../../../../test/store-contract/fixtures.js';

const clerk = { id: 'clerk-li', role: 'intakeClerk' } as const;
const mediator = { id: 'mediator-wang', role: 'mediator' } as const;
const intake = {
  title: '邻里噪声纠纷',
  category: 'noise',
  description: '楼上住户夜间生活噪声，双方多次争执。',
  channel: 'walkIn',
  town: '站前街道',
  community: '锦绣社区',
  parties: [
    { id: 'p1', side: 'applicant', name: '陈建国', phone: '13812345678' },
    { id: 'p2', side: 'respondent', name: '李秀英' },
  ],
  reportedBy: null,
} as const;
const route = {
  type: 'route',
  actor: clerk,
  at: '2025-09-26T10:00:00+08:00',
  payload: { departments: ['court', 'judicialAdministration'], joint: true, lead: 'court' },
} as const;

const spec = (name: string) => defineStore({ name, collections: { disputes: loopCollection(disputeLoop, { community: 'data.community' }) } });

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

for (const [label, make] of [
  ['memory', (name: string) => Promise.resolve(createMemoryStore(spec(name)))],
  ['IndexedDB (fake)', (name: string) => createIndexedDbStore(spec(name))],
] as const) {
  describe(`applyLoopEvent with the dispute loop: ${label}`, () => {
    test('an accepted event writes snapshot, history entry and change together', async () => {
      const store = await make(uniqueName());
      stores.push(store as unknown as Store);
      const item = acceptDispute({ id: 'D-1', intake: intake as never, actor: clerk, at: '2025-09-26T09:00:00+08:00' });
      await store.put('disputes', item);
      expect(await store.count('disputes', { index: 'community', equals: '锦绣社区' })).toBe(1);

      const result = await applyLoopEvent(store, 'disputes', disputeLoop, 'D-1', route as never);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.snapshot.state).toBe('routed');
      expect(result.entries).toEqual([expect.objectContaining({ seq: 1, type: 'route', from: 'received', to: 'routed', actor: clerk })]);
      expect(result.change).toMatchObject({ op: 'event', collection: 'disputes', keys: ['D-1'], actor: clerk });
      expect((await store.get('disputes', 'D-1'))?.state).toBe('routed');
      // One history: the snapshot's, whoever asks.
      expect(await store.history('disputes', 'D-1')).toEqual(result.snapshot.history);
      expect((await store.history('disputes', 'D-1')).slice(1)).toEqual(result.entries);
      expect(await store.count('disputes', { index: 'state', equals: 'routed' })).toBe(1);
    });

    test('a refusal is a value and writes nothing; a malformed event throws and writes nothing', async () => {
      const store = await make(uniqueName());
      stores.push(store as unknown as Store);
      await store.put('disputes', acceptDispute({ id: 'D-2', intake: intake as never, actor: clerk, at: '2025-09-26T09:00:00+08:00' }));
      const seq = await store.lastSeq();
      // A mediator may not route.
      const refused = await applyLoopEvent(store, 'disputes', disputeLoop, 'D-2', { ...route, actor: mediator } as never);
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.reason.code).toBe('role_not_allowed');
        expect(refused.reason.message['zh-CN']).toBeTruthy();
      }
      await expect(applyLoopEvent(store, 'disputes', disputeLoop, 'D-2', { type: 'route', actor: clerk, at: 'yesterday' } as never)).rejects.toBeInstanceOf(
        MalformedEventError,
      );
      expect(await store.lastSeq()).toBe(seq);
      expect((await store.history('disputes', 'D-2')).map((e) => e.type)).toEqual(['@create']);
      expect((await store.get('disputes', 'D-2'))?.state).toBe('received');
    });
  });
}

describe('a loop event is validated for what it changed, exactly as the snapshot schema would', () => {
  const accepted = () => acceptDispute({ id: 'D-9', intake: intake as never, actor: clerk, at: '2025-09-26T09:00:00+08:00' });
  const routed = () => {
    const r = transition(disputeLoop, accepted(), route as never);
    if (!r.ok) throw new Error('route refused');
    return r.snapshot;
  };
  const check = loopChangeCheck(disputeLoop);
  const schema = snapshotSchema(disputeLoop);
  const corruptions: [string, (s: ReturnType<typeof routed>) => unknown][] = [
    ['as made by the engine', (s) => s],
    ['data that fails its schema', (s) => ({ ...s, data: { ...s.data, parties: 5 } })],
    ['an entry with an unknown event type', (s) => ({ ...s, history: [s.history[0], { ...s.history[1]!, type: 'teleport' }] })],
    ['an entry whose from does not follow', (s) => ({ ...s, history: [s.history[0], { ...s.history[1]!, from: 'routed' }] })],
    ['an entry dated before the one it follows', (s) => ({ ...s, updatedAt: '2025-09-25T09:00:00+08:00', history: [s.history[0], { ...s.history[1]!, at: '2025-09-25T09:00:00+08:00' }] })],
    ['a state the history does not reach', (s) => ({ ...s, state: 'closed' })],
    ['an updatedAt that is not the last entry’s', (s) => ({ ...s, updatedAt: '2025-09-27T10:00:00+08:00' })],
    ['a second creation entry', (s) => ({ ...s, history: [s.history[0], { ...s.history[1]!, type: '@create' }] })],
    ['an old entry rewritten', (s) => ({ ...s, history: [{ ...s.history[0]!, at: '2025-09-20T09:00:00+08:00' }, s.history[1]] })],
    ['an unknown field', (s) => ({ ...s, extra: 1 })],
    ['a deadline that is not an instant', (s) => ({ ...s, deadline: 'soon' })],
  ];
  for (const [label, corrupt] of corruptions) {
    test(label, () => {
      const next = corrupt(routed());
      const mine = check(next, accepted());
      const zod = schema.safeParse(next);
      expect(mine.ok).toBe(zod.success);
      if (mine.ok && zod.success) expect(mine.value).toEqual(zod.data);
    });
  }

  test('a hand-written step on a loop collection gets the same checks; the memory store hands back a read-only snapshot', async () => {
    const store = createMemoryStore(spec(uniqueName()));
    stores.push(store as unknown as Store);
    await store.put('disputes', accepted());
    const bad = await store
      .applyEvent('disputes', 'D-9', (s) => {
        const r = transition(disputeLoop, s, route as never);
        return r.ok ? { ok: true, snapshot: { ...r.snapshot, data: { ...r.snapshot.data, town: 7 } } as never } : r;
      })
      .then(() => null, (e: unknown) => e);
    expect(bad).toMatchObject({ code: 'invalid_record', details: { path: 'data.town' } });
    const ok = await applyLoopEvent(store, 'disputes', disputeLoop, 'D-9', route as never);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(Object.isFrozen(ok.snapshot) && Object.isFrozen(ok.snapshot.history[0])).toBe(true);
    const copy = (await store.get('disputes', 'D-9'))!;
    copy.data.town = 'changed';
    expect((await store.get('disputes', 'D-9'))!.data.town).toBe('站前街道');
    expect((await store.verify()).problems).toEqual([]);
  });
});

describe('the memory store keeps what an event made, shared with no caller', () => {
  const accepted = (id: string) => acceptDispute({ id, intake: intake as never, actor: clerk, at: '2025-09-26T09:00:00+08:00' });
  const deepFrozen = (value: unknown): boolean =>
    value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(deepFrozen));

  test('the event the caller passed stays the caller’s: not frozen, and changing it later changes nothing stored', async () => {
    const store = createMemoryStore(spec(uniqueName()));
    stores.push(store as unknown as Store);
    await store.put('disputes', accepted('D-20'));
    const event = {
      type: 'route',
      actor: { id: clerk.id as string, role: clerk.role as string, unit: '站前街道综治中心' },
      at: '2025-09-26T10:00:00+08:00',
      note: '双方同意联合调解',
      attachments: ['file-1'],
      payload: { departments: ['court', 'judicialAdministration'], joint: true, lead: 'court' },
    };
    const r = await applyLoopEvent(store, 'disputes', disputeLoop, 'D-20', event as never);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const part of [event, event.actor, event.payload, event.payload.departments, event.attachments]) expect(Object.isFrozen(part)).toBe(false);
    event.actor.id = 'someone-else';
    event.payload.departments.push('publicSecurity');
    event.attachments.push('file-2');
    const stored = (await store.get('disputes', 'D-20'))!;
    const entry = stored.history[1]!;
    expect(entry.actor).toEqual({ ...clerk, unit: '站前街道综治中心' });
    expect(entry.attachments).toEqual(['file-1']);
    expect(stored.data.routing?.departments).toEqual(['court', 'judicialAdministration']);
    expect(stored).toEqual(r.snapshot);
  });

  test('what applyLoopEvent hands back is the stored snapshot, frozen all the way down; a read is a copy to edit', async () => {
    const store = createMemoryStore(spec(uniqueName()));
    stores.push(store as unknown as Store);
    await store.put('disputes', accepted('D-21'));
    const r = await applyLoopEvent(store, 'disputes', disputeLoop, 'D-21', { ...route, attachments: ['file-1'] } as never);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(deepFrozen(r.snapshot)).toBe(true);
    expect(r.entries.every(deepFrozen)).toBe(true);
    expect(() => {
      (r.snapshot.history as unknown as unknown[]).push({});
    }).toThrow(TypeError);
    const copy = (await store.get('disputes', 'D-21'))!;
    expect(Object.isFrozen(copy) || Object.isFrozen(copy.history[1])).toBe(false);
    (copy.history[1]!.actor as { id: string }).id = 'changed';
    expect((await store.get('disputes', 'D-21'))!.history[1]!.actor.id).toBe(clerk.id);
    // The next event builds on the stored snapshot and leaves it as it was.
    const next = await applyLoopEvent(store, 'disputes', disputeLoop, 'D-21', { ...route, at: '2025-09-26T11:00:00+08:00', payload: { departments: ['court'], joint: false } } as never);
    expect(next.ok).toBe(true);
    expect(r.snapshot.history).toHaveLength(2);
    expect(r.snapshot.data.routing?.departments).toEqual(['court', 'judicialAdministration']);
    expect((await store.verify()).problems).toEqual([]);
  });

  test('a snapshot a hand-written step returns is copied: the caller may go on changing its own', async () => {
    const store = createMemoryStore(spec(uniqueName()));
    stores.push(store as unknown as Store);
    await store.put('disputes', accepted('D-22'));
    let mine: { state: string; history: { note?: string }[] } | undefined;
    const r = await store.applyEvent('disputes', 'D-22', (s) => {
      const t = transition(disputeLoop, s, route as never);
      if (t.ok) mine = t.snapshot as never;
      return t as never;
    });
    expect(r.ok).toBe(true);
    expect(Object.isFrozen(mine) || Object.isFrozen(mine!.history) || Object.isFrozen(mine!.history[1])).toBe(false);
    mine!.state = 'closed';
    mine!.history[1]!.note = 'changed afterwards';
    const stored = (await store.get('disputes', 'D-22'))!;
    expect(stored.state).toBe('routed');
    expect(stored.history[1]!.note).toBeUndefined();
  });

  test('a snapshot the engine made for another store is copied when written here, never frozen in the caller’s hands', async () => {
    const idb = await createIndexedDbStore(spec(uniqueName()));
    stores.push(idb as unknown as Store);
    await idb.put('disputes', accepted('D-23'));
    const there = await applyLoopEvent(idb, 'disputes', disputeLoop, 'D-23', route as never);
    expect(there.ok).toBe(true);
    if (!there.ok) return;
    const made = there.snapshot as unknown as { state: string; id: string; history: unknown[] };
    // A collection that keeps records as given (no schema of its own), written through a step.
    const memory = createMemoryStore(defineStore({ name: uniqueName(), collections: { copies: { schema: z.any(), key: 'id' } } }));
    stores.push(memory as unknown as Store);
    await memory.put('copies', { id: 'D-23', state: 'received', history: [] });
    const r = await memory.applyEvent('copies', 'D-23', () => ({ ok: true, snapshot: made }) as never);
    expect(r.ok).toBe(true);
    expect(Object.isFrozen(made) || Object.isFrozen(made.history)).toBe(false);
    made.state = 'closed';
    made.history.push({ seq: 99 });
    const kept = (await memory.get('copies', 'D-23')) as { state: string; history: unknown[] };
    expect(kept.state).toBe('routed');
    expect(kept.history).toHaveLength(2);
  });

  test('a store refusing before it starts answers with a rejected promise, not a throw', async () => {
    const store = createMemoryStore(spec(uniqueName()));
    stores.push(store as unknown as Store);
    let answer: Promise<unknown> | undefined;
    expect(() => {
      answer = store.applyEvent('nowhere' as never, 'D-1', () => ({ ok: false, reason: 'x' }) as never);
    }).not.toThrow();
    await expect(answer).rejects.toMatchObject({ code: 'unknown_collection' });
    await expect(store.applyEvent('disputes', { bad: 'key' } as never, () => ({ ok: false, reason: 'x' }) as never)).rejects.toMatchObject({ code: 'invalid_key' });
  });
});

describe('an event through the memory store: the engine\'s own parts kept as made, the rest still copied', () => {
  // A loop whose `apply` puts into its data what the caller still holds (the event's actor, an
  // untyped payload part) and what the definition itself holds (a list of its own).
  const DEFAULT_TAGS = ['社区'];
  const keeper = defineLoop({
    id: 'keeper',
    version: 1,
    data: z.object({ handledBy: z.object({ id: z.string(), role: z.string() }).nullable(), tags: z.array(z.string()), extra: z.any() }),
    initial: 'open',
    roles: { clerk: { label: { 'zh-CN': '受理员', en: 'clerk' } } },
    creators: ['clerk'],
    states: { open: { label: { 'zh-CN': '待办', en: 'open' } }, taken: { label: { 'zh-CN': '已接手', en: 'taken' } }, done: { label: { 'zh-CN': '已办结', en: 'done' }, final: true } },
    events: {
      take: {
        label: { 'zh-CN': '接手', en: 'take' },
        from: ['open', 'taken'],
        to: 'taken',
        roles: ['clerk'],
        payload: z.object({ extra: z.any() }),
        apply: (d, p: { extra: unknown }, e) => ({ ...d, handledBy: e.actor as { id: string; role: string }, tags: DEFAULT_TAGS, extra: p.extra }),
      },
      finish: { label: { 'zh-CN': '办结', en: 'finish' }, from: ['taken'], to: 'done', roles: ['clerk'] },
    },
  });
  const keeperSpec = (name: string) => defineStore({ name, collections: { items: loopCollection(keeper, {}) } });
  const deepFrozen = (value: unknown): boolean =>
    value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(deepFrozen));
  const item = (id: string) => createItem(keeper, { id, actor: { id: 'c1', role: 'clerk' }, at: '2025-09-26T09:00:00+08:00', data: { handledBy: null, tags: [], extra: null } });

  test('what the caller or the definition holds is neither frozen nor shared; the stored snapshot is frozen all the way down', async () => {
    const store = createMemoryStore(keeperSpec(uniqueName()));
    stores.push(store as unknown as Store);
    await store.put('items', item('K-1'));
    const actor = { id: 'c1', role: 'clerk' };
    const extra = { note: ['第一次'] };
    const r = await applyLoopEvent(store, 'items', keeper, 'K-1', { type: 'take', actor, at: '2025-09-26T10:00:00+08:00', payload: { extra } } as never);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(deepFrozen(r.snapshot)).toBe(true);
    expect(r.entries.every(deepFrozen)).toBe(true);
    for (const mine of [actor, extra, extra.note, DEFAULT_TAGS]) expect(Object.isFrozen(mine)).toBe(false);
    actor.id = 'someone-else';
    extra.note.push('changed afterwards');
    DEFAULT_TAGS.push('changed afterwards');
    const stored = (await store.get('items', 'K-1'))!;
    expect(stored.data).toEqual({ handledBy: { id: 'c1', role: 'clerk' }, tags: ['社区'], extra: { note: ['第一次'] } });
    expect(stored.history[1]!.actor).toEqual({ id: 'c1', role: 'clerk' });
    expect(stored).toEqual(r.snapshot);
    // Nothing handed back can change the store: every part refuses a change.
    expect(() => {
      (r.snapshot as { state: string }).state = 'open';
    }).toThrow(TypeError);
    expect(() => {
      (r.snapshot.history[1]!.actor as { id: string }).id = 'x';
    }).toThrow(TypeError);
    expect(() => {
      (r.snapshot.data.tags as string[]).push('x');
    }).toThrow(TypeError);
    expect(() => {
      ((r.entries[0] as unknown as { payload: { extra: { note: string[] } } }).payload).extra.note.push('x');
    }).toThrow(TypeError);
    expect((await store.get('items', 'K-1'))!).toEqual(stored);
    DEFAULT_TAGS.length = 1;
  });

  test('the actor an entry names is frozen where the engine made it: neither the caller’s object nor a second copy', async () => {
    const store = createMemoryStore(keeperSpec(uniqueName()));
    stores.push(store as unknown as Store);
    await store.put('items', item('K-3'));
    const actor = { id: 'c1', role: 'clerk', unit: '站前街道综治中心' };
    const r = await applyLoopEvent(store, 'items', keeper, 'K-3', { type: 'finish', actor, at: '2025-09-26T10:00:00+08:00' } as never);
    expect(r.ok).toBe(false);
    const take = await applyLoopEvent(store, 'items', keeper, 'K-3', { type: 'take', actor, at: '2025-09-26T10:00:00+08:00', payload: { extra: null } } as never);
    expect(take.ok).toBe(true);
    if (!take.ok) return;
    const stored = take.snapshot.history[1]!.actor;
    expect(stored).not.toBe(actor);
    expect(stored).toEqual(actor);
    expect(Object.isFrozen(stored) && Object.isFrozen(take.entries[0]!) && take.entries[0]!.actor === stored).toBe(true);
    expect(Object.isFrozen(actor)).toBe(false);
    actor.unit = 'changed afterwards';
    expect((await store.get('items', 'K-3'))!.history[1]!.actor.unit).toBe('站前街道综治中心');
  });

  test('a refused event leaves the store as it was, tells no subscriber, and leaves the caller’s event unfrozen', async () => {
    const store = createMemoryStore(keeperSpec(uniqueName()));
    stores.push(store as unknown as Store);
    await store.put('items', item('K-4'));
    const before = { record: await store.get('items', 'K-4'), changes: await store.changes(), seq: await store.lastSeq() };
    const heard: unknown[] = [];
    const stop = store.subscribe((n) => heard.push(n));
    // Not allowed in the state, then from a role the loop does not know, then out of time order.
    const refusals = [
      { type: 'finish', actor: { id: 'c1', role: 'clerk' }, at: '2025-09-26T10:00:00+08:00' },
      { type: 'take', actor: { id: 'c1', role: 'stranger' }, at: '2025-09-26T10:00:00+08:00', payload: { extra: { note: ['x'] } } },
      { type: 'take', actor: { id: 'c1', role: 'clerk' }, at: '2025-09-25T10:00:00+08:00', payload: { extra: { note: ['x'] } } },
    ];
    for (const event of refusals) {
      const r = await applyLoopEvent(store, 'items', keeper, 'K-4', event as never);
      expect(r.ok).toBe(false);
      expect(Object.isFrozen(event) || Object.isFrozen(event.actor) || Object.isFrozen((event as { payload?: object }).payload ?? {})).toBe(false);
    }
    // A payload the loop's schema refuses (the event is well formed; its payload is not an object).
    const bad = await applyLoopEvent(store, 'items', keeper, 'K-4', { type: 'take', actor: { id: 'c1', role: 'clerk' }, at: '2025-09-26T10:00:00+08:00', payload: 5 } as never);
    expect(bad.ok).toBe(false);
    expect(heard).toEqual([]);
    expect(await store.get('items', 'K-4')).toEqual(before.record);
    expect(await store.changes()).toEqual(before.changes);
    expect(await store.lastSeq()).toBe(before.seq);
    expect((await store.history('items', 'K-4')).map((e) => e.seq)).toEqual([0]);
    // The next accepted event is heard, by a subscriber that came after writes nobody heard.
    const ok = await applyLoopEvent(store, 'items', keeper, 'K-4', { type: 'take', actor: { id: 'c1', role: 'clerk' }, at: '2025-09-26T10:00:00+08:00', payload: { extra: 1 } } as never);
    expect(ok.ok).toBe(true);
    expect(heard).toEqual([expect.objectContaining({ kind: 'changes', source: 'local', changes: [expect.objectContaining({ op: 'event', keys: ['K-4'] })] })]);
    stop();
    const unheard = await applyLoopEvent(store, 'items', keeper, 'K-4', { type: 'finish', actor: { id: 'c1', role: 'clerk' }, at: '2025-09-26T11:00:00+08:00' } as never);
    expect(unheard.ok).toBe(true);
    expect(heard).toHaveLength(1);
    expect((await store.history('items', 'K-4')).map((e) => e.seq)).toEqual([0, 1, 2]);
  });

  test('each event builds on the stored snapshot and leaves the one handed back before as it was', async () => {
    const store = createMemoryStore(keeperSpec(uniqueName()));
    stores.push(store as unknown as Store);
    await store.put('items', item('K-2'));
    const take = (at: string, extra: unknown) => applyLoopEvent(store, 'items', keeper, 'K-2', { type: 'take', actor: { id: 'c1', role: 'clerk' }, at, payload: { extra } } as never);
    const first = await take('2025-09-26T10:00:00+08:00', 1);
    const second = await take('2025-09-26T11:00:00+08:00', 2);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.snapshot.history).toHaveLength(2);
    expect(first.snapshot.data.extra).toBe(1);
    expect(second.snapshot.history).toHaveLength(3);
    // The earlier entries are shared, not copied again.
    expect(second.snapshot.history[1]).toBe(first.snapshot.history[1]);
    expect((await store.history('items', 'K-2')).map((e) => e.seq)).toEqual([0, 1, 2]);
    expect((await store.verify()).problems).toEqual([]);
  });
});

describe('a record changed behind the memory store\'s back: trusted on read, caught where it must be', () => {
  test('verify() names it, a restore of it is refused, and a migration over it is refused', async () => {
    const name = uniqueName();
    const backing = createMemoryBacking();
    const store = createMemoryStore(spec(name), { backing });
    stores.push(store as unknown as Store);
    await store.put('disputes', acceptDispute({ id: 'D-30', intake: intake as never, actor: clerk, at: '2025-09-26T09:00:00+08:00' }));
    await store.put('disputes', acceptDispute({ id: 'D-31', intake: intake as never, actor: clerk, at: '2025-09-26T09:00:00+08:00' }));
    const rows = backing.collections.get('disputes')!;
    const id = [...rows.keys()].find((k) => rows.get(k)!.key === 'D-31')!;
    const row = rows.get(id)!;
    const good = row.value as { data: Record<string, unknown> };
    rows.set(id, { key: row.key, value: { ...good, data: { ...good.data, town: 7 } } });
    backing.generation++;

    // Reads trust what the store wrote (the version and fingerprint match): no re-parse.
    expect((await store.all('disputes')).items).toHaveLength(2);
    const report = await store.verify();
    expect(report.checked).toBe(2);
    expect(report.problems).toEqual([expect.objectContaining({ collection: 'disputes', key: 'D-31', path: 'data.town' })]);

    // Import: a backup holding it is refused, and the store it was meant for is left as it was.
    const dump = await store.dump();
    const other = createMemoryStore(spec(uniqueName()));
    stores.push(other as unknown as Store);
    await expect(other.restore(dump)).rejects.toMatchObject({ code: 'invalid_backup' });
    expect(await other.count('disputes')).toBe(0);

    // Migration: the next version's transform meets it, and the upgrade is refused whole.
    const next = defineStore({
      name,
      collections: { disputes: loopCollection(disputeLoop, { community: 'data.community' }) },
      migrations: [{ description: 'keep every dispute as it is', transform: { disputes: (r: unknown) => r } }],
    });
    expect(() => createMemoryStore(next, { backing })).toThrow(expect.objectContaining({ code: 'invalid_record' }));
    expect(backing.version).toBe(1);
    expect(rows.get(id)!.value).toMatchObject({ data: { town: 7 } });
  });
});
