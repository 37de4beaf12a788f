// The city's task-order roll-up on real PostgreSQL (DATABASE_URL, or a throwaway Debian cluster):
// a year of one city's orders — 2,000 officers × 103 tasks × 12 months ≈ 2.5 million — written
// with generate_series straight into `items` (the migrated schema, the columns the service fills
// on write), then `GET /rollups/tasks?by=county` and `?by=station,month` answered by the server
// in-process (token, query validation, scope, the as-of SQL, JSON) side by side with a
// hand-written GROUP BY on the same table that counts the same things and nothing else.
// Needs the built server (`pnpm build`). ROLLUP_BENCH_ORDERS sets the size (default 2,500,000).
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import postgres from 'postgres';
import { median } from '../measure.mjs';
import { startCluster, withDatabase } from '../../../packages/server/test/support/cluster.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { createServer, migrate, postgresDatabase } = await import(`${root}packages/server/dist/index.js`);
const ORDERS = Number(process.env.ROLLUP_BENCH_ORDERS ?? 2_500_000);
const RUNS = Number(process.env.ROLLUP_BENCH_RUNS ?? 5);
const SECRET = 'bench secret, thirty-two bytes or longer!';
const CITY = '示例市';

/** ORDERS task orders of one city: 10 counties, 200 stations, 2,000 officers, 8 categories, Dec 2025 – Nov 2026. */
export async function seed(sql) {
  const t0 = performance.now();
  // Drop the secondary indexes while loading, then build them once (as a bulk load would).
  const indexes = await sql.unsafe("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'items' AND indexname <> 'items_pkey'");
  for (const i of indexes) await sql.unsafe(`DROP INDEX ${i.indexname}`);
  await sql.unsafe(`
    INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, city, county, town, change_seq,
                       opened_at, last_at, officer, station, unit_county, category, month, due_at, flags)
    SELECT 'taskOrders', 'o' || g, 'task-order', 1, 2, s.state, '{"loop":{"id":"task-order","version":1}}'::jsonb,
           '${CITY}', 'c' || (g % 2000) / 200, 's' || (g % 2000) / 10, g,
           m.start, m.start + interval '9 days', 'p' || (g % 2000), 's' || (g % 2000) / 10, 'c' || (g % 2000) / 200,
           'k' || (g / 24000) % 8, to_char(m.start AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), m.start + interval '1 month' - interval '8 hours',
           CASE WHEN s.state IN ('fedBack', 'verified') AND g % 7 = 0 THEN 1 WHEN s.state IN ('exempt', 'cancelled') AND g % 5 = 0 THEN 2 ELSE 0 END
    FROM generate_series(0, ${ORDERS - 1}) AS g,
         LATERAL (SELECT timestamptz '2025-12-01 00:00+08' + ((g / 2000) % 12) * interval '1 month' AS start) m,
         LATERAL (SELECT CASE WHEN h < 60 THEN 'verified' WHEN h < 70 THEN 'fedBack' WHEN h < 78 THEN 'dispatched' WHEN h < 82 THEN 'returned' WHEN h < 90 THEN 'exempt' ELSE 'cancelled' END AS state
                  FROM (SELECT (g::bigint * 2654435761) % 100 AS h) x) s`);
  for (const i of indexes) await sql.unsafe(i.indexdef);
  await sql.unsafe('VACUUM ANALYZE items');
  return (performance.now() - t0) / 1000;
}

/** The floor: one GROUP BY counting what a roll-up row holds, as one would write it by hand. */
export function floorSql(keys) {
  return `SELECT ${keys.join(', ')}, count(*) AS dispatched,
      count(*) FILTER (WHERE state IN ('dispatched', 'returned')) AS open,
      count(*) FILTER (WHERE state = 'returned') AS returned,
      count(*) FILTER (WHERE state = 'fedBack') AS fed_back,
      count(*) FILTER (WHERE state = 'verified') AS verified,
      count(*) FILTER (WHERE state = 'exempt') AS exempt,
      count(*) FILTER (WHERE state = 'cancelled') AS cancelled,
      count(*) FILTER (WHERE flags = 1) AS late,
      count(*) FILTER (WHERE flags = 2) AS withdrawn_late,
      count(*) FILTER (WHERE state IN ('dispatched', 'returned') AND due_at <= $2::timestamptz) AS overdue
    FROM items WHERE loop_id = 'task-order' AND city = $1 GROUP BY ${keys.join(', ')}`;
}

export default {
  name: 'server-rollup',
  unit: 'ms',
  description: `the city roll-up of ${ORDERS.toLocaleString('en')} task orders (by county; by station × month) through the server vs a hand-written GROUP BY on the same PostgreSQL table`,
  async run() {
    const cluster = process.env.DATABASE_URL ? undefined : await startCluster();
    const admin = process.env.DATABASE_URL ?? cluster.url;
    const name = 'bench_rollup';
    const sql0 = postgres(admin, { max: 1, onnotice: () => {} });
    await sql0.unsafe(`DROP DATABASE IF EXISTS ${name}`);
    await sql0.unsafe(`CREATE DATABASE ${name}`);
    await sql0.end();
    const url = withDatabase(admin, name);
    const database = await postgresDatabase(url, { max: 4 });
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await migrate(database);
      const seconds = await seed(sql);
      console.log(`  seeded ${ORDERS.toLocaleString('en')} orders in ${seconds.toFixed(0)} s`);
      const server = await createServer({ database, auth: { secret: SECRET }, migrate: false, logger: { info() {}, warn() {}, error() {} } });
      const token = await new SignJWT({ sub: 'city-sup', roles: ['supervisor'], scope: { city: CITY } })
        .setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
      const asOf = '2026-12-01T16:00:00.000Z';
      const notes = {};
      const results = {};
      for (const [label, by, keys] of [['by county', 'county', ['unit_county']], ['by station × month', 'station,month', ['station', 'month']]]) {
        const ours = [];
        const floor = [];
        for (let run = 0; run <= RUNS; run++) {
          let t0 = performance.now();
          const response = await server.fetch(new Request(`http://bench/rollups/tasks?by=${by}&asOf=${asOf}`, { headers: { authorization: `Bearer ${token}` } }));
          const body = await response.json();
          const oursMs = performance.now() - t0;
          t0 = performance.now();
          const rows = await sql.unsafe(floorSql(keys), [CITY, asOf]);
          const floorMs = performance.now() - t0;
          const total = body.rows.reduce((a, r) => a + r.dispatched, 0);
          if (response.status !== 200 || total !== ORDERS || rows.length !== body.rows.length) throw new Error(`${label}: ${response.status}, ${total} orders, ${rows.length} vs ${body.rows.length} rows`);
          if (run > 0) ours.push(oursMs), floor.push(floorMs); // the first run warms the cache for both
        }
        results[label] = { ours: median(ours), floor: median(floor) };
        notes[label] = `${median(ours).toFixed(0)} ms vs ${median(floor).toFixed(0)} ms = ${(median(ours) / median(floor)).toFixed(2)}× (goal ≤ 1.5×)`;
      }
      notes.orders = ORDERS;
      notes.runs = RUNS;
      const main = results['by county'];
      return { ours: main.ours, peers: { 'hand-written GROUP BY': main.floor }, notes };
    } finally {
      await sql.end();
      await database.close();
      cluster?.stop();
    }
  },
};
