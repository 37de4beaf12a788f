// Two tabs of one origin in real Chromium (Playwright), sharing one IndexedDB: only one of them
// syncs (every request is counted per tab), and both show what the server sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright';
import { sourcesPlugin } from '../../../../test/esbuild-sources.ts';
import { launchChromium } from '../../../../test/node/support/chromium.ts';
import { AT, intake, serverOn, tokenFor, USERS } from '../../../server/test/support/databases.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** The page's script: core's sync, store and dispute parts from source, bundled for the browser. */
async function bundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "export * from '@bihuan/core/sync'; export { createIndexedDbStore } from '@bihuan/core/store'; export { createDisputeStoreSpec, disputeLoop, acceptDispute } from '@bihuan/core/dispute';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [sourcesPlugin],
  });
  return out.outputFiles[0]!.text;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>tab</title><script type="module">
  const b = await import('/bundle.js');
  const token = new URL(location.href).searchParams.get('token');
  const local = await b.createIndexedDbStore(b.createDisputeStoreSpec(b.disputeLoop, 'bihuan-tabs'));
  const store = await b.createSyncedStore({ url: location.origin, getToken: () => token, local });
  window.notices = [];
  store.subscribe((n) => window.notices.push(n.source));
  window.bh = b;
  window.store = store;
  window.ready = true;
</script>`;

const SYNC_PATHS = /^\/(push|pull|live|items\/)/;

describe('two tabs of one browser on one synced store', () => {
  let s: Awaited<ReturnType<typeof serverOn>>;
  let http: { close(cb?: () => void): void };
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    s = await serverOn('pglite');
    const script = await bundle();
    const require = createRequire(`${root}packages/server/package.json`);
    // @hono/node-server is the server package's dependency: resolved from there.
    type Serve = (options: { fetch: (request: Request) => Response | Promise<Response>; port: number; hostname: string }, listening: (info: { port: number }) => void) => { close(cb?: () => void): void };
    const { serve } = (await import(pathToFileURL(require.resolve('@hono/node-server')).href)) as { serve: Serve };
    const handler = (request: Request): Response | Promise<Response> => {
      const path = new URL(request.url).pathname;
      if (path === '/') return new Response(PAGE, { headers: { 'content-type': 'text/html; charset=utf-8' } });
      if (path === '/bundle.js') return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
      return s.server.fetch(request);
    };
    origin = await new Promise<string>((resolve) => {
      http = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}`));
    });
    browser = await launchChromium();
    context = await browser.newContext();
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise<void>((r) => (http ? http.close(() => r()) : r()));
    await s?.close();
  });

  it('syncs from one tab only; a change made in the other tab, or on the server, shows in both', async () => {
    const token = await tokenFor(USERS.clerkA);
    const sent = new Map<Page, string[]>();
    const open = async () => {
      const page = await context.newPage();
      sent.set(page, []);
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (SYNC_PATHS.test(path)) sent.get(page)!.push(`${r.method()} ${path}`);
      });
      await page.goto(`${origin}/?token=${encodeURIComponent(token)}`);
      await page.waitForFunction(() => (window as { ready?: boolean }).ready === true);
      return page;
    };
    const first = await open();
    await first.waitForFunction(() => (window as any).store.sync.state().lastSyncAt !== undefined);
    const second = await open();
    const id = 'tab-dispute-1';
    // Accepted at the desk in the second tab: the first one sends it.
    await second.evaluate(
      async ([id, form, at]) => {
        const w = window as any;
        await w.store.put('disputes', w.bh.acceptDispute({ id, intake: form, actor: { id: 'clerk-a', role: 'intakeClerk' }, at }));
      },
      [id, intake(1), AT(0)] as const,
    );
    await expect.poll(async () => (await s.database.query('SELECT 1 FROM items WHERE id = $1', [id])).length, { timeout: 10_000 }).toBe(1);
    // Someone else routes it on the server; both tabs show it routed.
    const routed = await s.call('POST', '/push', { ...USERS.clerkA, sub: 'clerk-a2' }, {
      clientId: 'elsewhere',
      mutations: [{ mutationId: 1, collection: 'disputes', item: id, baseVersion: 1, event: { type: 'route', at: AT(1), payload: { departments: ['judicialAdministration'] } } }],
    });
    expect(routed.json.results[0]).toMatchObject({ ok: true });
    for (const page of [first, second]) {
      await expect.poll(() => page.evaluate(async (id) => (await (window as any).store.get('disputes', id))?.state, id), { timeout: 10_000 }).toBe('routed');
    }
    expect(await second.evaluate(() => (window as any).notices as string[])).toContain('remote');
    expect(await second.evaluate(() => (window as any).store.sync.state().pending)).toBe(0);
    const firstSent = sent.get(first)!;
    expect(firstSent).toContain('POST /items/disputes');
    expect(firstSent.some((r) => r.startsWith('GET /pull'))).toBe(true);
    expect(firstSent.some((r) => r.startsWith('GET /live'))).toBe(true);
    expect(sent.get(second)).toEqual([]);
    // The first tab closes: the second takes over the syncing.
    await first.close();
    await expect.poll(() => sent.get(second)!.some((r) => r.startsWith('GET /pull')), { timeout: 10_000 }).toBe(true);
  });
});
