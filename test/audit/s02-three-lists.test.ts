// S2 — the three lists of a police station (三个清单): 东港派出所 adopts its duty list (prevention
// first), its task list (the community-policing catalog of S1) and its negative list, then works by
// them for a week. Out-of-rule variants: refused, each with its rule, nothing stored.
import { describe, expect, test } from 'vitest';
import { createMemoryStore } from '@bihuan/core/store';
import { NegativeListRefusal, checkNegativeList, threeLists } from '@bihuan/core/three-lists';
import { dispatchMonthToStore, loadRoster, taskStoreSpec } from '@bihuan/core/task';
import { exampleCatalog, exampleDutyList, exampleNegativeList } from '@bihuan/core/examples';

const roster = loadRoster({
  id: 'dg-2026',
  city: { id: 'qhd', name: '秦皇岛市' },
  counties: [{ id: 'hg', name: '海港区' }],
  stations: [{ id: 'dg', name: '东港派出所', county: 'hg' }],
  officers: [
    { id: 'wang', name: '王海涛', station: 'dg', community: '文化里社区', communityType: 'urban' },
    { id: 'li', name: '李秀英', station: 'dg', community: '海阳社区', communityType: 'rural', until: '2026-03-02' },
  ],
});

describe('S2: 东港派出所 works by its three lists', () => {
  const lists = () => threeLists(exampleDutyList('dg'), exampleCatalog(), exampleNegativeList('dg'));

  test('prevention first; the task list is dispatched to the officers who are there; intakes checked against the negative list', async () => {
    const { duties, tasks, negative } = lists();
    expect(duties.duties[0]!.kind).toBe('prevention');
    expect([tasks.categories.length, tasks.templates.length]).toEqual([6, 103]);
    // The task list goes out for March, on Friday 02-27: only to 王海涛 (李秀英 retires on 03-02).
    const store = createMemoryStore(taskStoreSpec);
    const march = await dispatchMonthToStore(store, { catalog: tasks, roster, month: '2026-03', at: '2026-02-27T16:00:00+08:00' });
    expect(new Set(march.orders.map((o) => o.data.officer))).toEqual(new Set(['wang']));
    // Monday 03-02 at the station's counter: a neighbours' noise quarrel is the station's; a wage
    // arrears case and a 60,000-yuan consumer dispute are not, each sent where it belongs.
    expect(checkNegativeList(negative, { kind: 'noise', unit: 'dg' })).toEqual({ ok: true });
    const wages = checkNegativeList(negative, { kind: 'labour', unit: 'dg' });
    expect(wages.ok ? null : [wages.rule.id, wages.reason['zh-CN']]).toEqual(['labour-disputes', '不得受理：违反负面清单“劳动争议不由派出所处理”（劳动争议调解仲裁法），请引导至劳动人事争议仲裁委员会']);
    const shop = checkNegativeList(negative, { kind: 'consumer', amount: 60_000, unit: 'dg' });
    expect(shop.ok ? null : shop.rule.id).toBe('consumer-large');
    expect(checkNegativeList(negative, { kind: 'consumer', amount: 800, unit: 'dg' })).toEqual({ ok: true });
    // A host that prefers to throw.
    if (!wages.ok) expect(new NegativeListRefusal(wages)).toMatchObject({ code: 'negative_list', rule: { id: 'labour-disputes' } });
  });

  test('out of rule: another station’s list, another unit’s intake, an economic crime taken on', async () => {
    const { negative } = lists();
    // The three lists are one station's: a negative list of 西港 does not go with 东港's duties.
    expect(() => threeLists(exampleDutyList('dg'), exampleCatalog(), exampleNegativeList('xg'))).toThrow(/argument negative\.unit/);
    // 西港's intake is not checked against 东港's list (own_list).
    expect(() => checkNegativeList(negative, { kind: 'noise', unit: 'xg' })).toThrow(/intake\.unit.*own_list/);
    // An economic crime is for the county's specialist unit.
    expect(checkNegativeList(negative, { kind: 'economicCrime', unit: 'dg' })).toMatchObject({ ok: false, rule: { id: 'serious-crimes' } });
    // A dispatch in 2099 or after the month is over: refused, nothing stored.
    const store = createMemoryStore(taskStoreSpec);
    await expect(dispatchMonthToStore(store, { catalog: exampleCatalog(), roster, month: '2026-03', at: '2026-04-02T09:00:00+08:00' })).rejects.toMatchObject({ argument: 'input.at' });
    expect(await store.count('orders')).toBe(0);
  });
});
