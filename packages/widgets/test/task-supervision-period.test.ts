import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { createMemoryStore, rollupOrders, taskStoreSpec } from '@bihuan/core';
import { exampleRoster, exampleTaskOrders } from '@bihuan/core/examples';
import '@bihuan/widgets/task-supervision';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';

afterEach(cleanup);

const NOW = '2025-10-27T10:00:00+08:00';
const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement | null;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('<bh-task-supervision> by period', () => {
  test('a period switch (kind, previous, next), the change on the previous period and last year, stations against the county', async () => {
    const roster = exampleRoster({ counties: 2, stationsPerCounty: 3, officersPerStation: 2 });
    const orders = exampleTaskOrders({ roster, month: '2025-10', now: NOW });
    const store = createMemoryStore(taskStoreSpec);
    await store.put('rosters', roster);
    await store.bulkPut('orders', orders);
    const c = await mount(html`<bh-task-supervision period="2025-10" county="C01" now=${NOW} .store=${store}></bh-task-supervision>`);
    const el = c.querySelector('bh-task-supervision')!;
    await until(() => !!part(el, 'period-change'));
    const county = orders.filter((o) => o.data.county === 'C01');
    const [total] = rollupOrders(county, [['city']], { asOf: Date.parse(NOW) })[0]!;
    // Nothing dispatched in September or in October 2024: no base to compare with.
    expect(shadowText(part(el, 'period-change'))).toBe(`较上一期：任务数 —，完成率 — 个百分点；较去年同期：任务数 —，完成率 — 个百分点`);
    expect(part(el, 'period-label')!.textContent).toBe('2025-10-01 – 2025-10-31');
    const chart = part(el, 'stations')!;
    expect(chart.shadowRoot!.querySelectorAll('[part~="point"]')).toHaveLength(3);
    expect(shadowText(chart.shadowRoot!.querySelector('[part~="legend"]'))).toContain(total!.rate);

    // Previous: September, with nothing dispatched; the switch stays.
    part(el, 'previous-period')!.click();
    await until(() => part(el, 'period-label')?.textContent === '2025-09-01 – 2025-09-30');
    expect(el.shadowRoot!.querySelector('.empty')).not.toBeNull();
    // Next, then the quarter: October's orders are the quarter's.
    part(el, 'next-period')!.click();
    await until(() => part(el, 'period-label')?.textContent === '2025-10-01 – 2025-10-31');
    const quarter = [...el.shadowRoot!.querySelectorAll('[part~="period-switch"] button')].find((b) => b.textContent === '季度') as HTMLButtonElement;
    quarter.click();
    await until(() => part(el, 'period-label')?.textContent === '2025-10-01 – 2025-12-31');
    expect(quarter.getAttribute('aria-pressed')).toBe('true');
    await settle(el);
    expect(shadowText(el.shadowRoot!.querySelector('[part~="table"] caption'))).not.toBe('');
  });
});
