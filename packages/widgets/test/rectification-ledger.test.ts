import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/rectification-ledger';
import type { RectificationTransitionDetail } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, choose, holdReads, until } from './dispute-support.js';
import { NOW, rectificationItems, rectificationStore } from '../../../stories/support/evaluation.js';

afterEach(cleanup);

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('tbody tr')];
const buttonIn = (row: Element, label: string) => [...row.querySelectorAll('button')].find((b) => b.textContent === label) as HTMLButtonElement;

async function ledger(role: string, items = rectificationItems(8, 2), lang?: string) {
  const store = rectificationStore(items);
  // An owner acts for their unit (owner_unit): the first overdue item's, 振兴区司法局.
  const unit = role === 'owner' ? '振兴区司法局' : '';
  const c = await mount(html`<bh-rectification-ledger viewer-role=${role} viewer-id="tester" viewer-unit=${unit} now=${NOW} .store=${store}></bh-rectification-ledger>`, lang);
  const el = c.querySelector('bh-rectification-ledger')!;
  await until(() => rows(el).length === items.length);
  return { c, el, store };
}

describe('<bh-rectification-ledger>', () => {
  test('given another store (a page that sets `store` late), it says it is reading until that store answers, never showing the first store’s items as the new one’s', async () => {
    // The loop lists share the ledger's rule. The first store (the one read before) holds nothing
    // and answers at once; the page's store, given next, holds eight and answers slowly.
    const c = await mount(html`<bh-rectification-ledger viewer-role="verifier" viewer-id="tester" now=${NOW} .store=${rectificationStore([])}></bh-rectification-ledger>`);
    const el = c.querySelector('bh-rectification-ledger')!;
    await until(() => !!el.shadowRoot!.querySelector('[part=summary]'));
    const later = rectificationStore(rectificationItems(8, 2));
    const release = holdReads(later);
    const summaries: string[] = [];
    const seen = new MutationObserver(() => {
      const s = el.shadowRoot!.querySelector('[part=summary]');
      if (s) summaries.push(shadowText(s));
    });
    seen.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    el.store = later;
    await settle(c);
    // While the page's store has not answered: a status a screen reader announces, in a part the host can style.
    expect(el.shadowRoot!.querySelector('[part~="loading"]')?.getAttribute('role')).toBe('status');
    release();
    await until(() => rows(el).length === 8);
    await settle(c);
    seen.disconnect();
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.filter((s) => !s.includes('事项总数8'))).toEqual([]);
  });

  test('items by state, owner and deadline, overdue first and flagged in words, with figures', async () => {
    const { c, el } = await ledger('owner');
    const first = rows(el)[0]!;
    expect(first.classList.contains('overdue')).toBe(true);
    expect(shadowText(first)).toContain('逾期 20 天'); // due 2026-02-10, judged 2026-03-02
    expect(rows(el).filter((r) => r.classList.contains('overdue'))).toHaveLength(2);
    const summary = shadowText(el.shadowRoot!.querySelector('[part="summary"]'));
    expect(summary).toContain('事项总数8');
    expect(summary).toContain('逾期2');
    expect(el.shadowRoot!.querySelector('caption')!.textContent).toContain('逾期在前');
    await expectNoAxeViolations(c);
  });

  test('actions per role: an owner enters an item in the ledger through an inline form; a refusal is shown', async () => {
    const { c, el, store } = await ledger('owner');
    const done: RectificationTransitionDetail[] = [];
    c.addEventListener('bh-rectification-transition', (e) => done.push((e as CustomEvent<RectificationTransitionDetail>).detail));
    const row = rows(el).find((r) => buttonIn(r, '列入整改台账'))!;
    const id = row.querySelector('.muted')!.textContent!;
    buttonIn(row, '列入整改台账').click();
    await settle(c);
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('.action-form')!;
    expect(el.shadowRoot!.activeElement?.tagName).toBe('TEXTAREA');
    // Empty measures: the loop refuses, naming the field; the refusal is an alert in the form.
    form.requestSubmit();
    await until(() => !!el.shadowRoot!.querySelector('.action-problem'));
    expect(el.shadowRoot!.querySelector('.action-problem')!.getAttribute('role')).toBe('alert');
    expect(shadowText(el.shadowRoot!.querySelector('.action-problem'))).toContain('measures');
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('.action-form textarea')!.value = '建立台账\n每周通报';
    el.shadowRoot!.querySelector<HTMLFormElement>('.action-form')!.requestSubmit();
    await until(() => done.length === 1);
    expect(done[0]).toEqual({ id, event: 'start', state: 'inProgress' });
    // The confirmation stands next to the row's buttons and says who acts next, from the loop.
    await settle(c);
    const said = el.shadowRoot!.querySelector('.action-done')!;
    expect(said.getAttribute('role')).toBe('status');
    expect(shadowText(said)).toContain('已列入整改台账');
    expect(shadowText(said)).toContain('下一步：整改责任人可“提交整改材料”');
    expect((await store.get('items', id))?.data.measures).toEqual(['建立台账', '每周通报']);
    // A verifier sees no owner actions.
    const v = await ledger('verifier');
    expect(rows(v.el).some((r) => buttonIn(r, '列入整改台账'))).toBe(false);
    expect(rows(v.el).some((r) => buttonIn(r, '核验通过'))).toBe(true);
  });

  test('the supervisor’s sweep opens accountability for overdue items, once', async () => {
    const { c, el, store } = await ledger('supervisor');
    expect(await el.sweep()).toHaveLength(2);
    await settle(c);
    expect(shadowText($(el, '[part="status"]'))).toBe('已对 2 项逾期事项启动问责。');
    expect((await store.all('accountability')).items).toHaveLength(2);
    await until(() => shadowText(el).includes('已启动问责2'));
    expect(await el.sweep()).toEqual([]);
  });

  test('the view filter and the CSV export of what is shown (BOM, Chinese headers)', async () => {
    const { c, el } = await ledger('supervisor');
    await choose(el, '#rl-view', 'overdue');
    expect(rows(el)).toHaveLength(2);
    let csv = '';
    c.addEventListener('bh-rectification-export', (e) => {
      e.preventDefault();
      csv = (e as CustomEvent<{ csv: string }>).detail.csv;
    });
    expect(el.exportCsv()).toBe(false);
    expect(csv.startsWith('\uFEFF编号,问题,类别,责任单位,责任人')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    expect(csv).toContain(',逾期');
  });

  test('English', async () => {
    const { el } = await ledger('owner', rectificationItems(3, 1), 'en');
    expect(shadowText(rows(el)[0])).toContain('20 days overdue');
    expect(shadowText(el)).toContain('Problem list and rectification ledger');
  });
});
