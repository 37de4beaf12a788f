// The disputes page of the example portal end to end, in Chromium, from the one-file widget build
// under the portal's strict CSP with Trusted Types required: a dispute accepted at the window is
// still in the ledger after a reload (real IndexedDB), and nothing violates the policy.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright';
import { watchPage } from './support/page-watch.js';
import { servePortal } from './support/portal.js';

const portal = servePortal();

async function open(page: Page): Promise<void> {
  const response = await page.goto(`${portal.url}disputes.html`);
  expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
  await page.waitForFunction(() => !!document.getElementById('ledger')?.shadowRoot?.querySelector('[part=summary], .empty'));
}

describe('the disputes page', () => {
  test('a dispute accepted at the window is still in the ledger after a reload, with no CSP violation', async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    const { violations, errors } = await watchPage(page);
    await open(page);
    expect(await page.locator('bh-dispute-ledger .empty').textContent()).toContain('台账中暂无纠纷');

    // A refused submit first: the error summary takes focus.
    await page.locator('bh-dispute-intake button[type=submit]').click();
    await page.waitForFunction(() => document.getElementById('intake')!.shadowRoot!.activeElement?.classList.contains('error-summary'));

    // The noise case, typed as a clerk would.
    const intake = page.locator('bh-dispute-intake');
    await intake.locator('#f-title').fill('邻里噪声纠纷');
    await intake.locator('#f-category').selectOption('noise');
    await intake.locator('#f-description').fill('楼上住户夜间生活噪声，双方多次争执。');
    // The portal gives the intake the county's town–village tree: a town, then one of its villages.
    await intake.locator('#f-town').selectOption('站前街道');
    await intake.locator('#f-community').selectOption('锦绣社区');
    await intake.locator('#f-parties-0-name').fill('陈建国');
    await intake.locator('#f-parties-0-phone').fill('13812341234');
    await intake.locator('#f-parties-1-name').fill('李秀英');
    const accepted = page.evaluate(() => new Promise<string>((resolve) => document.addEventListener('bh-dispute-accepted', (e) => resolve((e as CustomEvent<{ id: string }>).detail.id), { once: true })));
    await intake.locator('button[type=submit]').click();
    const id = await accepted;
    expect(id).toMatch(/^JF-\d{8}-[0-9A-Z]{6}$/);
    await page.locator(`bh-dispute-ledger .open:has-text("${id}")`).waitFor();
    // The notices the acceptance makes are listed in the page's <bh-notice-log>, a party by masked phone only.
    await page.locator('bh-notice-log [part=notice]').first().waitFor();
    const log = (await page.locator('bh-notice-log').textContent({ timeout: 5000 })) ?? '';
    expect(await page.locator('bh-notice-log [part=notice]').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.getElementById('notice-log')!.shadowRoot!.textContent)).not.toContain('13812341234');
    expect(log).not.toContain('13812341234');

    // Reload: IndexedDB kept it.
    await page.reload();
    await open(page);
    const row = page.locator('bh-dispute-ledger [role=row]', { has: page.locator(`.open:has-text("${id}")`) });
    await row.waitFor();
    expect(await row.textContent()).toContain('已受理');
    expect(await page.locator('bh-dispute-ledger [part=summary]').textContent()).toContain('显示 1 件，化解 0 件，化解率 0%');

    // Open it and route it: the case widget acts under the same policy.
    await row.locator('.open').click();
    await page.locator('bh-dispute-case [data-event=route]').click();
    await page.locator('bh-dispute-case #action-form button[type=submit]').click();
    await page.locator('bh-dispute-ledger [role=row]:has-text("已分流")').waitFor();

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
