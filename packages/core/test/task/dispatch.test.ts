import { describe, expect, test } from 'vitest';
import {
  createItem,
  createMemoryStore,
  dispatchMonth,
  dispatchMonthToStore,
  dispatchOnEvent,
  loadCatalog,
  reassignOnLeave,
  reassignOnLeaveInStore,
  replay,
  snapshotSchema,
  taskOrderLoop,
  taskStoreSpec,
} from '@bihuan/core';
import { catalog, cityCatalog, cityRoster, officer, send } from './fixtures.js';

const AT = '2025-10-01T08:00:00+08:00';

describe('monthly dispatch (下单)', () => {
  test('every template due this month, point to point, to every officer it applies to', () => {
    const { orders, skipped } = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT });
    expect(skipped).toBe(0);
    const ids = (who: string) => orders.filter((o) => o.data.officer === who).map((o) => o.data.template.id);
    // October opens Q4 (the quarterly drill) and is the once-task's month; the school task is urban only.
    expect(ids('wang')).toEqual(['hotels', 'visits', 'schools', 'drill', 'setup']);
    expect(ids('li')).toEqual(['hotels', 'visits', 'drill', 'setup']);
    const drill = orders.find((o) => o.id === '2025-Q4:drill:wang')!;
    expect(drill.data).toMatchObject({ month: '2025-10', period: '2025-Q4', due: '2025-12-31T16:00:00.000Z', station: 'dg', county: 'hg', community: '文化里社区' });
    expect(orders.find((o) => o.id === '2025-10:hotels:wang')!.data.due).toBe('2025-10-24T16:00:00.000Z');
    const nov = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-11', at: '2025-11-01T08:00:00+08:00' }).orders;
    expect(nov.map((o) => o.id)).toEqual(['2025-11:hotels:wang', '2025-11:visits:wang', '2025-11:schools:wang', '2025-11:hotels:li', '2025-11:visits:li', '2025-11:hotels:zhao', '2025-11:visits:zhao', '2025-11:schools:zhao']);
  });

  test('orders are the same loop items createItem would make, valid snapshots that replay', () => {
    const { orders } = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT });
    for (const o of orders) {
      expect(createItem(taskOrderLoop, { id: o.id, data: o.data, actor: { id: 'dispatcher', role: 'dispatcher' }, at: AT })).toEqual(o);
      expect(snapshotSchema(taskOrderLoop).safeParse(o).success).toBe(true);
      expect(replay(taskOrderLoop, o.history)).toEqual(o);
    }
  });

  test('dispatching a month twice creates nothing twice (pure and in the store)', async () => {
    const first = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT });
    const again = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: '2025-10-02T08:00:00+08:00', existing: new Set(first.orders.map((o) => o.id)) });
    expect(again).toEqual({ orders: [], skipped: 14 });
    const store = createMemoryStore(taskStoreSpec);
    const a = await dispatchMonthToStore(store, { catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT });
    const b = await dispatchMonthToStore(store, { catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT });
    expect([a.orders.length, b.orders.length, b.skipped]).toEqual([14, 0, 14]);
    expect(await store.count('orders')).toBe(14);
    // A new officer mid-month gets theirs on the next run; the others' are untouched.
    const grown = cityRoster({ officers: [...cityRoster().officers, { id: 'sun', name: '孙敏', station: 'xg', community: '新社区', communityType: 'rural', from: '2025-10-10' }] });
    const c = await dispatchMonthToStore(store, { catalog: catalog(), roster: grown, month: '2025-10', at: '2025-10-10T09:00:00+08:00' });
    expect(c.orders.map((o) => o.id)).toEqual(['2025-10:hotels:sun', '2025-10:visits:sun', '2025-Q4:drill:sun', '2025-10:setup:sun']);
    expect(await store.count('orders')).toBe(18);
  });

  test('a new catalog version applies from the next dispatch, never rewriting orders made', () => {
    const v1 = catalog();
    const oct = dispatchMonth({ catalog: v1, roster: cityRoster(), month: '2025-10', at: AT }).orders;
    const v2input = cityCatalog({ version: 2, effectiveFrom: '2025-11' });
    (v2input.templates[0] as { title: string }).title = '旅馆业及民宿检查';
    const v2 = loadCatalog(v2input);
    expect(() => dispatchMonth({ catalog: v2, roster: cityRoster(), month: '2025-10', at: AT })).toThrow(/input\.month/);
    const nov = dispatchMonth({ catalog: v2, roster: cityRoster(), month: '2025-11', at: '2025-11-01T08:00:00+08:00' }).orders;
    expect(nov[0]!.data.template).toMatchObject({ title: { 'zh-CN': '旅馆业及民宿检查' }, catalog: { id: 'qhd', version: 2 } });
    expect(oct[0]!.data.template).toMatchObject({ title: { 'zh-CN': '旅馆业检查' }, catalog: { id: 'qhd', version: 1 } });
  });

  test('officers who left before the dispatch get nothing; on-event orders one at a time', () => {
    const roster = cityRoster({ officers: [...cityRoster().officers.slice(0, 2), { id: 'zhao', name: '赵志强', station: 'xg', community: '红旗路社区', until: '2025-09-30' }] });
    expect(dispatchMonth({ catalog: catalog(), roster, month: '2025-10', at: AT }).orders.some((o) => o.data.officer === 'zhao')).toBe(false);
    const o = dispatchOnEvent({ catalog: catalog(), roster, template: 'event', officer: 'wang', event: 'marathon-2025', at: '2025-09-30T10:00:00+08:00' });
    expect(o.id).toBe('marathon-2025:event:wang');
    expect(o.data).toMatchObject({ period: 'marathon-2025', month: '2025-09', due: '2025-10-10T16:00:00.000Z' });
    expect(() => dispatchOnEvent({ catalog: catalog(), roster, template: 'hotels', officer: 'wang', event: 'x', at: AT })).toThrow(/input\.template/);
  });
});

describe('reassignment when an officer leaves', () => {
  test('open orders go to a colleague with history; finished ones stay', async () => {
    let orders = dispatchMonth({ catalog: catalog(), roster: cityRoster(), month: '2025-10', at: AT }).orders.filter((o) => o.data.officer === 'wang');
    orders = orders.map((o) => (o.data.template.id === 'hotels' ? send(o, 'feedback', officer('wang'), '2025-10-10T09:00:00+08:00', { values: { hotels: 3 } }) : o));
    const { reassigned, refused } = reassignOnLeave({ orders, roster: cityRoster(), from: 'wang', to: 'zhao', reason: '调离', at: '2025-10-15T09:00:00+08:00' });
    expect(refused).toEqual([]);
    expect(reassigned.map((o) => o.data.template.id)).toEqual(['visits', 'schools', 'drill', 'setup']);
    const moved = reassigned[0]!;
    expect(moved.id).toBe('2025-10:visits:wang'); // the id keeps where it came from
    expect(moved.data).toMatchObject({ officer: 'zhao', station: 'xg', county: 'hg', community: '红旗路社区' });
    expect(moved.data.reassignments).toEqual([{ from: 'wang', to: 'zhao', reason: '调离', at: '2025-10-15T09:00:00+08:00', by: 'dispatcher' }]);
    expect(moved.history.at(-1)).toMatchObject({ type: 'reassign', from: 'dispatched', to: 'dispatched' });
    expect(replay(taskOrderLoop, moved.history)).toEqual(moved);
    // Only the new officer may feed it back now.
    send(moved, 'feedback', officer('zhao'), '2025-10-16T09:00:00+08:00', { values: { place: '某小区', photos: ['a.jpg', 'b.jpg'] } });

    const store = createMemoryStore(taskStoreSpec);
    await store.bulkPut('orders', orders);
    const r = await reassignOnLeaveInStore(store, { roster: cityRoster(), from: 'wang', to: 'li', reason: '退休', at: '2025-10-15T09:00:00+08:00' });
    expect(r.reassigned).toHaveLength(4);
    expect((await store.all('orders', { index: 'officer', equals: 'li' })).items).toHaveLength(4);
    expect((await store.get('orders', '2025-10:hotels:wang'))!.data.officer).toBe('wang');
  });
});
