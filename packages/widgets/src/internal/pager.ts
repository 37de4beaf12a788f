import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@bihuan/core/schema';

const TEXT = {
  'zh-CN': { nav: '翻页', previous: '上一页', next: '下一页', page: (p: number, n: number, total: number) => `第 ${p} / ${n} 页，共 ${total} 条` },
  en: { nav: 'Pages', previous: 'Previous page', next: 'Next page', page: (p: number, n: number, total: number) => `Page ${p} of ${n}, ${total} rows` },
} as const;

/** The rows of one page (pages count from 0; a page beyond the last shows the last). */
export function pageRows<T>(rows: readonly T[], page: number, size: number): { rows: readonly T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(p * size, p * size + size), page: p, pages };
}

/** Previous/next buttons and "page p of n", announced politely; nothing when everything fits on one page. */
export function pager(locale: Locale, page: number, pages: number, total: number, go: (page: number) => void): TemplateResult | typeof nothing {
  if (pages <= 1) return nothing;
  const t = TEXT[locale];
  return html`<nav class="pager" part="pager" aria-label=${t.nav}>
    <button type="button" ?disabled=${page === 0} @click=${() => go(page - 1)}>${t.previous}</button>
    <span aria-live="polite">${t.page(page + 1, pages, total)}</span>
    <button type="button" ?disabled=${page >= pages - 1} @click=${() => go(page + 1)}>${t.next}</button>
  </nav>`;
}

/**
 * A long list's table, a page at a time: the pager, then the table in a labelled region that
 * scrolls sideways on a narrow screen, its caption, one heading per column and a row per item.
 */
export function pagedTable<T>(locale: Locale, all: readonly T[], paging: { page: number; size: number; go: (page: number) => void }, caption: string, columns: readonly string[], row: (item: T) => unknown): TemplateResult {
  const view = pageRows(all, paging.page, paging.size);
  return html`${pager(locale, view.page, view.pages, all.length, paging.go)}<div class="table-wrap" role="region" aria-label=${caption} tabindex="0">
      <table part="table">
        <caption>${caption}</caption>
        <thead>
          <tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr>
        </thead>
        <tbody>
          ${view.rows.map(row)}
        </tbody>
      </table>
    </div>`;
}
