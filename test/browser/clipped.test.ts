// Nothing a widget shows is cut off at a desktop width: at 1280 CSS px, in Chinese and in English,
// no table cell, heading or label of any story clips its text (an ellipsis or hidden overflow that
// hides part of a deadline, a name or a figure), and no table needs sideways scrolling. A column too
// narrow for its content ("2026-12-0…") fails here before an officer misreads it.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { cleanup } from './support/render.js';
import { describeEl, isShown, quiet, renderStories, shadowElements, widgetStories, type RenderedStory } from './support/stories.js';

const WIDTH = 1280;

beforeAll(async () => {
  await page.viewport(WIDTH, 900);
});
afterAll(() => document.body.style.removeProperty('margin'));
afterEach(cleanup);

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

function check(rendered: RenderedStory[], lang: string): string[] {
  return rendered.flatMap(({ name, widgets }) => [...clipped(widgets), ...scrolling(widgets)].map((line) => `[${lang}] ${name}: ${line}`));
}

describe(`nothing clipped at ${WIDTH} px`, () => {
  for (const widget of widgetStories) {
    test(`${widget.title}: every story, zh-CN and en`, { timeout: 240_000 }, async () => {
      const rendered = await renderStories(widget, 'zh-CN');
      const problems = check(rendered, 'zh-CN');
      document.documentElement.lang = 'en';
      for (const { container } of rendered) container.lang = 'en';
      await quiet(document.body);
      problems.push(...check(rendered, 'en'));
      document.documentElement.lang = 'zh-CN';
      expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
    });
  }
});
