import { describe, expect, test } from 'vitest';
import { TaskDataError, findTemplate, loadCatalog, loadRoster, taskDue, dueDayText, InvalidArgumentError } from '@bihuan/core';
import { exampleCatalog, exampleRoster } from '@bihuan/core/examples';
import { cityCatalog, cityRoster } from './fixtures.js';

describe('the catalog', () => {
  test('the shipped example: 6 categories, 103 tasks, marked as an example, the source’s three categories named', () => {
    const c = exampleCatalog();
    expect(c.example).toBe(true);
    expect(c.name['zh-CN']).toContain('示例');
    expect(c.categories).toHaveLength(6);
    expect(c.templates).toHaveLength(103);
    expect(c.categories.map((x) => x.name['zh-CN'])).toEqual(expect.arrayContaining(['治安要素', '基础管控', '入户宣传']));
    expect(new Set(c.templates.map((t) => t.id)).size).toBe(103);
    for (const t of c.templates) expect(t.done.some((f) => f.required)).toBe(true);
    expect(findTemplate(c, 'householdVisits.households')!.done.map((f) => f.kind)).toEqual(['count', 'place', 'note']);
  });

  test('a city’s own catalog loads from JSON text, Chinese only, English falling back to it', () => {
    const c = loadCatalog(JSON.stringify(cityCatalog()));
    expect(c.example).toBe(false);
    expect(c.templates[0]!.title).toEqual({ 'zh-CN': '旅馆业检查', en: '旅馆业检查' });
    expect(c.templates[0]!.done[0]).toMatchObject({ kind: 'count', required: true, min: 1 });
    expect(c.templates[0]!.appliesTo).toEqual({ roles: [], communityTypes: [] });
    expect(loadCatalog(c)).toBe(c); // loaded once, trusted after
  });

  test('a broken catalog is refused with every problem and its path', () => {
    const bad = cityCatalog();
    (bad.templates[0] as { category: string }).category = 'nowhere';
    (bad.templates[1] as { id: string }).id = 'hotels';
    (bad.templates[2] as { due: unknown }).due = { kind: 'dayOfMonth', day: 32 };
    (bad.templates[4] as { month?: string }).month = undefined;
    let error: TaskDataError | undefined;
    try {
      loadCatalog(bad);
    } catch (e) {
      error = e as TaskDataError;
    }
    expect(error).toBeInstanceOf(TaskDataError);
    expect(error!.code).toBe('catalog_invalid');
    expect(error!.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['templates[0].category', 'templates[1].id', 'templates[2].due.day', 'templates[4].month']));
    expect(error!.text('zh-CN')).toMatch(/^任务清单有 \d+ 处错误：/);
    expect(error!.message).toContain('templates[');
    expect(() => loadCatalog('{ not json')).toThrow(/not valid JSON/);
  });

  test('rosters: units must exist, ids be unique', () => {
    expect(cityRoster().officers).toHaveLength(3);
    expect(exampleRoster().officers).toHaveLength(2000);
    expect(exampleRoster().stations).toHaveLength(100);
    try {
      loadRoster({ ...cityRoster(), officers: [{ id: 'x', name: '某', station: 'nowhere', community: 'c' }] });
      expect.unreachable();
    } catch (e) {
      expect((e as TaskDataError).issues).toEqual([{ path: 'officers[0].station', message: 'station nowhere is not in the roster', text: { 'zh-CN': '派出所 nowhere 不在名册中', en: 'station nowhere is not in the roster' } }]);
      expect((e as TaskDataError).text('zh-CN')).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
    }
  });
});

describe('due rules on the working-day calendar', () => {
  const due = (rule: Parameters<typeof taskDue>[0], month: string) => taskDue(rule, { month });
  test('the 25th, or the working day before it when it falls on a weekend', () => {
    expect(due({ kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'before' }, '2025-10')).toBe('2025-10-24T16:00:00.000Z'); // Sat → Fri, 24:00 China time
    expect(due({ kind: 'dayOfMonth', day: 25 }, '2025-10')).toBe('2025-10-25T16:00:00.000Z'); // kept
    expect(due({ kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'after' }, '2025-10')).toBe('2025-10-27T16:00:00.000Z');
    expect(due({ kind: 'dayOfMonth', day: 1, ifNotWorkingDay: 'after' }, '2025-10')).toBe('2025-10-09T16:00:00.000Z'); // over National Day
    expect(due({ kind: 'dayOfMonth', day: 31 }, '2025-02')).toBe('2025-02-28T16:00:00.000Z');
  });
  test('the last working day counts make-up working days and skips holidays', () => {
    expect(due({ kind: 'lastWorkingDay' }, '2025-09')).toBe('2025-09-30T16:00:00.000Z');
    expect(due({ kind: 'lastWorkingDay' }, '2026-02')).toBe('2026-02-28T16:00:00.000Z'); // a make-up Saturday
    expect(due({ kind: 'lastWorkingDay' }, '2026-01')).toBe('2026-01-30T16:00:00.000Z');
    expect(due({ kind: 'lastDay' }, '2025-12')).toBe('2025-12-31T16:00:00.000Z');
  });
  test('the nth working day, and n working days after an event', () => {
    expect(due({ kind: 'workingDay', n: 3 }, '2025-10')).toBe('2025-10-11T16:00:00.000Z'); // 9, 10, Saturday 11 (make-up)
    expect(taskDue({ kind: 'withinWorkingDays', n: 2 }, { eventAt: '2025-09-30T10:00:00+08:00' })).toBe('2025-10-10T16:00:00.000Z');
    expect(dueDayText('2025-10-24T16:00:00.000Z')).toBe('2025-10-24');
  });
  test('bad arguments are named', () => {
    expect(() => taskDue({ kind: 'weekly' } as never, { month: '2025-10' })).toThrow(InvalidArgumentError);
    expect(() => taskDue({ kind: 'lastDay' }, { month: '2025-13' })).toThrow(/when\.month/);
    expect(() => taskDue({ kind: 'withinWorkingDays', n: 1 }, { month: '2025-10' })).toThrow(/when\.eventAt/);
    expect(() => dueDayText('yesterday')).toThrow(/argument due/);
  });
});
