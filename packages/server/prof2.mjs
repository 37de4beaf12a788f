import postgres from 'postgres';
import { dispatchMonth } from '@bihuan/core/task';
import { exampleCatalog, exampleRoster } from '@bihuan/core/examples';
import { startCluster, withDatabase } from './test/support/cluster.mjs';
const { migrate, postgresDatabase, DIMENSION_COLUMNS, dimensionsOf } = await import('./dist/index.js');
const cluster = await startCluster();
const TYPES = { opened_at: 'timestamptz', last_at: 'timestamptz', deadline_at: 'timestamptz', area_town: 'text', outcome: 'text', officer: 'text', station: 'text', unit_county: 'text', category: 'text', month: 'text', due_at: 'timestamptz', flags: 'smallint' };
try {
const s0 = postgres(cluster.url, { max: 1, onnotice: () => {} }); await s0.unsafe('CREATE DATABASE prof'); await s0.end();
const url = withDatabase(cluster.url, 'prof');
const db = await postgresDatabase(url, { max: 4 }); await migrate(db); await db.close();
const sql = postgres(url, { max: 1, onnotice: () => {} });
const orders = dispatchMonth({ catalog: exampleCatalog(), roster: exampleRoster({ officersPerStation: 1 }), month: '2026-12', at: '2026-12-01T08:30:00+08:00' }).orders;
const chunks = [];
for (let from = 0, n = 0; from < orders.length; from += 1000) {
  chunks.push('[' + orders.slice(from, from + 1000).map((o) => { const rest = { n: ++n, id: o.id, at: o.history[0].at, county: o.data.county, town: o.data.station, payload: o.history[0].payload }; dimensionsOf(o).forEach((v, k) => (rest[DIMENSION_COLUMNS[k]] = v)); return `{"snapshot":${JSON.stringify(o)},"actor":{"id":"x"},${JSON.stringify(rest).slice(1)}`; }).join(',') + ']');
}
const cols = `n bigint, id text, snapshot json, actor json, at text, county text, town text, payload json, ${DIMENSION_COLUMNS.map((c) => `${c} ${TYPES[c]}`).join(', ')}`;
const steps = {
  parse: `SELECT count(*) FROM json_to_recordset($1::text::json) AS x(${cols})`,
  jsonb: `SELECT count(*) FROM (SELECT snapshot::jsonb FROM json_to_recordset($1::text::json) AS x(${cols})) y`,
  items: `INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, snapshot_text, city, county, town, change_seq, ${DIMENSION_COLUMNS.join(', ')}) SELECT 'taskOrders', id || $2, 'task-order', 1, 1, 'dispatched', snapshot::jsonb, snapshot::text, 'c', county, town, n, ${DIMENSION_COLUMNS.join(', ')} FROM json_to_recordset($1::text::json) AS x(${cols})`,
  events: `INSERT INTO events (collection, item_id, version, type, to_state, actor, at, client_id, payload) SELECT 'taskOrders', id || $2, 1, '@create', 'dispatched', actor::jsonb, at, 'dispatch', payload::jsonb FROM json_to_recordset($1::text::json) AS x(${cols})`,
  eventsDerived: `INSERT INTO events (collection, item_id, version, type, to_state, actor, at, client_id, payload) SELECT 'taskOrders', id || $2 || 'd', 1, '@create', 'dispatched', actor::jsonb, at, 'dispatch', (snapshot->'history'->0->'payload')::jsonb FROM json_to_recordset($1::text::json) AS x(${cols})`,
  changes: `INSERT INTO changes (cursor, collection, item_id, version, city, county, town) SELECT n + $2::bigint * 100000, 'taskOrders', id, 1, 'c', county, town FROM json_to_recordset($1::text::json) AS x(${cols})`,
};
for (const [name, q] of Object.entries(steps)) {
  const t = performance.now();
  for (const [i, c] of chunks.entries()) await sql.unsafe(q, q.includes('$2') ? [c, String(i + 7)] : [c]);
  console.log(name, chunks.length, 'chunks', ((performance.now() - t) / chunks.length).toFixed(0), 'ms/chunk');
}
await sql.end();
} finally { cluster.stop(); }
