// The print buttons of the record-holding widgets beyond the dispute case: each 督办单 row of
// <bh-supervision-orders> and the scored evaluation of <bh-law-report-scorecard> open their
// document, filled from the record, in a preview that takes focus and closes again; axe-clean.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { createMemoryStore, supervisionStoreSpec, type SupervisionItem } from '@bihuan/core';
import { exampleSupervisionOrders } from '@bihuan/core/examples';
import '@bihuan/widgets/supervision-orders';
import '@bihuan/widgets/law-report-scorecard';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, type, until } from './dispute-support.js';
import { NOW as EVAL_NOW, REPORT, evaluationStore } from '../../../stories/support/evaluation.js';

afterEach(cleanup);

const NOW = '2025-11-20T10:00:00+08:00';
const preview = (el: Element) => el.shadowRoot!.querySelector('bh-print-document');
const sheetOf = (el: Element) => preview(el)?.shadowRoot?.querySelector('[part=sheet]');

describe('print buttons in the record-holding widgets', () => {
  test('<bh-supervision-orders>: each order prints its own 督办单', async () => {
    const { orders, targets } = exampleSupervisionOrders(NOW, 3);
    const store = createMemoryStore(supervisionStoreSpec);
    await store.bulkPut('orders', orders as never);
    const c = await mount(html`<bh-supervision-orders now=${NOW} viewer-role="respondent" .targets=${targets} .store=${store}></bh-supervision-orders>`, 'en');
    const el = c.querySelector('bh-supervision-orders')!;
    await until(() => el.shadowRoot!.querySelectorAll('button[data-print]').length > 0);
    // One print button per order shown, named by its order.
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-print]')];
    expect(buttons.length).toBe(el.shadowRoot!.querySelectorAll('tbody tr').length);
    const button = buttons.at(-1)!;
    const second = orders.find((o) => o.id === button.dataset.print) as SupervisionItem;
    const other = orders.find((o) => o.id !== second.id)!;
    expect(button.textContent).toBe(`Print order ${second.id}`);
    button.click();
    await until(() => !!sheetOf(el));
    await settle(c);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(preview(el)!.id);
    expect(preview(el)!.shadowRoot!.activeElement?.textContent).toBe('Print');
    const text = shadowText(sheetOf(el)!.parentElement!);
    expect(text).toContain(`编号：${second.id}`);
    expect(text).toContain(second.data.instruction);
    expect(text).not.toContain(`编号：${other.id}`);
    await expectNoAxeViolations(c);
    button.click();
    await settle(c);
    expect(preview(el)).toBeNull();
  });

  test('<bh-law-report-scorecard>: once scored, the 述法评议结果通知书 prints the total and grade as shown', async () => {
    const store = evaluationStore({ sheets: [['评议人乙', 90], ['评议人丙', 85]] });
    const c = await mount(html`<bh-law-report-scorecard report-id=${REPORT.id} assessor="评议人甲" now=${EVAL_NOW} .store=${store}></bh-law-report-scorecard>`);
    const el = c.querySelector('bh-law-report-scorecard')!;
    await until(() => !!el.shadowRoot!.querySelector('[part~="breakdown"]'));
    // Not scored yet: nothing to print.
    expect(el.shadowRoot!.querySelector('button[data-print]')).toBeNull();
    for (const [id, value] of Object.entries({ achievements: '95', shortcomings: '90', performance: '80', rectification: '70', accountability: '90' })) await type(el, `#f-${id}`, value);
    const button = $(el, 'button[data-print=lawReport]') as HTMLButtonElement;
    expect(button.textContent).toBe('预览并打印述法评议结果通知书');
    button.click();
    await until(() => !!sheetOf(el));
    await settle(c);
    const text = shadowText(sheetOf(el)!.parentElement!);
    expect(text).toContain('述法评议结果通知书');
    expect(text).toContain(REPORT.reporter);
    const result = el.result!;
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(text).toContain(result.shown);
      expect(text).toContain(result.grade.label['zh-CN']);
    }
    await expectNoAxeViolations(c);
  });
});
