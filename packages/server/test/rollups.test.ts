// Ledgers and roll-ups in SQL agree with core's on the same data: random task orders and disputes
// written through the server (HTTP, tokens, core's transitions), then every answer of
// `GET /rollups/tasks` and `GET /ledgers/disputes` compared with core's `rollups` and ledger
// functions over the snapshots the server stored — on PGlite and on PostgreSQL 15.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnsFromOrders, dispatchMonth, loadCatalog, loadRoster, rollups, type RollupDimension, type TaskOrder } from '@bihuan/core/task';
import { queryLedger, summarizeLedger, type DisputeItem } from '@bihuan/core/dispute';
import { inPeriod, parseInstant, parsePeriod } from '@bihuan/core/calendar';
import { intake, KINDS, SECRET, serverOn, tokenFor, uploadFile, type User } from './support/databases.ts';
import { createApp } from '../src/app.ts';
import { createVerifier } from '../src/auth.ts';

const RUNS = Number(process.env.ROLLUP_PROPERTY_RUNS ?? 3);
const SEEN = { task: 0, dispute: 0 };

// Mixed case on purpose: core orders groups by code unit ("Z" before "a"), whatever the database's collation.
const OFFICERS = [
  { officer: 'Wang', station: 'Dg', county: 'Hg' },
  { officer: 'li', station: 'Dg', county: 'Hg' },
  { officer: 'Zhao', station: 'xg', county: 'Hg' },
  { officer: 'an', station: 'Bz', county: 'bd' },
  { officer: 'Qian', station: 'Bz', county: 'bd' },
] as const;
const MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12'] as const;
const CATEGORIES = ['elements', 'Control'] as const;
const GROUPINGS: RollupDimension[][] = [
  ['city'], ['county'], ['station'], ['officer'], ['station', 'month'], ['month', 'county'], ['county', 'category'],
  ['quarter'], ['year', 'station'], ['week'], ['officer', 'week'], ['county', 'category', 'month'], ['category', 'quarter'],
];
const PERIODS = [undefined, '2026-Q4', '2026-11', '2026', '2026-W48', '2026-11-20..2026-12-10'] as const;

/** One dispatched order of the catalog's monthly template, as the base every random order varies. */
function baseOrder(): TaskOrder {
  const catalog = loadCatalog({
    id: 'prop', version: 1, name: '任务清单', effectiveFrom: '2026-01',
    categories: [{ id: 'elements', name: '治安要素' }],
    templates: [{ id: 'hotels', category: 'elements', title: '旅馆业检查', asks: '检查辖区旅馆', frequency: 'monthly', due: { kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'before' }, done: [{ kind: 'count', id: 'hotels', label: '检查家数', min: 1 }], mayBeNotApplicable: true }],
  });
  const roster = loadRoster({ id: 'prop', city: { id: 'prop', name: '示例市' }, counties: [{ id: 'Hg', name: '海港区' }], stations: [{ id: 'Dg', name: '东港派出所', county: 'Hg' }], officers: [{ id: 'Wang', name: '王海涛', station: 'Dg', community: '文化里社区', communityType: 'urban' }] });
  return dispatchMonth({ catalog, roster, month: '2026-10', at: '2026-10-01T08:00:00+08:00' }).orders[0]!;
}

const ACTIONS = ['feedback', 'verify', 'return', 'exempt', 'cancel', 'reassign', 'urge', 'officerExempt'] as const;

const orderArb = fc.record({
  who: fc.nat(OFFICERS.length - 1),
  month: fc.nat(MONTHS.length - 1),
  category: fc.nat(CATEGORIES.length - 1),
  dueShiftHours: fc.integer({ min: -72, max: 72 }),
  steps: fc.array(fc.record({ action: fc.nat(ACTIONS.length - 1), gapMinutes: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 9 * 24 * 60 })) }), { maxLength: 5 }),
});

const disputeArb = fc.record({
  town: fc.constantFrom('甲镇', '乙镇'),
  dayOffset: fc.integer({ min: 0, max: 120 }),
  steps: fc.array(fc.constantFrom('route', 'mediate', 'settle', 'refer', 'withdraw', 'merge', 'supervise'), { maxLength: 5 }),
});

const filterArb = fc.record({ states: fc.subarray(['received', 'routed', 'mediating', 'followUp', 'withdrawn', 'merged'] as const), town: fc.option(fc.constantFrom('甲镇', '乙镇', '丙镇')), period: fc.constantFrom(undefined, '2026-Q3', '2026-Q4', '2026-10', '2026', '2026-W40', '2026-09-15..2026-10-20'), overdueDays: fc.option(fc.integer({ min: 0, max: 200 })) });

const DAY_MINUTES = 24 * 60;
/** One run that surely meets every rule: late and on-time feedback (one exactly at the due moment), return, exemption after the due moment, cancellation before it, reassignment, open orders overdue. */
type Plan<A> = A extends fc.Arbitrary<infer T> ? T : never;
const TASK_EXAMPLE: [Plan<typeof orderArb>[], [number, number, number, -1 | 0 | 1][]] = [
  [
    { who: 0, month: 1, category: 0, dueShiftHours: 0, steps: [{ action: 0, gapMinutes: 12 * DAY_MINUTES }, { action: 1, gapMinutes: 60 }] },
    { who: 1, month: 1, category: 1, dueShiftHours: 5, steps: [{ action: 0, gapMinutes: 60 }, { action: 2, gapMinutes: 60 }, { action: 0, gapMinutes: -1 }] },
    { who: 2, month: 2, category: 0, dueShiftHours: -30, steps: [{ action: 3, gapMinutes: 11 * DAY_MINUTES }] },
    { who: 3, month: 2, category: 1, dueShiftHours: 0, steps: [{ action: 4, gapMinutes: 60 }] },
    { who: 4, month: 3, category: 0, dueShiftHours: 0, steps: [{ action: 5, gapMinutes: 60 }, { action: 6, gapMinutes: 60 }, { action: 0, gapMinutes: 60 }] },
    { who: 0, month: 0, category: 1, dueShiftHours: 0, steps: [] },
  ],
  [[1, 0, 0, 0], [3, 4, 1, -1], [5, 2, 2, 0], [9, 3, 0, 1], [13, 9, 4, 0], [15, 10, 5, 0], [20, 11, 0, 0], [2, 12, 3, 1]],
];
const DISPUTE_EXAMPLE: [Plan<typeof disputeArb>[], Plan<typeof filterArb>[]] = [
  [
    { town: '甲镇', dayOffset: 10, steps: ['route', 'mediate', 'settle'] },
    { town: '乙镇', dayOffset: 70, steps: ['route', 'withdraw'] },
    { town: '甲镇', dayOffset: 80, steps: ['merge'] },
    { town: '乙镇', dayOffset: 90, steps: ['route', 'mediate', 'refer'] },
    { town: '甲镇', dayOffset: 100, steps: ['supervise'] },
  ],
  [
    { states: [], town: null, period: undefined, overdueDays: 150 },
    { states: ['received', 'merged'] as ('received' | 'merged')[], town: '甲镇', period: '2026-Q4', overdueDays: null },
    { states: [], town: '乙镇', period: '2026', overdueDays: 95 },
  ],
];

describe.each(KINDS)('ledgers and roll-ups in SQL on %s', (kind) => {
  let s: Awaited<ReturnType<typeof serverOn>>;
  let run = 0;
  beforeAll(async () => {
    s = await serverOn(kind);
  }, 120_000);
  afterAll(() => s?.close());

  async function ok(method: string, path: string, as: User, body?: unknown) {
    const r = await s.call(method, path, as, body);
    expect(r.status, r.text).toBeLessThan(300);
    return r.json;
  }

  it('task-order roll-ups equal core’s rollups for random orders, moments, periods and groupings', async () => {
    const base = baseOrder();
    await fc.assert(
      fc.asyncProperty(fc.array(orderArb, { minLength: 1, maxLength: 14 }), fc.array(fc.tuple(fc.nat(1000), fc.nat(GROUPINGS.length - 1), fc.nat(PERIODS.length - 1), fc.constantFrom(-1, 0, 1)), { minLength: 4, maxLength: 8 }), async (orders, questions) => {
        const tag = `${kind}${++run}`;
        const city = `任务市${tag}`;
        const dispatcher: User = { sub: 'dispatch', roles: ['dispatcher'], scope: { city } };
        const supervisor: User = { sub: 'chief', roles: ['supervisor'], scope: { city } };
        const officerUser = (o: (typeof OFFICERS)[number]): User => ({ sub: o.officer, roles: ['officer'], scope: { city, county: o.county, town: o.station } });
        const moments: number[] = [];
        let mutation = 0;
        for (const [n, o] of orders.entries()) {
          const unit = OFFICERS[o.who]!;
          const month = MONTHS[o.month]!;
          const monthStart = parsePeriod(month).startMs;
          const due = monthStart + 24 * 86_400_000 + 16 * 3_600_000 + o.dueShiftHours * 3_600_000;
          const data = { ...base.data, month, period: month, officer: unit.officer, station: unit.station, county: unit.county, community: `${unit.station}社区`, due: new Date(due).toISOString(), template: { ...base.data.template, category: CATEGORIES[o.category]! } };
          let at = due - 10 * 86_400_000;
          const id = `${tag}-o${n}`;
          await ok('POST', '/items/taskOrders', dispatcher, { clientId: `d-${tag}`, mutationId: ++mutation, id, input: data, at: new Date(at).toISOString(), scope: { county: unit.county, town: unit.station } });
          moments.push(at, due);
          let officer: string = unit.officer;
          for (const step of o.steps) {
            at = step.gapMinutes === -1 && due >= at ? due : at + Math.max(0, step.gapMinutes) * 60_000;
            moments.push(at);
            const action = ACTIONS[step.action]!;
            const other = OFFICERS.find((x) => x.station === unit.station && x.officer !== officer);
            const event =
              action === 'feedback' ? { type: 'feedback', payload: { values: { hotels: 2 } } }
              : action === 'verify' ? { type: 'verify' }
              : action === 'return' || action === 'exempt' || action === 'cancel' || action === 'officerExempt' ? { type: action === 'officerExempt' ? 'exempt' : action, payload: { reason: '随机' } }
              : action === 'reassign' ? { type: 'reassign', payload: { officer: other?.officer ?? 'Wang', reason: '调岗' } }
              : { type: 'urge', payload: { instruction: '请按期完成' } };
            const asOfficer = action === 'feedback' || action === 'officerExempt';
            const who = asOfficer ? officerUser(OFFICERS.find((x) => x.officer === officer)!) : supervisor;
            const r = await ok('POST', '/push', who, { clientId: `${who.sub}-${tag}`, mutations: [{ mutationId: ++mutation, collection: 'taskOrders', item: id, baseVersion: 1, event: { ...event, at: new Date(at).toISOString() } }] });
            if (r.results[0].ok && action === 'reassign') officer = other?.officer ?? officer;
          }
        }
        const stored = (await s.database.query<{ snapshot: TaskOrder }>("SELECT snapshot FROM items WHERE loop_id = 'task-order' AND city = $1", [city])).map((r) => r.snapshot);
        expect(stored.length).toBe(orders.length);
        if (orders === TASK_EXAMPLE[0]) {
          SEEN.task++;
          // The hand-made run meets every rule: each state, late feedback, exemption after the due moment.
          expect(new Set(stored.map((o) => o.state))).toEqual(new Set(['verified', 'fedBack', 'exempt', 'cancelled', 'dispatched']));
          expect(rollups(columnsFromOrders(stored), [['city']], { asOf: Date.parse('2027-01-01T00:00:00Z') })[0]![0]).toMatchObject({ late: 2, withdrawnLate: 1, overdue: 1 });
        }
        for (const [pick, g, p, nudge] of questions) {
          const asOf = moments[pick % moments.length]! + nudge;
          const by = GROUPINGS[g]!;
          const period = PERIODS[p];
          const expected = rollups(columnsFromOrders(stored, { asOf, ...(period ? { period } : {}) }), [by], { asOf })[0];
          const q = `/rollups/tasks?by=${by.join(',')}&asOf=${encodeURIComponent(new Date(asOf).toISOString())}${period ? `&period=${encodeURIComponent(period)}` : ''}`;
          const answer = await ok('GET', q, supervisor);
          expect(answer.rows, `${q}`).toEqual(expected);
          // A station's user sees their station's orders only: the same roll-up over those.
          const station = OFFICERS[pick % OFFICERS.length]!;
          const own = stored.filter((o) => o.data.station === station.station);
          const mine = await ok('GET', q, { sub: 'viewer', roles: ['supervisor'], scope: { city, county: station.county, town: station.station } });
          expect(mine.rows, `${q} as ${station.station}`).toEqual(rollups(columnsFromOrders(own, { asOf, ...(period ? { period } : {}) }), [by], { asOf })[0]);
        }
      }),
      { numRuns: RUNS, examples: [TASK_EXAMPLE] },
    );
    expect(SEEN.task).toBeGreaterThan(0);
  }, 600_000);

  it('dispute ledger counts and pages equal core’s queryLedger and summarizeLedger', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(disputeArb, { minLength: 1, maxLength: 12 }), fc.array(filterArb, { minLength: 3, maxLength: 6 }), async (disputes, filters) => {
        const tag = `${kind}${++run}`;
        const city = `纠纷市${tag}`;
        const clerk: User = { sub: 'clerk', roles: ['intakeClerk', 'mediator', 'supervisor'], scope: { city } };
        const start = Date.parse('2026-08-01T01:00:00Z');
        let mutation = 0;
        const send = (item: string, type: string, role: string, at: number, payload?: unknown) =>
          ok('POST', '/push', clerk, { clientId: `c-${tag}`, mutations: [{ mutationId: ++mutation, collection: 'disputes', item, baseVersion: 1, event: { type, at: new Date(at).toISOString(), actor: { role }, ...(payload === undefined ? {} : { payload }) } }] });
        for (const [n, d] of disputes.entries()) {
          let at = start + d.dayOffset * 86_400_000;
          await ok('POST', '/items/disputes', clerk, { clientId: `c-${tag}`, mutationId: ++mutation, id: `${tag}-d${n}`, input: intake(n, d.town), at: new Date(at).toISOString(), scope: { county: '东区', town: d.town }, actor: { role: 'intakeClerk' } });
          for (const step of d.steps) {
            at += 86_400_000;
            if (step === 'route') await send(`${tag}-d${n}`, 'route', 'intakeClerk', at, { departments: ['judicialAdministration'] });
            else if (step === 'mediate') await send(`${tag}-d${n}`, 'mediate', 'mediator', at, { mode: 'atCentre', mediators: [] });
            else if (step === 'settle') {
              // A settlement needs the signed agreement's scan on the server (agreement_scan_required).
              const scan = await uploadFile(s.server, clerk, { collection: 'disputes', item: `${tag}-d${n}`, id: `${tag}-d${n}-scan-${at}` }, new TextEncoder().encode(`协议 ${tag}-d${n} ${at}`), { role: 'mediator' });
              expect(scan.status).toBe(201);
              await send(`${tag}-d${n}`, 'settle', 'mediator', at, { terms: ['赔偿两千元'], consentedBy: ['p1', 'p2'], date: new Date(at).toISOString().slice(0, 10) });
            } else if (step === 'refer') await send(`${tag}-d${n}`, 'refer', 'mediator', at, { to: 'litigation', reason: '调解不成', date: new Date(at).toISOString().slice(0, 10) });
            else if (step === 'withdraw') await send(`${tag}-d${n}`, 'withdraw', 'intakeClerk', at, { reason: '申请人撤回' });
            else if (step === 'merge' && n > 0) await send(`${tag}-d${n}`, 'merge', 'intakeClerk', at, { into: `${tag}-d${n - 1}`, reason: '同一纠纷' });
            else await send(`${tag}-d${n}`, 'supervise', 'supervisor', at, { instruction: '请按期办结' });
          }
        }
        const stored = (await s.database.query<{ snapshot: DisputeItem }>("SELECT snapshot FROM items WHERE loop_id = 'dispute' AND city = $1", [city])).map((r) => r.snapshot);
        expect(stored.length).toBe(disputes.length);
        if (disputes === DISPUTE_EXAMPLE[0] && ++SEEN.dispute) expect(stored.map((d) => d.state).sort()).toEqual(['followUp', 'followUp', 'merged', 'received', 'withdrawn']);
        for (const f of filters) {
          const overdueAt = f.overdueDays === null ? undefined : new Date(start + f.overdueDays * 86_400_000).toISOString();
          const chosen = queryLedger(stored, { ...(f.states.length ? { state: [...f.states] } : {}), ...(f.town !== null ? { town: f.town } : {}) }).filter((d) => f.period === undefined || inPeriod(f.period, parseInstant(d.history[0]!.at)));
          const params = new URLSearchParams({ pageSize: '5' });
          if (f.states.length) params.set('state', f.states.join(','));
          if (f.town !== null) params.set('town', f.town);
          if (f.period !== undefined) params.set('period', f.period);
          if (overdueAt !== undefined) params.set('overdueAt', overdueAt);
          const first = await ok('GET', `/ledgers/disputes?${params}`, clerk);
          expect(first.summary, params.toString()).toEqual(summarizeLedger(chosen, overdueAt));
          expect(first.total).toBe(chosen.length);
          const ids: string[] = first.items.map((i: { id: string }) => i.id);
          for (let page = 2; (page - 1) * 5 < first.total; page++) {
            params.set('page', String(page));
            ids.push(...(await ok('GET', `/ledgers/disputes?${params}`, clerk)).items.map((i: { id: string }) => i.id));
          }
          expect(ids.sort()).toEqual(chosen.map((d) => d.id).sort());
        }
      }),
      { numRuns: RUNS, examples: [DISPUTE_EXAMPLE] },
    );
    expect(SEEN.dispute).toBeGreaterThan(0);
  }, 600_000);

  it('refuses bad query strings with a typed, bilingual error naming the parameter, and needs a token', async () => {
    const user: User = { sub: 'chief', roles: ['supervisor'], scope: { city: '示例市' } };
    for (const [q, path] of [
      ['by=station,county', 'by'],
      ['by=month,week', 'by'],
      ['by=town', 'by'],
      ['asOf=yesterday', 'asOf'],
      ['period=2026-Q5', 'period'],
      ["by=station'%20OR%201=1--", 'by'],
      ['limit=5', ''],
    ] as const) {
      const r = await s.call('GET', `/rollups/tasks?${q}`, user);
      expect(r.status, q).toBe(400);
      expect(r.json.error.code).toBe('invalid_query');
      expect(r.json.error.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(r.json.error.message.en).toContain(path);
      if (path) expect(r.json.error.path).toBe(path);
    }
    for (const q of ['state=open', 'pageSize=500', 'page=0', "town=x'%20OR%20'1'='1&state=closed;DROP%20TABLE%20items", 'overdueAt=soon']) {
      const r = await s.call('GET', `/ledgers/disputes?${q}`, user);
      if (q.startsWith('town')) {
        expect(r.status, q).toBe(400); // the state list is checked; the town only ever travels as a parameter
      } else {
        expect([r.status, r.json.error.code], q).toEqual([400, 'invalid_query']);
      }
    }
    const injected = await s.call('GET', `/ledgers/disputes?town=${encodeURIComponent("x' OR '1'='1")}`, user);
    expect([injected.status, injected.json.total]).toEqual([200, 0]);
    expect((await s.call('GET', '/rollups/tasks', null)).status).toBe(401);
    expect((await s.call('GET', '/ledgers/disputes', null)).status).toBe(401);
  });

  it('logs each request once through pino or the host’s logger: request id, user, route pattern, status, duration, nothing personal', async () => {
    const user: User = { sub: 'log-user', name: '张三丰', roles: ['intakeClerk'], scope: { city: '日志市', county: '东区', town: '甲镇' } };
    const token = await tokenFor(user);
    const entries: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
    const logger = { info: (obj: object, msg?: string) => entries.push({ level: 'info', obj: obj as never, msg }), warn: (obj: object, msg?: string) => entries.push({ level: 'warn', obj: obj as never, msg }), error: (obj: object, msg?: string) => entries.push({ level: 'error', obj: obj as never, msg }) };
    const app = createApp(s.server.service, await createVerifier({ secret: SECRET }), { logger });
    const created = await app.fetch(new Request('http://bihuan.test/items/disputes', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': 'req-42' }, body: JSON.stringify({ clientId: 'log-1', mutationId: 1, id: `log-${kind}`, input: intake(1), at: '2026-11-02T01:00:00Z' }) }));
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe('req-42');
    const read = await app.fetch(new Request(`http://bihuan.test/items/disputes/log-${kind}?phone=13812345678`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'bad id with spaces' } }));
    expect(read.status).toBe(200);
    const refused = await app.fetch(new Request('http://bihuan.test/rollups/tasks?by=town', { headers: { authorization: `Bearer ${token}` } }));
    expect(refused.status).toBe(400);
    expect(entries.map((e) => [e.level, e.obj.route, e.obj.status, e.obj.userId])).toEqual([
      ['info', '/items/:collection', 201, 'log-user'],
      ['info', '/items/:collection/:id', 200, 'log-user'],
      ['warn', '/rollups/tasks', 400, 'log-user'],
    ]);
    expect(entries[0]!.obj.requestId).toBe('req-42');
    expect(entries[1]!.obj.requestId).toMatch(/^[0-9a-f-]{36}$/);
    for (const e of entries) expect(typeof e.obj.durationMs).toBe('number');
    const text = JSON.stringify(entries);
    for (const secret of [token, '13812345678', '张三丰', `log-${kind}`, 'phone']) expect(text).not.toContain(secret);
    // The default: pino's JSON entries, here collected through `log`.
    const before = s.logged.length;
    await s.call('GET', '/rollups/tasks', user);
    expect(s.logged.slice(before)).toEqual([expect.objectContaining({ level: 30, name: 'bihuan-server', route: '/rollups/tasks', status: 200, userId: 'log-user', msg: 'request' })]);
  });
});
