// Two real Chromium tabs on one origin (one IndexedDB), for the lost-update attacks of issue 19:
// a page script (ES module source importing '@bihuan/core') is bundled against the built core
// (`pnpm --filter @bihuan/core build`), served from 127.0.0.1, and opened in two pages of one
// browser context. The page sets `globalThis.ready = true` when its functions are in place.
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../../../test/node/support/chromium.js';

const root = join(__dirname, '../../../..');

export interface Tabs {
  readonly tabs: readonly [Page, Page];
  /** Calls `globalThis[name](...args)` in a tab and returns its result. */
  call<T>(tab: Page, name: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export async function openTabs(source: string): Promise<Tabs> {
  // esbuild comes with tsup; resolve it from there rather than adding a dependency.
  const esbuild = createRequire(createRequire(join(root, 'package.json')).resolve('tsup'))('esbuild');
  const built = await esbuild.build({
    // Resolved from the workspace root, where node_modules/@bihuan/core links the package: esbuild
    // reads core's own `exports` map, so every entry ('@bihuan/core', '/examples', '/<domain>/examples')
    // is the built file a host would get.
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
  });
  const code = built.outputFiles[0].text as string;
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': req.url === '/race.js' ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8' });
    res.end(req.url === '/race.js' ? code : '<!doctype html><meta charset="utf-8"><script type="module" src="/race.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser: Browser = await launchChromium();
  const context: BrowserContext = await browser.newContext();
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const tabs = [await context.newPage(), await context.newPage()] as [Page, Page];
  for (const tab of tabs) {
    await tab.goto(url);
    await tab.waitForFunction(() => (globalThis as { ready?: boolean }).ready === true);
  }
  return {
    tabs,
    call: <T>(tab: Page, name: string, ...args: unknown[]) =>
      tab.evaluate(([n, a]) => (globalThis as unknown as Record<string, (...x: unknown[]) => unknown>)[n as string]!(...(a as unknown[])), [name, args] as const) as Promise<T>,
    async close() {
      await context.close();
      await browser.close();
      server.close();
    },
  };
}

/** The two tabs for a test file: opened before its first test, closed after its last. */
export function useTabs(source: string): () => Tabs {
  let t: Tabs | undefined;
  beforeAll(async () => {
    t = await openTabs(source);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  return () => t!;
}

/**
 * Page source for `globalThis.work(ids)`: cancels the even orders and files feedback (as the order's
 * current officer) on the odd ones, one event (one transaction) each; returns [id, kind, accepted].
 * The page must import applyLoopEvent, createIndexedDbStore, exampleFeedback, taskOrderLoop and
 * taskStoreSpec, and define `at(minute)`.
 */
export const WORK_ON_ORDERS = `
globalThis.work = async (ids) => {
  const store = await createIndexedDbStore(taskStoreSpec);
  const out = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    let r;
    if (i % 2 === 0) r = await applyLoopEvent(store, 'orders', taskOrderLoop, id, { type: 'cancel', actor: { id: 'disp', role: 'dispatcher' }, at: at(31), payload: { reason: '重复派发' } });
    else {
      const order = await store.get('orders', id);
      r = await applyLoopEvent(store, 'orders', taskOrderLoop, id, { type: 'feedback', actor: { id: order.data.officer, role: 'officer' }, at: at(31), payload: { values: exampleFeedback(order.data.template) } });
    }
    out.push([id, i % 2 === 0 ? 'cancel' : 'feedback', r.ok]);
  }
  store.close();
  return out;
};
`;
