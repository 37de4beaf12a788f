// Every page of the example portal, as `npm start` serves it (one-file widget build, strict CSP
// with Trusted Types required): its widgets render, nothing throws or violates the policy, and
// axe finds nothing — in Chinese and, after the language switch, in English.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright';
import { axeViolations } from './support/axe.js';
import { watchPage } from './support/page-watch.js';
import { servePortal } from './support/portal.js';

const pages = readdirSync('examples/portal').filter((f) => f.endsWith('.html'));
const portal = servePortal();

/** Waits until every bihuan widget on the page has rendered and none is still loading. */
async function widgetsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const widgets = [...document.querySelectorAll('*')].filter((e) => e.tagName.startsWith('BH-'));
    return (
      widgets.length > 0 &&
      widgets.every((w) => {
        const root = w.shadowRoot;
        return !!root && root.childElementCount > 0 && !root.querySelector('[part~="loading"]');
      })
    );
  }, undefined, { timeout: 30_000 });
}

/**
 * Widgets that repeat the page's own heading: a widget inside a section that has its own h2 must
 * show no h2 of its own (its `no-heading` attribute), except the case view, whose h2 is the chosen
 * dispute's title. And no two headings on screen read the same.
 */
function duplicatedHeadings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (e: Element) => (e as HTMLElement).checkVisibility?.() ?? getComputedStyle(e).display !== 'none';
    const texts: string[] = [];
    for (const h of document.querySelectorAll('h1, h2')) if (shown(h)) texts.push(h.textContent!.trim());
    for (const w of document.querySelectorAll('*')) {
      if (!w.tagName.startsWith('BH-')) continue;
      const own = [...(w.shadowRoot?.querySelectorAll('h2') ?? [])].filter(shown);
      texts.push(...own.map((h) => h.textContent!.trim()));
      const section = w.closest('section');
      const titled = section?.querySelector(':scope > h2');
      if (titled && w.tagName !== 'BH-DISPUTE-CASE' && own.length > 0) out.push(`${w.tagName}#${w.id}: "${own[0]!.textContent!.trim()}" under "${titled.textContent!.trim()}"`);
    }
    const seen = new Set<string>();
    for (const t of texts) {
      if (seen.has(t)) out.push(`heading shown twice: "${t}"`);
      seen.add(t);
    }
    return out;
  });
}

/** Axe-clean in Chinese and, after the language switch, in English; nothing thrown or violating the CSP meanwhile. */
async function cleanInBothLanguages(page: Page, watched: { violations: string[]; errors: string[] }): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await widgetsSettled(page);
  expect(await axeViolations(page)).toEqual([]);
  expect(watched.violations).toEqual([]);
  expect(watched.errors).toEqual([]);
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
      const t0 = Date.now();
      await page.goto(`${portal.url}${file}`);
      await widgetsSettled(page);
      // A figure for the record (first visit, example data written on the way), not an assertion.
      console.info(`portal: ${file} first visit to settled widgets ${Date.now() - t0} ms (no server, fresh browser profile)`);
      const problems = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((e) => e.tagName.startsWith('BH-') && e.id !== 'empty-rate')
          .flatMap((w) => [...(w.shadowRoot?.querySelectorAll('[part~="problem"]') ?? [])].map((p) => `${w.tagName}: ${p.textContent}`)),
      );
      expect(problems, 'widgets showing a problem').toEqual([]);
      expect(await duplicatedHeadings(page), 'a widget titling itself under the page’s own h2').toEqual([]);
      if (file === 'disputes.html') {
        // No server behind this portal (a static build): the page says its data stay in this browser.
        expect(await page.locator('#portal-connection').getAttribute('data-mode')).toBe('local');
        expect(await page.locator('bh-sync-status').evaluate((e) => e.shadowRoot!.textContent)).toContain('本地存储：不与服务器同步');
      }
      await cleanInBothLanguages(page, { violations, errors });
      await context.close();
    });
  }

  test('disputes.html: a chosen dispute shows its attachments and the documents to print; supervision orders list the overdue disputes to supervise — axe-clean', async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    const { violations, errors } = await watchPage(page);
    await page.goto(`${portal.url}disputes.html`);
    await widgetsSettled(page);
    // A year of examples (in this browser): some are past their stage's deadline, or escalated.
    await page.click('#load-example-year');
    await page.waitForFunction(() => (document.getElementById('supervision') as unknown as { targets?: unknown[] }).targets?.length! > 0, undefined, { timeout: 30_000 });
    const id = await page.evaluate(() => (document.getElementById('supervision') as unknown as { targets: { id: string }[] }).targets[0]!.id);
    await page.evaluate((id) => document.getElementById('ledger')!.dispatchEvent(new CustomEvent('bh-dispute-open', { detail: { id } })), id);
    await page.waitForFunction(() => !!document.querySelector('#case-attachments')?.shadowRoot?.childElementCount && !!document.querySelector('#case-print')?.shadowRoot?.querySelector('[part~="sheet"]'), undefined, { timeout: 30_000 });
    expect(await page.locator('#case-papers').isVisible()).toBe(true);
    // The intake form, filled from the chosen dispute.
    expect(await page.locator('#case-print').evaluate((e) => e.shadowRoot!.textContent)).toContain(id);
    // An agreement before a settlement: the document says in place why it cannot be printed.
    await page.selectOption('#case-print-kind', 'agreement');
    await page.waitForFunction(() => !!document.querySelector('#case-print')?.shadowRoot?.querySelector('[part~="problem"]'));
    await page.selectOption('#case-print-kind', 'intake');
    expect(await duplicatedHeadings(page)).toEqual([]);
    await cleanInBothLanguages(page, { violations, errors });
    await context.close();
  });
});
