import { html, type TemplateResult } from 'lit';

/** Key figures as a description list (`part="summary"`): each a label and its value. */
export function figures(entries: readonly (readonly [label: string, value: string])[]): TemplateResult {
  return html`<dl class="figures" part="summary">
    ${entries.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
  </dl>`;
}

/**
 * A table's horizontal scroll box: a labelled region that takes focus, so that keyboard users can
 * scroll a table wider than the widget (axe: scrollable-region-focusable).
 */
export function scrollRegion(label: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-wrap" role="region" aria-label=${label} tabindex="0">${table}</div>`;
}
