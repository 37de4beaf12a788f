import { type CatalogInput, type RosterInput, type TaskOrder, loadCatalog, loadRoster, transition, taskOrderLoop } from '@bihuan/core';
import { expect } from 'vitest';

/** A small city catalog, Chinese only as a city would write it, with every frequency and due rule. */
export function cityCatalog(overrides: Partial<CatalogInput> = {}): CatalogInput {
  return {
    id: 'qhd',
    version: 1,
    name: '秦皇岛市社区警务任务清单',
    effectiveFrom: '2025-01',
    categories: [
      { id: 'elements', name: '治安要素' },
      { id: 'control', name: '基础管控' },
    ],
    templates: [
      { id: 'hotels', category: 'elements', title: '旅馆业检查', asks: '检查辖区旅馆', frequency: 'monthly', due: { kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'before' }, done: [{ kind: 'count', id: 'hotels', label: '检查家数', min: 1 }, { kind: 'note', id: 'note', label: '备注', required: false }] },
      { id: 'visits', category: 'control', title: '重点人员见面', asks: '见面核查', frequency: 'monthly', due: { kind: 'lastWorkingDay' }, done: [{ kind: 'place', id: 'place', label: '见面地点' }, { kind: 'evidence', id: 'photos', label: '照片', minItems: 2 }] },
      { id: 'schools', category: 'elements', title: '护学岗', asks: '上下学护学', frequency: 'monthly', appliesTo: { communityTypes: ['urban'] }, due: { kind: 'workingDay', n: 3 }, done: [{ kind: 'note', id: 'note', label: '情况' }], mayBeNotApplicable: true },
      { id: 'drill', category: 'control', title: '应急演练', asks: '季度演练', frequency: 'quarterly', due: { kind: 'lastDay' }, done: [{ kind: 'evidence', id: 'photos', label: '照片' }] },
      { id: 'setup', category: 'control', title: '建立警务档案', asks: '一次性任务', frequency: 'once', month: '2025-10', due: { kind: 'dayOfMonth', day: 31 }, done: [{ kind: 'note', id: 'note', label: '情况' }] },
      { id: 'event', category: 'elements', title: '大型活动安保', asks: '按活动派发', frequency: 'onEvent', due: { kind: 'withinWorkingDays', n: 2 }, done: [{ kind: 'note', id: 'note', label: '情况' }] },
    ],
    ...overrides,
  };
}

export const catalog = () => loadCatalog(cityCatalog());

export function cityRoster(overrides: Partial<RosterInput> = {}) {
  return loadRoster({
    id: 'qhd',
    city: { id: 'qhd', name: '秦皇岛市' },
    counties: [{ id: 'hg', name: '海港区' }],
    stations: [{ id: 'dg', name: '东港派出所', county: 'hg' }, { id: 'xg', name: '西港派出所', county: 'hg' }],
    officers: [
      { id: 'wang', name: '王海涛', station: 'dg', community: '文化里社区', communityType: 'urban' },
      { id: 'li', name: '李秀英', station: 'dg', community: '海阳社区', communityType: 'rural' },
      { id: 'zhao', name: '赵志强', station: 'xg', community: '红旗路社区', communityType: 'urban' },
    ],
    ...overrides,
  });
}

export const officer = (id: string) => ({ id, role: 'officer' as const });
export const supervisor = { id: 'chief', role: 'supervisor' as const };

/** Applies an event that must be accepted. */
export function send(order: TaskOrder, type: string, actor: { id: string; role: string }, at: string, payload?: unknown): TaskOrder {
  const r = transition(taskOrderLoop, order, { type, actor, at, ...(payload === undefined ? {} : { payload }) } as never);
  expect(r.ok, r.ok ? '' : JSON.stringify(r.reason)).toBe(true);
  return (r as { snapshot: TaskOrder }).snapshot;
}
