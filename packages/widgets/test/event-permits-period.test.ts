// <bh-event-permits> by period: the switch (all, week, month, quarter, year on the China calendar,
// previous and next), each period's filings as they stood at its end, figures that foot to the
// filings, the change on the previous period and last year, and a bad period refused in place.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { createMemoryStore, eventPermitStore, permitsOfPeriod, summarizeEventPermitsPeriod } from '@bihuan/core';
import { examplePermitsInProgress } from '@bihuan/core/examples';
import '@bihuan/widgets/event-permits';
import { cleanup, mount, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { until } from './dispute-support.js';

afterEach(cleanup);

const NOW = '2026-06-20T10:00:00+08:00';
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const switchButton = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="period-switch"] button')].find((b) => b.textContent === label)!;
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')];
/** The summary's figures, label → number. */
function figures(el: Element): Record<string, number> {
  const out: Record<string, number> = {};
  for (const div of part(el, 'summary')!.querySelectorAll('div')) out[shadowText(div.querySelector('dt'))] = Number(shadowText(div.querySelector('dd')).replace(/,/g, ''));
  return out;
}
/** The footing parts add up to the marked total. */
function foots(el: Element): void {
  const summary = part(el, 'summary')!;
  const total = Number(shadowText(summary.querySelector('[data-foot-total="filings"]')).replace(/,/g, ''));
  const parts = [...summary.querySelectorAll('[data-foot-part="filings"]')].map((d) => Number(shadowText(d).replace(/,/g, '')));
  expect(parts).toHaveLength(5);
  expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
}

async function setup(period = '', lang?: string) {
  const items = examplePermitsInProgress('2026-06-20');
  const store = createMemoryStore(eventPermitStore);
  await store.bulkPut('permits', items);
  const c = await mount(html`<bh-event-permits viewer-role="reviewer" period=${period} now=${NOW} .store=${store}></bh-event-permits>`, lang);
  const el = c.querySelector('bh-event-permits')!;
  await until(() => !!part(el, 'summary') || !!part(el, 'problem'));
  return { c, el, items };
}

describe('<bh-event-permits> by period', () => {
  test('all, then the month, the month before and the one before it: each as it stood at its end, footing', async () => {
    const { c, el, items } = await setup();
    expect(switchButton(el, '全部').getAttribute('aria-pressed')).toBe('true');
    expect(figures(el)['报备']).toBe(8);
    foots(el);
    // The month of `now`: June's two filings (one filed, one under review).
    switchButton(el, '月').click();
    await until(() => shadowText(part(el, 'period-label')) === '2026-06-01 – 2026-06-30');
    expect(switchButton(el, '月').getAttribute('aria-pressed')).toBe('true');
    expect(figures(el)).toMatchObject({ 报备: 2, 在办: 2, 已举办: 0 });
    foots(el);
    expect(rows(el)).toHaveLength(permitsOfPeriod(items, '2026-06').length);
    // The change on May (2 filings) and on June 2025 (none), with formatChange / formatPoints.
    const report = summarizeEventPermitsPeriod(items, '2026-06');
    const points = (p: string) => (p === '—' ? p : `${p} 个百分点`);
    expect(shadowText(part(el, 'period-change'))).toBe(`较上一期：报备 ${report.filings.previous}，无事故举办率 ${points(report.safeRate.previous)}；较去年同期：报备 ${report.filings.lastYear}，无事故举办率 ${points(report.safeRate.lastYear)}`);
    // April, two periods back: the event held on 10 June was only approved by the end of April.
    part(el, 'previous-period')!.click();
    await until(() => shadowText(part(el, 'period-label')).startsWith('2026-05-01'));
    expect(figures(el)).toMatchObject({ 报备: 2, 不予许可: 1, 已撤回: 1 });
    part(el, 'previous-period')!.click();
    await until(() => shadowText(part(el, 'period-label')).startsWith('2026-04-01'));
    expect(figures(el)).toMatchObject({ 报备: 2, 在办: 2, 已举办: 0 });
    foots(el);
    const held = items.find((i) => i.state === 'held')!;
    const heldRow = rows(el).find((r) => shadowText(r).includes(held.data.name))!;
    expect(shadowText(heldRow.querySelector('.state'))).toContain('方案已批准');
    // It has moved on since: that row offers no action; the other, unchanged since, still does.
    expect(heldRow.querySelectorAll('button')).toHaveLength(0);
    const other = rows(el).find((r) => r !== heldRow)!;
    expect(other.querySelectorAll('button').length).toBeGreaterThan(0);
    await expectNoAxeViolations(c);
    // Next, then back to all.
    part(el, 'next-period')!.click();
    await until(() => shadowText(part(el, 'period-label')).startsWith('2026-05-01'));
    switchButton(el, '全部').click();
    await until(() => !part(el, 'period-label'));
    expect(figures(el)['报备']).toBe(8);
  });

  test('a quarter on the China calendar, in English: the figures foot, no CJK punctuation from our strings', async () => {
    const { c, el, items } = await setup('2026-Q2', 'en');
    expect(switchButton(el, 'Quarter').getAttribute('aria-pressed')).toBe('true');
    expect(shadowText(part(el, 'period-label'))).toBe('2026-04-01 – 2026-06-30');
    const q2 = permitsOfPeriod(items, '2026-Q2');
    expect(figures(el)).toMatchObject({ Filings: q2.length, 'In progress': 3, Held: 1, Refused: 1, Withdrawn: 1, Expired: 0 });
    foots(el);
    const change = shadowText(part(el, 'period-change'));
    // Q1 had 2 filings and none held (no rate to compare: "—", without a unit); Q2 2025 had none.
    expect(change).toBe('On the previous period: filings +200%, held without incident —; on the same period last year: filings —, held without incident —');
    expect(change).not.toMatch(/[，。、；：（）]/);
    expect(shadowText(part(el, 'period-switch'))).not.toMatch(/[，。、；：（）]/);
    await expectNoAxeViolations(c);
  });

  test('a week with no filing says so; a key that names no period is refused in place, naming it', async () => {
    const { el } = await setup('2026-W10');
    expect(shadowText(el)).toContain('本期没有报备。');
    expect(figures(el)['报备']).toBe(0);
    foots(el);
    cleanup();
    const bad = await setup('2026-13');
    expect(part(bad.el, 'problem')).not.toBeNull();
    expect(shadowText(part(bad.el, 'problem'))).toMatch(/period|统计期|期/);
  });
});
