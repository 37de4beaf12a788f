// S10 — cadence: monthly dispatch, a weekly review meeting, a month-end analysis. Every review reads
// the roll-up as it stood at the meeting, and a later look at that week gives the same figures.
// Walked as a county police station's October; then the ways a rate could be gamed or misread.
import { describe, expect, test } from 'vitest';
import { replay, transition } from '@bihuan/core/loop';
import { InvalidArgumentError } from '@bihuan/core/schema';
import { type TaskOrder, columnsFromOrders, dispatchMonth, loadCatalog, loadRoster, rollup, rollupOrders, taskOrderLoop } from '@bihuan/core/task';

const catalog = loadCatalog({
  id: 'zx',
  version: 1,
  name: '振兴区社区警务任务清单',
  effectiveFrom: '2025-01',
  categories: [{ id: 'elements', name: '治安要素' }, { id: 'visits', name: '入户宣传' }],
  templates: [
    // Due the 25th; 2025-10-25 is a Saturday, so Friday the 24th (due at its end, 24:00 China time).
    { id: 'hotels', category: 'elements', title: '旅馆业检查', asks: '检查辖区旅馆', frequency: 'monthly', due: { kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'before' }, done: [{ kind: 'count', id: 'hotels', label: '检查家数', min: 1 }] },
    // Due the last working day: Friday the 31st.
    { id: 'households', category: 'visits', title: '入户走访', asks: '走访并拍照', frequency: 'monthly', due: { kind: 'lastWorkingDay' }, done: [{ kind: 'note', id: 'note', label: '走访情况' }, { kind: 'evidence', id: 'photos', label: '走访照片', minItems: 2 }] },
  ],
});
const roster = loadRoster({
  id: 'zx',
  city: { id: 'dd', name: '丹东市' },
  counties: [{ id: 'zx', name: '振兴区' }],
  stations: [{ id: 'zhanqian', name: '站前派出所', county: 'zx' }, { id: 'linjiang', name: '临江派出所', county: 'zx' }],
  officers: [
    { id: 'wang', name: '王海涛', station: 'zhanqian', community: '站前社区', communityType: 'urban' },
    { id: 'li', name: '李秀英', station: 'zhanqian', community: '六纬路社区', communityType: 'urban' },
    { id: 'zhao', name: '赵志强', station: 'linjiang', community: '江城社区', communityType: 'urban' },
  ],
});

const supervisor = { id: 'chief-sun', role: 'supervisor' as const, unit: '振兴分局指挥中心' };
const officer = (id: string) => ({ id, role: 'officer' as const, unit: id === 'zhao' ? 'linjiang' : 'zhanqian' });
const at = (day: number, time = '09:00') => `2025-10-${String(day).padStart(2, '0')}T${time}:00+08:00`;
const friday = (day: number) => at(day, '16:00'); // the weekly review meeting

function send(order: TaskOrder, type: string, actor: { id: string; role: string }, when: string, payload?: unknown): TaskOrder {
  const r = transition(taskOrderLoop, order, { type, actor, at: when, ...(payload === undefined ? {} : { payload }) } as never);
  if (!r.ok) throw new Error(`${type} refused: ${r.reason.message.en}`);
  return r.snapshot as TaskOrder;
}

/** October: dispatched on the first working day after National Day, then the month's work. */
function october() {
  const dispatched = dispatchMonth({ catalog, roster, month: '2025-10', at: at(9, '08:30') }).orders;
  const byId = new Map(dispatched.map((o) => [o.id, o]));
  const act = (id: string, f: (o: TaskOrder) => TaskOrder) => byId.set(id, f(byId.get(id)!));
  act('2025-10:hotels:wang', (o) => send(o, 'feedback', officer('wang'), at(15), { values: { hotels: 6 } }));
  act('2025-10:households:li', (o) => send(o, 'exempt', supervisor, at(20), { reason: '六纬路社区本月整体拆迁，无住户可走访' }));
  act('2025-10:hotels:li', (o) => send(o, 'feedback', officer('li'), at(27), { values: { hotels: 4 } })); // after the 24th: late
  act('2025-10:hotels:zhao', (o) => send(o, 'cancel', supervisor, at(28), { reason: '临江辖区旅馆已停业' })); // after it fell due
  act('2025-10:households:wang', (o) => send(o, 'feedback', officer('wang'), at(30), { values: { note: '走访 32 户', photos: ['zq-1030-01.jpg', 'zq-1030-02.jpg'] } }));
  act('2025-10:households:zhao', (o) => send(o, 'feedback', officer('zhao'), at(31, '10:00'), { values: { note: '走访 18 户', photos: ['lj-1031-01.jpg', 'lj-1031-02.jpg'] } }));
  return { dispatched, orders: [...byId.values()] };
}

describe('S10 as a station’s October runs', () => {
  test('monthly dispatch: every officer gets the month’s orders at once', () => {
    const { dispatched } = october();
    expect(dispatched.map((o) => o.id).sort()).toEqual(['2025-10:hotels:li', '2025-10:hotels:wang', '2025-10:hotels:zhao', '2025-10:households:li', '2025-10:households:wang', '2025-10:households:zhao']);
  });

  test('each Friday’s review reads the month as it stood at the meeting', () => {
    const { orders } = october();
    const city = (d: string) => rollupOrders(orders, [['city']], { asOf: d })[0]![0]!;
    expect(city(friday(17))).toMatchObject({ dispatched: 6, done: 1, overdue: 0, denominator: 6, rate: '16.67%', onTimeRate: '16.67%' });
    // li's household visits were exempted on the 20th, before they fell due: out of the denominator.
    expect(city(friday(24))).toMatchObject({ done: 1, exempt: 1, withdrawnLate: 0, overdue: 0, denominator: 5, rate: '20%' });
    // Month end: li's hotels came in late and zhao's were cancelled after falling due — it stays.
    expect(city(friday(31))).toMatchObject({ done: 4, onTime: 3, late: 1, cancelled: 1, withdrawnLate: 1, overdue: 0, denominator: 5, rate: '80%', onTimeRate: '60%' });
  });

  test('the month-end analysis looks back: every week as it stood, by station, from the same orders', () => {
    const { orders } = october();
    const weeks = [17, 24, 31].map((d) => rollupOrders(orders, [['station']], { asOf: friday(d) })[0]!.map((r) => `${r.station} ${r.done}/${r.denominator} ${r.rate} 按时 ${r.onTimeRate}`));
    expect(weeks).toEqual([
      ['linjiang 0/2 0% 按时 0%', 'zhanqian 1/4 25% 按时 25%'],
      ['linjiang 0/2 0% 按时 0%', 'zhanqian 1/3 33.33% 按时 33.33%'],
      ['linjiang 1/2 50% 按时 50%', 'zhanqian 3/3 100% 按时 66.67%'],
    ]);
    // The figures the meeting of the 24th saw are the figures a look back on Nov 7 gets.
    const heldThen = rollupOrders(october().orders.map((o) => cut(o, friday(24))), [['station'], ['city']], { asOf: friday(24) });
    expect(rollupOrders(orders, [['station'], ['city']], { asOf: friday(24) })).toEqual(heldThen);
  });
});

/** An order as it was at a moment: its history up to then, replayed by the engine. */
const cut = (order: TaskOrder, when: string): TaskOrder => replay(taskOrderLoop, order.history.filter((h) => Date.parse(h.at) <= Date.parse(when))) as TaskOrder;

describe('S10 out of rule: a rate that could be gamed or misread', () => {
  test('today’s columns asked about an earlier meeting are refused, naming options.asOf', () => {
    const cols = columnsFromOrders(october().orders);
    expect(() => rollup(cols, ['city'], { asOf: friday(17) })).toThrow(InvalidArgumentError);
    try {
      rollup(cols, ['city'], { asOf: friday(17) });
    } catch (e) {
      expect((e as InvalidArgumentError).argument).toBe('options.asOf');
    }
  });

  test('cancelling an overdue order after the due date does not lift the rate', () => {
    const { orders } = october();
    const before = rollupOrders(orders, [['station']], { asOf: at(27, '18:00') })[0]!.find((r) => r.station === 'linjiang')!;
    const after = rollupOrders(orders, [['station']], { asOf: at(29) })[0]!.find((r) => r.station === 'linjiang')!;
    expect([before.overdue, before.denominator, before.rate]).toEqual([1, 2, '0%']);
    expect([after.overdue, after.withdrawnLate, after.denominator, after.rate]).toEqual([0, 1, 2, '0%']);
  });

  test('one photo sent twice does not make the two the visit asks for (evidence_duplicate); the order is unchanged', () => {
    const order = october().dispatched.find((o) => o.id === '2025-10:households:li')!;
    const r = transition(taskOrderLoop, order, { type: 'feedback', actor: officer('li'), at: at(21), payload: { values: { note: '走访 5 户', photos: ['lw-01.jpg', 'lw-01.jpg'] } } });
    expect(r.ok ? undefined : [r.reason.code, r.reason.rule, r.reason.field]).toEqual(['guard_failed', 'evidence_duplicate', 'values.photos']);
    expect(order.state).toBe('dispatched');
  });
});
