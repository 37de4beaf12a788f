// Nothing a widget shows is cut off at a desktop width (1280 CSS px): no table cell, heading or
// label of any story clips its text (an ellipsis or hidden overflow that hides part of a deadline,
// a name or a figure), and no table needs sideways scrolling. A column too narrow for its content
// ("2026-12-0…") fails here before an officer misreads it.
import { describeEl, isShown, shadowElements, type RenderedStory } from '../stories.js';

export const DESKTOP_WIDTH = 1280;

const TEXT_CARRIERS = '[role="cell"], [role="columnheader"], td, th, label, h2, h3, dt, dd, button, .stat, .figure';

/** Elements that hide part of their own text: content wider than their box, with overflow clipped. */
function clipped(widgets: Element[]): string[] {
  const out: string[] = [];
  for (const el of widgets.flatMap((w) => shadowElements(w))) {
    if (!el.matches(TEXT_CARRIERS) || !isShown(el) || !(el.textContent ?? '').trim()) continue;
    const style = getComputedStyle(el);
    const hides = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
    if (hides && el.scrollWidth > el.clientWidth + 1) out.push(`${describeEl(el)} "${(el.textContent ?? '').trim().slice(0, 40)}" needs ${el.scrollWidth} px, has ${el.clientWidth}`);
  }
  return out;
}

/** Tables (and table-like grids) that scroll sideways at this width. */
function scrolling(widgets: Element[]): string[] {
  return widgets
    .flatMap((w) => shadowElements(w))
    .filter((el) => {
      const o = getComputedStyle(el).overflowX;
      return (o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.querySelector('table, [role="table"]');
    })
    .map((el) => `${describeEl(el)} scrolls sideways: ${el.scrollWidth} px in ${el.clientWidth}`);
}

/** What is clipped or scrolls in the stories rendered on the page (the viewport already at DESKTOP_WIDTH). */
export function clippedProblems(rendered: RenderedStory[], lang: string): string[] {
  return rendered.flatMap(({ name, widgets }) => [...clipped(widgets), ...scrolling(widgets)].map((line) => `[${lang}] ${name}: ${line}`));
}
