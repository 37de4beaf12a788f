// Clients of a real bihuan server (in this process, on PGlite or PostgreSQL): a station's local
// store (memory, over a backing that outlives the store, as IndexedDB outlives a page) and a
// synced store over it, with a fetch that counts requests and can lose the network.
import { acceptDispute, createDisputeStoreSpec, disputeLoop } from '@bihuan/core/dispute';
import { createMemoryBacking, createMemoryStore, applyLoopEvent, type MemoryBacking } from '@bihuan/core/store';
import { createSyncedStore, type SyncedStore, type SyncState } from '@bihuan/core/sync';
import { queueSpec } from '../../src/sync/queue.ts';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { AT, intake, serverOn, tokenFor, USERS, type Kind, type User } from '../../../server/test/support/databases.ts';

export { AT, intake, tokenFor };

export type Server = Awaited<ReturnType<typeof serverOn>>;

/** A network between clients and a server that tests can cut, slow or re-point (a restart). */
export class Network {
  requests: { method: string; path: string }[] = [];
  down = false;
  /** Fails the next N writes (pushes and creations) after the server handled them: the answer is lost. */
  loseAnswers = 0;
  constructor(public target: Server) {}
  fetch: typeof fetch = async (input, init) => {
    const request = new Request(input as string, init);
    const url = new URL(request.url);
    this.requests.push({ method: request.method, path: url.pathname });
    if (this.down) throw new TypeError('fetch failed');
    const response = await this.target.server.fetch(request);
    if (this.loseAnswers > 0 && request.method === 'POST' && (url.pathname === '/push' || url.pathname.startsWith('/items/'))) {
      this.loseAnswers--;
      await response.body?.cancel();
      throw new TypeError('fetch failed (answer lost)');
    }
    return response;
  };
  count(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }
}

let n = 0;

/** A station: its local data (kept across "restarts") and the synced store currently open on it. */
export class Station {
  readonly name: string;
  readonly local: MemoryBacking;
  readonly queue: MemoryBacking;
  store!: SyncedStore<ReturnType<typeof createDisputeStoreSpec>['collections']>;
  tokens = 0;
  /** The paths this station's store requested. */
  readonly sent: string[] = [];
  constructor(
    readonly network: Network,
    public user: User,
    readonly options: { live?: boolean; token?: () => Promise<string>; share?: Station } = {},
  ) {
    // A station sharing another's data is a second tab of the same browser.
    this.name = options.share?.name ?? `station-${process.pid}-${++n}`;
    this.local = options.share?.local ?? createMemoryBacking();
    this.queue = options.share?.queue ?? createMemoryBacking();
  }
  async open(): Promise<this> {
    const spec = createDisputeStoreSpec(disputeLoop, this.name);
    this.store = (await createSyncedStore({
      url: 'http://bihuan.test',
      getToken: () => {
        this.tokens++;
        return this.options.token ? this.options.token() : tokenFor(this.user);
      },
      local: createMemoryStore(spec, { backing: this.local }),
      queue: createMemoryStore(queueSpec(this.name), { backing: this.queue }),
      fetch: (input, init) => {
        this.sent.push(new URL(String(input)).pathname);
        return this.network.fetch(input, init);
      },
      live: this.options.live ?? false,
    })) as never;
    return this;
  }
  /** Accepts a dispute at the front desk, as the intake widget does (a put of the new item). */
  async accept(id: string, k: number, minute = 0) {
    const item = acceptDispute({ id, intake: intake(k) as never, actor: { id: this.user.sub, role: this.user.roles[0]! as 'intakeClerk' }, at: AT(minute) });
    return this.store.put('disputes', item as never);
  }
  act(id: string, type: string, minute: number, payload?: unknown) {
    return applyLoopEvent(this.store as never, 'disputes', disputeLoop, id, { type, actor: { id: this.user.sub, role: this.user.roles[0]! }, at: AT(minute), ...(payload ? { payload } : {}) } as never);
  }
  /** Waits until the sync state satisfies `test` (each state change is checked). */
  until(test: (s: SyncState) => boolean, ms = 10_000): Promise<SyncState> {
    return new Promise((resolve, reject) => {
      if (test(this.store.sync.state())) return resolve(this.store.sync.state());
      const timer = setTimeout(() => {
        off();
        reject(new Error(`sync state never matched: ${JSON.stringify(this.store.sync.state())}`));
      }, ms);
      const off = this.store.sync.subscribe((s) => {
        if (!test(s)) return;
        clearTimeout(timer);
        off();
        resolve(s);
      });
    });
  }
  close() {
    this.store?.close();
  }
}

export const ROUTE = { departments: ['judicialAdministration'] };

/**
 * A server of this kind for the tests of one `describe`, a network to it, and stations that are
 * closed after each test (so that no station's background sync talks across tests).
 */
export function useServer(kind: Kind) {
  const ctx = {
    server: undefined as unknown as Server,
    net: undefined as unknown as Network,
    stations: [] as Station[],
    async station(user: User = USERS.clerkA, options: ConstructorParameters<typeof Station>[2] = {}) {
      const s = await new Station(ctx.net, user, options).open();
      ctx.stations.push(s);
      return s;
    },
  };
  beforeAll(async () => {
    ctx.server = await serverOn(kind);
    ctx.net = new Network(ctx.server);
  }, 120_000);
  afterEach(() => {
    for (const s of ctx.stations.splice(0)) s.close();
  });
  afterAll(() => ctx.server?.close());
  return ctx;
}
