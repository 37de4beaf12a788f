// The widgets on the real server (in this process, on PGlite and on PostgreSQL), in real Chromium: several people,
// each in their own browser context, signed in with their own token. Each page holds the widgets a
// station shows (sync status, intake, ledger, case) on one synced IndexedDB store; what happens is
// checked on screen, in the server's database and in the bytes the network carried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright';
import { sourcesPlugin } from '../esbuild-sources.ts';
import { launchChromium } from '../node/support/chromium.ts';
import { CITY, intake, KINDS, SECRET, serverOn, tokenFor, USERS, type Kind, type User } from '../../packages/server/test/support/databases.ts';
import { createServer, type BihuanServer } from '../../packages/server/src/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WIDGETS = ['sync-status', 'dispute-intake', 'dispute-ledger', 'dispute-case'];

/** The page's script: the four widgets and core's sync, store and dispute parts, from source. */
async function bundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `${WIDGETS.map((w) => `import '@bihuan/widgets/${w}';`).join('\n')}
        export * from '@bihuan/core/sync'; export { createIndexedDbStore } from '@bihuan/core/store'; export { createDisputeStoreSpec, disputeLoop } from '@bihuan/core/dispute'; export { createAttachmentStoreSpec } from '@bihuan/core/attachment';`,
      resolveDir: `${root}packages/widgets`,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [sourcesPlugin],
  });
  return out.outputFiles[0]!.text;
}

// viewer-role and viewer-id say "supervisor"/"someone-else": on a synced store they must change nothing.
const PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>station</title><body><script type="module">
  const b = await import('/bundle.js');
  const token = new URL(location.href).searchParams.get('token');
  const local = await b.createIndexedDbStore(b.createDisputeStoreSpec(b.disputeLoop, 'bihuan-station'));
  window.tokenCalls = 0;
  // As a host on a synced store does: the case's attachment files in this station's own database, cleared at sign-out,
  // and sent to the server by the synced store (a settlement needs its scan there too).
  const files = await b.createIndexedDbStore(b.createAttachmentStoreSpec('bihuan-station:files'));
  const store = await b.createSyncedStore({ url: location.origin, getToken: () => (window.tokenCalls++, token), local, attachments: files });
  for (const tag of new URL(location.href).searchParams.has('only') ? new URL(location.href).searchParams.get('only').split(',').filter(Boolean) : ['bh-sync-status', 'bh-dispute-intake', 'bh-dispute-ledger', 'bh-dispute-case']) {
    const el = document.createElement(tag);
    el.setAttribute('viewer-role', 'supervisor');
    el.setAttribute('viewer-id', 'someone-else');
    el.store = store;
    if (tag === 'bh-dispute-case') el.attachmentStore = files;
    document.body.append(el);
  }
  window.store = store;
  window.files = files;
  window.ready = true;
</script></body></html>`;

const mediatorA2: User = { sub: 'mediator-a2', name: '孙调解', roles: ['mediator'], unit: '甲镇人民调解委员会', scope: { city: CITY, county: '东区', town: '甲镇' } };

/** Shadow text of the first element matching `tag` (and `part`, inside it). */
const textOf = (page: Page, tag: string, part?: string) =>
  page.evaluate(([tag, part]) => {
    const el = document.querySelector(tag)!;
    const root = part ? el.shadowRoot!.querySelector(`[part~="${part}"]`) : el.shadowRoot;
    return (root?.textContent ?? '').replace(/\s+/g, ' ').trim();
  }, [tag, part] as const);

/** Opens the dispute in the case view and waits until the view has read it from the store. */
const caseOf = async (page: Page, id: string) => {
  await page.evaluate((id) => {
    (document.querySelector('bh-dispute-case') as any).disputeId = id;
  }, id);
  await page.waitForFunction((id) => (document.querySelector('bh-dispute-case') as any).dispute?.id === id, id, { timeout: 30_000 });
};

/** Runs an action through the case view, as its form's submit does. */
const act = (page: Page, event: string, payload?: unknown) =>
  page.evaluate(async ([event, payload]) => {
    const kase = document.querySelector('bh-dispute-case') as any;
    const refused = await kase.act(event, payload);
    return refused ? refused.code : 'accepted';
  }, [event, payload] as const);

/** Attaches the signed agreement's scan in the case view's own attachments panel (a settlement needs one: agreement_scan_required). */
const attachScan = (page: Page, who: string) =>
  page.evaluate(async (who) => {
    const panel = (document.querySelector('bh-dispute-case') as any).shadowRoot.querySelector('bh-attachments');
    panel.defaultType = 'agreementScan';
    await panel.addFiles([new File([`人民调解协议书（${who}签字）`], '人民调解协议书.pdf', { type: 'application/pdf' })]);
  }, who);

const stateOn = (page: Page, id: string) => page.evaluate(async (id) => (await (window as any).store.get('disputes', id))?.state as string | undefined, id);

/** Which databases to run on (`SYNC_E2E_KINDS=pglite` for a quicker look while working; both by default). */
const kinds = (process.env.SYNC_E2E_KINDS?.split(',').filter((k): k is Kind => (KINDS as readonly string[]).includes(k)) ?? [...KINDS]) as Kind[];

let browser: Browser;
let script: string;
beforeAll(async () => {
  [script, browser] = await Promise.all([bundle(), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe.each(kinds)('widgets on a synced store, several people, the real server on %s', (kind) => {
  let s: Awaited<ReturnType<typeof serverOn>>;
  /** The server process now serving (replaced on a restart); while it is down every request gets 503. */
  let server: BihuanServer;
  let down = false;
  /** Set: the next push is handled, and the server then stops before its answer leaves (a restart mid-sync). */
  let dieAfterPush = false;
  let restarts = 0;
  /** The live streams open now: a stopping server cuts them. */
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  let http: { close(cb?: () => void): void };
  let origin: string;
  const contexts: BrowserContext[] = [];
  /** Every response body the server sent, per token (SSE streams included, as they flowed). */
  const carried = new Map<string, string[]>();
  const requests: string[] = [];
  /** The paths each token asked for (method and path). */
  const asked = new Map<string, string[]>();

  /** The first process allows a long clock skew; the restarted one the default (30 s): a token that had expired is then refused. */
  const start = (clockTolerance?: number) =>
    createServer({ database: s.database, auth: { secret: SECRET, ...(clockTolerance ? { clockTolerance } : {}) }, migrate: false, log: () => undefined });

  async function restart() {
    down = true;
    for (const c of streams) {
      try {
        c.close(); // the stream ends with the process
      } catch {
        // already closed
      }
    }
    streams.clear();
    server = await start();
    restarts++;
    down = false;
  }

  beforeAll(async () => {
    s = await serverOn(kind);
    server = await start(24 * 3600);
    const require = createRequire(`${root}packages/server/package.json`);
    const { serve } = (await import(pathToFileURL(require.resolve('@hono/node-server')).href)) as {
      serve(options: { fetch: (request: Request) => Promise<Response>; port: number; hostname: string }, listening: (info: { port: number }) => void): unknown;
    };
    const handler = async (request: Request): Promise<Response> => {
      const path = new URL(request.url).pathname;
      if (path === '/') return new Response(PAGE, { headers: { 'content-type': 'text/html; charset=utf-8' } });
      if (path === '/bundle.js') return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
      requests.push(`${request.method} ${path} ${request.headers.get('authorization') ? 'auth' : 'anon'}`);
      const asker = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      asked.set(asker, [...(asked.get(asker) ?? []), `${request.method} ${path}`]);
      if (down) return new Response('stopped', { status: 503 });
      const response = await server.fetch(request);
      if (dieAfterPush && request.method === 'POST' && path === '/push') {
        // The push is committed; the process dies before its answer leaves, and comes back.
        dieAfterPush = false;
        await response.body?.cancel();
        void restart();
        return new Response('stopped', { status: 503 });
      }
      requests.push(`→ ${response.status} ${path}`);
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? new URL(request.url).searchParams.get('token') ?? '';
      if (!response.body) return response;
      const [mine, theirs] = response.body.tee();
      const chunks = carried.get(token) ?? [];
      carried.set(token, chunks);
      void (async () => {
        const decoder = new TextDecoder();
        const reader = mine.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(decoder.decode(value, { stream: true }));
          }
        } catch {
          // the client went away
        }
      })();
      if (path !== '/live') return new Response(theirs, { status: response.status, headers: response.headers });
      // A live stream, passed on through a stream the test can cut (a stopping server drops it).
      const reader = theirs.getReader();
      let own: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start: (c) => void streams.add((own = c)),
        async pull(c) {
          try {
            const { done, value } = await reader.read();
            if (done) {
              streams.delete(c);
              c.close();
            } else c.enqueue(value);
          } catch {
            // cut by a stop
            streams.delete(c);
          }
        },
        cancel: () => {
          streams.delete(own);
          return reader.cancel();
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    origin = await new Promise<string>((resolve) => {
      http = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}`)) as never;
    });
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await new Promise<void>((r) => (http ? http.close(() => r()) : r()));
    await s?.close();
  }, 60_000);

  /** One person: a browser context of their own, the station page open and synced once. */
  async function person(user: User, token?: string) {
    token ??= await tokenFor(user);
    const context = await browser.newContext();
    contexts.push(context);
    // The page and its script come from here even offline (a station's cached app shell).
    await context.route((url) => url.origin === origin && url.pathname === '/', (route) => route.fulfill({ body: PAGE, contentType: 'text/html; charset=utf-8' }));
    await context.route(`${origin}/bundle.js`, (route) => route.fulfill({ body: script, contentType: 'text/javascript; charset=utf-8' }));
    const page = await context.newPage();
    const said: string[] = [];
    page.on('pageerror', (e) => said.push(`${user.sub}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && said.push(`${user.sub}: ${m.text()}`));
    await page.goto(`${origin}/?token=${encodeURIComponent(token)}${process.env.ONLY !== undefined ? `&only=${process.env.ONLY}` : ''}`);
    try {
      await page.waitForFunction(() => (window as any).ready === true && (window as any).store.sync.state().lastSyncAt !== undefined, undefined, { timeout: 60_000 });
    } catch (error) {
      const state = await page.evaluate(async () => JSON.stringify([(window as any).ready, (window as any).store?.sync.state() ?? null, await navigator.locks.query()])).catch((e) => `no page ${e}`);
      throw new Error(`${user.sub} did not sync: ${state} ${said.join(' | ')} ${requests.join(', ')}`, { cause: error });
    }
    return { user, token, context, page };
  }

  type Person = Awaited<ReturnType<typeof person>>;
  let clerkA: Person, mediator: Person, county: Person, clerkB: Person, mediator2: Person, both: Person;
  let id: string;
  /** A settlement dated today in China (the dispute was accepted today, by the page's clock). */
  const settle = (who: string) => ({ terms: [`${who}：赔偿墙面修复费用`], consentedBy: ['p1', 'p2'], date: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) });
  const history = async (item = id) => await s.database.query<{ type: string; actor: string; role: string }>("SELECT type, actor->>'id' AS actor, actor->>'role' AS role FROM events WHERE item_id = $1 ORDER BY seq", [item]);
  const draftOf = (n: number) => ({ ...intake(n), parties: intake(n).parties.map((p) => ({ ...p, needsHomeVisit: false, address: p.address ?? '', idNumber: p.idNumber ?? '' })), reporterName: '', reporterId: '' });
  /** Accepts a dispute through the page's intake widget; resolves to its id. */
  const acceptOn = (page: Page, n: number) =>
    page.evaluate(async (draft) => {
      const el = document.querySelector('bh-dispute-intake') as any;
      el.draft = draft;
      await el.updateComplete;
      return el.accept() as Promise<string>;
    }, draftOf(n));
  const available = (page: Page) => page.evaluate(() => (document.querySelector('bh-dispute-case') as any).available as string[]);

  it('clerk A accepts through the intake as the session’s actor; the mediator’s ledger shows it live; the clerk routes, the mediator is offered mediation only and mediates', async () => {
    // Town B's clerk holds a token that expired two minutes ago: the first server process still
    // takes it (it allows a day of clock skew); the restarted one will not (see below).
    const expiring = await tokenFor(USERS.clerkB, { expiresIn: Math.floor(Date.now() / 1000) - 120 });
    [clerkA, mediator, county, clerkB, mediator2, both] = await Promise.all([
      person(USERS.clerkA),
      person(USERS.mediatorA),
      person(USERS.supervisorCounty),
      person(USERS.clerkB, expiring),
      person(mediatorA2),
      person(USERS.twoRoles),
    ]);

    // The sync status of each station: online, nothing waiting, who is signed in.
    expect(await textOf(clerkA.page, 'bh-sync-status', 'status')).toContain('在线');
    expect(await textOf(clerkA.page, 'bh-sync-status', 'session')).toContain('王受理');

    // 1. The clerk in town A accepts a dispute through the intake widget: the actor is the session's.
    id = await acceptOn(clerkA.page, 1);
    expect(id).toMatch(/^JF-/);
    const acceptedAt = Date.now();
    await expect.poll(async () => (await s.database.query('SELECT 1 FROM items WHERE id = $1', [id])).length, { timeout: 30_000 }).toBe(1);
    const created = (await clerkA.page.evaluate(async (id) => (await (window as any).store.get('disputes', id)).history[0].actor, id)) as { id: string; role: string; name?: string };
    expect(created).toMatchObject({ id: 'clerk-a', role: 'intakeClerk', name: '王受理' });

    // 2. The mediator's ledger shows it without a reload (live notice, then a pull).
    await mediator.page.waitForFunction((id) => document.querySelector('bh-dispute-ledger')!.shadowRoot!.textContent!.includes(id), id, { timeout: 30_000 });
    // How soon is a figure for `pnpm bench sync` (no timing assertions here); logged for the record.
    console.info(`sync-e2e (${kind}): the mediator's ledger showed the accepted dispute ${Date.now() - acceptedAt} ms after the intake`);

    // The clerk routes it (the loop lets clerks route); the mediator is offered mediation, not routing.
    await caseOf(clerkA.page, id);
    expect(await act(clerkA.page, 'route', { departments: ['judicialAdministration'] })).toBe('accepted');
    await expect.poll(() => stateOn(mediator.page, id), { timeout: 30_000 }).toBe('routed');
    await caseOf(mediator.page, id);
    // The case view reads the dispute from the store after the id is set: wait for it to offer its actions.
    await expect.poll(() => available(mediator.page), { timeout: 30_000 }).toContain('mediate');
    expect(await available(mediator.page)).not.toContain('route');
    expect(await act(mediator.page, 'mediate', { mode: 'atCentre', mediators: ['mediator-a', mediatorA2.sub] })).toBe('accepted');
    await expect.poll(async () => (await s.database.query<{ state: string }>('SELECT state FROM items WHERE id = $1', [id]))[0]?.state, { timeout: 30_000 }).toBe('mediating');
  }, 400_000);

  it('the county’s ledger and rate follow; two mediators at once; offline, reload, back while the server restarts; an expired token; town B never gets it; sign-out clears', async () => {
    // 3. The county supervisor's ledger follows: the row, its state, the count and the rate.
    await county.page.waitForFunction((id) => document.querySelector('bh-dispute-ledger')!.shadowRoot!.textContent!.includes(id), id, { timeout: 30_000 });
    await expect.poll(() => textOf(county.page, 'bh-dispute-ledger'), { timeout: 30_000 }).toContain('调解中');
    expect(await textOf(county.page, 'bh-dispute-ledger', 'summary')).toContain('显示 1 件，化解 0 件');

    // 4. Two mediators settle the same case within the same second: exactly one is accepted.
    await caseOf(mediator2.page, id);
    await expect.poll(() => stateOn(mediator2.page, id), { timeout: 30_000 }).toBe('mediating');
    await expect.poll(() => available(mediator2.page), { timeout: 30_000 }).toContain('settle');
    // Each has the parties' signed agreement scanned and attached on their own computer first.
    await Promise.all([attachScan(mediator.page, '赵'), attachScan(mediator2.page, '孙')]);
    // Both are accepted on their own computers (each still sees the case in mediation), then pushed.
    expect(await Promise.all([act(mediator.page, 'settle', settle('赵')), act(mediator2.page, 'settle', settle('孙'))])).toEqual(['accepted', 'accepted']);
    const pages = [mediator, mediator2];
    await expect.poll(async () => (await Promise.all(pages.map((p) => p.page.evaluate(() => (window as any).store.sync.state().pending as number)))).every((n) => n === 0), { timeout: 30_000 }).toBe(true);
    const refusals = await Promise.all(pages.map((p) => p.page.evaluate(() => (window as any).store.sync.state().refusals.length as number)));
    expect([...refusals].sort()).toEqual([0, 1]);
    const loser = refusals[0] === 1 ? mediator : mediator2;
    const winner = loser === mediator ? mediator2 : mediator;
    const settles = (await history()).filter((e) => e.type === 'settle');
    expect(settles).toEqual([{ type: 'settle', actor: winner.user.sub, role: 'mediator' }]);
    // Each scan went up from its mediator's computer before their settlement (the server decides on the files it holds).
    const scansBy = async () => (await s.database.query<{ by: string }>("SELECT added_by->>'id' AS by FROM attachments WHERE item_id = $1 AND type = 'agreementScan' ORDER BY 1", [id])).map((r) => r.by);
    expect(await scansBy()).toEqual([mediator.user.sub, mediator2.user.sub].sort());
    // The refused mediator's case view says who did what, the state now and what is offered now.
    await expect.poll(() => textOf(loser.page, 'bh-dispute-case', 'conflict'), { timeout: 30_000 }).toContain(winner.user.name!);
    const conflict = await textOf(loser.page, 'bh-dispute-case', 'conflict');
    expect(conflict).toContain('当前状态');
    expect(conflict).toContain('您现在可以');
    expect(await textOf(loser.page, 'bh-sync-status', 'refusals')).toContain(id);
    expect(await stateOn(loser.page, id)).toBe('followUp');
    // Nothing lost or doubled: the winner's copy is the server's, and so is the county's ledger (now one resolved).
    expect(await stateOn(winner.page, id)).toBe('followUp');
    await expect.poll(() => textOf(county.page, 'bh-dispute-ledger', 'summary'), { timeout: 30_000 }).toContain('显示 1 件，化解 1 件，化解率 100');

    // 5. Offline: the mediator records a failed follow-up and settles again, reloads, comes back.
    await mediator.context.setOffline(true);
    await caseOf(mediator.page, id);
    // The follow-up comes weeks after the settlement (the loop refuses it sooner): the case view's clock says so.
    await mediator.page.evaluate(() => ((document.querySelector('bh-dispute-case') as any).now = Date.now() + 40 * 86_400_000));
    await expect.poll(() => available(mediator.page), { timeout: 30_000 }).toContain('recordFollowUp');
    expect(await act(mediator.page, 'recordFollowUp', { method: 'phone', agreementKept: false, satisfaction: 'dissatisfied' })).toBe('accepted');
    // A new signed agreement, scanned and attached offline, then the settlement.
    await attachScan(mediator.page, '赵，再次');
    expect(await act(mediator.page, 'settle', settle('赵，再次'))).toBe('accepted');
    await expect.poll(() => textOf(mediator.page, 'bh-sync-status', 'status')).toContain('离线');
    expect(await textOf(mediator.page, 'bh-dispute-case', 'pending')).toContain('待同步');
    await mediator.page.reload();
    await mediator.page.waitForFunction(() => (window as any).ready === true);
    expect(await mediator.page.evaluate(() => (window as any).store.sync.state().pending as number)).toBe(2);
    expect(await stateOn(mediator.page, id)).toBe('followUp');
    // Back online: the push reaches the server, which commits it and stops before answering, then
    // comes back on the same database; the retry is answered from what was recorded.
    const refusedBefore = await mediator.page.evaluate(() => (window as any).store.sync.state().refusals.length as number);
    const tokenCallsOfB = await clerkB.page.evaluate(() => (window as any).tokenCalls as number);
    dieAfterPush = true;
    await mediator.context.setOffline(false);
    await mediator.page.evaluate(() => (window as any).store.sync.syncNow());
    await expect.poll(() => mediator.page.evaluate(() => (window as any).store.sync.state().pending as number), { timeout: 30_000 }).toBe(0);
    expect(restarts).toBe(1);
    const types = (await history()).map((e) => e.type);
    expect(types).toEqual(['@create', 'route', 'mediate', 'settle', 'recordFollowUp', 'settle']);
    // The scan attached offline is on the server with the settlement.
    expect(await scansBy()).toEqual([mediator.user.sub, mediator.user.sub, mediator2.user.sub].sort());
    const [row] = await s.database.query<{ version: number; state: string }>('SELECT version, state FROM items WHERE id = $1', [id]);
    expect(row).toEqual({ version: types.length, state: 'followUp' });
    expect(await mediator.page.evaluate(() => (window as any).store.sync.state().refusals.length as number)).toBe(refusedBefore);

    // The restarted server takes no expired token: town B's clerk, whose live stream the restart
    // cut, reconnects, is refused, asks getToken once more, and is told in words.
    await expect.poll(() => textOf(clerkB.page, 'bh-sync-status', 'error'), { timeout: 30_000 }).toContain('登录已过期');
    expect(await clerkB.page.evaluate(() => (window as any).tokenCalls as number)).toBe(tokenCallsOfB + 1);

    // 6. Town B's clerk never received the dispute: not on screen, not in any byte sent to them.
    expect(await textOf(clerkB.page, 'bh-dispute-ledger')).not.toContain(id);
    const toB = (carried.get(clerkB.token) ?? []).join('');
    expect(toB).toContain('"cursor"'); // pulls and live notices did reach them
    expect(toB).not.toContain(id);
    expect(toB).not.toContain('张三丰');
    expect((carried.get(county.token) ?? []).join('')).toContain(id);

    // 7. Sign-out on a shared computer: clear() leaves no record and no personal data in IndexedDB.
    const left = await mediator.page.evaluate(async () => {
      await (window as any).store.clear();
      await (window as any).files.clear();
      const found: string[] = [];
      const names: string[] = [];
      for (const { name } of await indexedDB.databases()) {
        names.push(name!);
        const db = await new Promise<IDBDatabase>((ok, ko) => {
          const r = indexedDB.open(name!);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
        for (const storeName of db.objectStoreNames) {
          const all = await new Promise<unknown[]>((ok) => {
            const r = db.transaction(storeName).objectStore(storeName).getAll();
            r.onsuccess = () => ok(r.result);
          });
          for (const v of all) found.push(`${name}/${storeName}: ${JSON.stringify(v)}`);
        }
        db.close();
      }
      return { names, found };
    });
    expect(left.names).toEqual(expect.arrayContaining(['bihuan-station', 'bihuan-station:sync']));
    expect(left.found.filter((v) => [id, '张三丰', '李四海', '13812345678', '赵调解', 'mediator-a'].some((x) => v.includes(x)))).toEqual([]);
    expect(left.found.filter((v) => /\/(disputes|outbox|refusals|mutations)/.test(v))).toEqual([]);
  }, 400_000);

  it('a session with two roles is offered what either role may do, acts in the role that allows it, and the server takes exactly those', async () => {
    // 吴双岗 is a clerk and a mediator: accepts as a clerk, is offered routing and mediation, mediates as a mediator.
    const mine = await acceptOn(both.page, 2);
    await caseOf(both.page, mine);
    await expect.poll(() => available(both.page), { timeout: 30_000 }).toContain('route');
    expect(await act(both.page, 'route', { departments: ['judicialAdministration'] })).toBe('accepted');
    await expect.poll(() => available(both.page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['route', 'mediate', 'withdraw']));
    const offered = await available(both.page);
    expect(offered).not.toContain('supervise'); // a supervisor's, neither of theirs
    expect(await act(both.page, 'mediate', { mode: 'atCentre', mediators: ['both-a'] })).toBe('accepted');
    await expect.poll(() => both.page.evaluate(() => (window as any).store.sync.state().pending as number), { timeout: 30_000 }).toBe(0);
    expect((await history(mine)).map((e) => `${e.type}:${e.role}`)).toEqual(['@create:intakeClerk', 'route:intakeClerk', 'mediate:mediator']);
    // The server refuses what neither role may do, in either role, and a role the token lacks.
    const push = async (role: string, type: string, payload?: unknown) => {
      const r = await fetch(`${origin}/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${both.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: `c-both-${kind}`, mutations: [{ mutationId: Date.now(), collection: 'disputes', item: mine, baseVersion: 3, event: { type, at: '2026-11-03T09:00:00+08:00', actor: { role }, ...(payload ? { payload } : {}) } }] }),
      });
      const body = (await r.json()) as { results?: { ok: boolean; error?: { code: string } }[]; error?: { code: string } };
      return body.results?.[0]?.ok ? 'accepted' : (body.results?.[0]?.error?.code ?? body.error?.code);
    };
    expect(await push('mediator', 'supervise', { instruction: '请加快办理' })).toBe('role_not_allowed');
    expect(await push('intakeClerk', 'supervise', { instruction: '请加快办理' })).toBe('role_not_allowed');
    expect(await push('supervisor', 'supervise', { instruction: '请加快办理' })).toBe('role_not_held');
    expect((await history(mine)).length).toBe(3);
  }, 200_000);
  it('a file mediator 2 withdraws is marked withdrawn on the clerk’s computer by its pull (no request for the case’s files), and reaches the county masked', async () => {
    // Mediator 2 attaches a photo to the case open on their screen, by mistake; it goes up at once.
    const name = '张三丰家门口（错传）.jpg';
    await mediator2.page.evaluate(async (name) => {
      const panel = (document.querySelector('bh-dispute-case') as any).shadowRoot.querySelector('bh-attachments');
      panel.defaultType = 'photo';
      await panel.addFiles([new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])], name, { type: 'image/jpeg' })]);
    }, name);
    const fileId = await mediator2.page.evaluate(async (name) => ((await (window as any).files.all('attachments')).items as { id: string; name: string }[]).find((a) => a.name === name)?.id, name);
    expect(fileId).toBeTruthy();
    const onServer = async () => (await s.database.query<{ withdrawn: boolean }>('SELECT w.attachment_id IS NOT NULL AS withdrawn FROM attachments a LEFT JOIN attachment_withdrawals w ON w.attachment_id = a.id WHERE a.id = $1', [fileId]))[0]?.withdrawn;
    await expect.poll(onServer, { timeout: 30_000 }).toBe(false);
    // The clerk (the same case open on their screen, its files asked for once when it opened) gets the record with a pull.
    const panelText = (page: Page) => page.evaluate(() => ((document.querySelector('bh-dispute-case') as any).shadowRoot.querySelector('bh-attachments').shadowRoot.textContent as string).replace(/\s+/g, ' '));
    const recordOn = (page: Page) => page.evaluate(async (id) => (await (window as any).files.get('attachments', id)) as { name: string; removedAt?: string; masked?: { n: number }; removedReason?: string } | undefined, fileId);
    await expect.poll(async () => (await recordOn(clerkA.page))?.name, { timeout: 30_000 }).toBe(name);
    await expect.poll(() => panelText(clerkA.page), { timeout: 30_000 }).toContain(name);
    const listedBefore = (asked.get(clerkA.token) ?? []).filter((p) => p === `GET /items/disputes/${id}/attachments`).length;

    // Mediator 2 withdraws it from their panel (its remove button).
    await mediator2.page.evaluate((name) => {
      const panel = (document.querySelector('bh-dispute-case') as any).shadowRoot.querySelector('bh-attachments');
      const button = [...panel.shadowRoot.querySelectorAll('button')].find((b: HTMLButtonElement) => b.getAttribute('aria-label') === `删除“${name}”`) as HTMLButtonElement;
      button.click();
    }, name);
    const why = async () => JSON.stringify(await mediator2.page.evaluate(async (id) => {
      const panel = (document.querySelector('bh-dispute-case') as any).shadowRoot.querySelector('bh-attachments');
      return { record: await (window as any).files.get('attachments', id), refusals: panel.refusals, status: panel.status, sync: (window as any).store.sync.state() };
    }, fileId));
    await expect.poll(onServer, { timeout: 30_000, message: 'withdrawn on the server' }).toBe(true).catch(async (e) => {
      throw new Error(`${e.message}: ${await why()}`);
    });
    // The clerk's computer marks it withdrawn (live notice, then a pull), drops it from the case's list, asks nothing else.
    await expect.poll(async () => (await recordOn(clerkA.page))?.removedAt, { timeout: 30_000 }).toBeTruthy();
    await expect.poll(() => panelText(clerkA.page), { timeout: 30_000 }).not.toContain(name);
    expect(await clerkA.page.evaluate(async (id) => (await (window as any).files.getBlob(id)) === undefined, fileId)).toBe(true);
    expect((asked.get(clerkA.token) ?? []).filter((p) => p === `GET /items/disputes/${id}/attachments`).length).toBe(listedBefore);
    expect(await clerkA.page.evaluate(() => (window as any).store.sync.state().refusals.length as number)).toBe(0);

    // The county supervisor may not see the parties' data: the record came masked, withdrawn, without its reason, and no byte named the file.
    await expect.poll(async () => (await recordOn(county.page))?.removedAt, { timeout: 30_000 }).toBeTruthy();
    const masked = (await recordOn(county.page))!;
    expect(masked.name).toMatch(/^attachment-\d+\.jpg$/);
    expect(masked.masked?.n).toBeGreaterThan(0);
    expect(masked.removedReason).toBeUndefined();
    expect((carried.get(county.token) ?? []).join('')).not.toContain('张三丰家门口');
  }, 200_000);
});
