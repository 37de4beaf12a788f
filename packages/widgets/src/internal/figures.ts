import { html, nothing, type TemplateResult } from 'lit';

/**
 * Marks for figures that foot (checked by test/browser/stories.test.ts on every story): the total of
 * a `column` and its parts, inside one `data-foot` container, must add up as shown.
 */
export type FootMark = { readonly total: string } | { readonly part: string };

/** The attributes of a foot mark, for an element a template writes itself. */
export const footTotal = (mark: FootMark | undefined): string | typeof nothing => (mark && 'total' in mark ? mark.total : nothing);
export const footPart = (mark: FootMark | undefined): string | typeof nothing => (mark && 'part' in mark ? mark.part : nothing);

/**
 * Key figures as a description list (`part="summary"`): each a label and its value. An entry may
 * carry a foot mark: a total and its parts shown side by side here (事项总数 = 问题清单 + 立行立改 +
 * 整改台账) then foot, and a test holds them to it.
 */
export function figures(entries: readonly (readonly [label: string, value: string, foot?: FootMark])[]): TemplateResult {
  const footed = entries.some((e) => e[2] !== undefined);
  return html`<dl class="figures" part="summary" ?data-foot=${footed}>
    ${entries.map(([label, value, foot]) => html`<div><dt>${label}</dt><dd data-foot-total=${footTotal(foot)} data-foot-part=${footPart(foot)}>${value}</dd></div>`)}
  </dl>`;
}

/**
 * A table's horizontal scroll box: a labelled region that takes focus, so that keyboard users can
 * scroll a table wider than the widget (axe: scrollable-region-focusable).
 */
export function scrollRegion(label: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-wrap" role="region" aria-label=${label} tabindex="0">${table}</div>`;
}
