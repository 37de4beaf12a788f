import postgres from 'postgres';
import { dispatchMonth } from '@bihuan/core/task';
import { exampleCatalog, exampleRoster } from '@bihuan/core/examples';
import { startCluster, withDatabase } from './test/support/cluster.mjs';
const { migrate, postgresDatabase, createServer, dimensionsOf, Service, DEFAULT_LOOPS, dispatchTasks } = await import('./dist/index.js');
const cluster = await startCluster();
try {
const s0 = postgres(cluster.url, { max: 1, onnotice: () => {} }); await s0.unsafe('CREATE DATABASE prof'); await s0.end();
const url = withDatabase(cluster.url, 'prof');
const db = await postgresDatabase(url, { max: 4 }); await migrate(db);
const catalog = exampleCatalog(), roster = exampleRoster({ officersPerStation: 2 });
let t = performance.now();
const orders = dispatchMonth({ catalog, roster, month: '2026-12', at: '2026-12-01T08:30:00+08:00' }).orders;
console.log('dispatchMonth', orders.length, (performance.now()-t).toFixed(0));
t = performance.now(); for (const o of orders) JSON.stringify(o); console.log('stringify', (performance.now()-t).toFixed(0));
t = performance.now(); for (const o of orders) dimensionsOf(o); console.log('dims', (performance.now()-t).toFixed(0));
const service = new Service(db, DEFAULT_LOOPS);
const identity = { sub: 'd', roles: ['dispatcher'], scope: { city: '示例市' } };
let last = performance.now(); const laps = [];
t = performance.now();
const r = await dispatchTasks(service, identity, { id: 'd', role: 'dispatcher' }, { month: '2026-12', at: '2026-12-01T08:30:00+08:00', catalog, roster }, { onChunk: () => { const n = performance.now(); laps.push(n - last); last = n; } });
console.log('dispatchTasks', JSON.stringify(r), (performance.now()-t).toFixed(0), 'chunk laps', laps.map((x) => x.toFixed(0)).join(' '));
t = performance.now();
const r2 = await dispatchTasks(service, identity, { id: 'd', role: 'dispatcher' }, { month: '2026-12', at: '2026-12-01T08:30:00+08:00', catalog, roster });
console.log('again', (performance.now()-t).toFixed(0));
await db.close();
} finally { cluster.stop(); }
