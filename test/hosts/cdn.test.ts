// The script-tag build as a page without a bundler uses it, under the README's strict CSP with
// Trusted Types (`trusted-types lit-html`, no 'allow-duplicates'): two copies of the library at
// two URLs, single-widget files sharing one lit, and the one case that needs 'allow-duplicates'.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import { REPO } from './support/hosts.mjs';
import { ALL_TAGS, openWatched, readmeBlocks, widgetState } from './support/page.ts';
import { launchChromium } from '../node/support/chromium.ts';
import { STRICT_CSP, startStaticServer, type StaticServer } from '../../examples/static-server.mjs';

const CDN = join(REPO, 'packages/widgets/dist/cdn');
const PAGES = join(REPO, 'test/hosts/cdn');
// Only lit's own module makes the policy; our prelude merely compares names with "lit-html".
const LIT_MAKES_ITS_POLICY = /createPolicy\((["'`])lit-html\1/;

let browser: Browser;
let strict: StaticServer;
let duplicatesAllowed: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  // Two mounts of the same folder: /copy/ is a second copy of the library (another URL, another module).
  const mounts = { '/': PAGES, '/static/': CDN, '/copy/': CDN };
  strict = await startStaticServer({ mounts });
  duplicatesAllowed = await startStaticServer({ mounts, csp: `${STRICT_CSP} 'allow-duplicates'` });
}, 60_000);

afterAll(async () => {
  await Promise.all([strict?.close(), duplicatesAllowed?.close()]);
  await browser?.close();
});

async function bodies(requests: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const url of new Set(requests.filter((u) => u.endsWith('.js')))) {
    const path = new URL(url).pathname;
    const file = path.startsWith('/pages/') ? join(PAGES, path) : join(CDN, path.replace(/^\/(static|copy)\//, ''));
    map.set(url, readFileSync(file, 'utf8'));
  }
  return map;
}

describe('script-tag files under trusted-types lit-html, without allow-duplicates', () => {
  test('the README’s script-tag block is this page, and it renders', async () => {
    const [block] = readmeBlocks('html');
    expect(readFileSync(join(PAGES, 'readme.html'), 'utf8')).toContain(block);
    const { page, violations, errors, close } = await openWatched(browser, `${strict.url}readme.html`);
    const state = await widgetState(page, ['bh-rate-card'], [], []);
    expect(state).toMatchObject({ undefinedTags: [], emptyTags: [] });
    expect(await page.$eval('bh-rate-card', (el) => el.shadowRoot!.textContent)).toContain('95.53%');
    expect({ errors, violations }).toEqual({ errors: [], violations: [] });
    await close();
  });

  test('bihuan.js twice (two URLs) and a single-widget file beside them: every widget registers, both copies run', async () => {
    const { page, violations, errors, requests, close } = await openWatched(browser, `${strict.url}twice.html`);
    const state = await widgetState(page, ALL_TAGS, [], ['second-copy']);
    expect(state).toMatchObject({ undefinedTags: [], emptyTags: [] });
    expect(state.events).toContain('second-copy 95.53%');
    // Three copies of lit really ran: two bihuan.js and the single-widget file's chunk.
    const loaded = await bodies(requests);
    expect([...loaded.values()].filter((body) => LIT_MAKES_ITS_POLICY.test(body))).toHaveLength(3);
    expect({ errors, violations }).toEqual({ errors: [], violations: [] });
    await close();
  });

  test('bihuan.js holds no example data: a quiz given no questions fetches the examples from kit/ beside it', async () => {
    const { page, violations, errors, requests, close } = await openWatched(browser, `${strict.url}quiz.html`);
    const notice = page.locator('bh-law-quiz [part=notice]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain('示例题目');
    expect(requests.some((u) => new URL(u).pathname === '/static/kit/core/quiz/examples.js')).toBe(true);
    expect({ errors, violations }).toEqual({ errors: [], violations: [] });
    await close();
  });

  test('three single-widget files load lit once, and each file once', async () => {
    const { page, violations, errors, requests, close } = await openWatched(browser, `${strict.url}three.html`);
    const tags = ['bh-dispute-intake', 'bh-dispute-ledger', 'bh-dispute-case'];
    const state = await widgetState(page, tags, ['bh-rate-card'], []);
    expect(state).toMatchObject({ undefinedTags: [], emptyTags: [], registeredAbsent: [] });
    const scripts = requests.filter((u) => u.endsWith('.js'));
    expect(scripts.length).toBe(new Set(scripts).size);
    const loaded = await bodies(requests);
    expect([...loaded.values()].filter((body) => LIT_MAKES_ITS_POLICY.test(body))).toHaveLength(1);
    expect({ errors, violations }).toEqual({ errors: [], violations: [] });
    await close();
  });

  test('when the host’s own lit made the policy first, each widget says so in place and names the CSP line that works', async () => {
    const { page, violations, errors, close } = await openWatched(browser, `${strict.url}taken.html`);
    const state = await widgetState(page, ['bh-rate-card'], [], ['bh-problem']);
    expect(state.events).toContain('bh-problem trusted-types-policy-taken');
    const problem = await page.$eval('bh-rate-card', (el) => el.shadowRoot!.querySelector('[part="problem"][role="alert"]')?.textContent);
    expect(problem).toContain("trusted-types lit-html 'allow-duplicates'");
    // The browser reports (and logs) the refused second policy; nothing else fails or is refused.
    expect(errors.filter((e) => !e.includes("TrustedTypePolicy named 'lit-html'"))).toEqual([]);
    expect(violations.filter((v) => !v.startsWith('trusted-types'))).toEqual([]);
    await close();
  });

  test('…and with that CSP line the same page renders the widget', async () => {
    const { page, violations, errors, close } = await openWatched(browser, `${duplicatesAllowed.url}taken.html`);
    await widgetState(page, ['bh-rate-card'], [], []);
    expect(await page.$eval('bh-rate-card', (el) => el.shadowRoot!.textContent)).toContain('95.53%');
    expect({ errors, violations }).toEqual({ errors: [], violations: [] });
    await close();
  });
});
