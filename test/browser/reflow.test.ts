// WCAG 1.4.10 reflow: at 320 CSS px every story of every widget fits the page width, in Chinese and
// in English, with and without a hostile host stylesheet. A table too wide for the screen scrolls
// inside its own region, which is keyboard-focusable, named, and shows a "scroll sideways" line in
// words (not colour alone) in the widget's language. Each widget's stories are rendered once; the
// language and the host stylesheet are switched on the rendered page.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import axe from 'axe-core';
import { cleanup } from './support/render.js';
import { addHostileCss } from './support/hostile-css.js';
import { describeEl, isShown, quiet, renderStories, shadowElements, widgetStories, type RenderedStory } from './support/stories.js';

const WIDTH = 320;
const HINT = { 'zh-CN': '左右滑动', en: 'Scroll sideways' } as const;
type Lang = keyof typeof HINT;

beforeAll(async () => {
  await page.viewport(WIDTH, 800);
  document.body.style.margin = '0';
});
afterAll(() => document.body.style.removeProperty('margin'));
afterEach(cleanup);

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
    .filter((el) => el.getBoundingClientRect().right > WIDTH + 0.5 && isShown(el) && !insideScroller(el))
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

async function check(rendered: RenderedStory[], lang: Lang, label: string): Promise<string[]> {
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
  if (width > WIDTH) problems.unshift(`${label}: the page is ${width} px wide`);
  return problems;
}

describe(`reflow at ${WIDTH} px`, () => {
  for (const widget of widgetStories) {
    test(`${widget.title}: every story fits, zh-CN and en, with and without hostile host CSS`, { timeout: 240_000 }, async () => {
      const problems: string[] = [];
      const rendered = await renderStories(widget, 'zh-CN');
      for (const lang of ['zh-CN', 'en'] as const) {
        if (lang !== 'zh-CN') {
          document.documentElement.lang = lang;
          for (const { container } of rendered) container.lang = lang;
          await quiet(document.body);
        }
        problems.push(...(await check(rendered, lang, `[${lang}]`)));
        const removeCss = addHostileCss();
        try {
          await quiet(document.body);
          problems.push(...(await check(rendered, lang, `[${lang}, hostile CSS]`)));
        } finally {
          removeCss();
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
