import type { Page } from 'playwright';

/**
 * Records what a page must never do: throw, log an error, or violate its Content-Security-Policy
 * (Trusted Types included). Call before the page navigates; the arrays fill as it runs.
 */
export async function watchPage(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
        `${e.violatedDirective}: ${e.blockedURI} ${e.sample} ${e.lineNumber}:${e.columnNumber}`,
      );
    });
  });
  return { violations, errors };
}
