import { test } from 'vitest';
import { servePortal } from './support/portal.js';
const portal = servePortal();
test('debug', async () => {
  const page = await portal.browser.newPage();
  const msgs: string[] = [];
  page.on('console', (m) => msgs.push(m.type() + ': ' + m.text()));
  page.on('pageerror', (e) => msgs.push('pageerror: ' + e.message));
  page.on('requestfailed', (r) => msgs.push('failed: ' + r.url()));
  page.on('response', (r) => { if (r.status() >= 400) msgs.push('status ' + r.status() + ' ' + r.url()); });
  for (const p of ['tasks.html', 'disputes.html']) {
    await page.goto(`${portal.url}${p}`);
    await page.waitForTimeout(8000);
  }
  console.log(msgs.join('\n'));
}, 120000);
