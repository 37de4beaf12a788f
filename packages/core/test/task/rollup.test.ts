import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { columnsFromOrders, dispatchMonth, laggards, orderColumns, rollup, rollupOrders, rollups, compareForSupervision, InvalidArgumentError, type TaskOrder } from '@bihuan/core';
import { catalog, cityRoster, officer, send, supervisor } from './fixtures.js';

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
      officer: 'wang', dispatched: 10, open: 3, returned: 1, fedBack: 2, verified: 3, done: 5, overdue: 0, exempt: 1, cancelled: 1, denominator: 8, rate: '62.5%',
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
      unit: new Uint32Array(n), category: new Uint16Array(n), month: new Uint16Array(n), status, due: new Float64Array(n).fill(Date.parse('2025-10-24T16:00:00Z')),
      unitOfficer: Uint32Array.of(0), unitStation: Uint32Array.of(0), unitCounty: Uint32Array.of(0), officers: ['p'], stations: ['s'], counties: ['c'], categories: ['k'], months: ['2025-10'],
    });
    expect(rollup(cols, [], { asOf: 0 })[0]).toMatchObject({ done: 199_740, denominator: 200_000, rate: '99.87%' });
    const allExempt = columnsFromOrders([tenStates()[8]!]);
    expect(rollup(allExempt, ['station'], { asOf: 0 })[0]).toMatchObject({ station: 'dg', dispatched: 1, denominator: 0, rate: '—' });
  });

  test('by officer, station, county, city × category × month in one pass, equal to a naive count', () => {
    const dims = ['officer', 'station', 'county', 'city', 'category', 'month'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ u: fc.nat(5), c: fc.nat(2), m: fc.nat(2), s: fc.nat(5), late: fc.boolean() }), { maxLength: 60 }),
        fc.subarray([...dims], { minLength: 0, maxLength: 3 }).filter((d) => d.filter((x) => ['officer', 'station', 'county', 'city'].includes(x)).length <= 1),
        (rows, by) => {
          const n = rows.length;
          const cols = orderColumns({
            unit: Uint32Array.from(rows, (r) => r.u), category: Uint16Array.from(rows, (r) => r.c), month: Uint16Array.from(rows, (r) => r.m),
            status: Uint8Array.from(rows, (r) => r.s), due: Float64Array.from(rows, (r) => (r.late ? 0 : 100)),
            unitOfficer: Uint32Array.of(0, 1, 2, 3, 4, 5), unitStation: Uint32Array.of(0, 0, 1, 1, 2, 2), unitCounty: Uint32Array.of(0, 0, 0, 0, 1, 1),
            officers: ['o0', 'o1', 'o2', 'o3', 'o4', 'o5'], stations: ['s0', 's1', 's2'], counties: ['c0', 'c1'], categories: ['k0', 'k1', 'k2'], months: ['m0', 'm1', 'm2'],
          });
          const [got, again] = rollups(cols, [by, by], { asOf: 50 });
          expect(again).toEqual(got);
          const keyOf = (r: (typeof rows)[number]) =>
            by.map((d) => (d === 'officer' ? `o${r.u}` : d === 'station' ? `s${[0, 0, 1, 1, 2, 2][r.u]}` : d === 'county' ? `c${[0, 0, 0, 0, 1, 1][r.u]}` : d === 'category' ? `k${r.c}` : d === 'month' ? `m${r.m}` : '')).join('|');
          const naive = new Map<string, { dispatched: number; done: number; overdue: number; denominator: number }>();
          for (const r of rows) {
            const k = keyOf(r);
            const g = naive.get(k) ?? { dispatched: 0, done: 0, overdue: 0, denominator: 0 };
            g.dispatched++;
            if (r.s === 2 || r.s === 3) g.done++;
            if (r.s < 2 && r.late) g.overdue++;
            if (r.s < 4) g.denominator++;
            naive.set(k, g);
          }
          expect(got!.length).toBe(naive.size);
          for (const row of got!) {
            const k = by.map((d) => (d === 'city' ? '' : (row as unknown as Record<string, string>)[d])).join('|');
            expect({ dispatched: row.dispatched, done: row.done, overdue: row.overdue, denominator: row.denominator }).toEqual(naive.get(k));
          }
          expect(got!.reduce((s, r) => s + r.dispatched, 0)).toBe(n);
        },
      ),
    );
  });
});

describe('laggards', () => {
  test('overdue first, then the lowest completion, exactly; complete units are not laggards', () => {
    const rows = [
      { id: 'a', overdue: 0, done: 19, denominator: 20 },
      { id: 'b', overdue: 2, done: 18, denominator: 20 },
      { id: 'c', overdue: 0, done: 20, denominator: 20 },
      { id: 'd', overdue: 0, done: 94, denominator: 100 },
      { id: 'e', overdue: 0, done: 0, denominator: 0 },
      { id: 'f', overdue: 2, done: 5, denominator: 10 },
    ].map((r) => ({ ...r, dispatched: r.denominator, open: 0, returned: 0, fedBack: 0, verified: r.done, exempt: 0, cancelled: 0, rate: '' }));
    expect(laggards(rows).map((r) => r.id)).toEqual(['f', 'b', 'd', 'a']);
    expect(laggards(rows, { below: 0.95 }).map((r) => r.id)).toEqual(['f', 'b', 'd']); // 19/20 = 95% is not below
    expect(laggards(rows, { limit: 1 }).map((r) => r.id)).toEqual(['f']);
    expect([...rows].sort(compareForSupervision).at(-1)!.id).toBe('e');
    expect(() => laggards(rows, { below: 95 })).toThrow(/options\.below/);
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
    expect(() => orderColumns({ ...ok, status: Uint8Array.of(9), unit: Uint32Array.of(0), category: Uint16Array.of(0), month: Uint16Array.of(0), due: Float64Array.of(0) })).toThrow(/input\.unit/);
    expect(() => columnsFromOrders([{ id: 'x' } as never])).toThrow(/orders\[0\]/);
  });
});
