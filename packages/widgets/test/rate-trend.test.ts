import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { html } from 'lit';
import '@bihuan/widgets/rate-trend';
import type { BhRateTrend, RateTrendSeries } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';

afterEach(cleanup);

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const points = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="point"]')] as SVGGElement[];

const thisYear: RateTrendSeries = { name: '2026年', points: [{ key: '2026-01', label: '1月', numerator: 38, denominator: 40 }, { key: '2026-02', label: '2月', numerator: 0, denominator: 0 }, { key: '2026-03', label: '3月', numerator: 406, denominator: 425 }] };
const lastYear: RateTrendSeries = { name: '2025年', points: [{ key: '2025-01', label: '1月', numerator: 30, denominator: 40 }, { key: '2025-02', label: '2月', numerator: 9, denominator: 10 }, { key: '2025-03', label: '3月', numerator: 2227, denominator: 2261 }] };

describe('<bh-rate-trend>', () => {
  test('a rate by month, this year against last: exact values, table, summary, keyboard between points, print', async () => {
    const c = await mount(html`<bh-rate-trend label="化解率" .series=${[thisYear, lastYear]}></bh-rate-trend>`);
    const el = c.querySelector('bh-rate-trend') as BhRateTrend;
    // A month without cases has no point (no rate to draw): 2 + 3 points.
    expect(points(el)).toHaveLength(5);
    expect(points(el).map((p) => p.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    expect(points(el)[1]!.getAttribute('aria-label')).toBe('2026年 3月 化解率 95.53%（406/425）');
    expect(shadowText(part(el, 'summary'))).toBe('2026年最近一期（3月）化解率 95.53%，2025年同期 98.5%，相差 -2.97 个百分点');
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')].map((r) => [...r.children].map((td) => td.textContent!.trim()));
    expect(rows).toEqual([
      ['1月', '95%（38/40）', '75%（30/40）'],
      ['2月', '—（0/0）', '90%（9/10）'],
      ['3月', '95.53%（406/425）', '98.5%（2227/2261）'],
    ]);
    await expectNoAxeViolations(c);

    // Keyboard: focus the first point, then → (skipping the month without cases), ↓ to last year, End.
    points(el)[0]!.focus();
    await settle(el);
    expect(shadowText(part(el, 'focus'))).toBe('2026年 1月 化解率 95%（38/40）');
    await userEvent.keyboard('{ArrowRight}');
    await settle(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).toBe('2026年 3月 化解率 95.53%（406/425）');
    expect(shadowText(part(el, 'focus'))).toBe('2026年 3月 化解率 95.53%（406/425）');
    await userEvent.keyboard('{ArrowDown}');
    await settle(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).toBe('2025年 3月 化解率 98.5%（2227/2261）');
    await userEvent.keyboard('{Home}');
    await settle(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).toBe('2025年 1月 化解率 75%（30/40）');
    expect(points(el).filter((p) => p.tabIndex === 0)).toHaveLength(1);

    // Print: the table shows, the drawing does not.
    const table = el.shadowRoot!.querySelector('.data') as HTMLElement;
    expect(table.getBoundingClientRect().width).toBeLessThan(2);
    const sheet = [...el.shadowRoot!.adoptedStyleSheets].flatMap((s) => [...s.cssRules]).find((r) => r instanceof CSSMediaRule && r.conditionText === 'print') as CSSMediaRule | undefined;
    expect(sheet?.cssText).toContain('svg');

    // English, and stations against the county as bars, with the comparison done exactly.
    el.lang = 'en';
    el.kind = 'bars';
    el.label = 'Completion rate';
    el.series = [{ name: 'This month', points: [{ key: 'a', label: 'Station A', numerator: 46, denominator: 48 }, { key: 'b', label: 'Station B', numerator: 29, denominator: 40 }, { key: 'c', label: 'Station C', numerator: 1, denominator: 3 }] }];
    el.reference = { name: 'the county', numerator: 2, denominator: 6 };
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('.bar.below')).toHaveLength(0); // 1/3 equals 2/6: not below
    expect(shadowText(part(el, 'summary'))).toBe('highest Station A 95.83%; lowest Station C 33.33%; 0 below the county; 3 at or above the county');
    expect(el.shadowRoot!.querySelector('.reference')).not.toBeNull();
    await expectNoAxeViolations(c);

    // Refused figures are shown in place, in the page's language.
    el.series = [{ name: '2026', points: [{ key: '2026-01', numerator: 12, denominator: 10 }] }];
    await settle(el);
    expect(part(el, 'problem')?.getAttribute('role')).toBe('alert');
  });
});
