import { readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { AXE_SOURCE, WCAG_TAGS } from './chromium.js';

let source: string | undefined;

/**
 * axe's WCAG 2 A/AA violations on the page, as `rule: targets`. The driver evaluates axe's source
 * (under the portal's CSP an injected <script> would be refused).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate((source ??= readFileSync(AXE_SOURCE, 'utf8')));
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}
