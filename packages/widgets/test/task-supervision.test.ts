import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { createMemoryStore, taskStoreSpec } from '@bihuan/core';
import { exampleRoster, exampleTaskOrders } from '@bihuan/core/examples';
import '@bihuan/widgets/task-supervision';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';

afterEach(cleanup);

const NOW = '2025-10-27T10:00:00+08:00';
const roster = exampleRoster({ counties: 2, stationsPerCounty: 2, officersPerStation: 3 });

async function seeded() {
  const store = createMemoryStore(taskStoreSpec);
  await store.put('rosters', roster);
  await store.bulkPut('orders', exampleTaskOrders({ roster, month: '2025-10', now: NOW, doneShare: 0.8 }));
  return store;
}

async function ready(el: HTMLElement): Promise<void> {
  for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('[part~="table"], .empty, [part~="problem"]'); i++) {
    await new Promise((r) => setTimeout(r, 20));
    await settle(el.parentElement!);
  }
}

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')];
const cell = (row: Element, i: number) => Number(shadowText(row.querySelectorAll('td')[i]));

describe('<bh-task-supervision>', () => {
  test('completion by county, overdue and laggards first, drill-down to officers, axe-clean', async () => {
    const store = await seeded();
    const c = await mount(html`<bh-task-supervision month="2025-10" now=${NOW} .store=${store}></bh-task-supervision>`);
    const el = c.querySelector('bh-task-supervision')!;
    await ready(el);
    expect(shadowText(el.shadowRoot!.querySelector('[part~="summary"]'))).toContain('应完成');
    const counties = rows(el);
    expect(counties).toHaveLength(2);
    expect(cell(counties[0]!, 2)).toBeGreaterThanOrEqual(cell(counties[1]!, 2)); // overdue first
    await expectNoAxeViolations(c);
    // city → county → station → officer
    counties[0]!.querySelector<HTMLButtonElement>('th button')!.click();
    await settle(c);
    expect(rows(el)).toHaveLength(2);
    expect(shadowText(el.shadowRoot!.querySelector('[part~="table"] caption'))).toContain('派出所');
    rows(el)[0]!.querySelector<HTMLButtonElement>('th button')!.click();
    await settle(c);
    expect(rows(el)).toHaveLength(3);
    expect(el.shadowRoot!.querySelector('[part~="table"] tbody th button')).toBeNull();
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-current')).toBe('page');
    // Back to the city through the path.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="path"] button')!.click();
    await settle(c);
    expect(rows(el)).toHaveLength(2);
  });

  test('urging records 督导 on the unit’s open orders, overdue ones first', async () => {
    const store = await seeded();
    const c = await mount(html`<bh-task-supervision month="2025-10" county="C01" station="C01S01" now=${NOW} .store=${store}></bh-task-supervision>`);
    const el = c.querySelector('bh-task-supervision')!;
    await ready(el);
    const details: { unit: string; orders: readonly string[] }[] = [];
    el.addEventListener('bh-task-urge', (e) => details.push((e as CustomEvent).detail));
    const row = rows(el).find((r) => cell(r, 2) > 0) ?? rows(el)[0]!;
    row.querySelector<HTMLButtonElement>('td button')!.click();
    await new Promise((r) => setTimeout(r, 100));
    await settle(c);
    expect(details).toHaveLength(1);
    expect(details[0]!.orders.length).toBeGreaterThan(0);
    const urged = await store.get('orders', details[0]!.orders[0]!);
    expect(urged!.data.urgings.at(-1)).toMatchObject({ by: 'supervisor', instruction: '请抓紧完成逾期和未完成的任务' });
    expect(urged!.data.officer).toBe(details[0]!.unit);
    expect(shadowText(el.shadowRoot!.querySelector('[role="status"]'))).toContain('已督导');
  });

  test('CSV export: BOM, the level and the exact rates; cancelable', async () => {
    const store = await seeded();
    const c = await mount(html`<bh-task-supervision lang="en" month="2025-10" now=${NOW} .store=${store}></bh-task-supervision>`);
    const el = c.querySelector('bh-task-supervision')!;
    await ready(el);
    let csv = '';
    el.addEventListener('bh-task-export', (e) => {
      e.preventDefault();
      csv = (e as CustomEvent).detail.csv;
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export"]')!.click();
    expect(csv.startsWith('\uFEFFLevel,Unit,Dispatched')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv).toMatch(/county,Haigang,\d+,/);
  });

  test('a bad month is refused in place', async () => {
    const c = await mount(html`<bh-task-supervision month="2025-13" .store=${createMemoryStore(taskStoreSpec)}></bh-task-supervision>`);
    expect(c.querySelector('bh-task-supervision')!.shadowRoot!.querySelector('[part="problem"]')).not.toBeNull();
  });
});
