// S1 — the community-policing task loop (秦皇岛): a month of orders at 海港区's two stations, walked as
// the county office and its officers would, with an officer retiring, one arriving and one transferred.
// Then every out-of-rule variant, each refused with its own code and rule, the store left as it was.
import { describe, expect, test } from 'vitest';
import { createMemoryStore, applyLoopEvent } from '@bihuan/core/store';
import { transition } from '@bihuan/core/loop';
import {
  type TaskOrder,
  TaskOrderRefusal,
  dispatchMonthToStore,
  dispatchOnEvent,
  loadCatalog,
  loadRoster,
  reassignOnLeaveInStore,
  taskOrderLoop,
  taskStoreSpec,
} from '@bihuan/core/task';

const catalog = loadCatalog({
  id: 'qhd',
  version: 1,
  name: '秦皇岛市社区警务标准化任务清单',
  effectiveFrom: '2026-01',
  categories: [
    { id: 'elements', name: '治安要素' },
    { id: 'control', name: '基础管控' },
    { id: 'visits', name: '入户宣传' },
  ],
  templates: [
    { id: 'hotels', category: 'elements', title: '旅馆业治安检查', asks: '检查辖区旅馆、民宿', frequency: 'monthly', due: { kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'before' }, done: [{ kind: 'count', id: 'hotels', label: '检查家数', min: 1 }] },
    { id: 'households', category: 'visits', title: '入户走访宣传', asks: '走访辖区住户', frequency: 'monthly', due: { kind: 'lastWorkingDay' }, done: [{ kind: 'count', id: 'households', label: '走访户数', min: 1 }, { kind: 'evidence', id: 'photos', label: '照片', minItems: 1 }] },
    { id: 'schools', category: 'control', title: '校园护学岗', asks: '上下学时段护学', frequency: 'monthly', appliesTo: { communityTypes: ['urban'] }, due: { kind: 'workingDay', n: 10 }, done: [{ kind: 'note', id: 'note', label: '情况' }], mayBeNotApplicable: true },
    { id: 'event', category: 'control', title: '大型活动安保', asks: '按活动派发', frequency: 'onEvent', due: { kind: 'withinWorkingDays', n: 2 }, done: [{ kind: 'note', id: 'note', label: '情况' }] },
  ],
});

// 海港区: 东港 and 西港 stations. 周立 was transferred out on 01-31; 李秀英 retires on 03-02;
// 孙敏 joins 西港 on 03-10.
const roster = loadRoster({
  id: 'qhd-2026',
  city: { id: 'qhd', name: '秦皇岛市' },
  counties: [{ id: 'hg', name: '海港区' }],
  stations: [{ id: 'dg', name: '东港派出所', county: 'hg' }, { id: 'xg', name: '西港派出所', county: 'hg' }],
  officers: [
    { id: 'wang', name: '王海涛', station: 'dg', community: '文化里社区', communityType: 'urban' },
    { id: 'li', name: '李秀英', station: 'dg', community: '海阳社区', communityType: 'rural', until: '2026-03-02' },
    { id: 'zhao', name: '赵志强', station: 'xg', community: '红旗路社区', communityType: 'urban' },
    { id: 'ma', name: '马超', station: 'xg', community: '建设里社区', communityType: 'urban' },
    { id: 'zhou', name: '周立', station: 'xg', community: '港城社区', communityType: 'urban', until: '2026-01-31' },
    { id: 'sun', name: '孙敏', station: 'xg', community: '新村', communityType: 'rural', from: '2026-03-10' },
  ],
});

const dispatcher = { id: 'hg-platform', role: 'dispatcher' as const, unit: 'hg' };
const countyChief = { id: 'hg-chief-liu', role: 'supervisor' as const, unit: 'hg', name: '刘志国' };
const officer = (id: string) => ({ id, role: 'officer' as const, unit: roster.officers.find((o) => o.id === id)!.station });

async function office() {
  const store = createMemoryStore(taskStoreSpec);
  // Friday 02-27, 16:00: the platform dispatches March ahead of the month.
  const march = await dispatchMonthToStore(store, { catalog, roster, month: '2026-03', at: '2026-02-27T16:00:00+08:00', actor: dispatcher });
  return { store, march };
}

const ids = async (store: Awaited<ReturnType<typeof office>>['store']) => (await store.all('orders')).items.map((o) => `${o.id}@${o.data.officer}:${o.state}`);

describe('S1: a month of task orders at 海港区', () => {
  test('dispatch → feedback → supervision, with the roster as it stands', async () => {
    const { store, march } = await office();
    // 李秀英 retires on 03-02: no March order due after it; 周立 has gone; 孙敏 is not yet there.
    expect(march.orders.map((o) => o.id)).toEqual([
      '2026-03:hotels:wang', '2026-03:households:wang', '2026-03:schools:wang',
      '2026-03:hotels:zhao', '2026-03:households:zhao', '2026-03:schools:zhao',
      '2026-03:hotels:ma', '2026-03:households:ma', '2026-03:schools:ma',
    ]);
    // 王海涛 feeds back his hotel checks on Tuesday 03-10; the county office verifies on 03-11.
    const fed = await applyLoopEvent(store, 'orders', taskOrderLoop, '2026-03:hotels:wang', { type: 'feedback', actor: officer('wang'), at: '2026-03-10T15:20:00+08:00', payload: { values: { hotels: 6 } } });
    expect(fed.ok).toBe(true);
    const verified = await applyLoopEvent(store, 'orders', taskOrderLoop, '2026-03:hotels:wang', { type: 'verify', actor: countyChief, at: '2026-03-11T09:05:00+08:00' });
    expect(verified.ok && verified.snapshot.state).toBe('verified');
    // 马超's community has no school: he marks it not applicable himself.
    const r = await applyLoopEvent(store, 'orders', taskOrderLoop, '2026-03:schools:ma', { type: 'exempt', actor: officer('ma'), at: '2026-03-02T08:40:00+08:00', payload: { reason: '建设里社区辖区内无中小学' } });
    expect(r.ok && r.snapshot.data.exemption).toMatchObject({ by: 'ma' });
    // 孙敏 arrives on 03-10: the platform's run that day gives her what is still due after it.
    const late = await dispatchMonthToStore(store, { catalog, roster, month: '2026-03', at: '2026-03-10T08:30:00+08:00', actor: dispatcher });
    expect(late.orders.map((o) => o.id)).toEqual(['2026-03:hotels:sun', '2026-03:households:sun']);
    // 马超 is transferred on Monday 03-16: his open orders go to 孙敏, still 建设里社区's.
    const moved = await reassignOnLeaveInStore(store, { roster, from: 'ma', to: 'sun', reason: '马超调任刑侦大队', at: '2026-03-16T09:00:00+08:00', actor: countyChief });
    expect(moved.refused).toEqual([]);
    expect(moved.reassigned.map((o) => [o.id, o.data.officer, o.data.community, o.data.station])).toEqual([
      ['2026-03:hotels:ma', 'sun', '建设里社区', 'xg'],
      ['2026-03:households:ma', 'sun', '建设里社区', 'xg'],
    ]);
    // The 元宵 lantern fair on Tuesday 03-03: an on-event order for 赵志强, due in two working days
    // (Wednesday and Thursday: 24:00 of 03-05, China time).
    const fair = dispatchOnEvent({ catalog, roster, template: 'event', officer: 'zhao', event: 'lantern-2026', at: '2026-03-03T10:00:00+08:00', actor: dispatcher });
    expect([fair.id, fair.data.due]).toEqual(['lantern-2026:event:zhao', '2026-03-05T16:00:00.000Z']);
  });

  test('out of rule: each refused with its code and rule, the store unchanged', async () => {
    const { store } = await office();
    await applyLoopEvent(store, 'orders', taskOrderLoop, '2026-03:hotels:zhao', { type: 'feedback', actor: officer('zhao'), at: '2026-03-09T16:00:00+08:00', payload: { values: { hotels: 3 } } });
    const before = await ids(store);
    const stored = (await store.all('orders')).items;
    const refusedWith = async (id: string, event: Parameters<typeof transition>[2], code: string, rule: string) => {
      const r = await applyLoopEvent(store, 'orders', taskOrderLoop, id, event as never);
      expect(r.ok ? 'accepted' : `${r.reason.code}/${(r.reason as { rule?: string }).rule ?? '-'}`).toBe(`${code}/${rule}`);
    };
    // 马超 takes 王海涛's school order out of 王海涛's rate.
    await refusedWith('2026-03:schools:wang', { type: 'exempt', actor: officer('ma'), at: '2026-03-02T09:00:00+08:00', payload: { reason: '无学校' } }, 'guard_failed', 'assignee_only');
    // 马超 feeds back 王海涛's order.
    await refusedWith('2026-03:hotels:wang', { type: 'feedback', actor: officer('ma'), at: '2026-03-02T09:00:00+08:00', payload: { values: { hotels: 1 } } }, 'guard_failed', 'assignee_only');
    // 赵志强, signed in as a supervisor, verifies his own feedback; cancels his own order.
    await refusedWith('2026-03:hotels:zhao', { type: 'verify', actor: { id: 'zhao', role: 'supervisor', unit: 'xg' }, at: '2026-03-10T09:00:00+08:00' }, 'guard_failed', 'not_own_order');
    await refusedWith('2026-03:households:zhao', { type: 'cancel', actor: { id: 'zhao', role: 'supervisor', unit: 'xg' }, at: '2026-03-10T09:00:00+08:00', payload: { reason: '不做了' } }, 'guard_failed', 'not_own_order');
    // An officer may not verify at all; a school order an officer may not exempt is the supervisor's.
    await refusedWith('2026-03:hotels:zhao', { type: 'verify', actor: officer('wang'), at: '2026-03-10T09:00:00+08:00' }, 'role_not_allowed', '-');
    await refusedWith('2026-03:hotels:wang', { type: 'exempt', actor: officer('wang'), at: '2026-03-02T09:00:00+08:00', payload: { reason: '无旅馆' } }, 'guard_failed', 'may_be_not_applicable');
    // Reassigned to 周立, who left on 01-31 (on 03-15): refused for every order.
    const gone = await reassignOnLeaveInStore(store, { roster, from: 'ma', to: 'zhou', reason: '调离', at: '2026-03-15T09:00:00+08:00', actor: countyChief });
    expect([gone.reassigned.length, [...new Set(gone.refused.map((x) => `${x.reason.code}/${x.reason.rule}`))]]).toEqual([0, ['guard_failed/on_roster']]);
    // Reassigned to 李秀英 (until 03-02) on 03-01: the orders fall due after she leaves.
    const leaving = await reassignOnLeaveInStore(store, { roster, from: 'ma', to: 'li', reason: '调离', at: '2026-03-01T09:00:00+08:00', actor: countyChief });
    expect(leaving.refused.map((x) => x.reason.message['zh-CN'])).toContain('李秀英（li）在名册上至 2026-03-02，不能接收 2026-03-25 到期的任务');
    // A reassignment that would move the order to the new officer's community.
    const order = (await store.get('orders', '2026-03:hotels:ma')) as TaskOrder;
    const moved = transition(taskOrderLoop, order, { type: 'reassign', actor: countyChief, at: '2026-03-16T09:00:00+08:00', payload: { officer: 'sun', reason: '调离', community: '新村' } }, { roster });
    expect(moved.ok ? '' : `${moved.reason.code}/${moved.reason.rule}/${moved.reason.field}`).toBe('guard_failed/community_kept/community');
    // An on-event order for 李秀英, due after she retires.
    expect(() => dispatchOnEvent({ catalog, roster, template: 'event', officer: 'li', event: 'lantern-2026', at: '2026-03-02T10:00:00+08:00' })).toThrow(TaskOrderRefusal);
    // A March dispatch on 04-01 (every order born overdue), or in 2099.
    await expect(dispatchMonthToStore(store, { catalog, roster, month: '2026-03', at: '2026-04-01T09:00:00+08:00' })).rejects.toMatchObject({ code: 'invalid_argument', argument: 'input.at' });
    await expect(dispatchMonthToStore(store, { catalog, roster, month: '2026-03', at: '2099-03-01T09:00:00+08:00' })).rejects.toMatchObject({ argument: 'input.at' });
    // Nothing of it reached the store.
    expect(await ids(store)).toEqual(before);
    expect((await store.all('orders')).items).toEqual(stored);
  });
});
