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
  loopCollection,
  MalformedEventError,
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
