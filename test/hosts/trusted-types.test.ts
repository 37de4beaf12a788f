// A portal whose CSP allows only its own Trusted Types policy names (`trusted-types portal-policy`):
// lit may not make its "lit-html" policy there. The library must still load — core's exports usable
// by the portal's code, every tag defined — and each widget must say in place, in its language,
// what the policy must allow. Both as the script-tag file and as an npm host's bundle.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright';
import { REPO } from './support/hosts.mjs';
import { openWatched, widgetState } from './support/page.ts';
import { launchChromium } from '../node/support/chromium.ts';
import { STRICT_CSP, startStaticServer, type StaticServer } from '../../examples/static-server.mjs';

const CDN = join(REPO, 'packages/widgets/dist/cdn');
const PAGES = join(REPO, 'test/hosts/cdn');
const OWN_POLICY_ONLY = STRICT_CSP.replace('trusted-types lit-html', 'trusted-types portal-policy');

let browser: Browser;
let server: StaticServer;
let npmDir: string;

beforeAll(async () => {
  expect(OWN_POLICY_ONLY).toContain('trusted-types portal-policy');
  // The npm host: the built packages (dist, as the tarballs hold them) bundled by esbuild.
  npmDir = mkdtempSync(join(tmpdir(), 'bihuan-tt-npm-'));
  await build({ entryPoints: [join(PAGES, 'pages/npm-host.js')], bundle: true, format: 'esm', outfile: join(npmDir, 'npm-host.js'), absWorkingDir: REPO, logLevel: 'error' });
  browser = await launchChromium();
  server = await startStaticServer({ mounts: { '/': PAGES, '/static/': CDN, '/npm/': npmDir }, csp: OWN_POLICY_ONLY });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await browser?.close();
  if (npmDir) rmSync(npmDir, { recursive: true, force: true });
});

const problemOf = (tag: string) => `(document.querySelector('${tag}')?.shadowRoot?.querySelector('[part="problem"][role="alert"]')?.textContent ?? '')`;

describe('under trusted-types portal-policy (no lit-html)', () => {
  for (const [name, bundle] of [
    ['the script-tag file', '/static/bihuan.js'],
    ['an npm host bundled with esbuild', '/npm/npm-host.js'],
  ] as const) {
    test(`${name}: core's exports work, every tag is defined, and each widget says in place what the policy must allow`, async () => {
      const { page, violations, errors, close } = await openWatched(browser, `${server.url}own-policy-only.html?bundle=${encodeURIComponent(bundle)}`);
      const state = await widgetState(page, ['bh-rate-card', 'bh-dispute-ledger'], [], ['portal-policy', 'core', 'bh-problem']);
      expect(state).toMatchObject({ undefinedTags: [], emptyTags: [] });
      expect(state.events).toContain('portal-policy ok');
      expect(state.events).toContain('core 95.53%');
      expect(state.events).toContain('bh-problem trusted-types-policy-disallowed');
      const zh = (await page.evaluate(problemOf('bh-rate-card'))) as string;
      const en = (await page.evaluate(problemOf('bh-dispute-ledger'))) as string;
      expect(zh).toContain('trusted-types');
      expect(zh).toContain('lit-html');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toContain('Add lit-html to the trusted-types directive');
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      // The browser reports the refused "lit-html" policy; nothing else fails or is refused.
      expect(errors.filter((e) => !/lit-html/.test(e))).toEqual([]);
      expect(violations.filter((v) => !/lit-html/.test(v))).toEqual([]);
      await close();
    });
  }
});
