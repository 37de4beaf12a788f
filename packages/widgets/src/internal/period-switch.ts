// The period switch (统计期) of the ledgers and boards that answer "as it stood at the end of the
// period": week, month, quarter or year on the China calendar (weeks from Monday, quarters of three
// months), the period before and after, and — where the widget also shows everything — "all".
import { css, html, nothing, type TemplateResult } from 'lit';
import { type Period, periodOf, previousPeriod } from '@bihuan/core/calendar';
import type { Locale } from '@bihuan/core/schema';

/** The kinds of period the switch offers. */
export const SWITCH_KINDS = ['week', 'month', 'quarter', 'year'] as const;
export type SwitchKind = (typeof SWITCH_KINDS)[number];

const WORDS: Readonly<Record<Locale, { readonly group: string; readonly kinds: Readonly<Record<SwitchKind, string>>; readonly all: string; readonly previous: string; readonly next: string }>> = {
  'zh-CN': { group: '统计期', kinds: { week: '周', month: '月', quarter: '季度', year: '年' }, all: '全部', previous: '上一期', next: '下一期' },
  en: { group: 'Period', kinds: { week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year' }, all: 'All', previous: 'Previous period', next: 'Next period' },
};

export interface PeriodSwitchOptions {
  /** The moment a kind chosen from "all" starts from (the period of that kind containing it). */
  readonly now?: number;
  /** Offer "all" (no period): the switch's `go('')`. */
  readonly all?: boolean;
}

/**
 * The switch (`part="period-switch"`, a labelled group): a button per kind (pressed for the
 * period's), the previous and next period (`previous-period`, `next-period`) and the period's first
 * and last day (`period-label`). `go` receives the key of the period chosen (`2026-W49`, `2026-12`,
 * `2026-Q4`, `2026`), or `''` for "all".
 */
export function periodSwitch(locale: Locale, period: Period | undefined, go: (key: string) => void, options: PeriodSwitchOptions = {}): TemplateResult {
  const w = WORDS[locale];
  const kind: SwitchKind | undefined = period === undefined ? undefined : period.kind === 'range' ? 'month' : period.kind;
  const from = period?.from ?? options.now ?? Date.now();
  return html`<div class="toolbar period-switch" part="period-switch" role="group" aria-label=${w.group}>
    ${options.all ? html`<button type="button" aria-pressed=${period === undefined ? 'true' : 'false'} @click=${() => go('')}>${w.all}</button>` : nothing}
    ${SWITCH_KINDS.map((k) => html`<button type="button" aria-pressed=${k === kind ? 'true' : 'false'} @click=${() => go(periodOf(from, k).key)}>${w.kinds[k]}</button>`)}
    ${period && kind
      ? html`<button type="button" part="previous-period" aria-label=${w.previous} @click=${() => go(previousPeriod(period).key)}>‹</button>
          <span part="period-label">${period.from} – ${period.to}</span>
          <button type="button" part="next-period" aria-label=${w.next} @click=${() => go(periodOf(period.endMs, kind).key)}>›</button>`
      : nothing}
  </div>`;
}

export const periodSwitchStyles = css`
  .period-switch {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin: 0 0 var(--_space);
  }
  .period-switch [part='period-label'] {
    white-space: nowrap;
  }
`;
