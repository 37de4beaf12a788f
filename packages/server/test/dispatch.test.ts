// City-wide monthly dispatch on the server (`POST /dispatch/tasks`): core's `dispatchMonth` decides
// which orders are due, the server writes each exactly once — on a repeat, on two calls at once on
// two servers, and on a retry after a dispatch that stopped mid-way — and only for a city-level
// dispatcher or supervisor. On PGlite and on PostgreSQL 15.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '@bihuan/core/loop';
import { dispatchMonth, loadCatalog, loadRoster, taskOrderLoop, type TaskOrder } from '@bihuan/core/task';
import { createServer } from '../src/index.ts';
import { postgresDatabase } from '../src/database.ts';
import { historyOf } from '../src/service.ts';
import { hasPersonalData } from '../src/dispatch.ts';
import { DEFAULT_LOOPS } from '../src/loops.ts';
import { dimensionsOf, dimensionsOfAll } from '../src/rollups.ts';
import { CITY, counts, freshPostgresUrl, KINDS, OTHER_SECRET, SECRET, serverOn, tokenFor, type User } from './support/databases.ts';
import { BIN, startServerProcess, type ServerProcess } from './support/processes.ts';

const catalog = {
  id: 'city-tasks', version: 1, name: '社区警务任务清单', effectiveFrom: '2026-01',
  categories: [{ id: 'elements', name: '治安要素' }, { id: 'control', name: '管控' }],
  templates: [
    { id: 'hotels', category: 'elements', title: '旅馆业检查', asks: '检查辖区旅馆', frequency: 'monthly', due: { kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'before' }, done: [{ kind: 'count', id: 'hotels', label: '检查家数', min: 1 }] },
    { id: 'visits', category: 'control', title: '重点人员走访', asks: '走访重点人员', frequency: 'monthly', due: { kind: 'dayOfMonth', day: 20, ifNotWorkingDay: 'before' }, done: [{ kind: 'note', id: 'note', label: '情况' }] },
    { id: 'drill', category: 'control', title: '季度演练', asks: '组织演练', frequency: 'quarterly', due: { kind: 'dayOfMonth', day: 15, ifNotWorkingDay: 'before' }, done: [{ kind: 'note', id: 'note', label: '情况' }] },
  ],
};
const roster = {
  id: 'city', city: { id: 'city', name: CITY }, counties: [{ id: 'Hg', name: '海港区' }, { id: 'Bd', name: '北戴河区' }],
  stations: [{ id: 'Dg', name: '东港派出所', county: 'Hg' }, { id: 'Xg', name: '西港派出所', county: 'Hg' }, { id: 'Bz', name: '北站派出所', county: 'Bd' }],
  officers: [
    { id: 'P001', name: '王海涛', station: 'Dg', community: '文化里社区' },
    { id: 'P002', name: '李建国', station: 'Dg', community: '海滨社区' },
    { id: 'P003', name: '赵志强', station: 'Xg', community: '西港社区' },
    { id: 'P004', name: '陈秀英', station: 'Bz', community: '车站社区' },
    { id: 'P005', name: '刘伟', station: 'Bz', community: '新村', until: '2026-10-02' }, // leaves: no October orders
  ],
};
const DISPATCHER: User = { sub: 'city-dispatch', name: '市局派单员', roles: ['dispatcher'], unit: '市公安局', scope: { city: CITY } };
const expected = (month: string) => dispatchMonth({ catalog: loadCatalog(catalog), roster: loadRoster(roster), month, at: `${month}-01T08:30:00+08:00` }).orders;

describe.each(KINDS)('city-wide dispatch on %s', (kind) => {
  let s: Awaited<ReturnType<typeof serverOn>>;
  beforeAll(async () => {
    s = await serverOn(kind);
  }, 120_000);
  afterAll(() => s?.close());

  const dispatch = (month: string, as: User | string = DISPATCHER, extra: Record<string, unknown> = {}) => s.call('POST', '/dispatch/tasks', as, { month, at: `${month}-01T08:30:00+08:00`, catalog, roster, ...extra });
  const orderCount = async (month: string) => Number((await s.database.query<{ n: string }>("SELECT count(*)::text AS n FROM items WHERE loop_id = 'task-order' AND month = $1", [month]))[0]!.n);

  it('creates the month’s orders from core’s rules, once, with events, changes and roll-up columns', async () => {
    const want = expected('2026-10');
    expect(want.length).toBe(4 * 3); // the officer who leaves on 10-02 gets nothing; the quarterly drill is due in October
    const r = await dispatch('2026-10');
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ collection: 'taskOrders', month: '2026-10', city: CITY, orders: want.length, created: want.length, skipped: 0 });
    const rows = await s.database.query<{ id: string; snapshot: TaskOrder; version: number; county: string; town: string; change_seq: string; officer: string; unit_county: string; flags: number }>(
      "SELECT id, snapshot, version, county, town, change_seq::text, officer, unit_county, flags FROM items WHERE loop_id = 'task-order' AND month = '2026-10' ORDER BY id",
    );
    expect(rows.map((r) => r.id)).toEqual(want.map((o) => o.id).sort());
    const actor = { id: 'city-dispatch', role: 'dispatcher', unit: '市公安局', name: '市局派单员' };
    for (const row of rows) {
      const order = want.find((o) => o.id === row.id)!;
      expect(row.snapshot).toEqual({ ...order, history: [{ ...order.history[0], actor }] });
      expect([row.version, row.county, row.town, row.officer, row.unit_county, row.flags]).toEqual([1, order.data.county, order.data.station, order.data.officer, order.data.county, 0]);
      const events = await s.database.query<Parameters<typeof historyOf>[0] & { client_id: string }>('SELECT version, type, from_state, to_state, actor, at, note, attachments, payload, client_id FROM events WHERE item_id = $1', [row.id]);
      expect(events.length).toBe(1);
      expect(events[0]!.client_id).toBe('dispatch');
      expect(JSON.parse(JSON.stringify(replay(taskOrderLoop, events.map(historyOf) as never)))).toEqual(row.snapshot);
    }
    // Distinct cursors, one change per order.
    expect(new Set(rows.map((r) => r.change_seq)).size).toBe(rows.length);
    const [changes] = await s.database.query<{ n: string }>("SELECT count(*)::text AS n FROM changes WHERE collection = 'taskOrders' AND (item_id LIKE '2026-10:%' OR item_id LIKE '2026-Q4:%')");
    expect(Number(changes!.n)).toBe(rows.length);
    // A station's officer pulls the station's orders; the roll-up counts the city's.
    const officer: User = { sub: 'P001', roles: ['officer'], scope: { city: CITY, county: 'Hg', town: 'Dg' } };
    const pulled = await s.call('GET', '/pull?cursor=0&limit=1000', officer);
    expect(pulled.json.items.map((i: { id: string }) => i.id).sort()).toEqual(want.filter((o) => o.data.station === 'Dg').map((o) => o.id).sort());
    const rollup = await s.call('GET', '/rollups/tasks?by=county&period=2026-10&asOf=2026-10-02T00:00:00Z', { ...DISPATCHER, roles: ['supervisor'] });
    expect(rollup.status, rollup.text).toBe(200);
  });

  it('creates nothing twice when the same month is dispatched again', async () => {
    const before = await counts(s.database);
    const again = await dispatch('2026-10');
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ orders: 12, created: 0, skipped: 12, chunks: 0 });
    expect(await counts(s.database)).toEqual(before);
  });

  it('creates each order once when two servers dispatch the same month at the same time', async () => {
    // A second server on the same database (on PostgreSQL: its own pool of connections).
    const other = await createServer({ database: s.database, auth: { secret: SECRET }, migrate: false, log: () => {}, dispatch: { chunk: 2 } });
    const token = await tokenFor(DISPATCHER);
    const body = JSON.stringify({ month: '2026-11', at: '2026-11-01T08:30:00+08:00', catalog, roster });
    const send = (server: { fetch: (r: Request) => Response | Promise<Response> }) =>
      Promise.resolve(server.fetch(new Request('http://bihuan.test/dispatch/tasks', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body }))).then((r) => r.json());
    const answers = await Promise.all([send(s.server), send(other), send(s.server)]);
    const want = expected('2026-11').length;
    expect(answers.map((a) => a.orders)).toEqual([want, want, want]);
    expect(answers.reduce((sum, a) => sum + a.created, 0)).toBe(want);
    expect(await orderCount('2026-11')).toBe(want);
    const [events] = await s.database.query<{ n: string; items: string }>("SELECT count(*)::text AS n, count(DISTINCT item_id)::text AS items FROM events WHERE item_id LIKE '2026-11:%'");
    expect(events).toEqual({ n: String(want), items: String(want) });
  });

  it('resumes a dispatch stopped mid-way without duplicates', async () => {
    let chunks = 0;
    const crashing = await createServer({
      database: s.database, auth: { secret: SECRET }, migrate: false, log: () => {},
      dispatch: { chunk: 3, onChunk: () => { if (++chunks === 2) throw new Error('the process died here'); } },
    });
    const token = await tokenFor(DISPATCHER);
    const body = JSON.stringify({ month: '2026-12', at: '2026-12-01T08:30:00+08:00', catalog, roster });
    const r = await crashing.fetch(new Request('http://bihuan.test/dispatch/tasks', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body }));
    expect(r.status).toBe(500);
    expect(await orderCount('2026-12')).toBe(6); // two chunks of three committed
    const resumed = await dispatch('2026-12');
    const want = expected('2026-12').length;
    expect(resumed.json).toMatchObject({ orders: want, created: want - 6, skipped: 6 });
    expect(await orderCount('2026-12')).toBe(want);
    const [dup] = await s.database.query<{ n: string }>("SELECT count(*)::text AS n FROM (SELECT item_id FROM events WHERE item_id LIKE '2026-12:%' GROUP BY item_id HAVING count(*) > 1) d");
    expect(dup!.n).toBe('0');
  });

  it('refuses other roles, narrower scopes, other cities, bad tokens and bad rosters, writing nothing', async () => {
    const before = await counts(s.database);
    const cases: [User | string, Record<string, unknown>, number, string, string | undefined][] = [
      [{ ...DISPATCHER, scope: { city: CITY, county: 'Hg' } }, {}, 403, 'out_of_scope', 'scope'],
      [{ ...DISPATCHER, roles: ['officer'] }, {}, 403, 'role_not_allowed', 'actor.role'],
      [DISPATCHER, { city: '别的市' }, 403, 'out_of_scope', 'city'],
      [DISPATCHER, { actor: { id: 'someone-else' } }, 403, 'actor_forged', 'actor.id'],
      [DISPATCHER, { actor: { role: 'supervisor' } }, 403, 'role_not_held', 'actor.role'],
      [await tokenFor(DISPATCHER, { secret: OTHER_SECRET }), {}, 401, 'token_invalid', undefined],
      [await tokenFor(DISPATCHER, { expiresIn: Math.floor(Date.now() / 1000) - 3600 }), {}, 401, 'token_expired', undefined],
      [DISPATCHER, { roster: { ...roster, officers: [{ ...roster.officers[0], station: 'nowhere' }] } }, 400, 'invalid_body', 'roster.officers[0].station'],
      [DISPATCHER, { catalog: { ...catalog, templates: 'all' } }, 400, 'invalid_body', 'catalog.templates'],
      [DISPATCHER, { month: '2026-13' }, 400, 'invalid_body', 'month'],
      [DISPATCHER, { at: '2026-06-01T08:00:00+08:00' }, 400, 'invalid_body', 'at'], // too early for January
      [DISPATCHER, { extra: 1 }, 400, 'invalid_body', undefined],
    ];
    for (const [as, extra, status, code, path] of cases) {
      const r = await dispatch('2027-01', as, extra);
      expect([r.status, r.json.error.code], JSON.stringify(extra)).toEqual([status, code]);
      if (path !== undefined) expect(r.json.error.path).toBe(path);
      expect(r.json.error.message['zh-CN']).toBeTruthy();
    }
    expect(await counts(s.database)).toEqual(before);
  });

  it('knows which loops hold personal data (task orders skip masking; disputes never do)', () => {
    expect(hasPersonalData(DEFAULT_LOOPS.taskOrders!)).toBe(false);
    expect(hasPersonalData(DEFAULT_LOOPS.disputes!)).toBe(true);
    // The chunk's roll-up columns, made in one call, are the ones made order by order.
    const orders = [...expected('2026-10'), ...expected('2026-11')];
    expect(dimensionsOfAll(orders as never)).toEqual(orders.map((o) => dimensionsOf(o as never)));
  });
});

describe('city-wide dispatch on two server processes', () => {
  const children: ServerProcess[] = [];
  afterAll(() => {
    for (const c of children) c.child.kill('SIGKILL');
  });

  it('creates each order once when two bihuan-server processes on one PostgreSQL dispatch the same months at once', async () => {
    expect(existsSync(BIN), 'build the server first (pnpm build)').toBe(true);
    const url = await freshPostgresUrl();
    // Two OS processes, each with its own pool, writing one order per transaction so that their chunks interleave.
    children.push(...(await Promise.all([0, 1].map(() => startServerProcess(url, { BIHUAN_DISPATCH_CHUNK: '1', BIHUAN_DB_POOL: '4' })))));
    const token = await tokenFor(DISPATCHER);
    const send = (to: ServerProcess, month: string) =>
      fetch(`${to.url}/dispatch/tasks`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ month, at: `${month}-01T08:30:00+08:00`, catalog, roster }) }).then(async (r) => {
        expect(r.status).toBe(200);
        return (await r.json()) as { month: string; orders: number; created: number; skipped: number };
      });
    const months = ['2026-10', '2026-11'];
    // Each month asked twice of each process, all at the same time.
    const answers = await Promise.all(months.flatMap((month) => [children[0]!, children[1]!, children[1]!, children[0]!].map((to) => send(to, month))));
    const db = await postgresDatabase(url, { max: 1 });
    try {
      for (const month of months) {
        const want = expected(month);
        const mine = answers.filter((a) => a.month === month);
        expect(mine.map((a) => a.orders)).toEqual([want.length, want.length, want.length, want.length]);
        expect(mine.reduce((sum, a) => sum + a.created, 0)).toBe(want.length);
        for (const a of mine) expect(a.created + a.skipped).toBe(want.length);
        const rows = await db.query<{ id: string }>("SELECT id FROM items WHERE loop_id = 'task-order' AND month = $1 ORDER BY id", [month]);
        expect(rows.map((r) => r.id)).toEqual(want.map((o) => o.id).sort());
      }
      // One creation event and one change per order, each order with a cursor of its own (a chunk that
      // lost the race for some ids leaves gaps, never repeats).
      const total = months.reduce((sum, m) => sum + expected(m).length, 0);
      const [row] = await db.query<{ items: string; events: string; event_items: string; changes: string; cursors: string }>(
        'SELECT (SELECT count(*) FROM items)::text AS items, (SELECT count(*) FROM events)::text AS events, (SELECT count(DISTINCT item_id) FROM events)::text AS event_items, (SELECT count(*) FROM changes)::text AS changes, (SELECT count(DISTINCT change_seq) FROM items)::text AS cursors',
      );
      expect(row).toEqual({ items: String(total), events: String(total), event_items: String(total), changes: String(total), cursors: String(total) });
    } finally {
      await db.close();
    }
  }, 120_000);
});
