import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
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
  TaskOrderRefusal,
  dueDayText,
  transition,
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
    // The order changes hands, not place: it stays 文化里社区's, of 东港派出所 (rule community_kept).
    expect(moved.data).toMatchObject({ officer: 'zhao', station: 'dg', county: 'hg', community: '文化里社区' });
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

describe('orders go only to people who are there (rule on_roster)', () => {
  // 王海涛 left on 01-31; 李秀英 leaves on 03-02; 孙敏 arrives on 03-10.
  const roster = () =>
    cityRoster({
      officers: [
        { id: 'wang', name: '王海涛', station: 'dg', community: '文化里社区', communityType: 'urban', until: '2026-01-31' },
        { id: 'li', name: '李秀英', station: 'dg', community: '海阳社区', communityType: 'rural', until: '2026-03-02' },
        { id: 'zhao', name: '赵志强', station: 'xg', community: '红旗路社区', communityType: 'urban' },
        { id: 'sun', name: '孙敏', station: 'xg', community: '新村', communityType: 'rural', from: '2026-03-10' },
      ],
    });
  const MARCH = '2026-03-01T08:30:00+08:00';

  test('monthly dispatch: an officer whose until is 03-02 gets no March order due 03-25; one arriving 03-10 gets none before', () => {
    const march = dispatchMonth({ catalog: catalog(), roster: roster(), month: '2026-03', at: MARCH }).orders;
    const of = (who: string) => march.filter((o) => o.data.officer === who).map((o) => o.id);
    expect(of('wang')).toEqual([]);
    expect(of('li')).toEqual([]); // hotels due 03-25, visits 03-31: both after 03-02
    expect(of('sun')).toEqual([]);
    expect(of('zhao')).toEqual(['2026-03:hotels:zhao', '2026-03:visits:zhao', '2026-03:schools:zhao']);
    // Run again on sun's first day: the orders still due after it are theirs (the 3rd working day has passed).
    const later = dispatchMonth({ catalog: catalog(), roster: roster(), month: '2026-03', at: '2026-03-10T09:00:00+08:00', existing: new Set(march.map((o) => o.id)) }).orders;
    expect(later.map((o) => o.id)).toEqual(['2026-03:hotels:sun', '2026-03:visits:sun']); // a rural community: no school-gate duty
    // In February li is there through the due days.
    const feb = dispatchMonth({ catalog: catalog(), roster: roster(), month: '2026-02', at: '2026-02-01T08:30:00+08:00' }).orders;
    expect(feb.filter((o) => o.data.officer === 'li').map((o) => o.data.template.id)).toEqual(['hotels', 'visits']);
  });

  test('a month is dispatched at a time that makes sense: at most a month ahead, at the latest on its last day', () => {
    const at = (when: string) => () => dispatchMonth({ catalog: catalog(), roster: roster(), month: '2026-03', at: when });
    expect(at('2026-04-01T00:00:00+08:00')).toThrow(/argument input\.at must fall from 2026-01-29 to 2026-03-31/);
    expect(at('2026-01-28T23:59:00+08:00')).toThrow(/input\.at/);
    expect(at('2999-03-01T00:00:00+08:00')).toThrow(/input\.at/);
    expect(at('2026-03-31T23:59:00+08:00')().orders.map((o) => o.id)).toEqual(['2026-03:hotels:zhao', '2026-03:visits:zhao', '2026-03:schools:zhao', '2026-03:hotels:sun', '2026-03:visits:sun']);
    expect(at('2026-01-29T00:00:00+08:00')().orders.length).toBe(3); // li has left by the due days, sun not yet come
  });

  test('dispatchOnEvent: no order for an officer gone before its due day; refused with the rule, typed', () => {
    let thrown: unknown;
    try {
      dispatchOnEvent({ catalog: catalog(), roster: roster(), template: 'event', officer: 'li', event: 'lantern-2026', at: '2026-03-01T10:00:00+08:00' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TaskOrderRefusal);
    expect(thrown).toMatchObject({ code: 'guard_failed', rule: 'on_roster', field: 'officer' });
    expect((thrown as TaskOrderRefusal).text('zh-CN')).toContain('在名册上至 2026-03-02');
    expect(() => dispatchOnEvent({ catalog: catalog(), roster: roster(), template: 'event', officer: 'wang', event: 'lantern-2026', at: '2026-03-01T10:00:00+08:00' })).toThrow(TaskOrderRefusal);
    expect(() => dispatchOnEvent({ catalog: catalog(), roster: roster(), template: 'event', officer: 'sun', event: 'lantern-2026', at: '2026-03-01T10:00:00+08:00' })).toThrow(/joins the roster on 2026-03-10/);
    expect(dispatchOnEvent({ catalog: catalog(), roster: roster(), template: 'event', officer: 'zhao', event: 'lantern-2026', at: '2026-03-01T10:00:00+08:00' }).data.officer).toBe('zhao');
  });

  test('reassignOnLeave: never to an officer who left (01-31, reassigned on 03-15) or leaves before the due day; the orders stay as stored', async () => {
    const orders = dispatchMonth({ catalog: catalog(), roster: roster(), month: '2026-03', at: MARCH }).orders;
    const gone = reassignOnLeave({ orders, roster: roster(), from: 'zhao', to: 'wang', reason: '调离', at: '2026-03-15T09:00:00+08:00' });
    expect(gone.reassigned).toEqual([]);
    expect(gone.refused.map((r) => [r.id, r.reason.code, r.reason.rule, r.reason.field])).toEqual([
      ['2026-03:hotels:zhao', 'guard_failed', 'on_roster', 'officer'],
      ['2026-03:visits:zhao', 'guard_failed', 'on_roster', 'officer'],
      ['2026-03:schools:zhao', 'guard_failed', 'on_roster', 'officer'],
    ]);
    expect(gone.refused[0]!.reason.message.en).toBe('wang is on the roster until 2026-01-31: no order due on 2026-03-25');
    // Through the store: nothing written.
    const store = createMemoryStore(taskStoreSpec);
    await store.bulkPut('orders', orders);
    const before = await store.all('orders');
    const r = await reassignOnLeaveInStore(store, { roster: roster(), from: 'zhao', to: 'wang', reason: '调离', at: '2026-03-15T09:00:00+08:00' });
    expect([r.reassigned.length, r.refused.map((x) => x.reason.rule)]).toEqual([0, ['on_roster', 'on_roster', 'on_roster']]);
    expect(await store.all('orders')).toEqual(before);
    // sun has arrived by 03-15 and stays: the hand-over is accepted, the community kept.
    const ok = await reassignOnLeaveInStore(store, { roster: roster(), from: 'zhao', to: 'sun', reason: '调离', at: '2026-03-15T09:00:00+08:00' });
    // (the school-gate order, due 03-04, is past due: sun is there from the hand-over on.)
    expect(ok.reassigned.map((o) => [o.id, o.data.officer, o.data.community, o.data.station])).toEqual([
      ['2026-03:hotels:zhao', 'sun', '红旗路社区', 'xg'],
      ['2026-03:schools:zhao', 'sun', '红旗路社区', 'xg'],
      ['2026-03:visits:zhao', 'sun', '红旗路社区', 'xg'],
    ]);
    expect(ok.refused.map((x) => x.id)).toEqual([]);
  });

  test('the reassign event checks the roster it is given, and never rewrites the community', () => {
    const order = dispatchMonth({ catalog: catalog(), roster: roster(), month: '2026-03', at: MARCH }).orders.find((o) => o.id === '2026-03:hotels:zhao')!;
    const dispatcher = { id: 'dispatcher', role: 'dispatcher' as const };
    const at = '2026-03-15T09:00:00+08:00';
    const to = (officer: string, extra: object = {}) => transition(taskOrderLoop, order, { type: 'reassign', actor: dispatcher, at, payload: { officer, reason: '调离', ...extra } }, { roster: roster() });
    const rule = (r: ReturnType<typeof to>) => (r.ok ? 'ok' : `${r.reason.code}/${r.reason.rule}/${r.reason.field}`);
    expect(rule(to('wang'))).toBe('guard_failed/on_roster/officer');
    expect(rule(to('li'))).toBe('guard_failed/on_roster/officer');
    expect(rule(to('nobody'))).toBe('guard_failed/on_roster/officer');
    expect(rule(to('sun', { community: '新村' }))).toBe('guard_failed/community_kept/community');
    expect(rule(to('sun', { station: 'dg' }))).toBe('guard_failed/community_kept/station');
    expect(rule(to('sun', { community: '红旗路社区', station: 'xg', county: 'hg' }))).toBe('ok');
    const r = to('sun');
    expect(r.ok && r.snapshot.data).toMatchObject({ officer: 'sun', community: '红旗路社区', station: 'xg', county: 'hg' });
    expect(r.ok && replay(taskOrderLoop, r.snapshot.history, { roster: roster() })).toEqual(r.ok && r.snapshot);
  });
});

test('property: whatever the roster, an order goes to an officer exactly when they are there from its hand-over to its due day', () => {
  const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 0, 15 + n)).toISOString().slice(0, 10));
  const span = fc.record({ from: fc.option(day, { nil: undefined }), until: fc.option(day, { nil: undefined }) }).filter((o) => o.from === undefined || o.until === undefined || o.from <= o.until);
  fc.assert(
    fc.property(fc.array(span, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 60 }), (spans, offset) => {
      const at = new Date(Date.UTC(2026, 1, 1 + offset, 1)).toISOString(); // 2026-02-01 … 04-02, 09:00 China time
      const dispatchDay = at.slice(0, 10);
      if (dispatchDay < '2026-01-29' || dispatchDay > '2026-03-31') return; // outside the dispatch window: refused elsewhere
      const roster = cityRoster({ officers: spans.map((sp, i) => ({ id: `o${i}`, name: `民警${i}`, station: 'dg', community: `社区${i}`, communityType: 'rural', ...sp })) });
      const { orders } = dispatchMonth({ catalog: catalog(), roster, month: '2026-03', at });
      const start = dispatchDay < '2026-03-01' ? '2026-03-01' : dispatchDay;
      for (const [i, sp] of spans.entries()) {
        for (const template of ['hotels', 'visits']) {
          const given = orders.find((o) => o.data.officer === `o${i}` && o.data.template.id === template);
          const due = template === 'hotels' ? '2026-03-25' : '2026-03-31';
          const there = (sp.from === undefined || sp.from <= start) && (sp.until === undefined || sp.until >= (due > start ? due : start));
          expect(given !== undefined).toBe(there);
          if (given) expect(dueDayText(given.data.due)).toBe(due);
        }
      }
    }),
    { numRuns: 150, seed: 14 },
  );
});
