// Printing for the one-week test: the `<bh-print-document>` widget, built from source, fills each
// agreement in real Chromium; the page is printed to an A4 PDF and the PDF's text read back.
import { build } from 'esbuild';
import type { Browser } from 'playwright';
import { sourcesPlugin } from '../esbuild-sources.ts';
import { pdfPages } from '../node/support/pdf-text.js';

export { plain } from '../node/support/pdf-text.js';

/** The widget's own entry, bundled with `@bihuan/*` resolved to the sources (as the tests' aliases do). */
async function widgetBundle(): Promise<string> {
  const out = await build({
    stdin: { contents: "import '@bihuan/widgets/print-document';", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
    plugins: [sourcesPlugin],
  });
  return out.outputFiles[0]!.text;
}

/**
 * Prints one 人民调解协议书 per dispute (each on its own A4 sheet) and returns the PDF's text page by
 * page, with any error the page raised.
 */
export async function printAgreements(browser: Browser, disputes: readonly unknown[], org: string): Promise<{ pages: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.setContent('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{margin:0}</style></head><body></body></html>');
    await page.addScriptTag({ content: await widgetBundle(), type: 'module' });
    await page.waitForFunction(() => customElements.get('bh-print-document') !== undefined);
    await page.evaluate(
      async ([records, issuer]) => {
        for (const record of records) {
          const el = document.createElement('bh-print-document') as HTMLElement & { record: unknown; updateComplete: Promise<unknown> };
          el.setAttribute('document', 'agreement');
          el.setAttribute('org', issuer);
          // Printed by the mediator, whose role sees the parties' names in clear (they sign it).
          el.setAttribute('viewer-role', 'mediator');
          el.record = record;
          document.body.append(el);
          await el.updateComplete;
        }
      },
      [disputes, org] as const,
    );
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = await pdfPages(pdf);
    return { pages, errors };
  } finally {
    await page.close();
  }
}
