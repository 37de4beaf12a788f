// Every page of the example portal, as `npm start` serves it (one-file widget build, strict CSP
// with Trusted Types required): its widgets render, nothing throws or violates the policy, and
// axe finds nothing — in Chinese and, after the language switch, in English.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright';
import { AXE_SOURCE, WCAG_TAGS } from './support/chromium.js';
import { watchPage } from './support/page-watch.js';
import { servePortal } from './support/portal.js';

const pages = readdirSync('examples/portal').filter((f) => f.endsWith('.html'));
const portal = servePortal();
const axeSource = readFileSync(AXE_SOURCE, 'utf8');

/** Waits until every bihuan widget on the page has rendered and none is still loading. */
async function widgetsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const widgets = [...document.querySelectorAll('*')].filter((e) => e.tagName.startsWith('BH-'));
    return (
      widgets.length > 0 &&
      widgets.every((w) => {
        const root = w.shadowRoot;
        return !!root && root.childElementCount > 0 && !root.querySelector('[aria-busy="true"]');
      })
    );
  }, undefined, { timeout: 30_000 });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}

describe('the example portal’s pages', () => {
  test('there is a page per area, each in the navigation', () => {
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'disputes.html', 'tasks.html', 'evaluation.html', 'community.html', 'services.html']));
    const nav = readFileSync('examples/portal/portal.js', 'utf8');
    for (const page of pages) expect(nav, `${page} in PAGES`).toContain(`'${page}'`);
  });

  for (const file of pages) {
    test(`${file}: renders its widgets under the strict CSP, axe-clean in both languages`, async () => {
      const context = await portal.browser.newContext();
      const page = await context.newPage();
      const { violations, errors } = await watchPage(page);
      await page.goto(`${portal.url}${file}`);
      await widgetsSettled(page);
      const problems = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((e) => e.tagName.startsWith('BH-') && e.id !== 'empty-rate')
          .flatMap((w) => [...(w.shadowRoot?.querySelectorAll('[part~="problem"]') ?? [])].map((p) => `${w.tagName}: ${p.textContent}`)),
      );
      expect(problems, 'widgets showing a problem').toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.click('#lang-toggle');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await widgetsSettled(page);
      expect(await axeViolations(page)).toEqual([]);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
