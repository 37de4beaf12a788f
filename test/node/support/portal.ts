import { afterAll, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright';
import { type StaticServer, startStaticServer } from '../../../examples/static-server.mjs';
import { launchChromium } from './chromium.js';

/**
 * Serves the example portal as `npm start` does (the widgets' script-tag files, strict CSP) and launches
 * Chromium for the tests of this file; both are closed after them.
 */
export function servePortal(): { readonly url: string; readonly browser: Browser } {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync('packages/widgets/dist/cdn/bihuan.js')) throw new Error('Widgets are not built: run `pnpm build` (the test command does).');
    server = await startStaticServer({ mounts: { '/': 'examples/portal', '/widgets/': 'packages/widgets/dist' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
