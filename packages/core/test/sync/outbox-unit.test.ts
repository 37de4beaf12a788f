// A change on a synced store is written twice: to the local store (what the widgets show) and to
// the outbox (what will be sent). The two live in two databases; these tests break the second
// write — it fails, or the page dies before it ends — and check that the change is then in
// neither: never shown as done while it will never be sent, never sent while not shown.
import { describe, expect, it } from 'vitest';
import { acceptDispute, createDisputeStoreSpec, disputeLoop } from '@bihuan/core/dispute';
import { applyLoopEvent, applyLoopEventIn, createMemoryBacking, createMemoryStore, type MemoryBacking } from '@bihuan/core/store';
import { createSyncedStore } from '@bihuan/core/sync';
import { queueSpec } from '../../src/sync/queue.ts';
import { AT, intake } from '../../../server/test/support/databases.ts';

const clerk = { id: 'clerk-a', role: 'intakeClerk' } as const;
let n = 0;

/** What happens when a write adds to the outbox: it goes through, fails, or the page dies right then (nothing more is written anywhere). */
type Outcome = 'ok' | 'fail' | 'die';

const WRITES = new Set(['put', 'add', 'bulkPut', 'delete', 'bulkDelete', 'batch', 'applyEvent', 'clear']);
/** A store as it is, until the page is dead: then every write fails before it starts. */
const mortal = <T extends object>(store: T, control: { dead: boolean }): T =>
  new Proxy(store, {
    get(target, p, receiver) {
      const value = Reflect.get(target, p, receiver);
      if (typeof p !== 'string' || !WRITES.has(p) || typeof value !== 'function') return value;
      return (...args: unknown[]) => (control.dead ? Promise.reject(new Error('the page is gone')) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });

/** A station offline (every request fails), over backings that outlive its stores, as IndexedDB outlives a page. */
function station() {
  const name = `unit-${process.pid}-${++n}`;
  const backing = { local: createMemoryBacking(), queue: createMemoryBacking() } as { local: MemoryBacking; queue: MemoryBacking };
  const control = { outbox: 'ok' as Outcome, dead: false, onIntent: undefined as undefined | (() => Promise<void>) };
  async function open() {
    const queue = createMemoryStore(queueSpec(name), { backing: backing.queue });
    // The queue store as it is, except that adding to the outbox fails or hangs when told to.
    const breaking = new Proxy(queue, {
      get(target, p, receiver) {
        if (p === 'put') {
          // A write's intent: before it lands, another tab may write too (`onIntent`, once).
          return async (collection: string, record: { key?: string }, w?: unknown) => {
            const out = await target.put(collection as never, record as never, w as never);
            const hook = control.onIntent;
            if (collection === 'meta' && record.key?.startsWith('intent:') && hook) {
              control.onIntent = undefined;
              await hook();
            }
            return out;
          };
        }
        if (p !== 'batch') return Reflect.get(target, p, receiver);
        return (body: (tx: any) => Promise<unknown>, w?: unknown) =>
          target.batch(
            (tx) =>
              body(
                new Proxy(tx, {
                  get(t, q, r) {
                    if (q !== 'add') return Reflect.get(t, q, r);
                    return (collection: string, record: unknown) => {
                      if (collection === 'outbox' && control.outbox === 'fail') return Promise.reject(Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' }));
                      if (collection === 'outbox' && control.outbox === 'die') {
                        control.dead = true;
                        return Promise.reject(new Error('the page is gone'));
                      }
                      return t.add(collection as never, record as never);
                    };
                  },
                }),
              ),
            w as never,
          );
      },
    });
    return createSyncedStore({
      url: 'http://bihuan.test',
      getToken: () => 'token',
      local: mortal(createMemoryStore(createDisputeStoreSpec(disputeLoop, name), { backing: backing.local }), control),
      queue: mortal(breaking, control),
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      live: false,
    });
  }
  /** Everything the outbox's store holds besides the station's own bookkeeping. */
  async function queued(store: Awaited<ReturnType<typeof open>>) {
    const dump = await createMemoryStore(queueSpec(name), { backing: backing.queue }).dump();
    const meta = (dump.collections.meta as { key: string }[]).map((m) => m.key);
    return { outbox: dump.collections.outbox as { kind: string; event: { type: string } }[], intents: meta.filter((k) => k.startsWith('intent:')), pending: store.sync.state().pending };
  }
  /** The station's local store as another tab sees it (the same data, not through the sync). */
  const otherTab = () => createMemoryStore(createDisputeStoreSpec(disputeLoop, name), { backing: backing.local });
  return { open, control, queued, otherTab };
}

const accepted = (id: string) => acceptDispute({ id, intake: intake(1) as never, actor: clerk, at: AT(0) });
const route = (store: any, id: string) => applyLoopEvent(store, 'disputes', disputeLoop, id, { type: 'route', actor: clerk, at: AT(1), payload: { departments: ['judicialAdministration'] } } as never);

describe('a synced write and its outbox entry are one unit', () => {
  it('both land when both writes go through', async () => {
    const s = station();
    const store = await s.open();
    await store.put('disputes', accepted('both') as never);
    expect((await route(store, 'both')).ok).toBe(true);
    expect((await store.get('disputes', 'both'))?.state).toBe('routed');
    expect(await s.queued(store)).toMatchObject({ outbox: [{ kind: 'create' }, { kind: 'event', event: { type: 'route' } }], intents: [], pending: 2 });
    store.close();
  });

  it('a failing outbox write undoes the local write: the event is in neither, and the refusal is the storage’s', async () => {
    const s = station();
    const store = await s.open();
    await store.put('disputes', accepted('fail') as never);
    const before = await store.get('disputes', 'fail');
    s.control.outbox = 'fail';
    await expect(route(store, 'fail')).rejects.toThrow(/quota/);
    expect(await store.get('disputes', 'fail')).toEqual(before);
    expect(await s.queued(store)).toMatchObject({ outbox: [{ kind: 'create' }], intents: [], pending: 1 });
    // A new item whose creation cannot be queued is not kept either.
    await expect(store.put('disputes', accepted('fail-new') as never)).rejects.toThrow(/quota/);
    expect(await store.get('disputes', 'fail-new')).toBeUndefined();
    expect((await s.queued(store)).outbox).toHaveLength(1);
    s.control.outbox = 'ok';
    expect((await route(store, 'fail')).ok).toBe(true);
    expect((await s.queued(store)).outbox.map((e) => e.event.type)).toEqual(['@create', 'route']);
    store.close();
  });

  it('a page that dies between the two writes: the next open finds the local write without its entry and undoes it', async () => {
    const s = station();
    const first = await s.open();
    await first.put('disputes', accepted('crash') as never);
    const before = await first.get('disputes', 'crash');
    s.control.outbox = 'die';
    await expect(route(first, 'crash')).rejects.toThrow(/gone/); // the local write is done; the page dies writing its outbox entry
    expect((await first.get('disputes', 'crash'))?.state).toBe('routed');
    s.control.dead = false;
    await expect(first.put('disputes', accepted('crash-new') as never)).rejects.toThrow(/gone/);
    expect((await first.get('disputes', 'crash-new'))?.state).toBe('received');
    expect((await s.queued(first)).intents).toHaveLength(2);
    first.close();
    s.control.outbox = 'ok';
    s.control.dead = false;
    const second = await s.open(); // the page opened again on the same data
    expect(await second.get('disputes', 'crash')).toEqual(before);
    expect(await second.get('disputes', 'crash-new')).toBeUndefined();
    expect(await s.queued(second)).toMatchObject({ outbox: [{ kind: 'create' }], intents: [], pending: 1 });
    second.close();
  });
});

/** A batch as core's own batches are: reads in the transaction, then writes — a new dispute and a routing, counted. */
function acceptAndRoute(newId: string, routedId: string, runs = { n: 0 }) {
  return async (tx: any) => {
    runs.n++;
    await tx.add('disputes', accepted(newId));
    const r = await applyLoopEventIn(tx, 'disputes', disputeLoop, routedId, { type: 'route', actor: clerk, at: AT(1), payload: { departments: ['judicialAdministration'] } } as never);
    return r.ok ? (r.snapshot as { state: string }).state : 'refused';
  };
}

describe('a synced batch and its outbox entries are one unit, like a single write', () => {
  it('both land: every write of the batch, and one outbox entry per creation and event, in order', async () => {
    const s = station();
    const store = await s.open();
    await store.put('disputes', accepted('b-old') as never);
    const runs = { n: 0 };
    expect(await store.batch(acceptAndRoute('b-new', 'b-old', runs))).toBe('routed');
    expect((await store.get('disputes', 'b-new'))?.state).toBe('received');
    expect((await store.get('disputes', 'b-old'))?.state).toBe('routed');
    const q = await s.queued(store);
    expect(q).toMatchObject({ intents: [], pending: 3 });
    expect(q.outbox.map((e) => `${e.kind}:${e.event.type}`)).toEqual(['create:@create', 'create:@create', 'event:route']);
    // Rehearsed once (given up, nothing written), then run for real.
    expect(runs.n).toBe(2);
    store.close();
  });

  it('a batch that writes nothing synced runs once and queues nothing', async () => {
    const s = station();
    const store = await s.open();
    let runs = 0;
    expect(await store.batch(async (tx: any) => (runs++, (await tx.all('disputes')).length))).toBe(0);
    expect(runs).toBe(1);
    expect(await s.queued(store)).toMatchObject({ outbox: [], intents: [], pending: 0 });
    store.close();
  });

  it('a failing outbox write undoes every write of the batch: none is kept, none is queued', async () => {
    const s = station();
    const store = await s.open();
    await store.put('disputes', accepted('bf-old') as never);
    const before = await store.get('disputes', 'bf-old');
    s.control.outbox = 'fail';
    await expect(store.batch(acceptAndRoute('bf-new', 'bf-old'))).rejects.toThrow(/quota/);
    expect(await store.get('disputes', 'bf-old')).toEqual(before);
    expect(await store.get('disputes', 'bf-new')).toBeUndefined();
    expect(await s.queued(store)).toMatchObject({ outbox: [{ kind: 'create' }], intents: [], pending: 1 });
    s.control.outbox = 'ok';
    expect(await store.batch(acceptAndRoute('bf-new', 'bf-old'))).toBe('routed');
    expect((await s.queued(store)).outbox.map((e) => e.event.type)).toEqual(['@create', '@create', 'route']);
    store.close();
  });

  it('a page that dies between the batch and its outbox entries: the next open undoes the whole batch', async () => {
    const s = station();
    const first = await s.open();
    await first.put('disputes', accepted('bc-old') as never);
    const before = await first.get('disputes', 'bc-old');
    s.control.outbox = 'die';
    await expect(first.batch(acceptAndRoute('bc-new', 'bc-old'))).rejects.toThrow(/gone/);
    // The batch landed locally; its entries did not, and the intent is still there.
    expect((await s.otherTab().get('disputes', 'bc-old'))?.state).toBe('routed');
    expect((await s.otherTab().get('disputes', 'bc-new'))?.state).toBe('received');
    expect((await s.queued(first)).intents).toHaveLength(1);
    first.close();
    s.control.outbox = 'ok';
    s.control.dead = false;
    const second = await s.open();
    expect(await second.get('disputes', 'bc-old')).toEqual(before);
    expect(await second.get('disputes', 'bc-new')).toBeUndefined();
    expect(await s.queued(second)).toMatchObject({ outbox: [{ kind: 'create' }], intents: [], pending: 1 });
    second.close();
  });

  it('another tab writing an item of the batch between its rehearsal and its run: planned again on what is there, that write kept', async () => {
    const s = station();
    const store = await s.open();
    await store.put('disputes', accepted('bo-old') as never);
    // Once the first intent is stored, another tab routes the same dispute (not through this store).
    s.control.onIntent = async () => {
      const r = await applyLoopEvent(s.otherTab() as any, 'disputes', disputeLoop, 'bo-old', { type: 'route', actor: clerk, at: AT(1), payload: { departments: ['court'] } } as never);
      expect(r.ok).toBe(true);
    };
    const runs = { n: 0 };
    expect(await store.batch(acceptAndRoute('bo-new', 'bo-old', runs))).toBe('routed');
    expect(runs.n).toBe(4); // rehearsal, run given up (the item changed), rehearsal again, run
    // The batch re-routed on top of the other tab's routing: both are in the history, in order.
    const old = (await store.get('disputes', 'bo-old')) as { history: { type: string; payload?: { departments: string[] } }[] };
    expect(old.history.map((h) => h.payload?.departments?.[0] ?? h.type)).toEqual(['@create', 'court', 'judicialAdministration']);
    expect((await store.get('disputes', 'bo-new'))?.state).toBe('received');
    const q = await s.queued(store);
    expect(q.outbox.map((e) => `${e.kind}:${e.event.type}`)).toEqual(['create:@create', 'create:@create', 'event:route']);
    // Decided on the version the other tab wrote (two entries), not the one the rehearsal read (one).
    expect((q.outbox[2] as unknown as { baseVersion: number }).baseVersion).toBe(2);
    expect((await s.queued(store)).intents).toEqual([]);
    store.close();
  });
});
