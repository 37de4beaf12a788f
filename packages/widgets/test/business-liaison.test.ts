import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/business-liaison';
import { businessStore, createMemoryStore, type KeyFirm, quizStore } from '@bihuan/core';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, click, type, until } from './dispute-support.js';

afterEach(cleanup);

const firm: KeyFirm = { id: 'F-1', name: '秦皇岛某帆船体育文化公司', kind: 'firm', officer: null, assistant: null, assignedOn: null };

async function setup() {
  const store = createMemoryStore(businessStore);
  await store.put('firms', firm);
  await store.put('matters', { id: 'M-1', name: '公章刻制备案', previousLimit: 7, limit: 4 });
  const changes: unknown[] = [];
  const c = await mount(html`<bh-business-liaison now="2025-03-10T09:00:00+08:00" .store=${store} @bh-liaison-change=${(e: CustomEvent) => changes.push(e.detail)}></bh-business-liaison>`);
  const el = c.querySelector('bh-business-liaison')!;
  await until(() => !!el.shadowRoot!.querySelector('table'));
  return { store, c, el, changes };
}

describe('<bh-business-liaison>', () => {
  test('shows the register and the one-window limits in whole days, with the rule: 7 → 4 working days is -42.86%', async () => {
    const { c, el } = await setup();
    expect(shadowText($(el, '[part=matters] tbody'))).toContain('4 个工作日');
    expect(shadowText($(el, '[part=matters] tbody'))).toContain('-42.86%');
    expect(shadowText($(el, '[part=limit-rule]'))).toContain('向下取整，最少 1 个工作日');
    expect(shadowText($(el, '[part=summary]'))).toContain('0%'); // coverage 0 of 1
    expect(shadowText($(el, '[part=firms]'))).toContain('未配备');
    await expectNoAxeViolations(c);
  });

  test('the same person as officer and assistant is refused in place; two people are saved', async () => {
    const { c, el, store, changes } = await setup();
    await click(el, '[part=firms] button');
    await type(el, '#f-officerId', 'P-1');
    await type(el, '#f-officerName', '李亮');
    await type(el, '#f-assistantId', 'P-1');
    await type(el, '#f-assistantName', '李亮');
    await click(el, 'form.panel button[type=submit]');
    await until(() => !!el.shadowRoot!.querySelector('.error-summary'));
    expect(shadowText($(el, '.error-summary'))).toContain('不能既是联络民警又是助理');
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).toBe(true);
    await expectNoAxeViolations(c);

    await type(el, '#f-assistantId', '');
    await type(el, '#f-assistantName', '');
    await click(el, 'form.panel button[type=submit]');
    await settle(c);
    expect(shadowText($(el, '.error-summary'))).toContain('必须有一名助理');

    await type(el, '#f-assistantId', 'A-1');
    await type(el, '#f-assistantName', '赵敏');
    await click(el, 'form.panel button[type=submit]');
    await until(() => changes.length === 1);
    expect((await store.get('firms', 'F-1'))?.assistant?.name).toBe('赵敏');
    await until(() => shadowText(el).includes('已为“秦皇岛某帆船体育文化公司”配备警助'));
    expect(shadowText($(el, '[part=summary]'))).toContain('100%');
  });

  test('a store without the register’s collections is shown in place', async () => {
    const c = await mount(html`<bh-business-liaison .store=${createMemoryStore(quizStore) as never}></bh-business-liaison>`);
    const el = c.querySelector('bh-business-liaison')!;
    await until(() => !!el.shadowRoot!.querySelector('[part=problem]'));
    expect(shadowText($(el, '[part=problem]'))).toContain('firms');
  });
});
