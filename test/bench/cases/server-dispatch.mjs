// A city's monthly dispatch on real PostgreSQL (DATABASE_URL, or a throwaway Debian cluster): the
// example city (2,000 officers) × the example catalog (103 monthly tasks) = 206,000 task orders,
// through one `bihuan-server` process — `POST /dispatch/tasks` with token, body validation, core's
// `dispatchMonth`, and chunked, idempotent transactions writing item, creation event and change
// for each order — side by side with a bare-SQL floor: the very same rows (made beforehand, outside
// the timer) inserted from one process in chunks of the same size, without checks, locks or
// conflict handling. Needs the built server (`pnpm build`). DISPATCH_BENCH_RUNS sets the runs (default 1).
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import postgres from 'postgres';
import { dispatchMonth } from '@bihuan/core/task';
import { exampleCatalog, exampleRoster } from '@bihuan/core/examples';
import { median } from '../measure.mjs';
import { freshDatabase, startServer } from './server.mjs';
import { startCluster } from '../../../packages/server/test/support/cluster.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { DIMENSION_COLUMNS, dimensionsOf } = await import(`${root}packages/server/dist/index.js`);
const RUNS = Number(process.env.DISPATCH_BENCH_RUNS ?? 1);
const CHUNK = 1000;
const SECRET = 'bench secret, thirty-two bytes or longer!';
const CITY = '示例市';
const MONTH = '2026-12';
const AT = '2026-12-01T08:30:00+08:00';

/** POST without a client-side timeout (fetch gives up on headers after 300 s; a busy machine's dispatch may take longer). */
function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function tally(url) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [row] = await sql.unsafe('SELECT (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM changes)::int AS changes');
  await sql.end();
  return row;
}

/** Ours: one request through HTTP, as a city's dispatcher would send it. */
async function throughHttp(admin, run, catalog, roster) {
  const url = await freshDatabase(admin, `bench_dispatch_${run}`);
  const server = await startServer(url, 4);
  const token = await new SignJWT({ sub: 'city-dispatch', roles: ['dispatcher'], unit: '市公安局', scope: { city: CITY } })
    .setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
  const body = JSON.stringify({ month: MONTH, at: AT, catalog, roster });
  const t0 = performance.now();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const response = await post(`${server.url}/dispatch/tasks`, headers, body);
  const answer = response.json;
  const ms = performance.now() - t0;
  // A second call creates nothing: the cost of a retried dispatch.
  const t1 = performance.now();
  const again = (await post(`${server.url}/dispatch/tasks`, headers, body)).json;
  const againMs = performance.now() - t1;
  server.child.kill('SIGTERM');
  if (response.status !== 200 || again.created !== 0) throw new Error(`dispatch answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}; again ${JSON.stringify(again).slice(0, 300)}`);
  const rows = await tally(url);
  return { ms, againMs, created: answer.created, rows, bytes: body.length };
}

const TYPES = { opened_at: 'timestamptz', last_at: 'timestamptz', deadline_at: 'timestamptz', area_town: 'text', outcome: 'text', officer: 'text', station: 'text', unit_county: 'text', category: 'text', month: 'text', due_at: 'timestamptz', flags: 'smallint' };

/** The floor: the same rows, prepared before the clock starts, inserted by bare SQL from one process. */
async function bareSql(admin, run, orders) {
  const url = await freshDatabase(admin, `bench_dispatch_sql_${run}`);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const actor = JSON.stringify({ id: 'city-dispatch', role: 'dispatcher', unit: '市公安局' });
  const chunks = [];
  for (let from = 0, n = 0; from < orders.length; from += CHUNK) {
    const parts = orders.slice(from, from + CHUNK).map((o) => {
      const rest = { n: ++n, id: o.id, at: o.history[0].at, county: o.data.county, town: o.data.station, payload: o.history[0].payload };
      dimensionsOf(o).forEach((v, k) => (rest[DIMENSION_COLUMNS[k]] = v));
      return `{"snapshot":${JSON.stringify(o)},"actor":${actor},${JSON.stringify(rest).slice(1)}`;
    });
    chunks.push(`[${parts.join(',')}]`);
  }
  const cols = `n bigint, id text, snapshot json, actor json, at text, county text, town text, payload json, ${DIMENSION_COLUMNS.map((c) => `${c} ${TYPES[c]}`).join(', ')}`;
  const t0 = performance.now();
  for (const rows of chunks) {
    await sql.begin(async (tx) => {
      await tx.unsafe(`INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, snapshot_text, city, county, town, change_seq, ${DIMENSION_COLUMNS.join(', ')})
        SELECT 'taskOrders', id, 'task-order', 1, 1, 'dispatched', snapshot::jsonb, snapshot::text, '${CITY}', county, town, n, ${DIMENSION_COLUMNS.join(', ')} FROM json_to_recordset($1::text::json) AS x(${cols})`, [rows]);
      await tx.unsafe(`INSERT INTO events (collection, item_id, version, type, to_state, actor, at, client_id, payload)
        SELECT 'taskOrders', id, 1, '@create', 'dispatched', actor::jsonb, at, 'dispatch', payload::jsonb FROM json_to_recordset($1::text::json) AS x(${cols})`, [rows]);
      await tx.unsafe(`INSERT INTO changes (cursor, collection, item_id, version, city, county, town)
        SELECT n, 'taskOrders', id, 1, '${CITY}', county, town FROM json_to_recordset($1::text::json) AS x(${cols})`, [rows]);
    });
  }
  const ms = performance.now() - t0;
  await sql.end();
  return { ms, rows: await tally(url) };
}

export default {
  name: 'server-dispatch',
  unit: 'ms',
  description: 'a city’s monthly dispatch — 2,000 officers × 103 tasks = 206,000 task orders — through bihuan-server (POST /dispatch/tasks: token, validation, core’s dispatchMonth, chunked idempotent transactions) vs bare SQL inserting the same rows',
  async run() {
    const cluster = process.env.DATABASE_URL ? undefined : await startCluster();
    const admin = process.env.DATABASE_URL ?? cluster.url;
    try {
      const catalog = exampleCatalog();
      const roster = exampleRoster();
      const orders = dispatchMonth({ catalog, roster, month: MONTH, at: AT }).orders;
      const ours = [];
      const floor = [];
      const again = [];
      for (let run = 0; run < RUNS; run++) {
        const h = await throughHttp(admin, run, catalog, roster);
        if (h.created !== orders.length || h.rows.items !== orders.length || h.rows.events !== orders.length || h.rows.changes !== orders.length) throw new Error(`dispatched ${JSON.stringify(h)}`);
        const f = await bareSql(admin, run, orders);
        if (f.rows.items !== orders.length) throw new Error(`floor wrote ${JSON.stringify(f.rows)}`);
        console.log(`  run ${run + 1}: ours ${(h.ms / 1000).toFixed(1)} s, floor ${(f.ms / 1000).toFixed(1)} s, repeated call ${(h.againMs / 1000).toFixed(1)} s`);
        ours.push(h.ms), floor.push(f.ms), again.push(h.againMs);
      }
      const o = median(ours);
      const f = median(floor);
      return {
        ours: o,
        peers: { 'bare SQL insert of the same rows': f },
        notes: { orders: orders.length, 'ratio to the floor': `${(o / f).toFixed(2)}×`, 'orders/s': Math.round(orders.length / (o / 1000)), 'a repeated call (creates nothing)': `${(median(again) / 1000).toFixed(1)} s`, runs: RUNS },
      };
    } finally {
      cluster?.stop();
    }
  },
};
