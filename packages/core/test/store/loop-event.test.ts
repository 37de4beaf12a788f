// The atomic "apply a loop event" against the real engine and the real dispute loop, on both stores.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import {
  acceptDispute,
  applyLoopEvent,
  createIndexedDbStore,
  createMemoryStore,
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
