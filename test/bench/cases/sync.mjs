// Sync between stations through a real bihuan-server process (HTTP, PostgreSQL):
// - sync-live: an event applied in one station's synced store until the change is in another
//   station's store (push, the server's live notice, the pull, the local write), median and p95 over
//   200 events, against the bare round-trip of the same work done by hand (one POST /push, then one
//   GET /pull) on the same run;
// - sync-fresh: a fresh station brought up to date with its 10,000 items (createSyncedStore until
//   the local store holds them all) against the bare GET /pull pages of the same items.
// The stations' local stores are memory stores (Node has no IndexedDB); needs `pnpm build`.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SignJWT } from 'jose';
import { median } from '../measure.mjs';
import { startCluster, withDatabase } from '../../../packages/server/test/support/cluster.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { createServer, postgresDatabase } = await import(`${root}packages/server/dist/index.js`);
const { createSyncedStore } = await import(`${root}packages/core/dist/sync/index.js`);
const { createMemoryStore, applyLoopEvent } = await import(`${root}packages/core/dist/store/index.js`);
const { acceptDispute, createDisputeStoreSpec, disputeLoop } = await import(`${root}packages/core/dist/dispute/index.js`);
const nodeServer = createRequire(`${root}packages/server/package.json`).resolve('@hono/node-server');
const { serve } = await import(pathToFileURL(nodeServer).href);

const EVENTS = Number(process.env.SYNC_BENCH_EVENTS ?? 200);
const ITEMS = Number(process.env.SYNC_BENCH_ITEMS ?? 10_000);
const RUNS = Number(process.env.SYNC_BENCH_RUNS ?? 3);
const SECRET = 'bench secret, thirty-two bytes or longer!';
const scope = { city: '示例市', county: '东区', town: '甲镇' };
const at = (minute) => new Date(Date.UTC(2026, 10, 2, 1, 0) + minute * 60_000).toISOString();
const intake = (n) => ({
  title: `纠纷 ${n}`, category: 'neighbour', description: '楼上漏水。', channel: 'walkIn', town: '甲镇', community: '幸福社区',
  parties: [{ id: 'p1', side: 'applicant', name: '张三丰', phone: '13812345678' }],
});
const token = (sub, roles) => new SignJWT({ sub, name: sub, roles, unit: '甲镇综治中心', scope }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];

/**
 * A bihuan server on a new database of the cluster, listening on a loopback port (in this process:
 * clients and server share the event loop, as ours and the bare requests do alike).
 */
async function serverOn(admin, name) {
  const admin1 = await postgresDatabase(admin, { max: 1 });
  await admin1.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin1.query(`CREATE DATABASE ${name}`);
  await admin1.close();
  const database = await postgresDatabase(withDatabase(admin, name), { max: 8 });
  const bihuan = await createServer({ database, auth: { secret: SECRET }, log: () => {} });
  let http;
  const url = await new Promise((resolve) => {
    http = serve({ fetch: bihuan.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}`));
  });
  return {
    url,
    database,
    close: async () => {
      http.closeAllConnections?.();
      await new Promise((r) => http.close(() => r()));
      await database.close();
    },
  };
}

let stationNo = 0;
async function station(url, bearer, options = {}) {
  const name = `bench-station-${process.pid}-${++stationNo}`;
  return createSyncedStore({ url, getToken: () => bearer, local: createMemoryStore(createDisputeStoreSpec(disputeLoop, name)), ...options });
}

/** Resolves when `store` holds item `id` at `version` (checked on each of its notices). */
function arrival(store, id, version) {
  return new Promise((resolve) => {
    const check = async () => {
      const item = await store.get('disputes', id);
      if (item && item.history.length >= version) {
        off();
        resolve(performance.now());
      }
    };
    const off = store.subscribe(() => void check());
    void check();
  });
}

async function live(admin) {
  const server = await serverOn(admin, 'bench_sync_live');
  const clerk = await token('clerk', ['intakeClerk']);
  const watcher = await token('watcher', ['mediator']);
  const from = await station(server.url, clerk);
  const to = await station(server.url, watcher);
  const bare = { push: await token('bare', ['intakeClerk']) };
  try {
    const id = 'live-1';
    await from.put('disputes', acceptDispute({ id, intake: intake(1), actor: { id: 'clerk', role: 'intakeClerk' }, at: at(0) }));
    await from.sync.syncNow();
    await arrival(to, id, 1);
    const made = await fetch(`${server.url}/items/disputes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bare.push}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'bare', mutationId: 1, id: 'bare-1', input: intake(2), at: at(0) }),
    });
    if (made.status !== 201) throw new Error(`bare item: ${made.status}`);
    const ours = [];
    const floor = [];
    let cursor = 0;
    for (let i = 0; i < EVENTS; i++) {
      const version = i + 2;
      // Ours: the clerk's station applies a routing; the watcher's station has it.
      const t0 = performance.now();
      const arrived = arrival(to, id, version);
      const r = await applyLoopEvent(from, 'disputes', disputeLoop, id, { type: 'route', actor: { id: 'clerk', role: 'intakeClerk' }, at: at(i + 1), payload: { departments: ['judicialAdministration'] } });
      if (!r.ok) throw new Error(JSON.stringify(r.reason));
      ours.push((await arrived) - t0);
      // Floor: the same work by hand, one push and one pull request, nothing stored.
      const t1 = performance.now();
      const pushed = await (await fetch(`${server.url}/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bare.push}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'bare', mutations: [{ mutationId: i + 2, collection: 'disputes', item: 'bare-1', baseVersion: i + 1, event: { type: 'route', at: at(i + 1), payload: { departments: ['judicialAdministration'] } } }] }),
      })).json();
      if (!pushed.results[0].ok) throw new Error(JSON.stringify(pushed));
      const page = await (await fetch(`${server.url}/pull?cursor=${cursor}&limit=500`, { headers: { authorization: `Bearer ${watcher}` } })).json();
      cursor = page.cursor;
      floor.push(performance.now() - t1);
    }
    return { ours, floor };
  } finally {
    from.close();
    to.close();
    await server.close();
  }
}

async function fresh(admin) {
  const server = await serverOn(admin, 'bench_sync_fresh');
  // The station's items, written straight into the tables (what a year of intake would leave).
  await server.database.transaction(async (tx) => {
    for (let i = 0; i < ITEMS; i++) {
      const snapshot = acceptDispute({ id: `f${i}`, intake: intake(i), actor: { id: 'seed', role: 'intakeClerk' }, at: at(0) });
      await tx.query("INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, city, county, town, change_seq) VALUES ('disputes', $1, 'dispute', 1, 1, 'received', $2::text::jsonb, $3, $4, $5, $6)", [`f${i}`, JSON.stringify(snapshot), scope.city, scope.county, scope.town, i + 1]);
    }
    await tx.query('UPDATE feed_head SET cursor = $1', [ITEMS]);
  });
  const bearer = await token('clerk', ['intakeClerk']);
  const ours = [];
  const floor = [];
  try {
    for (let run = 0; run < RUNS + 1; run++) {
      let t0 = performance.now();
      const s = await station(server.url, bearer, { live: false });
      await s.sync.syncNow();
      const count = await s.count('disputes');
      const oursMs = performance.now() - t0;
      s.close();
      if (count !== ITEMS) throw new Error(`a fresh station holds ${count} of ${ITEMS}`);
      t0 = performance.now();
      let cursor = 0;
      let pulled = 0;
      for (;;) {
        const page = await (await fetch(`${server.url}/pull?cursor=${cursor}&limit=500`, { headers: { authorization: `Bearer ${bearer}` } })).json();
        pulled += page.items.length;
        cursor = page.cursor;
        if (!page.more) break;
      }
      if (pulled !== ITEMS) throw new Error(`pulled ${pulled}`);
      const floorMs = performance.now() - t0;
      if (run > 0) ours.push(oursMs), floor.push(floorMs); // the first run warms both up
    }
    return { ours: median(ours), floor: median(floor) };
  } finally {
    await server.close();
  }
}

async function withCluster(fn) {
  const cluster = process.env.DATABASE_URL ? undefined : await startCluster();
  try {
    return await fn(process.env.DATABASE_URL ?? cluster.url);
  } finally {
    cluster?.stop();
  }
}

export default [
  {
    name: 'sync-live',
    unit: 'ms',
    description: `an event applied in one synced store until it is in another user's store (push, live notice, pull, local write), median over ${EVENTS} events, vs one bare POST /push + GET /pull`,
    async run() {
      const r = await withCluster(live);
      const o = median(r.ours);
      const f = median(r.floor);
      return {
        ours: o,
        peers: { 'bare push + pull': f },
        notes: { p95: `${p95(r.ours).toFixed(1)} ms (bare ${p95(r.floor).toFixed(1)} ms)`, 'ratio to the bare round-trip': `${(o / f).toFixed(2)}×`, events: EVENTS },
      };
    },
  },
  {
    name: 'sync-fresh',
    unit: 'ms',
    description: `a fresh station brought up to date with its ${ITEMS} disputes (createSyncedStore + syncNow into a memory store) vs the bare GET /pull pages`,
    async run() {
      const r = await withCluster(fresh);
      return { ours: r.ours, peers: { 'bare GET /pull pages': r.floor }, notes: { 'ratio to the bare pulls': `${(r.ours / r.floor).toFixed(2)}×`, items: ITEMS, runs: RUNS } };
    },
  },
];
