// <bh-rectification-ledger> by period: the shared switch, the items listed in the period as they
// stood at its end (footing), the change on the previous period and last year, rows that moved on
// since read only, and a key that names no period refused in place.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { createMemoryStore, periodOf, rectificationOfPeriod, rectificationStoreSpec, summarizeRectificationPeriod } from '@bihuan/core';
import { exampleRectificationItems } from '@bihuan/core/examples';
import '@bihuan/widgets/rectification-ledger';
import { cleanup, mount, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { until } from './dispute-support.js';

afterEach(cleanup);

const NOW = '2026-12-02T10:00:00+08:00';
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')];
const switchButton = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="period-switch"] button')].find((b) => b.textContent === label)!;
const num = (e: Element | null) => Number(shadowText(e).replace(/,/g, ''));

async function setup(period: string, lang?: string) {
  const items = exampleRectificationItems(8, 2, { now: NOW });
  const store = createMemoryStore(rectificationStoreSpec);
  await store.bulkPut('items', items);
  const c = await mount(html`<bh-rectification-ledger viewer-role="supervisor" viewer-id="sup" period=${period} now=${NOW} .store=${store}></bh-rectification-ledger>`, lang);
  const el = c.querySelector('bh-rectification-ledger')!;
  await until(() => !!part(el, 'summary') || !!part(el, 'problem'));
  return { c, el, items };
}

describe('<bh-rectification-ledger> by period', () => {
  test('the month the first items were listed: as they stood at its end, footing; previous and all', async () => {
    const first = exampleRectificationItems(8, 2, { now: NOW })[0]!;
    const month = periodOf(first.createdAt, 'month');
    const { c, el, items } = await setup(month.key);
    const expected = rectificationOfPeriod(items, month);
    expect(expected.length).toBeGreaterThan(0);
    expect(switchButton(el, '月').getAttribute('aria-pressed')).toBe('true');
    expect(shadowText(part(el, 'period-label'))).toBe(`${month.from} – ${month.to}`);
    const summary = part(el, 'summary')!;
    expect(num(summary.querySelector('[data-foot-total="items"]'))).toBe(expected.length);
    expect([...summary.querySelectorAll('[data-foot-part="items"]')].reduce((a, d) => a + num(d), 0)).toBe(expected.length);
    expect(rows(el)).toHaveLength(expected.length);
    // A row whose item moved on after the month is read only; one unchanged since keeps its actions.
    for (const row of rows(el)) {
      const id = expected.find((i) => shadowText(row).includes(i.id))!;
      const live = items.find((i) => i.id === id.id)!;
      if (live.history.length !== id.history.length) expect(row.querySelectorAll('button')).toHaveLength(0);
    }
    const report = summarizeRectificationPeriod(items, month);
    expect(shadowText(part(el, 'period-change'))).toContain(`较上一期：事项 ${report.total.previous}`);
    await expectNoAxeViolations(c);
    switchButton(el, '全部').click();
    await until(() => !part(el, 'period-label'));
    expect(rows(el)).toHaveLength(8);
  });

  test('in English; a key that names no period is refused in place', async () => {
    const { el } = await setup('2026-Q4', 'en');
    expect(switchButton(el, 'Quarter').getAttribute('aria-pressed')).toBe('true');
    const change = shadowText(part(el, 'period-change'));
    expect(change).toMatch(/^On the previous period: items .+; on the same period last year: items /);
    expect(change).not.toMatch(/[，。、；：（）]/);
    cleanup();
    const bad = await setup('2026-W60');
    expect(part(bad.el, 'problem')).not.toBeNull();
  });
});
