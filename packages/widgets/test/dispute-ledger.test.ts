import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/dispute-ledger';
import type { BhDisputeLedger, DisputeOpenDetail } from '@bihuan/widgets/classes';
import type { ExportDetail } from '../src/internal/csv-download.js';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { NOW, manyDisputes, storeWith, typicalDisputes } from '../../../stories/support/disputes.js';
import { $, choose, holdReads, until } from './dispute-support.js';

afterEach(cleanup);

const rows = (el: BhDisputeLedger) => [...el.shadowRoot!.querySelectorAll('.rows [role=row]')];
const cells = (row: Element) => [...row.querySelectorAll('[role=cell]')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

describe('<bh-dispute-ledger>', () => {
  test('lists the store’s disputes as a table, with the resolution rate of what is shown', async () => {
    const store = storeWith(typicalDisputes());
    const c = await mount(html`<bh-dispute-ledger .store=${store} now=${NOW}></bh-dispute-ledger>`);
    const el = c.querySelector('bh-dispute-ledger')!;
    await until(() => rows(el).length > 0);
    await settle(c);
    const table = $(el, '[role=table]');
    expect(table.getAttribute('aria-rowcount')).toBe('13');
    expect(table.getAttribute('aria-colcount')).toBe('10');
    expect(rows(el)).toHaveLength(12);
    // Two of the twelve stand settled (follow-up pending, awaiting write-off) and one was written off.
    expect(shadowText($(el, '[part=summary]'))).toContain('显示 12 件，化解 5 件，化解率 41.67%');
    await nextFrame();
    await settle(c);
    expect(shadowText($(el, '[part=summary]'))).toMatch(/其中逾期 \d+ 件/);
    await expectNoAxeViolations(c);
  });

  test('`no-default-store`: it opens no database of the browser’s own, says it is reading until the page gives its store, then lists it', async () => {
    const opened: string[] = [];
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = ((name: string, version?: number) => {
      opened.push(name);
      return open(name, version);
    }) as typeof indexedDB.open;
    try {
      const c = await mount(html`<bh-dispute-ledger no-default-store now=${NOW}></bh-dispute-ledger>`);
      const el = c.querySelector('bh-dispute-ledger')!;
      await new Promise((r) => setTimeout(r, 100));
      await settle(c);
      const note = el.shadowRoot!.querySelector('[part~="loading"]');
      expect(note?.getAttribute('role')).toBe('status');
      expect(shadowText(note!)).toContain('正在读取');
      expect(el.shadowRoot!.querySelector('[part=summary]')).toBeNull();
      el.store = storeWith(typicalDisputes());
      await until(() => rows(el).length === 12);
      expect(shadowText($(el, '[part=summary]'))).toContain('显示 12 件');
      expect(opened).toEqual([]);
    } finally {
      indexedDB.open = open;
    }
  });

  test('given its store after it began reading another (a page that sets `store` late), it never shows the other store’s rows', async () => {
    // The first store answers slowly and holds nothing; the page's store, given meanwhile, holds twelve.
    const early = storeWith([]);
    const release = holdReads(early);
    const summaries: string[] = [];
    const c = await mount(html`<bh-dispute-ledger .store=${early} now=${NOW}></bh-dispute-ledger>`);
    const el = c.querySelector('bh-dispute-ledger')!;
    const seen = new MutationObserver(() => {
      const s = el.shadowRoot!.querySelector('[part=summary]');
      if (s) summaries.push(shadowText(s));
    });
    seen.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    el.store = storeWith(typicalDisputes());
    await settle(c);
    release();
    await until(() => rows(el).length > 0);
    await new Promise((r) => setTimeout(r, 50));
    await settle(c);
    seen.disconnect();
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.filter((s) => !s.startsWith('显示 12 件'))).toEqual([]);
    expect(rows(el)).toHaveLength(12);
  });

  test('searches the subject: the search’s code arrives with the first query, then only matches are listed', async () => {
    const items = typicalDisputes();
    const c = await mount(html`<bh-dispute-ledger .items=${items} now=${NOW} .query=${'楼顶漏水'}></bh-dispute-ledger>`);
    const el = c.querySelector('bh-dispute-ledger')!;
    const expected = items.filter((d) => d.data.title.includes('楼顶漏水')).map((d) => d.id);
    expect(expected).toHaveLength(3);
    expect(el.shown.map((d) => d.id).sort()).toEqual(expected.sort());
    expect(rows(el)).toHaveLength(3);
    el.query = '';
    await settle(c);
    expect(rows(el)).toHaveLength(items.length);
  });

  test('masks personal data unless the viewer’s role may see it', async () => {
    const items = typicalDisputes();
    const c = await mount(html`<bh-dispute-ledger .items=${items} now=${NOW} viewer-role="supervisor"></bh-dispute-ledger>`);
    const el = c.querySelector('bh-dispute-ledger')!;
    expect(cells(rows(el)[0]!).slice(2, 4)).toEqual(['陈**', '138****1234']);
    expect(shadowText(el)).toContain('个人信息已脱敏');
    el.viewerRole = 'mediator';
    await settle(c);
    expect(cells(rows(el)[0]!).slice(2, 4)).toEqual(['陈建国', '13812341234']);
  });

  test('filters by state, area, channel and overdue, and sorts', async () => {
    const items = typicalDisputes();
    const c = await mount(html`<bh-dispute-ledger .items=${items} now=${NOW}></bh-dispute-ledger>`);
    const el = c.querySelector('bh-dispute-ledger')!;
    const selects = el.shadowRoot!.querySelectorAll('[part=filters] select');
    await choose(el, '[part=filters] label:nth-of-type(1) select', 'received');
    expect(rows(el).every((r) => cells(r)[4] === '已受理')).toBe(true);
    expect(el.shown.length).toBe(2);
    await choose(el, '[part=filters] label:nth-of-type(1) select', '');
    await choose(el, '[part=filters] label:nth-of-type(2) select', 'court');
    expect(el.shown.every((d) => d.data.routing?.departments.includes('court'))).toBe(true);
    el.filter = { channel: 'grid' };
    await settle(c);
    expect(el.shown.map((d) => d.data.channel)).toEqual(['grid', 'grid', 'grid', 'grid']);
    el.filter = { town: '临江街道' };
    await settle(c);
    expect(el.shown.every((d) => d.data.town === '临江街道')).toBe(true);
    el.filter = { overdue: true };
    await settle(c);
    expect(el.shown.length).toBeGreaterThan(0);
    expect(el.shown.every((d) => Date.parse(d.deadline!) <= Date.parse(NOW))).toBe(true);
    el.filter = {};
    await settle(c);
    expect(selects.length).toBe(5);
    // Sorting by the header's button, with aria-sort.
    const header = [...el.shadowRoot!.querySelectorAll('[role=columnheader]')].find((h) => h.textContent!.includes('编号'))!;
    header.querySelector('button')!.click();
    await settle(c);
    header.querySelector('button')!.click();
    await settle(c);
    expect(header.getAttribute('aria-sort')).toBe('descending');
    const ids = el.shown.map((d) => d.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  test('exports what is shown as CSV with a BOM, masked for a supervisor', async () => {
    const items = typicalDisputes();
    const exports: ExportDetail[] = [];
    const c = await mount(html`<bh-dispute-ledger .items=${items} now=${NOW} viewer-role="supervisor"
      @bh-dispute-export=${(e: CustomEvent<ExportDetail>) => { e.preventDefault(); exports.push(e.detail); }}></bh-dispute-ledger>`);
    const el = c.querySelector('bh-dispute-ledger')!;
    el.filter = { state: 'closed' };
    await settle(c);
    // The CSV code is fetched on the first export: the file follows the click once it is here.
    $(el, '[part=export]').click();
    await until(() => exports.length > 0);
    expect(exports).toHaveLength(1);
    expect(await el.exportCsv()).toBe(false); // a listener prevented the download
    const csv = exports[0]!.csv;
    expect(csv.startsWith('\uFEFF编号,纠纷事由,类别,来源渠道,镇（街道）,村（社区）,申请人,联系电话,状态')).toBe(true);
    expect(exports[0]!.rows).toBe(el.shown.length);
    expect(csv).toContain('138****1234');
    expect(csv).not.toContain('13812341234');
    expect(exports[0]!.filename).toBe('矛盾纠纷台账-2025-11-20.csv');
  });

  test('100,000 disputes: only the rows in view are in the DOM, and the keyboard walks the rows', async () => {
    const items = manyDisputes(100_000);
    const opened: string[] = [];
    const c = await mount(html`<bh-dispute-ledger .items=${items} now=${NOW} @bh-dispute-open=${(e: CustomEvent<DisputeOpenDetail>) => opened.push(e.detail.id)}></bh-dispute-ledger>`);
    const el = c.querySelector('bh-dispute-ledger')!;
    expect($(el, '[role=table]').getAttribute('aria-rowcount')).toBe('100001');
    expect(rows(el).length).toBeLessThan(40);
    const first = rows(el)[0]!;
    expect(first.getAttribute('aria-rowindex')).toBe('2');
    const button = first.querySelector<HTMLButtonElement>('.open')!;
    button.focus();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    await until(() => el.shadowRoot!.activeElement?.closest('[role=row]')?.getAttribute('aria-rowindex') === '100001');
    expect(rows(el).length).toBeLessThan(40);
    const last = el.shadowRoot!.activeElement as HTMLButtonElement;
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    await until(() => el.shadowRoot!.activeElement?.closest('[role=row]')?.getAttribute('aria-rowindex') === '100000');
    (el.shadowRoot!.activeElement as HTMLButtonElement).click();
    expect(opened).toEqual([items[99_998]!.id]);
  });

  test('data that are not disputes are refused in place', async () => {
    const problems: string[] = [];
    const c = await mount(html`<bh-dispute-ledger .items=${[{ nonsense: true }]} @bh-problem=${(e: CustomEvent) => problems.push(e.detail.code)}></bh-dispute-ledger>`);
    const el = c.querySelector('bh-dispute-ledger')!;
    expect($(el, '[part=problem]').getAttribute('role')).toBe('alert');
    expect(problems).toEqual(['invalid_argument']);
  });
});
