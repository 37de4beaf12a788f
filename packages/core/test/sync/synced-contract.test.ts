// The store contract against a synced store: a station offline (every request fails), over a memory
// local store and a memory outbox. Widgets take either kind of store, so a synced store must keep
// every promise a local one keeps — batches all or nothing, one history — while it queues.
import { describe, expect, test } from 'vitest';
import { applyLoopEventIn, createMemoryBacking, createMemoryStore, defineStore, type MemoryBacking } from '@bihuan/core/store';
import { createSyncedStore, type SyncedStore } from '@bihuan/core/sync';
import { dispatchMonthToStore, taskOrderLoop, taskStoreSpec, urgeOrders, type TaskStore } from '@bihuan/core/task';
import { exampleCatalog, exampleRoster } from '@bihuan/core/task/examples';
import { queueSpec } from '../../src/sync/queue.ts';
import { storeContract, type StoreHarness } from '../../../../test/store-contract/contract.js';

const backings = new Map<string, MemoryBacking>();
const backing = (name: string) => {
  let b = backings.get(name);
  if (!b) backings.set(name, (b = createMemoryBacking()));
  return b;
};

const harness: StoreHarness = {
  label: 'synced store, offline (node)',
  open: async (spec, options) =>
    (await createSyncedStore({
      url: 'http://bihuan.test',
      getToken: () => 'token',
      local: await createMemoryStore(spec, { ...options, backing: backing(spec.name) }),
      queue: await createMemoryStore(queueSpec(spec.name), { backing: backing(`${spec.name}:sync`) }),
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      live: false,
    })) as never,
  writeRaw: async (name, collection, value) => {
    const rows = backing(name).collections.get(collection)!;
    const key = (value as { id: string }).id;
    rows.set(JSON.stringify(key), { key, value });
    backing(name).generation++;
  },
};

storeContract(harness);

// What the contract cannot see: the outbox. A synced store's batch and its outbox entries are one
// unit, and what it queues is the one history the snapshot holds.
describe('synced store, offline: the outbox agrees with the records', () => {
  const AT = '2025-10-01T08:00:00+08:00';
  const supervisor = { id: 'sup-1', role: 'supervisor' } as const;
  const roster = () => exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 1 });
  let n = 0;
  const open = async () => {
    const name = `synced-outbox-${process.pid}-${++n}`;
    const store = (await harness.open(defineStore({ name, collections: taskStoreSpec.collections }))) as unknown as TaskStore & SyncedStore<any>;
    const outbox = async () => (await createMemoryStore(queueSpec(name), { backing: backing(`${name}:sync`) }).dump()).collections.outbox as { kind: string; event: { type: string }; item?: string }[];
    return { store, outbox };
  };

  test('dispatch then urge: one creation per order and one urge are queued, as the snapshot’s history says', async () => {
    const { store, outbox } = await open();
    const { orders } = await dispatchMonthToStore(store, { catalog: exampleCatalog(), roster: roster(), month: '2025-10', at: AT });
    const id = orders[0]!.id;
    await urgeOrders(store, { orders: [id], instruction: '请本周内完成', actor: supervisor, at: '2025-10-05T09:00:00+08:00' });
    const queued = await outbox();
    expect(queued.filter((e) => e.event.type === '@create')).toHaveLength(orders.length);
    expect(queued.filter((e) => e.event.type === 'urge')).toHaveLength(1);
    const snapshot = (await store.get('orders', id))!;
    expect(snapshot.history.map((e) => e.type)).toEqual(['@create', 'urge']);
    expect(await store.history('orders', id)).toEqual(snapshot.history);
    expect(store.sync.state().pending).toBe(queued.length);
    store.close();
  });

  test('a failure mid-batch writes nothing and queues nothing', async () => {
    const { store, outbox } = await open();
    const { orders } = await dispatchMonthToStore(store, { catalog: exampleCatalog(), roster: roster(), month: '2025-10', at: AT });
    const before = { records: JSON.stringify(await store.dump()), queued: JSON.stringify(await outbox()), pending: store.sync.state().pending };
    const boom = new Error('the host changed its mind');
    await expect(
      store.batch(async (tx) => {
        const r = await applyLoopEventIn(tx, 'orders', taskOrderLoop, orders[0]!.id, { type: 'urge', actor: supervisor, at: '2025-10-05T09:00:00+08:00', payload: { instruction: '请本周内完成' } } as never);
        expect(r.ok).toBe(true);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect({ records: JSON.stringify(await store.dump()), queued: JSON.stringify(await outbox()), pending: store.sync.state().pending }).toEqual(before);
    store.close();
  });
});
