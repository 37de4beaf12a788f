// WCAG 1.4.10 reflow: at 320 CSS px every story of every widget fits the page width. A table too
// wide for the screen scrolls inside its own region, which is keyboard-focusable, named, and shows
// a "scroll sideways" line in words (not colour alone) in the widget's language.
import axe from 'axe-core';
import { describeEl, isShown, shadowElements, type RenderedStory } from '../stories.js';

export const REFLOW_WIDTH = 320;
const HINT = { 'zh-CN': '左右滑动', en: 'Scroll sideways' } as const;
export type Lang = keyof typeof HINT;

function scrollsSideways(el: Element): boolean {
  const o = getComputedStyle(el).overflowX;
  return (o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1;
}

function insideScroller(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (scrollsSideways(p)) return true;
  return false;
}

/** Elements whose right edge passes the viewport and that no scrolling region of their own holds. */
function stickingOut(widgets: Element[]): string[] {
  return widgets
    .flatMap((w) => shadowElements(w))
    .filter((el) => el.getBoundingClientRect().right > REFLOW_WIDTH + 0.5 && isShown(el) && !insideScroller(el))
    .slice(0, 6)
    .map((el) => `${describeEl(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
}

/** Regions that scroll sideways at this width: focusable, named, with a worded cue in the widget's language. */
function scrollRegionProblems(widgets: Element[], lang: Lang): string[] {
  const problems: string[] = [];
  for (const el of widgets.flatMap((w) => shadowElements(w)).filter(scrollsSideways)) {
    if ((el as HTMLElement).tabIndex < 0) problems.push(`${describeEl(el)} scrolls but cannot take keyboard focus`);
    if (el.getAttribute('role') !== 'region' || !el.getAttribute('aria-label')?.trim()) problems.push(`${describeEl(el)} scrolls but is not a named region`);
    const cue = getComputedStyle(el, '::before');
    if (cue.display === 'none' || !cue.content.includes(HINT[lang])) problems.push(`${describeEl(el)} scrolls without a "${HINT[lang]}" line (${cue.content})`);
  }
  return problems;
}

/** What does not reflow in the stories rendered on the page (the viewport already at REFLOW_WIDTH). */
export async function reflowProblems(rendered: RenderedStory[], lang: Lang, label: string): Promise<string[]> {
  const problems: string[] = [];
  for (const { name, widgets } of rendered) {
    // A story that sets its own language keeps it.
    const storyLang = (w: Element): Lang => ((w.closest('[lang]')?.getAttribute('lang') ?? lang).startsWith('en') ? 'en' : 'zh-CN');
    for (const line of stickingOut(widgets)) problems.push(`${label} ${name}: ${line}`);
    for (const w of widgets) for (const line of scrollRegionProblems([w], storyLang(w))) problems.push(`${label} ${name}: ${line}`);
  }
  const { violations } = await axe.run(document.body, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] } });
  for (const v of violations) for (const n of v.nodes) problems.push(`${label} axe ${v.id}: ${n.target.join(' ')}`);
  const width = document.documentElement.scrollWidth;
  if (width > REFLOW_WIDTH) problems.unshift(`${label}: the page is ${width} px wide`);
  return problems;
}
