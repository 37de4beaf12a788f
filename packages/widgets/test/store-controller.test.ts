// The store binding every store-backed widget uses: a widget's own accepted write is not loaded
// again on its own change notice, others' changes are, and notices that come while a load runs
// fold into one more load.
import { afterEach, describe, expect, test } from 'vitest';
import { LitElement } from 'lit';
import { type DisputeItem, acceptDispute, applyLoopEvent, createDisputeStoreSpec, createMemoryStore, disputeLoop, disputeStoreSpec } from '@bihuan/core';
import { StoreController, defaultStore } from '../src/internal/store-controller.js';

type Spec = typeof disputeStoreSpec;
const clerk = { id: 'clerk', role: 'intakeClerk' } as const;
const dispute = (i: number) =>
  acceptDispute({
    id: `JF-${i}`, at: '2025-09-26T09:00:00+08:00', actor: clerk,
    intake: { title: `纠纷 ${i}`, category: 'noise', description: '夜间噪声', channel: 'walkIn', town: '站前街道', community: '锦绣社区',
      parties: [{ id: 'p1', side: 'applicant', name: '陈建国' }, { id: 'p2', side: 'respondent', name: '李秀英' }] },
  });

/** A host that counts its loads; `gate` (when set) holds a load until it resolves. */
class Host extends LitElement {
  store = createMemoryStore(disputeStoreSpec);
  loads = 0;
  items: DisputeItem[] = [];
  gate: Promise<void> | undefined;
  readonly data = new StoreController<Spec['collections']>(this as never, disputeStoreSpec, async (store) => {
    this.loads++;
    const { items } = await store.all('disputes');
    await this.gate;
    this.items = items as DisputeItem[];
  });
}
customElements.define('bh-test-store-host', Host);

const hosts: Host[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.remove()));
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
async function mounted(count: number): Promise<Host> {
  const host = document.createElement('bh-test-store-host') as Host;
  await host.store.bulkPut('disputes', Array.from({ length: count }, (_, i) => dispute(i)));
  document.body.append(host);
  hosts.push(host);
  for (let i = 0; i < 50 && (host.data.loading || host.loads === 0); i++) await tick();
  // The seeding's own notice comes once per turn: let it arrive (and any load it starts end) first.
  await tick(50);
  for (let i = 0; i < 50 && host.data.loading; i++) await tick();
  return host;
}

describe('StoreController', () => {
  test("a widget's own accepted event is not loaded again; someone else's change is", async () => {
    const host = await mounted(3);
    expect(host.loads).toBe(1);
    const event = { type: 'route', actor: clerk, at: '2025-09-27T09:00:00+08:00', payload: { departments: ['court'], joint: false, lead: null } } as const;
    const result = await host.data.write((store) => applyLoopEvent(store, 'disputes', disputeLoop, 'JF-0', event as never));
    expect(result.ok).toBe(true);
    await tick(50);
    expect(host.loads).toBe(1);
    // A refusal (a role that may not route) writes nothing and sends no notice: still nothing to load.
    const refused = await host.data.write((store) => applyLoopEvent(store, 'disputes', disputeLoop, 'JF-0', { ...event, actor: { id: 'm', role: 'mediator' } } as never));
    expect(refused.ok).toBe(false);
    await tick(50);
    expect(host.loads).toBe(1);
    // Another widget on the page writes to the same store: this one loads it.
    const other = await applyLoopEvent(host.store, 'disputes', disputeLoop, 'JF-1', event as never);
    expect(other.ok).toBe(true);
    const routed = () => host.items.find((d) => d.id === 'JF-1')!.history.length === 2;
    for (let i = 0; i < 50 && !routed(); i++) await tick();
    expect(host.loads).toBe(2);
    expect(host.items.find((d) => d.id === 'JF-1')!.history.map((h) => h.type)).toEqual(['@create', 'route']);
  });

  test('notices heard while a load runs fold into one more load, which sees every change', async () => {
    const host = await mounted(2);
    const before = host.loads;
    let release!: () => void;
    host.gate = new Promise((r) => (release = r));
    await host.store.put('disputes', dispute(100)); // its notice (sent once per turn) starts a load, held at the gate
    for (let i = 0; i < 50 && host.loads === before; i++) await tick();
    expect(host.loads).toBe(before + 1);
    for (let i = 101; i < 106; i++) await host.store.put('disputes', dispute(i)); // five more notices meanwhile
    await tick(50);
    expect(host.loads).toBe(before + 1);
    host.gate = undefined;
    release();
    for (let i = 0; i < 50 && host.items.length < 8; i++) await tick();
    await tick(50);
    expect(host.loads).toBe(before + 2);
    expect(host.items).toHaveLength(8);
  });
});

describe('defaultStore', () => {
  /** Runs `body` on a page without IndexedDB (a locked-down browser), then gives it back. */
  async function withoutIndexedDb<T>(body: () => Promise<T>): Promise<T> {
    const own = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true, writable: true });
    try {
      return await body();
    } finally {
      if (own) Object.defineProperty(globalThis, 'indexedDB', own);
      else delete (globalThis as { indexedDB?: unknown }).indexedDB;
    }
  }

  test('without IndexedDB: an in-memory store, loaded on demand, one per database name, that keeps what is written', async () => {
    const spec = createDisputeStoreSpec(disputeLoop, 'bihuan-test-no-indexeddb');
    const [a, b] = await withoutIndexedDb(() => Promise.all([defaultStore(spec), defaultStore(spec)]));
    expect(globalThis.indexedDB).toBeDefined();
    expect(a).toBe(b);
    await a.put('disputes', dispute(7));
    expect((await b.get('disputes', 'JF-7'))?.state).toBe('received');
    // The memory store refuses what the spec refuses, as the IndexedDB one does.
    await expect(a.put('disputes', { id: 'JF-8' } as never)).rejects.toMatchObject({ code: 'invalid_record' });
    expect((await a.all('disputes')).items.map((d) => d.id)).toEqual(['JF-7']);
  });

  test('with IndexedDB: the IndexedDB store', async () => {
    const spec = createDisputeStoreSpec(disputeLoop, 'bihuan-test-default-indexeddb');
    const store = await defaultStore(spec);
    await store.put('disputes', dispute(9));
    expect(await indexedDB.databases()).toContainEqual(expect.objectContaining({ name: 'bihuan-test-default-indexeddb' }));
    expect((await store.get('disputes', 'JF-9'))?.id).toBe('JF-9');
  });
});
