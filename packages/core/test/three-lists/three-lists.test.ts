import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, NegativeListRefusal, checkNegativeList, loadNegativeList, threeLists } from '@bihuan/core';
import { exampleCatalog, exampleDutyList, exampleNegativeList } from '@bihuan/core/examples';

describe('the negative list', () => {
  const list = exampleNegativeList('dg');

  test('an intake the station must not take on is refused with the rule it breaks', () => {
    const verdict = checkNegativeList(list, { kind: 'labour' });
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.rule.id).toBe('labour-disputes');
    expect(verdict.reason['zh-CN']).toBe('不得受理：违反负面清单“劳动争议不由派出所处理”（劳动争议调解仲裁法），请引导至劳动人事争议仲裁委员会');
    expect(verdict.reason.en).toContain('the labour dispute arbitration committee');
    expect(new NegativeListRefusal(verdict)).toMatchObject({ code: 'negative_list', rule: verdict.rule });
  });

  test('amount thresholds: a small consumer dispute is the station’s, a large one is not', () => {
    expect(checkNegativeList(list, { kind: 'consumer', amount: 800 })).toEqual({ ok: true });
    expect(checkNegativeList(list, { kind: 'consumer' })).toEqual({ ok: true });
    expect(checkNegativeList(list, { kind: 'consumer', amount: 50_000 })).toMatchObject({ ok: false, rule: { id: 'consumer-large' } });
    expect(checkNegativeList(list, { kind: 'noise' })).toEqual({ ok: true });
    expect(checkNegativeList(list, { kind: 'homicide' })).toMatchObject({ ok: false, rule: { id: 'serious-crimes' } });
  });

  test('a unit checks its own list only (own_list): an intake taken in by another station is refused naming intake.unit', () => {
    expect(checkNegativeList(list, { kind: 'labour', unit: 'dg' })).toMatchObject({ ok: false, rule: { id: 'labour-disputes' } });
    expect(checkNegativeList(list, { kind: 'noise', unit: 'dg' })).toEqual({ ok: true });
    expect(() => checkNegativeList(list, { kind: 'noise', unit: 'xg' })).toThrow(/argument intake\.unit must be the list's unit dg \(own_list/);
  });

  test('a host’s own list from JSON; bad input refused naming the argument', () => {
    const own = loadNegativeList(JSON.stringify({ unit: 'xg', version: 1, rules: [{ id: 'r1', kinds: ['debt'], title: { 'zh-CN': '不得插手债务', en: 'No debts' }, basis: { 'zh-CN': '规定', en: 'rule' }, referTo: { 'zh-CN': '法院', en: 'court' } }] }));
    expect(checkNegativeList(own, { kind: 'debt' }).ok).toBe(false);
    expect(() => checkNegativeList(list, { kind: '' })).toThrow(/argument intake\.kind/);
    expect(() => checkNegativeList(list, { kind: 'debt', amount: -1 })).toThrow(/intake\.amount/);
    expect(() => checkNegativeList({ unit: 'x' } as never, { kind: 'debt' })).toThrow(InvalidArgumentError);
    expect(() => loadNegativeList('{')).toThrow(/argument input/);
    expect(() => loadNegativeList({ unit: 'x', version: 1, rules: [{ id: 'a' }] })).toThrow(/input\.rules\.0\.kinds/);
  });
});

describe('the three lists', () => {
  test('duty list (prevention first), task list (the catalog), negative list, for one station', () => {
    const lists = threeLists(exampleDutyList('dg'), exampleCatalog(), exampleNegativeList('dg'));
    expect(lists.duties.duties[0]!.kind).toBe('prevention');
    expect(lists.tasks.templates).toHaveLength(103);
    expect(lists.negative.rules.length).toBeGreaterThan(0);
    expect(() => threeLists(exampleDutyList('dg'), exampleCatalog(), exampleNegativeList('xg'))).toThrow(/negative\.unit/);
    expect(() => threeLists(exampleDutyList('dg'), {} as never, exampleNegativeList('dg'))).toThrow(/argument tasks/);
  });
});
