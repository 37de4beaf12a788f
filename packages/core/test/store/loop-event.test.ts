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
