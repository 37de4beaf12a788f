import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/reception-issues';
import { createMemoryStore, evaluationStoreSpec } from '@bihuan/core';
import type { ReceptionTransitionDetail } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { until } from './dispute-support.js';
import { NOW, receptionItems, receptionStore } from '../../../stories/support/evaluation.js';

afterEach(cleanup);

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('tbody tr')];

async function issues(role: string, items = receptionItems(23, 6), lang?: string, unit = '') {
  const store = receptionStore(items);
  const c = await mount(html`<bh-reception-issues viewer-role=${role} viewer-id="tester" viewer-unit=${unit} now=${NOW} .store=${store}></bh-reception-issues>`, lang);
  const el = c.querySelector('bh-reception-issues')!;
  await until(() => rows(el).length === items.length);
  return { c, el, store };
}

describe('<bh-reception-issues>', () => {
  test('the source’s day: 9 firms, 23 issues, 6 closed → 26.09%, contacts masked', async () => {
    const { c, el } = await issues('host');
    const summary = shadowText(el.shadowRoot!.querySelector('[part="summary"]'));
    expect(summary).toContain('接待企业9');
    expect(summary).toContain('收集问题23');
    expect(summary).toContain('已办结6');
    expect(summary).toContain('办结率26.09%');
    expect(summary).toContain('督办台账17');
    expect(shadowText(el)).toContain('陈**');
    expect(shadowText(el)).not.toContain('陈经理');
    await expectNoAxeViolations(c);
  });

  test('a dissatisfied rating reopens the handling', async () => {
    // The viewer acts for the firm that raised the issue: only it may rate (own_firm).
    const { c, el, store } = await issues('firm', receptionItems(1, 0), undefined, '北碚智造科技');
    expect(rows(el)).toHaveLength(1);
    // Take one issue to "fed back" through the store, then rate it as the firm.
    const events: ReceptionTransitionDetail[] = [];
    c.addEventListener('bh-reception-transition', (e) => events.push((e as CustomEvent<ReceptionTransitionDetail>).detail));
    const { applyLoopEvent, receptionLoop } = await import('@bihuan/core');
    const id = 'JD-001';
    const at = (d: string) => `2025-06-${d}T12:00:00+08:00`;
    await applyLoopEvent(store, 'issues', receptionLoop, id, { type: 'assign', actor: { id: 'h', role: 'host' }, at: at('18'), payload: { department: '区规划自然资源局', dueDate: '2025-07-18' } });
    await applyLoopEvent(store, 'issues', receptionLoop, id, { type: 'handle', actor: { id: 'd', role: 'department', unit: '区规划自然资源局' }, at: at('19') });
    await applyLoopEvent(store, 'issues', receptionLoop, id, { type: 'feedBack', actor: { id: 'd', role: 'department', unit: '区规划自然资源局' }, at: at('20'), payload: { result: '已答复' } });
    await until(() => !!rows(el)[0]!.querySelector('button'));
    rows(el)[0]!.querySelector('button')!.click();
    await settle(c);
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('.action-form')!;
    form.querySelector('select')!.value = 'dissatisfied';
    form.requestSubmit();
    await until(() => events.length === 1);
    expect(events[0]).toMatchObject({ id, event: 'rate', state: 'handling' });
    await until(() => shadowText(rows(el)[0]).includes('不满意'));
    expect(shadowText(rows(el)[0])).toContain('已重新督办 1 次');
  });

  test('English; empty shows "—"; a store of another domain is refused in place', async () => {
    const { el } = await issues('department', receptionItems(23, 6), 'en');
    expect(shadowText(el)).toContain('Closed share26.09%');
    const c = await mount(html`<bh-reception-issues .store=${receptionStore([])}></bh-reception-issues>
      <bh-reception-issues id="bad" .store=${createMemoryStore(evaluationStoreSpec)}></bh-reception-issues>`);
    const [empty, bad] = c.querySelectorAll('bh-reception-issues');
    await until(() => shadowText(empty!).includes('暂无接待日收集的问题'));
    expect(shadowText(empty!)).toContain('办结率—');
    await until(() => !!bad!.shadowRoot!.querySelector('[part="problem"]'));
    expect(bad!.shadowRoot!.querySelector('[part="problem"]')!.getAttribute('role')).toBe('alert');
  });

  test('a long list comes a page at a time; the caption and figures count every issue', async () => {
    const items = receptionItems(120, 30);
    const store = receptionStore(items);
    const c = await mount(html`<bh-reception-issues viewer-role="host" viewer-id="tester" now=${NOW} .store=${store}></bh-reception-issues>`);
    const el = c.querySelector('bh-reception-issues')!;
    await until(() => rows(el).length === 50);
    expect(shadowText(el.shadowRoot!.querySelector('[part="summary"]'))).toContain('收集问题120');
    const pager = el.shadowRoot!.querySelector('[part="pager"]')!;
    expect(shadowText(pager)).toContain('第 1 / 3 页，共 120 条');
    const first = shadowText(rows(el)[0]!);
    pager.querySelectorAll('button')[1]!.click();
    await settle(c);
    expect(shadowText(pager)).toContain('第 2 / 3 页');
    expect(rows(el)).toHaveLength(50);
    expect(shadowText(rows(el)[0]!)).not.toBe(first);
    pager.querySelectorAll('button')[1]!.click();
    await settle(c);
    expect(rows(el)).toHaveLength(20);
    await expectNoAxeViolations(c);
  });
});
