// The example portal with its server, as `npm start` serves it: @bihuan/server on PGlite (a fresh
// data folder, the example county seeded), the DEVELOPMENT-ONLY sign-in at /dev/, the pages under
// the strict CSP. Two people sign in, each in a browser context of their own; one takes a dispute
// in on the disputes page, and the other's page shows it without a reload. The first visit's time
// to data is printed (a figure, not an assertion).
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { type StaticServer, startStaticServer } from '../../examples/static-server.mjs';
import { type ExampleServer, buildExampleServer, startExampleServer } from '../../examples/server/start.mjs';
import { issueToken } from '../../examples/server/host-token.mjs';
import { USERS } from '../../examples/server/county.mjs';
import { launchChromium } from './support/chromium.js';
import { axeViolations } from './support/axe.js';
import { watchPage } from './support/page-watch.js';

let dataDir: string;
let backend: ExampleServer | undefined;
let server: StaticServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
/** The server's warnings and errors (a refused request, a failure): none expected. */
const logged: Record<string, unknown>[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bihuan-portal-data-'));
  // The run's migrated PGlite template (packages/server/test/support/global-setup.ts, which runs for
  // this file: its name says "server"), copied in memory: no initdb here.
  const file = inject('bihuanPgliteTemplate');
  const template = file ? new Blob([readFileSync(file)]) : undefined;
  const log = (entry: Record<string, unknown>) => void (Number(entry.level) >= 40 && logged.push(entry));
  [backend, browser] = await Promise.all([buildExampleServer().then((outdir) => startExampleServer(outdir, { dataDir: `${dataDir}/`, log, ...(template ? { template } : {}) })), launchChromium()]);
  server = await startStaticServer({
    mounts: { '/': 'examples/portal', '/widgets/': 'packages/widgets/dist', '/dev/': 'examples/dev-signin' },
    apps: { '/api/': backend.api, '/dev/api/': backend.dev },
  });
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await backend?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const ledgerText = (page: Page) => page.evaluate(() => document.getElementById('ledger')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

/** A browser context signed in at /dev/ as `user` (this tab's session), watched for errors and CSP violations. */
async function signIn(user: string, beforeSignIn?: (page: Page) => Promise<unknown>) {
  const context = await browser!.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const watched = await watchPage(page);
  await beforeSignIn?.(page);
  await page.goto(`${server!.url}dev/`);
  await page.locator(`#users button[data-user="${user}"]`).click();
  await page.waitForFunction(() => (document.getElementById('token') as HTMLTextAreaElement).value.length > 0);
  return { context, page, ...watched };
}

/**
 * One person: signs in at /dev/ as `user` (this tab's session), then opens the disputes page and
 * waits for the example county's disputes in the ledger. Records the first ledger summary the page
 * ever showed, to compare with the settled one.
 */
async function person(user: string, { spoilToken = false } = {}) {
  const { context, page, ...watched } = await signIn(user, (page) =>
    page.addInitScript(() => {
      const w = window as unknown as { firstSummary?: string };
      const look = () => {
        const root = document.getElementById('ledger')?.shadowRoot;
        const summary = root?.querySelector('[part=summary]');
        if (document.getElementById('ledger')?.isConnected && summary && !root!.querySelector('[part~="loading"]')) w.firstSummary = summary.textContent!.replace(/\s+/g, ' ').trim();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }),
  );
  // A token the server refuses (its signature spoiled): the page's getToken is asked once more and
  // has the portal's sign-in issue a fresh one for the same user.
  const spoiled = spoilToken
    ? await page.evaluate(() => {
        const s = JSON.parse(sessionStorage.getItem('bihuan-dev-token')!) as { token: string };
        s.token = `${s.token.slice(0, -6)}${s.token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`;
        sessionStorage.setItem('bihuan-dev-token', JSON.stringify(s));
        return s.token;
      })
    : undefined;
  const t0 = Date.now();
  const response = await page.goto(`${server!.url}disputes.html`);
  expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
  await page.waitForFunction(() => document.getElementById('ledger')?.isConnected && document.getElementById('ledger')!.shadowRoot!.textContent!.includes('D-DEMO-001'), undefined, { timeout: 30_000 });
  const ms = Date.now() - t0;
  // Where the time went (from the page's own timings): the document and its script, the session, the first pull.
  const parts = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const end = (path: string) => Math.round((performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => new URL(r.name).pathname === path)?.responseEnd ?? NaN);
    return `document ready ${Math.round(nav.domContentLoadedEventEnd)} ms, /api/session answered ${end('/api/session')} ms, first /api/pull answered ${end('/api/pull')} ms`;
  });
  if (spoiled) expect(await page.evaluate(() => (JSON.parse(sessionStorage.getItem('bihuan-dev-token')!) as { token: string }).token)).not.toBe(spoiled);
  return { page, context, ms, parts, ...watched };
}

describe('the example portal on its server', () => {
  test('a token the host’s own backend signs (examples/server/host-token.mjs, as the README shows) is where the server takes the actor from', async () => {
    const secret = readFileSync(`${dataDir}/dev-secret`, 'utf8').trim();
    const mediator = USERS.find((u) => u.id === 'mediator-a')!;
    const session = (token: string) => backend!.api(new Request('http://127.0.0.1/session', { headers: { authorization: `Bearer ${token}` } }));
    const ok = await session(await issueToken(mediator, secret));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { actor: unknown }).actor).toEqual({ id: 'mediator-a', name: '赵调解', roles: ['mediator'], unit: '甲镇人民调解委员会' });
    // Signed with any other secret: refused.
    expect((await session(await issueToken(mediator, 'not-the-server-secret-not-the-server-secret'))).status).toBe(401);
    logged.length = 0; // that refusal is logged as a warning, rightly
  });

  test('two people signed in: a dispute the clerk takes in shows in the mediator’s ledger without a reload', async () => {
    const clerk = await person('clerk-a');
    const mediator = await person('mediator-a', { spoilToken: true });
    // The spoiled token's refusals are the server's only warnings.
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.filter((e) => e.status !== 401)).toEqual([]);
    logged.length = 0;
    console.info(`portal: first visit to data (disputes page, signed in, server on PGlite) ${clerk.ms} ms (clerk: ${clerk.parts}), ${mediator.ms} ms (mediator: ${mediator.parts})`);

    // Each page says who is signed in and that it syncs; the viewer-role stand-in is gone.
    for (const [p, name] of [[clerk.page, '王受理'], [mediator.page, '赵调解']] as const) {
      expect(await p.locator('#portal-connection').getAttribute('data-mode')).toBe('synced');
      expect(await p.locator('#portal-connection').textContent()).toContain(name);
      expect(await p.locator('#viewer-role-line').isHidden()).toBe(true);
      await p.waitForFunction((name) => document.getElementById('sync')!.shadowRoot!.textContent!.includes(name), name);
    }
    // Town A's three example disputes, not town B's; the first summary shown was already the whole one.
    const settled = (await clerk.page.locator('bh-dispute-ledger [part=summary]').textContent())!.replace(/\s+/g, ' ').trim();
    expect(settled).toContain('3');
    expect(await ledgerText(clerk.page)).not.toContain('D-DEMO-004');
    // (The overdue count may follow a moment later: it is computed against the clock, not more data.)
    const first = await clerk.page.evaluate(() => (window as unknown as { firstSummary?: string }).firstSummary);
    expect(first).toMatch(/^显示 3 件，化解 0 件/);
    expect(settled.startsWith(first!)).toBe(true);
    // The rate by month has the example month in it (November 2026: 3 accepted, none resolved yet).
    expect(await clerk.page.evaluate(() => document.getElementById('trend')!.shadowRoot!.textContent)).toContain('0/3');

    // The clerk takes a dispute in through the intake, as typed at the window.
    await mediator.page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const intake = clerk.page.locator('bh-dispute-intake');
    await intake.locator('#f-title').fill('邻里噪声纠纷（测试）');
    await intake.locator('#f-category').selectOption('noise');
    await intake.locator('#f-description').fill('楼上住户夜间生活噪声，双方多次争执。');
    await intake.locator('#f-town').selectOption('甲镇');
    await intake.locator('#f-community').selectOption('幸福社区');
    await intake.locator('#f-parties-0-name').fill('陈建国');
    await intake.locator('#f-parties-0-phone').fill('13812341234');
    await intake.locator('#f-parties-1-name').fill('李秀英');
    const accepted = clerk.page.evaluate(() => new Promise<string>((resolve) => document.addEventListener('bh-dispute-accepted', (e) => resolve((e as CustomEvent<{ id: string }>).detail.id), { once: true })));
    await intake.locator('button[type=submit]').click();
    const id = await accepted;
    const t0 = Date.now();

    // The mediator's ledger shows it, in the same document (no reload), once the server has it.
    await mediator.page.waitForFunction((id) => document.getElementById('ledger')!.shadowRoot!.textContent!.includes(id), id, { timeout: 15_000 });
    console.info(`portal: the mediator's ledger showed the clerk's dispute ${Date.now() - t0} ms after the intake`);
    expect(await mediator.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // Nothing waits to be sent on the clerk's side once it is through.
    await clerk.page.waitForFunction(() => document.getElementById('sync')!.shadowRoot!.textContent!.includes('全部已同步'));

    // axe-clean in both languages, on the synced page, after the work.
    expect(await axeViolations(mediator.page)).toEqual([]);
    await mediator.page.click('#lang-toggle');
    await mediator.page.waitForFunction(() => document.getElementById('portal-connection')!.textContent!.includes('Signed in as'));
    expect(await axeViolations(mediator.page)).toEqual([]);

    // Signing out on the shared computer takes this user's cache (records and outbox) with it.
    const names = () => clerk.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    await clerk.page.goto(`${server!.url}dev/`);
    expect(await axeViolations(clerk.page)).toEqual([]);
    expect(await names()).toEqual(expect.arrayContaining(['bihuan-dispute@clerk-a', 'bihuan-dispute@clerk-a:sync']));
    await clerk.page.click('#sign-out');
    await clerk.page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('已退出登录'));
    expect((await names()).filter((n) => n.includes('@clerk-a'))).toEqual([]);

    expect(logged).toEqual([]);
    // The browser reports the spoiled token's refusal on the console; nothing else went wrong.
    const refused = (e: string) => e.includes('status of 401');
    expect(mediator.errors.some(refused)).toBe(true);
    for (const who of [clerk, mediator]) {
      expect(who.violations).toEqual([]);
      expect(who.errors.filter((e) => !refused(e) || who === clerk)).toEqual([]);
    }
  }, 300_000);
});

/** A widget's text once it is on the page and shows `mark` (its data read: no loading line). */
async function shownText(page: Page, id: string, mark: string): Promise<string> {
  await page.waitForFunction(
    ([id, mark]) => {
      const el = document.getElementById(id!);
      if (!el?.isConnected || !el.shadowRoot?.childElementCount) return false;
      const text = el.shadowRoot.textContent ?? '';
      return text.includes(mark!) && !/正在读取|Loading/.test(text) && !el!.shadowRoot!.querySelector('[part~="loading"]');
    },
    [id, mark],
    { timeout: 30_000 },
  );
  return (await page.evaluate((id) => document.getElementById(id)!.shadowRoot!.textContent!, id)).replace(/\s+/g, ' ');
}

/** What `user`'s token receives from /pull, whole (every page), as the network carries it: the raw bodies and the items by collection. */
async function pulled(user: string) {
  const secret = readFileSync(`${dataDir}/dev-secret`, 'utf8').trim();
  const token = await issueToken(USERS.find((u) => u.id === user)!, secret);
  const bodies: string[] = [];
  const items = new Map<string, Set<string>>();
  for (let cursor = 0; ; ) {
    const r = await backend!.api(new Request(`http://127.0.0.1/pull?cursor=${cursor}&limit=500`, { headers: { authorization: `Bearer ${token}` } }));
    expect(r.status).toBe(200);
    const text = await r.text();
    bodies.push(text);
    const page = JSON.parse(text) as { items: { collection: string; id: string }[]; cursor: number; more: boolean };
    for (const it of page.items) (items.get(it.collection) ?? items.set(it.collection, new Set()).get(it.collection)!).add(it.id);
    cursor = page.cursor;
    if (!page.more) return { body: bodies.join('\n'), items };
  }
}

describe('every loop page of the portal on the server', () => {
  test('the example server holds every loop the pages use, split between the towns; town B’s token never receives town A’s items, in any collection', async () => {
    const [a, b, county] = await Promise.all([pulled('clerk-a'), pulled('clerk-b'), pulled('supervisor-county')]);
    // The loops of the disputes, tasks, evaluation and community pages, each seeded in both towns.
    const collections = ['disputes', 'taskOrders', 'receptions', 'rectifications', 'eventPermits'];
    expect([...county.items.keys()].sort()).toEqual([...collections].sort());
    for (const c of collections) {
      const inA = a.items.get(c) ?? new Set<string>();
      const inB = b.items.get(c) ?? new Set<string>();
      expect(inA.size, `${c} in town A`).toBeGreaterThan(0);
      expect(inB.size, `${c} in town B`).toBeGreaterThan(0);
      // The county sees both towns' items, and nothing else; each town only its own.
      expect(inA.size + inB.size, c).toBe(county.items.get(c)!.size);
      for (const id of inA) {
        expect(inB.has(id), `${c} ${id} in both towns`).toBe(false);
        expect(b.body.includes(`"${id}"`), `${c} ${id} carried to town B`).toBe(false);
      }
    }
    // The month's orders: every officer's 103 tasks, town A's officer's in town A.
    expect(county.items.get('taskOrders')!.size).toBe(206);
    expect([...a.items.get('taskOrders')!].every((id) => id.includes('officer-a'))).toBe(true);
    // Personal data masked for a role that may not see it: the reception-day contact's phone.
    expect(a.body).toContain('138****5678');
    expect(a.body).not.toContain('13812345678');
  });

  test('signed in, the tasks, evaluation and community pages work on the server’s items (the session’s own scope only), axe-clean in both languages', async () => {
    const officer = await signIn('officer-a');
    const carried: string[] = [];
    officer.page.on('response', (r) => void (new URL(r.url()).pathname === '/api/pull' && r.text().then((t) => carried.push(t), () => undefined)));
    await officer.page.goto(`${server!.url}tasks.html`);
    await officer.page.waitForFunction(() => document.getElementById('portal-connection')?.dataset.mode === 'synced');
    // The officer's own month, from the server: the checklist lists the orders, the select offers town A's officer only.
    const due = (text: string) => Number(/应完成\s*(\d+)/.exec(text)?.[1]);
    const checklist = await shownText(officer.page, 'checklist', '完成率');
    const board = await shownText(officer.page, 'supervision', '完成率');
    // The board's figures are the officer's own: town A has one officer, and town B's orders never came.
    expect(due(checklist)).toBeGreaterThan(90);
    expect(due(board)).toBe(due(checklist));
    expect(await officer.page.locator('#officer-select option').allTextContents()).toEqual(['孙警官（幸福社区）']);
    expect(await officer.page.locator('#portal-connection').textContent()).toContain('孙警官');
    const town = await pulled('officer-b');
    for (const id of town.items.get('taskOrders')!) expect(carried.join('\n').includes(`"${id}"`), `${id} carried to town A's officer`).toBe(false);
    expect(await axeViolations(officer.page)).toEqual([]);
    await officer.page.click('#lang-toggle');
    await officer.page.waitForFunction(() => document.getElementById('portal-connection')!.textContent!.includes('Signed in as'));
    expect(await axeViolations(officer.page)).toEqual([]);

    const head = await signIn('supervisor-county');
    await head.page.goto(`${server!.url}evaluation.html`);
    await head.page.waitForFunction(() => document.getElementById('portal-connection')?.dataset.mode === 'synced');
    // The page's "working as" choice goes once the ledger's own store is the synced one (each store connects on its own).
    await expect.poll(() => head.page.locator('#ledger-role-line').isHidden(), { timeout: 30_000 }).toBe(true);
    // The county's 23 reception-day issues and 8 rectification items, all from the server.
    const reception = await shownText(head.page, 'reception', '共 23 件');
    expect(reception).toMatch(/收集问题\s*23\s*已办结\s*6/);
    expect(reception).toContain('陈**'); // the contact masked: the county supervisor may not see it
    expect(await shownText(head.page, 'ledger', '共 8 项')).toContain('ZG-008-1');
    expect(await axeViolations(head.page)).toEqual([]);
    await head.page.goto(`${server!.url}community.html`);
    await head.page.waitForFunction(() => document.getElementById('portal-connection')?.dataset.mode === 'synced');
    await expect.poll(() => head.page.locator('#permit-role-line').isHidden(), { timeout: 30_000 }).toBe(true);
    // The server's 8 filings in every state (the browser-only page shows the source's 192 of 2025 besides).
    expect(await shownText(head.page, 'permits', '大型活动报备台账')).toMatch(/报备\s*8\s*在办\s*3\s*已举办\s*3\s*不予许可\s*1\s*已撤回\s*1\s*已失效\s*0/); // the parts foot to the filings
    expect(await axeViolations(head.page)).toEqual([]);
    for (const who of [officer, head]) {
      expect(who.violations).toEqual([]);
      expect(who.errors).toEqual([]);
    }
    expect(logged).toEqual([]);
  }, 300_000);
});
