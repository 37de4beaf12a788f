// The server's write path on real PostgreSQL (DATABASE_URL, or a throwaway Debian cluster):
// accepted events per second through the whole HTTP path — token check, body validation, core's
// transition on the stored snapshot, one transaction writing item, event, change and receipt —
// with 16 concurrent clients against one `bihuan-server` process, side by side with a bare-SQL
// floor that issues the same writes from one process (16 connections) without any validation.
// Needs the built server (`pnpm build`).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import postgres from 'postgres';
import { median } from '../measure.mjs';
import { startCluster, withDatabase } from '../../../packages/server/test/support/cluster.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { migrate, postgresDatabase, Service, DEFAULT_LOOPS } = await import(`${root}packages/server/dist/index.js`);
const CLIENTS = 16;
const ITEMS = 64;
const EVENTS = Number(process.env.SERVER_BENCH_EVENTS ?? 1600);
const RUNS = Number(process.env.SERVER_BENCH_RUNS ?? 3);
const SECRET = 'bench secret, thirty-two bytes or longer!';
const scope = { city: '示例市', county: '东区', town: '甲镇' };
const intake = (n) => ({
  title: `纠纷 ${n}`, category: 'neighbour', description: '楼上漏水。', channel: 'walkIn', town: '甲镇', community: '幸福社区',
  parties: [{ id: 'p1', side: 'applicant', name: '张三丰', phone: '13812345678' }],
});

/** One `bihuan-server` process on `url` with a pool of `pool` connections (the dispatch case uses it too). */
export function startServer(url, pool = CLIENTS) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}packages/server/dist/bin.js`], {
      env: { ...process.env, DATABASE_URL: url, BIHUAN_JWT_SECRET: SECRET, PORT: '0', BIHUAN_DB_POOL: String(pool) },
      // The server logs every request (pino, at info) as it would in service; the bench keeps the
      // lines' last few kilobytes and shows them only when the process fails.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let log = '';
    child.stderr.on('data', (c) => (log = (log + c).slice(-4000)));
    child.stdout.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (line) resolve({ url: JSON.parse(line).url, child });
    });
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGTERM') process.stderr.write(log); // a stop on SIGTERM exits 0
      reject(new Error(`bihuan-server exited with ${code}`));
    });
  });
}

/** A new, migrated database on the bench's cluster (the other server cases use it too). */
export async function freshDatabase(admin, name) {
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`DROP DATABASE IF EXISTS ${name}`);
  await sql.unsafe(`CREATE DATABASE ${name}`);
  await sql.end();
  const url = withDatabase(admin, name);
  const db = await postgresDatabase(url, { max: 1 });
  await migrate(db);
  await db.close();
  return url;
}

/** Ours: 16 clients, each pushing one supervision at a time to its own items, through HTTP. */
async function throughHttp(admin, run) {
  const url = await freshDatabase(admin, `bench_http_${run}`);
  const server = await startServer(url);
  const token = await new SignJWT({ sub: 'bench', roles: ['supervisor'], unit: '东区综治中心', scope })
    .setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  for (let i = 0; i < ITEMS; i++) {
    const r = await fetch(`${server.url}/items/disputes`, { method: 'POST', headers, body: JSON.stringify({ clientId: 'seed', mutationId: i + 1, id: `b${i}`, input: intake(i), at: '2026-11-02T01:00:00.000Z', scope }) });
    if (r.status !== 201) throw new Error(`seed answered ${r.status}`);
  }
  let accepted = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
    for (let m = 1; m <= EVENTS / CLIENTS; m++) {
      const item = `b${(c + m * CLIENTS) % ITEMS}`;
      const body = JSON.stringify({ clientId: `k${c}`, mutations: [{ mutationId: m, collection: 'disputes', item, baseVersion: 1, event: { type: 'supervise', at: new Date(Date.UTC(2026, 10, 2, 2) + m * 1000).toISOString(), payload: { instruction: '请按期办结' } } }] });
      const r = await (await fetch(`${server.url}/push`, { method: 'POST', headers, body })).json();
      if (r.results[0].ok) accepted++;
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  server.child.kill('SIGTERM');
  return { rate: accepted / seconds, accepted };
}

/** The floor: the same rows written by bare SQL from 16 connections, snapshot appended by hand. */
async function bareSql(admin, run) {
  const url = await freshDatabase(admin, `bench_sql_${run}`);
  const sql = postgres(url, { max: CLIENTS, onnotice: () => {} });
  const snapshots = new Map();
  for (let i = 0; i < ITEMS; i++) {
    const snapshot = { loop: { id: 'dispute', version: 1 }, id: `b${i}`, state: 'received', data: intake(i), history: [{ seq: 0, type: '@create' }] };
    snapshots.set(`b${i}`, snapshot);
    await sql.unsafe("INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, city, county, town, change_seq) VALUES ('disputes', $1, 'dispute', 1, 1, 'received', $2::text::jsonb, $3, $4, $5, 0)", [`b${i}`, JSON.stringify(snapshot), scope.city, scope.county, scope.town]);
  }
  const t0 = performance.now();
  let done = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
    for (let m = 1; m <= EVENTS / CLIENTS; m++) {
      const item = `b${(c + m * CLIENTS) % ITEMS}`;
      const entry = { type: 'supervise', actor: { id: 'bench', role: 'supervisor' }, at: new Date().toISOString(), payload: { instruction: '请按期办结' } };
      await sql.begin(async (tx) => {
        const [row] = await tx.unsafe("SELECT version, snapshot FROM items WHERE collection = 'disputes' AND id = $1 FOR UPDATE", [item]);
        const snapshot = row.snapshot;
        snapshot.history.push(entry);
        const version = row.version + 1;
        await tx.unsafe("INSERT INTO events (collection, item_id, version, type, from_state, to_state, actor, at, client_id, mutation_id, payload) VALUES ('disputes', $1, $2, 'supervise', 'received', 'received', $3::text::jsonb, $4, $5, $6, $7::text::jsonb)", [item, version, JSON.stringify(entry.actor), entry.at, `k${c}`, m, JSON.stringify(entry.payload)]);
        const [head] = await tx.unsafe('UPDATE feed_head SET cursor = cursor + 1 RETURNING cursor');
        await tx.unsafe("UPDATE items SET version = $2, snapshot = $3::text::jsonb, change_seq = $4 WHERE collection = 'disputes' AND id = $1", [item, version, JSON.stringify(snapshot), head.cursor]);
        await tx.unsafe("INSERT INTO changes (cursor, collection, item_id, version, city) VALUES ($1, 'disputes', $2, $3, $4)", [head.cursor, item, version, scope.city]);
        await tx.unsafe('INSERT INTO mutations (client_id, mutation_id, result) VALUES ($1, $2, $3::text::jsonb)', [`k${c}`, m, '{"ok":true}']);
      });
      done++;
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  await sql.end();
  return { rate: done / seconds };
}

const PULL_ITEMS = Number(process.env.SERVER_BENCH_PULL_ITEMS ?? 10_000);

const PULL_PAGE = Number(process.env.SERVER_BENCH_PULL_PAGE ?? 5000);

/**
 * One station's items pulled from cursor 0 through HTTP (token, scope filter, pages of
 * PULL_PAGE, JSON) against a bare `SELECT` of the same rows and `JSON.stringify`. The user may see
 * personal data in clear, so both sides send the same bytes (masking is measured by the store's cases).
 *
 * Both sides end where a client can use the items: ours parses each page it receives, so the floor
 * parses the JSON text it made too (`floor`), as the client of a bare endpoint would. The floor
 * without that parse (`bare`) is reported beside it.
 */
async function pullSideBySide(admin) {
  const { acceptDispute } = await import('@bihuan/core/dispute');
  const url = await freshDatabase(admin, 'bench_pull');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  // The rows as the server writes them: the snapshot, and its JSON text in clear and masked.
  const texts = new Service(undefined, DEFAULT_LOOPS);
  await sql.begin(async (tx) => {
    for (let i = 0; i < PULL_ITEMS * 1.25; i++) {
      const snapshot = acceptDispute({ id: `p${i}`, intake: intake(i), actor: { id: 'seed', role: 'intakeClerk' }, at: '2026-11-02T01:00:00.000Z' });
      const { clear, masked } = texts.texts(DEFAULT_LOOPS.disputes, snapshot);
      await tx.unsafe("INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, snapshot_text, snapshot_masked, city, county, town, change_seq) VALUES ('disputes', $1, 'dispute', 1, 1, 'received', $2::text::jsonb, $2, $3, $4, $5, $6, $7)", [`p${i}`, clear, masked ?? null, scope.city, scope.county, i % 5 === 4 ? '乙镇' : scope.town, i + 1]);
    }
  });
  const server = await startServer(url);
  const token = await new SignJWT({ sub: 'bench', roles: ['intakeClerk'], scope })
    .setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
  const ours = [];
  const floor = [];
  const bare = [];
  for (let run = 0; run < RUNS + 1; run++) {
    let t0 = performance.now();
    let cursor = 0;
    let count = 0;
    for (;;) {
      const page = await (await fetch(`${server.url}/pull?cursor=${cursor}&limit=${PULL_PAGE}`, { headers: { authorization: `Bearer ${token}` } })).json();
      count += page.items.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    if (count !== PULL_ITEMS) throw new Error(`pulled ${count}`);
    const oursMs = performance.now() - t0;
    t0 = performance.now();
    const rows = await sql.unsafe('SELECT collection, id, version, snapshot FROM items WHERE city = $1 AND county = $2 AND town = $3 ORDER BY change_seq', [scope.city, scope.county, scope.town]);
    const text = JSON.stringify(rows);
    const bareMs = performance.now() - t0;
    if (JSON.parse(text).length !== count) throw new Error('floor read');
    const floorMs = performance.now() - t0;
    if (run > 0) ours.push(oursMs), floor.push(floorMs), bare.push(bareMs); // the first run warms both up
  }
  server.child.kill('SIGTERM');
  await sql.end();
  return { ours: median(ours), floor: median(floor), bare: median(bare) };
}

const push = {
  name: 'server-push',
  unit: 'accepted events/s',
  description: `${EVENTS} dispute events from ${CLIENTS} concurrent clients through bihuan-server (HTTP, token, validation, transition, transaction) vs bare SQL issuing the same writes`,
  async run() {
    const cluster = process.env.DATABASE_URL ? undefined : await startCluster();
    const admin = process.env.DATABASE_URL ?? cluster.url;
    try {
      const ours = [];
      const floor = [];
      for (let run = 0; run < RUNS; run++) {
        const h = await throughHttp(admin, run);
        if (h.accepted !== EVENTS) throw new Error(`only ${h.accepted} of ${EVENTS} events accepted`);
        ours.push(h.rate);
        floor.push((await bareSql(admin, run)).rate);
      }
      const o = median(ours);
      const f = median(floor);
      return { ours: o, peers: { 'bare SQL floor': f }, lowerIsBetter: false, notes: { 'share of the floor': `${(o / f).toFixed(2)}× (goal ≥ 0.3×)`, runs: RUNS } };
    } finally {
      cluster?.stop();
    }
  },
};

const pull = {
  name: 'server-pull',
  unit: 'ms',
  description: `pulling one station's ${PULL_ITEMS} disputes (among ${PULL_ITEMS * 1.25}) from cursor 0 through bihuan-server (pages of ${PULL_PAGE}, each parsed) vs a bare SELECT + JSON of the same rows, parsed by its client`,
  async run() {
    const cluster = process.env.DATABASE_URL ? undefined : await startCluster();
    try {
      const r = await pullSideBySide(process.env.DATABASE_URL ?? cluster.url);
      return {
        ours: r.ours,
        peers: { 'bare SELECT + JSON, parsed by its client': r.floor },
        notes: { 'ratio to the floor': `${(r.ours / r.floor).toFixed(2)}× (goal ≤ 2×)`, 'floor without its client parse': `${r.bare.toFixed(0)} ms (ours ${(r.ours / r.bare).toFixed(2)}× that)`, 'page size': PULL_PAGE },
      };
    } finally {
      cluster?.stop();
    }
  },
};

export default [push, pull];
