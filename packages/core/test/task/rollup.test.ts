import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { columnsFromOrders, dispatchMonth, laggards, laggardRule, orderColumns, replay, rollup, rollupOrders, rollups, compareForSupervision, InvalidArgumentError, taskOrderLoop, type RollupDimension, type TaskOrder } from '@bihuan/core';
import { catalog, cityRoster, officer, send, supervisor } from './fixtures.js';
import { transition } from '@bihuan/core';

function transitionOrNull(o: TaskOrder, type: string, actor: { id: string; role: string }, at: string, payload?: unknown): TaskOrder | null {
  const r = transition(taskOrderLoop, o, { type, actor, at, ...(payload === undefined ? {} : { payload }) } as never);
  return r.ok ? (r.snapshot as TaskOrder) : null;
}

const AT = '2025-10-01T08:00:00+08:00';

/** Ten orders for one officer in every state: the denominator's test vector. */
function tenStates(): TaskOrder[] {
  const base = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT }).orders.find((o) => o.id === '2025-10:hotels:wang')!;
  const copy = (i: number): TaskOrder => ({ ...base, id: `o${i}` });
  const fed = (o: TaskOrder) => send(o, 'feedback', officer('wang'), '2025-10-10T09:00:00+08:00', { values: { hotels: 1 } });
  return [
    send(fed(copy(0)), 'verify', supervisor, '2025-10-11T09:00:00+08:00'),
    send(fed(copy(1)), 'verify', supervisor, '2025-10-11T09:00:00+08:00'),
    send(fed(copy(2)), 'verify', supervisor, '2025-10-11T09:00:00+08:00'),
    fed(copy(3)),
    fed(copy(4)),
    send(fed(copy(5)), 'return', supervisor, '2025-10-11T09:00:00+08:00', { reason: '不完整' }),
    copy(6),
    copy(7),
    send(copy(8), 'exempt', supervisor, '2025-10-02T09:00:00+08:00', { reason: '不适用' }),
    send(copy(9), 'cancel', supervisor, '2025-10-02T09:00:00+08:00', { reason: '撤销' }),
  ];
}

describe('supervision rollups: the denominator rules', () => {
  test('exempt and cancelled leave the denominator; done is fed back or verified; returned is open', () => {
    const [row] = rollup(columnsFromOrders(tenStates()), ['officer'], { asOf: '2025-10-20T00:00:00+08:00' });
    expect(row).toEqual({
      officer: 'wang', dispatched: 10, open: 3, returned: 1, fedBack: 2, verified: 3, done: 5, onTime: 5, late: 0, overdue: 0, exempt: 1, cancelled: 1, withdrawnLate: 0, denominator: 8, rate: '62.5%', onTimeRate: '62.5%',
    });
  });

  test('overdue: open orders at the due moment itself, not a millisecond before', () => {
    const cols = columnsFromOrders(tenStates()); // due 2025-10-24T16:00:00.000Z
    expect(rollup(cols, ['city'], { asOf: Date.parse('2025-10-24T16:00:00.000Z') - 1 })[0]!.overdue).toBe(0);
    expect(rollup(cols, ['city'], { asOf: '2025-10-24T16:00:00.000Z' })[0]!.overdue).toBe(3);
  });

  test('the source’s figure: 199,740 of 200,000 is 99.87%; nothing to do is "—"', () => {
    const n = 200_000;
    const status = new Uint8Array(n).fill(3);
    status.fill(0, 0, 260);
    const cols = orderColumns({
      unit: new Uint32Array(n), category: new Uint16Array(n), month: new Uint16Array(n), status, due: new Float64Array(n).fill(Date.parse('2025-10-24T16:00:00Z')), flags: new Uint8Array(n),
      unitOfficer: Uint32Array.of(0), unitStation: Uint32Array.of(0), unitCounty: Uint32Array.of(0), officers: ['p'], stations: ['s'], counties: ['c'], categories: ['k'], months: ['2025-10'],
    });
    expect(rollup(cols, [], { asOf: 0 })[0]).toMatchObject({ done: 199_740, denominator: 200_000, rate: '99.87%' });
    const allExempt = columnsFromOrders([tenStates()[8]!]);
    expect(rollup(allExempt, ['station'], { asOf: '2025-10-03T00:00:00+08:00' })[0]).toMatchObject({ station: 'dg', dispatched: 1, denominator: 0, rate: '—' });
  });

  test('by officer, station, county, city × category × month in one pass, equal to a naive count', () => {
    const dims = ['officer', 'station', 'county', 'city', 'category', 'month'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ u: fc.nat(5), c: fc.nat(2), m: fc.nat(2), s: fc.nat(5), late: fc.boolean(), flagged: fc.boolean() }), { maxLength: 60 }),
        fc.subarray([...dims], { minLength: 0, maxLength: 3 }).filter((d) => d.filter((x) => ['officer', 'station', 'county', 'city'].includes(x)).length <= 1),
        (rows, by) => {
          const n = rows.length;
          const cols = orderColumns({
            unit: Uint32Array.from(rows, (r) => r.u), category: Uint16Array.from(rows, (r) => r.c), month: Uint16Array.from(rows, (r) => r.m),
            status: Uint8Array.from(rows, (r) => r.s), due: Float64Array.from(rows, (r) => (r.late ? 0 : 100)), flags: Uint8Array.from(rows, (r) => (r.s >= 2 && r.flagged ? (r.s < 4 ? 1 : 2) : 0)),
            unitOfficer: Uint32Array.of(0, 1, 2, 3, 4, 5), unitStation: Uint32Array.of(0, 0, 1, 1, 2, 2), unitCounty: Uint32Array.of(0, 0, 0, 0, 1, 1),
            officers: ['o0', 'o1', 'o2', 'o3', 'o4', 'o5'], stations: ['s0', 's1', 's2'], counties: ['c0', 'c1'], categories: ['k0', 'k1', 'k2'], months: ['m0', 'm1', 'm2'],
          });
          const [got, again] = rollups(cols, [by, by], { asOf: 50 });
          expect(again).toEqual(got);
          // One grouping, two, or three and more: each count the same.
          expect(rollup(cols, by, { asOf: 50 })).toEqual(got);
          expect(rollups(cols, [by, by, by], { asOf: 50 })).toEqual([got, got, got]);
          const keyOf = (r: (typeof rows)[number]) =>
            by.map((d) => (d === 'officer' ? `o${r.u}` : d === 'station' ? `s${[0, 0, 1, 1, 2, 2][r.u]}` : d === 'county' ? `c${[0, 0, 0, 0, 1, 1][r.u]}` : d === 'category' ? `k${r.c}` : d === 'month' ? `m${r.m}` : '')).join('|');
          const naive = new Map<string, { dispatched: number; done: number; late: number; overdue: number; denominator: number }>();
          for (const r of rows) {
            const k = keyOf(r);
            const g = naive.get(k) ?? { dispatched: 0, done: 0, late: 0, overdue: 0, denominator: 0 };
            g.dispatched++;
            if (r.s === 2 || r.s === 3) g.done++;
            if ((r.s === 2 || r.s === 3) && r.flagged) g.late++;
            if (r.s < 2 && r.late) g.overdue++;
            if (r.s < 4 || r.flagged) g.denominator++;
            naive.set(k, g);
          }
          expect(got!.length).toBe(naive.size);
          for (const row of got!) {
            const k = by.map((d) => (d === 'city' ? '' : (row as unknown as Record<string, string>)[d])).join('|');
            expect({ dispatched: row.dispatched, done: row.done, late: row.late, overdue: row.overdue, denominator: row.denominator }).toEqual(naive.get(k));
          }
          expect(got!.reduce((s, r) => s + r.dispatched, 0)).toBe(n);
        },
      ),
    );
  });

  test('several different groupings in one pass, by any time dimension, equal each rolled up alone', () => {
    const level = fc.constantFrom([], ['officer'], ['station'], ['county'], ['city']);
    const time = fc.constantFrom([], ['month'], ['quarter'], ['year'], ['week']);
    const grouping = fc.tuple(level, fc.boolean(), time).map(([l, c, t]) => [...l, ...(c ? ['category'] : []), ...t] as RollupDimension[]);
    const months = ['2025-09', '2025-10', '2026-01'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ u: fc.nat(5), c: fc.nat(2), m: fc.nat(2), s: fc.nat(5), day: fc.nat(40) }), { minLength: 1, maxLength: 60 }),
        fc.array(grouping, { minLength: 1, maxLength: 4 }),
        (rows, groupings) => {
          const cols = orderColumns({
            unit: Uint32Array.from(rows, (r) => r.u), category: Uint16Array.from(rows, (r) => r.c), month: Uint16Array.from(rows, (r) => r.m),
            status: Uint8Array.from(rows, (r) => r.s), due: Float64Array.from(rows, (r) => Date.parse(`${months[r.m]}-01T00:00:00+08:00`) + r.day * 86_400_000), flags: new Uint8Array(rows.length),
            unitOfficer: Uint32Array.of(0, 1, 2, 3, 4, 5), unitStation: Uint32Array.of(0, 0, 1, 1, 2, 2), unitCounty: Uint32Array.of(0, 0, 0, 0, 1, 1),
            officers: ['o0', 'o1', 'o2', 'o3', 'o4', 'o5'], stations: ['s0', 's1', 's2'], counties: ['c0', 'c1'], categories: ['k0', 'k1', 'k2'], months,
          });
          const asOf = Date.parse('2025-10-15T00:00:00+08:00');
          const together = rollups(cols, groupings, { asOf });
          expect(together).toEqual(groupings.map((by) => rollup(cols, by, { asOf })));
          for (const rs of together) expect(rs.reduce((s, r) => s + r.dispatched, 0)).toBe(rows.length);
        },
      ),
    );
  });
});

describe('laggards', () => {
  test('a stated rule: below the threshold and in the bottom third, least complete first; never every unit', () => {
    const rows = [
      { id: 'a', overdue: 0, done: 19, denominator: 20 },
      { id: 'b', overdue: 2, done: 18, denominator: 20 },
      { id: 'c', overdue: 0, done: 20, denominator: 20 },
      { id: 'd', overdue: 0, done: 94, denominator: 100 },
      { id: 'e', overdue: 0, done: 0, denominator: 0 },
      { id: 'f', overdue: 2, done: 5, denominator: 10 },
      { id: 'g', overdue: 1, done: 99, denominator: 100 },
    ].map((r) => ({ ...r, dispatched: r.denominator, open: 0, returned: 0, fedBack: 0, verified: r.done, onTime: r.done, late: 0, exempt: 0, cancelled: 0, withdrawnLate: 0, rate: '', onTimeRate: '' }));
    // Six units with work: the bottom third is two (f 50%, b 90%); e has nothing to do.
    expect(laggards(rows).map((r) => r.id)).toEqual(['f', 'b']);
    expect(laggards(rows, { share: 1 }).map((r) => r.id)).toEqual(['f', 'b', 'd', 'a', 'g']);
    expect(laggards(rows, { share: 1, below: 0.95 }).map((r) => r.id)).toEqual(['f', 'b', 'd']); // 19/20 = 95% is not below
    expect(laggards(rows, { below: 0.6 }).map((r) => r.id)).toEqual(['f']);
    expect(laggards(rows, { limit: 1 }).map((r) => r.id)).toEqual(['f']);
    expect([...rows].sort(compareForSupervision).at(-1)!.id).toBe('e');
    expect(() => laggards(rows, { below: 95 })).toThrow(/options\.below/);
    expect(() => laggards(rows, { share: -1 })).toThrow(/options\.share/);
  });

  test('ties at the cut are left out, so equal completion is treated alike and every unit is never marked', () => {
    const counts = { dispatched: 0, open: 0, returned: 0, fedBack: 0, verified: 0, onTime: 0, late: 0, exempt: 0, cancelled: 0, withdrawnLate: 0, rate: '', onTimeRate: '' };
    const row = (id: string, done: number) => ({ ...counts, id, overdue: 3, done, denominator: 10 });
    expect(laggards([row('a', 5), row('b', 5), row('c', 5)], { share: 1 / 3 })).toEqual([]);
    expect(laggards([row('a', 4), row('b', 5), row('c', 5)]).map((r) => r.id)).toEqual(['a']);
    expect(laggards([row('a', 4), row('b', 5)])).toEqual([]); // a third of two rounds down to none
    fc.assert(
      fc.property(fc.array(fc.record({ done: fc.nat(20), extra: fc.nat(20), overdue: fc.nat(5) }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0, max: 0.99, noNaN: true }), (raw, share) => {
        const rows = raw.map((r, i) => ({ ...counts, id: String(i), overdue: r.overdue, done: r.done, denominator: r.done + r.extra }));
        const marked = laggards(rows, { share });
        const withWork = rows.filter((r) => r.denominator > 0).length;
        expect(marked.length).toBeLessThanOrEqual(Math.floor(withWork * share + 1e-9));
        if (withWork > 0) expect(marked.length).toBeLessThan(withWork);
      }),
    );
    expect(laggardRule({ below: 0.95 })).toEqual({
      'zh-CN': '后进：完成率低于 95%，且居有任务单位的末位三分之一（向下取整，与界线并列者不计）',
      en: 'Laggard: completion below 95% and in the bottom third of the units with tasks (rounded down; ties at the cut are not marked)',
    });
  });

  test('rollupOrders from snapshots, by station and category at once', () => {
    const orders = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT }).orders;
    const [stations, categories] = rollupOrders(orders, [['station'], ['category', 'month']], { asOf: AT });
    expect(stations!.map((r) => [r.station, r.dispatched])).toEqual([['dg', 9], ['xg', 5]]);
    expect(categories!.map((r) => [r.category, r.month, r.dispatched])).toEqual([['control', '2025-10', 9], ['elements', '2025-10', 5]]);
  });

  test('bad columns and groupings are refused, naming the argument', () => {
    const ok = columnsFromOrders([]);
    expect(() => rollup({ ...ok }, ['city'], { asOf: 0 })).toThrow(/argument columns/);
    expect(() => rollup(ok, ['station', 'county'], { asOf: 0 })).toThrow(/groupings\[0\]/);
    expect(() => rollup(ok, ['district' as never], { asOf: 0 })).toThrow(InvalidArgumentError);
    expect(() => rollup(ok, ['city'], { asOf: 'soon' })).toThrow(/options\.asOf/);
    expect(() => orderColumns({ ...ok, status: Uint8Array.of(9), unit: Uint32Array.of(0), category: Uint16Array.of(0), month: Uint16Array.of(0), due: Float64Array.of(0), flags: Uint8Array.of(0) })).toThrow(/input\.unit/);
    const one = { unitOfficer: Uint32Array.of(0), unitStation: Uint32Array.of(0), unitCounty: Uint32Array.of(0), officers: ['p'], stations: ['s'], counties: ['c'], categories: ['k'], months: ['m'], unit: Uint32Array.of(0), category: Uint16Array.of(0), month: Uint16Array.of(0), due: Float64Array.of(0) };
    expect(() => orderColumns({ ...one, status: Uint8Array.of(0), flags: Uint8Array.of(1) })).toThrow(/input\.flags\[0\]/); // an open order is not done late
    expect(() => orderColumns({ ...one, status: Uint8Array.of(5), flags: Uint8Array.of(1) })).toThrow(/input\.flags\[0\]/);
    expect(() => orderColumns({ ...one, status: Uint8Array.of(2) } as never)).toThrow(/input\.flags/);
    expect(() => columnsFromOrders([{ id: 'x' } as never])).toThrow(/orders\[0\]/);
  });
});

// ---- rates that cannot be gamed or misread ----

const DUE = '2025-10-24T16:00:00.000Z'; // 2025-10-25 00:00 China time: the hotels order's due moment
const oct = (day: number, hour = 9) => `2025-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

function order(id: string): TaskOrder {
  const base = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT }).orders.find((o) => o.id === '2025-10:hotels:wang')!;
  return { ...base, id, history: base.history.map((h, i) => (i === 0 ? { ...h, payload: { ...(h.payload as object), id } } : h)) };
}
const feedBack = (o: TaskOrder, at: string) => send(o, 'feedback', officer('wang'), at, { values: { hotels: 1 } });

describe('on time and late, counted apart', () => {
  test('feedback after the due moment is done but late: an on-time rate stands beside the completion rate', () => {
    const orders = [feedBack(order('a'), oct(10)), feedBack(order('b'), oct(20)), feedBack(order('c'), oct(27)), order('d')];
    const [row] = rollup(columnsFromOrders(orders), ['officer'], { asOf: oct(31) });
    expect(row).toMatchObject({ done: 3, onTime: 2, late: 1, overdue: 1, denominator: 4, rate: '75%', onTimeRate: '50%' });
    // At the due moment itself the feedback is late, as the order is then overdue.
    const atDue = feedBack(order('e'), DUE);
    expect(rollup(columnsFromOrders([atDue]), ['city'], { asOf: oct(31) })[0]).toMatchObject({ late: 1, onTime: 0, onTimeRate: '0%' });
  });

  test('a returned order fed back again after the due moment is late, though its first feedback was on time', () => {
    const redone = feedBack(send(feedBack(order('a'), oct(10)), 'return', supervisor, oct(11), { reason: '不完整' }), oct(28));
    expect(rollup(columnsFromOrders([redone]), ['city'], { asOf: oct(31) })[0]).toMatchObject({ done: 1, late: 1, rate: '100%', onTimeRate: '0%' });
  });
});

describe('what was taken out after it fell due stays in the denominator', () => {
  test('cancelling two overdue orders does not lift 50% to 100%', () => {
    const done = [feedBack(order('a'), oct(10)), feedBack(order('b'), oct(11))];
    const overdue = [order('c'), order('d')];
    const before = rollup(columnsFromOrders([...done, ...overdue]), ['city'], { asOf: oct(27) })[0]!;
    expect(before).toMatchObject({ denominator: 4, rate: '50%', overdue: 2 });
    const cancelled = overdue.map((o) => send(o, 'cancel', supervisor, oct(28), { reason: '清理' }));
    const after = rollup(columnsFromOrders([...done, ...cancelled]), ['city'], { asOf: oct(29) })[0]!;
    expect(after).toMatchObject({ cancelled: 2, withdrawnLate: 2, denominator: 4, rate: '50%', overdue: 0 });
    // Exempting an overdue order is the same: it stays, as not done.
    const exempted = send(order('e'), 'exempt', supervisor, oct(28), { reason: '不适用' });
    expect(rollup(columnsFromOrders([exempted]), ['city'], { asOf: oct(29) })[0]).toMatchObject({ exempt: 1, withdrawnLate: 1, denominator: 1, rate: '0%' });
  });

  test('taken out before it fell due, it leaves the denominator', () => {
    const early = send(order('a'), 'cancel', supervisor, oct(20), { reason: '任务调整' });
    expect(rollup(columnsFromOrders([early, feedBack(order('b'), oct(10))]), ['city'], { asOf: oct(29) })[0]).toMatchObject({ cancelled: 1, withdrawnLate: 0, denominator: 1, rate: '100%' });
  });
});

describe('as it stood on date D', () => {
  test('a past period is described as it stood: state, assignee and feedback from the history up to D', () => {
    const a = feedBack(order('a'), oct(27)); // late, after D
    const b = send(order('b'), 'cancel', supervisor, oct(28), { reason: '清理' });
    const c = send(order('c'), 'reassign', supervisor, oct(26), { officer: 'li', station: 'dg', county: 'hg', community: '文化里社区', reason: '调岗' });
    const D = oct(25, 12);
    const [then] = rollupOrders([a, b, c], [['city']], { asOf: D });
    expect(then![0]).toMatchObject({ dispatched: 3, open: 3, done: 0, overdue: 3, cancelled: 0, denominator: 3, rate: '0%' });
    const [byOfficer] = rollupOrders([a, b, c], [['officer']], { asOf: D });
    expect(byOfficer!.map((r) => [r.officer, r.dispatched])).toEqual([['wang', 3]]); // c was still wang's on D
    const [now] = rollupOrders([a, b, c], [['officer']], { asOf: oct(31) });
    expect(now!.map((r) => [r.officer, r.dispatched, r.done, r.late])).toEqual([['li', 1, 0, 0], ['wang', 2, 1, 1]]);
    // An order dispatched after D is not in D's rollup.
    expect(rollupOrders([a], [['city']], { asOf: '2025-09-30T00:00:00+08:00' })[0]).toEqual([]);
  });

  test('columns of today’s states refuse a question about an earlier day', () => {
    const cols = columnsFromOrders([feedBack(order('a'), oct(27))]);
    expect(() => rollup(cols, ['city'], { asOf: oct(25) })).toThrow(/options\.asOf/);
    expect(rollup(cols, ['city'], { asOf: oct(27) })[0]!.done).toBe(1);
    const asOfD = columnsFromOrders([feedBack(order('a'), oct(27))], { asOf: oct(25) });
    expect(() => rollup(asOfD, ['city'], { asOf: oct(28) })).toThrow(/options\.asOf/); // it would miss the feedback
    expect(rollup(asOfD, ['city'], { asOf: oct(26) })[0]!.done).toBe(0);
  });

  test('property: every roll-up as of D equals the roll-up computed from the events up to D', () => {
    type Step = { kind: 'feedback' | 'return' | 'verify' | 'cancel' | 'exempt' | 'reassign' | 'urge'; day: number };
    const step = fc.record({ kind: fc.constantFrom('feedback', 'return', 'verify', 'cancel', 'exempt', 'reassign', 'urge'), day: fc.integer({ min: 2, max: 30 }) }) as fc.Arbitrary<Step>;
    const payloads: Record<Step['kind'], (o: TaskOrder) => { actor: { id: string; role: string }; payload?: unknown }> = {
      feedback: (o) => ({ actor: officer(o.data.officer), payload: { values: { hotels: 1 } } }),
      return: () => ({ actor: supervisor, payload: { reason: '不完整' } }),
      verify: () => ({ actor: supervisor }),
      cancel: () => ({ actor: supervisor, payload: { reason: '撤销' } }),
      exempt: () => ({ actor: supervisor, payload: { reason: '不适用' } }),
      reassign: (o) => ({ actor: supervisor, payload: o.data.officer === 'wang' ? { officer: 'li', station: 'dg', county: 'hg', community: '文化里社区', reason: '调岗' } : { officer: 'wang', station: 'dg', county: 'hg', community: '文化里社区', reason: '回岗' } }),
      urge: () => ({ actor: supervisor, payload: { instruction: '抓紧' } }),
    };
    const build = (i: number, steps: Step[]): TaskOrder => {
      let o = order(`p${i}`);
      for (const s of [...steps].sort((x, y) => x.day - y.day)) {
        const { actor, payload } = payloads[s.kind](o);
        const r = transitionOrNull(o, s.kind, actor, oct(s.day, 9 + (i % 10)), payload);
        if (r) o = r;
      }
      return o;
    };
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 31 }), (plans, dDay) => {
        const orders = plans.map((p, i) => build(i, p));
        const D = dDay === 1 ? '2025-10-01T07:00:00+08:00' : oct(dDay, 12);
        const Dms = Date.parse(D);
        // The orders rebuilt from their events up to D, through the engine's own replay.
        const truncated = orders.flatMap((o) => {
          const upTo = o.history.filter((h) => Date.parse(h.at) <= Dms);
          return upTo.length ? [replay(taskOrderLoop, upTo) as TaskOrder] : [];
        });
        const groupings = [['officer', 'category'], ['city'], ['station', 'month']] as const;
        expect(rollupOrders(orders, groupings, { asOf: D })).toEqual(rollupOrders(truncated, groupings, { asOf: D }));
      }),
      { numRuns: 150 },
    );
  });
});

describe('by quarter, year and week; within a period', () => {
  // Orders of two months in two quarters, due on their 25th (Oct: 2025-10-24T16:00Z, ISO week 43).
  const months = () => {
    const oct = order('q-oct');
    const base = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-09', at: '2025-09-01T08:00:00+08:00' }).orders.find((o) => o.id === '2025-09:hotels:wang')!;
    return [oct, { ...base, id: 'q-sep' }, send(order('q-oct2'), 'feedback', officer('wang'), '2025-10-10T09:00:00+08:00', { values: { hotels: 1 } })];
  };

  test('a quarter and a year gather the months dispatched within them; a week gathers orders by due moment', () => {
    const asOf = '2025-11-01T00:00:00+08:00';
    const [byQuarter, byYear, byWeek, byMonth] = rollupOrders(months(), [['quarter'], ['year', 'station'], ['week'], ['month']], { asOf });
    expect(byQuarter!.map((r) => [r.quarter, r.dispatched, r.done])).toEqual([['2025-Q3', 1, 0], ['2025-Q4', 2, 1]]);
    expect(byYear!.map((r) => [r.year, r.station, r.dispatched])).toEqual([['2025', 'dg', 3]]);
    expect(byWeek!.map((r) => r.week)).toEqual(byWeek!.map((r) => r.week).sort());
    expect(byWeek!.reduce((a, r) => a + r.dispatched, 0)).toBe(3);
    expect(byWeek!.find((r) => r.dispatched === 2)!.week).toBe('2025-W43');
    expect(byMonth!.map((r) => r.month)).toEqual(['2025-09', '2025-10']);
  });

  test('a period keeps a month’s, quarter’s or year’s orders by month, a week’s or range’s by due moment', () => {
    const asOf = '2025-11-01T00:00:00+08:00';
    const count = (period: string) => rollup(columnsFromOrders(months(), { asOf, period }), ['city'], { asOf })[0]?.dispatched ?? 0;
    expect([count('2025-Q4'), count('2025-Q3'), count('2025'), count('2025-10'), count('2025-W43'), count('2025-10-24..2025-10-24'), count('2025-10-26..2025-10-31')]).toEqual([2, 1, 3, 2, 2, 2, 0]);
    expect(() => columnsFromOrders(months(), { period: '2025-Q5' })).toThrow(InvalidArgumentError);
    expect(() => columnsFromOrders(months(), { period: '2025-Q5' })).toThrow(/options\.period/);
  });

  test('one time dimension per grouping; quarters need YYYY-MM months', () => {
    const cols = columnsFromOrders(months());
    expect(() => rollup(cols, ['month', 'week'], { asOf: 0 })).toThrow(/one time dimension/);
    const odd = orderColumns({
      unit: Uint32Array.of(0), category: Uint16Array.of(0), month: Uint16Array.of(0), status: Uint8Array.of(0), due: Float64Array.of(0), flags: Uint8Array.of(0),
      unitOfficer: Uint32Array.of(0), unitStation: Uint32Array.of(0), unitCounty: Uint32Array.of(0), officers: ['p'], stations: ['s'], counties: ['c'], categories: ['k'], months: ['十月'],
    });
    expect(() => rollup(odd, ['quarter'], { asOf: 0 })).toThrow(/columns\.months\[0\]/);
    expect(rollup(odd, ['week'], { asOf: 0 })[0]).toMatchObject({ week: '1970-W01', dispatched: 1 });
  });

  test('a reassignment that names only the new officer keeps the order’s station and county', () => {
    const o = send(order('r1'), 'reassign', supervisor, '2025-10-05T09:00:00+08:00', { officer: 'li', reason: '调岗' });
    const [row] = rollupOrders([o], [['officer']], { asOf: '2025-10-06T00:00:00+08:00' })[0]!;
    expect(row).toMatchObject({ officer: 'li', dispatched: 1 });
    expect(rollupOrders([o], [['station']], { asOf: '2025-10-04T00:00:00+08:00' })[0]![0]).toMatchObject({ station: 'dg', dispatched: 1 });
  });
});
