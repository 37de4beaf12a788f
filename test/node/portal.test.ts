// The example portal end to end: served as `npm start` serves it, under a strict CSP with Trusted
// Types required, from the one-file widget build.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright';
import { AXE_SOURCE, WCAG_TAGS } from './support/chromium.js';
import { watchPage } from './support/page-watch.js';
import { servePortal } from './support/portal.js';

const portal = servePortal();

/** Opens the portal, recording CSP violations and page errors. */
async function openPortal(): Promise<{ page: Page; violations: string[]; errors: string[] }> {
  const page = await portal.browser.newPage();
  const { violations, errors } = await watchPage(page);
  const response = await page.goto(portal.url);
  expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
  await page.waitForFunction(() => customElements.get('bh-rate-card') !== undefined);
  return { page, violations, errors };
}

const cardText = (page: Page, id: string) =>
  page.evaluate((id) => document.getElementById(id)!.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim(), id);

describe('the example portal', () => {
  test('shows the source’s figures as rate cards, with no CSP violation', async () => {
    const { page, violations, errors } = await openPortal();
    await page.waitForFunction(() => !!document.getElementById('centre-rate')?.shadowRoot?.textContent?.includes('%'));
    expect(await cardText(page, 'centre-rate')).toContain('95.53%');
    expect(await cardText(page, 'centre-rate')).toContain('受理 425 件，化解 406 件');
    expect(await cardText(page, 'towns-rate')).toContain('98.5%');
    expect(await cardText(page, 'towns-rate')).toContain('较综治中心上升 2.97 个百分点');
    expect(await cardText(page, 'task-rate')).toContain('99.87%');
    expect(await cardText(page, 'reception-rate')).toContain('26.09%');
    expect(await cardText(page, 'certificate-rate')).toContain('75.18%');
    expect(await cardText(page, 'policy-rate')).toContain('100%');
    expect(await cardText(page, 'empty-rate')).toContain('—');
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('switches to English by keyboard, and passes axe in both languages', async () => {
    const { page, violations, errors } = await openPortal();
    // Under the portal's CSP an injected <script> would be refused; axe is evaluated by the driver.
    const axeSource = await import('node:fs').then((fs) => fs.readFileSync(AXE_SOURCE, 'utf8'));
    const runAxe = async () => {
      await page.evaluate(axeSource);
      return page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
        return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map((v) => v.id);
      }, WCAG_TAGS);
    };
    expect(await runAxe()).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lang-toggle');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('centre-rate')!.shadowRoot!.textContent!.includes('Accepted'));
    expect(await cardText(page, 'centre-rate')).toContain('Accepted 425, resolved 406');
    expect(await cardText(page, 'towns-rate')).toContain('up 2.97 percentage points on the centre');
    expect(await runAxe()).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
