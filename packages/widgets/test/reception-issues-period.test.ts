// <bh-reception-issues> by period: the switch (all, week, month, quarter, year on the China
// calendar, previous and next), each period's issues as they stood at its end, the issues collected
// footing to closed + on the supervision ledger, the change on the previous period and last year,
// rows moved on since the period ended read only, and a bad period refused in place.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { receptionOfPeriod, summarizeReceptionPeriod } from '@bihuan/core';
import '@bihuan/widgets/reception-issues';
import { cleanup, mount, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { until } from './dispute-support.js';
import { NOW, receptionSeason, receptionStore } from '../../../stories/support/evaluation.js';

afterEach(cleanup);

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const switchButton = (el: Element, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="period-switch"] button')].find((b) => b.textContent === label)!;
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')];
/** The summary's figures, label → shown value. */
function figures(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const div of part(el, 'summary')!.querySelectorAll('div')) out[shadowText(div.querySelector('dt'))] = shadowText(div.querySelector('dd'));
  return out;
}
/** The footing parts (closed, on the supervision ledger) add up to the issues collected. */
function foots(el: Element): void {
  const summary = part(el, 'summary')!;
  const n = (d: Element | null) => Number(shadowText(d).replace(/,/g, ''));
  const parts = [...summary.querySelectorAll('[data-foot-part="issues"]')].map(n);
  expect(parts).toHaveLength(2);
  expect(parts.reduce((a, b) => a + b, 0)).toBe(n(summary.querySelector('[data-foot-total="issues"]')));
}

async function setup(period = '', lang?: string) {
  const items = receptionSeason();
  const c = await mount(html`<bh-reception-issues viewer-role="host" viewer-id="host-wang" period=${period} now=${NOW} .store=${receptionStore(items)}></bh-reception-issues>`, lang);
  const el = c.querySelector('bh-reception-issues')!;
  await until(() => !!part(el, 'summary') || !!part(el, 'problem'));
  return { c, el, items };
}

describe('<bh-reception-issues> by period', () => {
  test('all, then the month, the month before and the one before it: each as it stood at its end, footing', async () => {
    const { c, el, items } = await setup();
    expect(switchButton(el, '全部').getAttribute('aria-pressed')).toBe('true');
    expect(figures(el)).toMatchObject({ 收集问题: '56', 已办结: '22', 督办台账: '34' });
    foots(el);
    // The month of `now` (2 March 2026) is March: no reception day yet.
    switchButton(el, '月').click();
    await until(() => shadowText(part(el, 'period-label')) === '2026-03-01 – 2026-03-31');
    expect(switchButton(el, '月').getAttribute('aria-pressed')).toBe('true');
    expect(shadowText(el)).toContain('本期没有收集的问题。');
    expect(figures(el)).toMatchObject({ 收集问题: '0', 已办结: '0', 督办台账: '0', 办结率: '—' });
    foots(el);
    // February: the day of 16 February, 15 issues, 5 closed, against January (23) and February 2025 (18).
    part(el, 'previous-period')!.click();
    await until(() => shadowText(part(el, 'period-label')) === '2026-02-01 – 2026-02-28');
    expect(figures(el)).toMatchObject({ 收集问题: '15', 已办结: '5', 督办台账: '10', 办结率: '33.33%' });
    foots(el);
    expect(rows(el)).toHaveLength(receptionOfPeriod(items, '2026-02').length);
    const report = summarizeReceptionPeriod(items, '2026-02');
    expect(report.collected).toEqual({ previous: '-34.78%', lastYear: '-16.67%' });
    expect(shadowText(part(el, 'period-change'))).toBe('较上一期：收集问题 -34.78%，办结率 +33.33 个百分点，满意率 —；较去年同期：收集问题 -16.67%，办结率 -16.67 个百分点，满意率 -18.57 个百分点');
    // January, as it stood on 31 January: the day of 26 January was still being handled (its 8
    // issues written off on 4 February were still 督办中 then, and their rows offer no action).
    part(el, 'previous-period')!.click();
    await until(() => shadowText(part(el, 'period-label')).startsWith('2026-01-01'));
    expect(figures(el)).toMatchObject({ 收集问题: '23', 已办结: '0', 督办台账: '23', 办结率: '0%' });
    foots(el);
    const later = rows(el).find((r) => shadowText(r).includes('JD-2026-01-26-001'))!;
    expect(shadowText(later)).toContain('督办中');
    expect(later.querySelectorAll('button')).toHaveLength(0);
    await expectNoAxeViolations(c);
    // Next, then back to all: the same issue as it stands now, written off (销号), its actions offered again.
    part(el, 'next-period')!.click();
    await until(() => shadowText(part(el, 'period-label')).startsWith('2026-02-01'));
    switchButton(el, '全部').click();
    await until(() => !part(el, 'period-label'));
    expect(figures(el)['收集问题']).toBe('56');
    const now = rows(el).find((r) => shadowText(r).includes('JD-2026-01-26-001'))!;
    expect(shadowText(now)).toContain('已销号');
    expect(now.querySelectorAll('button').length).toBeGreaterThan(0);
  });

  test('a quarter on the China calendar, in English: the figures foot, no CJK punctuation from our strings', async () => {
    const { c, el } = await setup('2026-Q1', 'en');
    expect(switchButton(el, 'Quarter').getAttribute('aria-pressed')).toBe('true');
    expect(shadowText(part(el, 'period-label'))).toBe('2026-01-01 – 2026-03-31');
    expect(figures(el)).toMatchObject({ 'Issues collected': '38', Closed: '13', 'On the supervision ledger': '25', 'Closed share': '34.21%' });
    foots(el);
    const change = shadowText(part(el, 'period-change'));
    expect(change).toBe('On the previous period: issues collected —, closed share —, satisfaction —; on the same period last year: issues collected +111.11%, closed share -15.79 percentage points, satisfaction -17.78 percentage points');
    expect(change).not.toMatch(/[，。、；：（）]/);
    expect(shadowText(part(el, 'period-switch'))).not.toMatch(/[，。、；：（）]/);
    await expectNoAxeViolations(c);
  });

  test('a key that names no period is refused in place, naming it; the store is left as it was', async () => {
    const { el, items } = await setup('2026-13');
    expect(part(el, 'problem')).not.toBeNull();
    expect(shadowText(part(el, 'problem'))).toMatch(/统计期.*2026-13/);
    expect(rows(el)).toHaveLength(0);
    expect(items).toHaveLength(56);
  });
});
