import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, countLedgerBy, queryLedger, summarizeLedger } from '@bihuan/core';
import { accept, clerk, mediator, send, supervisor } from './fixtures.js';

const routed = (id: string, departments: string[], overrides = {}) =>
  send(accept(id, '2025-09-26T09:00:00+08:00', overrides), 'route', clerk, { departments, joint: departments.length > 1 });

function resolved(id: string, overrides = {}) {
  const m = send(routed(id, ['judicialAdministration'], overrides), 'mediate', mediator);
  return send(m, 'settle', mediator);
}

describe('ledger counts and the resolution rate', () => {
  test('the centre: 425 accepted, 406 resolved → 95.53%', () => {
    const base = resolved('D-0');
    const open = accept('D-open');
    const items = Array.from({ length: 425 }, (_, i) => ({ ...(i < 406 ? base : open), id: `D-${i}` }));
    const summary = summarizeLedger(items);
    expect(summary).toMatchObject({ accepted: 425, resolved: 406, resolutionRate: '95.53%' });
  });

  test('the towns’ grid reports: 2261 reported, 2227 resolved → 98.5%; duplicates merged are not counted', () => {
    const grid = { channel: 'grid', reportedBy: { id: 'grid-7', name: '张网格' } } as const;
    const done = resolved('G-0', grid);
    const pending = accept('G-x', '2025-09-26T09:00:00+08:00', grid);
    const duplicate = send(accept('G-dup', '2025-09-26T09:00:00+08:00', grid), 'merge', clerk, { into: 'G-1', reason: '同一纠纷两次上报' });
    const walkIn = resolved('W-0');
    const items = [...Array.from({ length: 2261 }, (_, i) => (i < 2227 ? done : pending)), duplicate, walkIn];
    const summary = summarizeLedger(queryLedger(items, { channel: 'grid' }));
    expect(summary).toMatchObject({ accepted: 2261, resolved: 2227, resolutionRate: '98.5%', merged: 1 });
    expect(summarizeLedger([]).resolutionRate).toBe('—');
  });

  test('queries by state, department, town, community, category and overdue', () => {
    const a = routed('A', ['court', 'publicSecurity'], { town: '站前街道', community: '锦绣社区' });
    const b = routed('B', ['housing'], { town: '帽盔山街道', community: '东坎子社区', category: 'leak' });
    const c = send(accept('C'), 'withdraw', clerk, { reason: '自行和解' });
    const d = send(send(send(resolved('D'), 'recordFollowUp', clerk, { method: 'phone', agreementKept: true, satisfaction: 'satisfied' }), 'writeOff', supervisor), 'reopen', supervisor, { reason: '再次投诉' });
    const items = [a, b, c, d];
    expect(queryLedger(items, { department: 'court' }).map((i) => i.id)).toEqual(['A']);
    expect(queryLedger(items, { town: '帽盔山街道' }).map((i) => i.id)).toEqual(['B']);
    expect(queryLedger(items, { community: '锦绣社区' }).map((i) => i.id)).toEqual(['A', 'C', 'D']);
    expect(queryLedger(items, { category: 'leak' }).map((i) => i.id)).toEqual(['B']);
    expect(queryLedger(items, { state: ['withdrawn', 'mediating'] }).map((i) => i.id)).toEqual(['C', 'D']);
    // Routed on Friday 09-26 with two working days: Sunday 09-28 and Monday 09-29.
    expect(a.deadline).toBe('2025-09-29T16:00:00.000Z');
    expect(queryLedger(items, { overdueAt: '2025-09-30T08:00:00+08:00' }).map((i) => i.id)).toEqual(['A', 'B']);
    const summary = summarizeLedger(items, '2025-09-30T08:00:00+08:00');
    expect(summary).toMatchObject({ accepted: 4, resolved: 0, withdrawn: 1, open: 3, overdue: 2, resolutionRate: '0%' });
    expect(summary.byState).toMatchObject({ routed: 2, withdrawn: 1, mediating: 1 });
    expect(d.data.reopened).toBe(1);
    expect(Object.keys(countLedgerBy(items, 'department')).sort()).toEqual(['court', 'housing', 'judicialAdministration', 'publicSecurity']);
    expect(countLedgerBy(items, 'town')['站前街道']!.accepted).toBe(3);
  });

  test('input is validated', () => {
    expect(() => queryLedger([accept()], { channel: 'fax' } as never)).toThrow(InvalidArgumentError);
    expect(() => queryLedger([accept()], { colour: 'red' } as never)).toThrow(/filter/);
    expect(() => summarizeLedger([{ loop: { id: 'task' } }] as never)).toThrow(/items\[0\]/);
    expect(() => countLedgerBy([], 'colour' as never)).toThrow(/by/);
  });
});
