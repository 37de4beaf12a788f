// The server from outside, as an attacker and as a portal developer would see it: every endpoint
// against every kind of bad token, every role or area that may not act, forged actors, injection
// and Unicode edge cases in every path, query and body field, oversized, malformed and unknown
// input — each refused with a typed, bilingual JSON error (never a stack trace or SQL), nothing
// written, and personal data never sent to a role that may not see it, in any answer or log line.
// On PGlite and on PostgreSQL 15.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { createServer, createVerifier, type BihuanServer } from '../src/index.ts';
import { answerOf, AT, CITY, freshDatabase, intake, KINDS, OTHER_SECRET, SECRET, USERS, type User } from './support/databases.ts';

const ISSUER = 'https://portal.example.gov.cn';
const AUDIENCE = 'bihuan';
const PERSONAL = ['13812345678', '13987654321', '110101199003074514', '张三丰', '李四海', '幸福社区3栋201室'];
const TABLES = ['items', 'events', 'changes', 'mutations', 'clients', 'attachments', 'attachment_audit'] as const;
const DISPATCHER: User = { sub: 'city-d', name: '郑调度', roles: ['dispatcher'], scope: { city: CITY } };
const OFFICER: User = { sub: 'officer-a', name: '冯民警', roles: ['officer'], unit: '甲镇派出所', scope: { city: CITY, county: '东区', town: '甲镇' } };

/** Strings that must be plain data wherever they go: SQL, markup, paths, and Unicode edge cases. */
const HOSTILE = [
  "x'; DROP TABLE events; --", "' OR '1'='1", '1; DELETE FROM items', '$1', "\\'; SELECT pg_sleep(5); --", '%00', '../../etc/passwd', '<script>alert(1)</script>',
  '\u202e\u202d反向', '𠀀𪚥👮‍♀️', 'e\u0301\u0301\u0301', '\ufeff', ' ', 'x'.repeat(5000),
];
/** Text PostgreSQL cannot store: refused as input (400), never a database failure. */
const UNSTORABLE = ['a\u0000b', 'x\ud800y', 'x\udc00', '\udbff'];

// A city's smallest month: one template, one officer.
const CATALOG = { id: 'sweep', version: 1, name: '任务清单', effectiveFrom: '2026-01', categories: [{ id: 'elements', name: '治安要素' }], templates: [{ id: 'hotels', category: 'elements', title: '旅馆业检查', asks: '检查辖区旅馆', frequency: 'monthly', due: { kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'before' }, done: [{ kind: 'count', id: 'hotels', label: '检查家数', min: 1 }] }] };
const ROSTER = { id: 'sweep', city: { id: 'sweep', name: CITY }, counties: [{ id: 'Hg', name: '海港区' }], stations: [{ id: 'Dg', name: '东港派出所', county: 'Hg' }], officers: [{ id: 'P001', name: '王海涛', station: 'Dg', community: '文化里社区' }] };

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pdf = new TextEncoder().encode('%PDF-1.4 调解协议书 sweep');

async function sign(user: User, o: { secret?: string; exp?: number; nbf?: number; iss?: string | null; aud?: string | null; alg?: 'HS256' | 'HS512'; extra?: Record<string, unknown> } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ ...user, ...o.extra } as Record<string, unknown>).setProtectedHeader({ alg: o.alg ?? 'HS256' }).setIssuedAt(now).setExpirationTime(o.exp ?? now + 3600);
  if (o.nbf !== undefined) jwt = jwt.setNotBefore(o.nbf);
  if (o.iss !== null) jwt = jwt.setIssuer(o.iss ?? ISSUER);
  if (o.aud !== null) jwt = jwt.setAudience(o.aud ?? AUDIENCE);
  return jwt.sign(new TextEncoder().encode(o.secret ?? SECRET));
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: any;
}

/** A refusal as every client may rely on it: JSON, a code, both languages, the failing path when given, nothing of the server's insides. */
function expectTypedError(r: Answer, label: string, echoed?: string): void {
  expect(r.json?.error, `${label}: ${r.text.slice(0, 300)}`).toBeDefined();
  const { code, message, path } = r.json.error;
  expect(code, label).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(typeof message['zh-CN'] === 'string' && message['zh-CN'].length > 0, label).toBe(true);
  expect(typeof message.en === 'string' && message.en.length > 0, label).toBe(true);
  expect(/[\u3000-\u303f\uff01-\uff1f]/.test(message.en), `${label}: CJK punctuation in English: ${message.en}`).toBe(false);
  if (path !== undefined) expect(typeof path, label).toBe('string');
  expectNothingInternal(r, label, echoed);
}

function expectNothingInternal(r: Answer, label: string, echoed?: string): void {
  expect(r.status, `${label}: ${r.text.slice(0, 300)}`).toBeLessThan(500);
  // A refusal may quote the caller's own input (a parameter's name): that is not the server's SQL.
  if (r.status < 400) return; // an answer's data may hold anything users wrote; refusals are the server's own words
  const own = echoed === undefined ? r.text : r.text.split(echoed).join('').split(JSON.stringify(echoed).slice(1, -1)).join('');
  expect(own, label).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+|\.js:\d+|SELECT |INSERT INTO|UPDATE \w+ SET|syntax error|violates|relation "|\bstack\b/i);
}

describe.each(KINDS)('security sweep on %s', (kind) => {
  let server: BihuanServer;
  const logged: Record<string, unknown>[] = [];
  let n = 0;
  const item = `sweep-${kind}`;
  const itemB = `sweep-b-${kind}`;

  async function send(method: string, path: string, as: User | string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const h: Record<string, string> = { ...headers };
    if (as !== null) h.authorization = `Bearer ${typeof as === 'string' ? as : await sign(as)}`;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) payload = body as Uint8Array<ArrayBuffer>;
    else if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    return answerOf(await server.fetch(new Request(`http://bihuan.test${path}`, { method, headers: h, body: payload })));
  }

  async function tables(): Promise<Record<(typeof TABLES)[number], number>> {
    const [row] = await server.database.query<Record<string, string>>(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::text AS ${t}`).join(', ')}`);
    return Object.fromEntries(TABLES.map((t) => [t, Number(row![t])])) as Record<(typeof TABLES)[number], number>;
  }

  const create = (id: string, extra: Record<string, unknown> = {}) => ({ clientId: `cr-${++n}`, mutationId: 1, id, input: intake(1), at: AT(0), scope: { town: '甲镇' }, ...extra });
  const push = (event: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ clientId: `pu-${++n}`, mutations: [{ mutationId: 1, collection: 'disputes', item, baseVersion: 1, event: { type: 'supervise', at: AT(3), payload: { instruction: '请按期办结' }, ...event }, ...extra }] });
  const dispatch = (extra: Record<string, unknown> = {}) => ({ month: '2026-12', at: '2026-12-01T08:30:00+08:00', catalog: CATALOG, roster: ROSTER, ...extra });
  const attachmentPath = (id: string, on = item) => `/items/disputes/${on}/attachments/${id}?type=agreementScan&name=${encodeURIComponent('调解协议书.pdf')}&at=${encodeURIComponent(AT(5))}`;

  /** Every route the server mounts, with a request that would succeed for the right user (`as`). */
  const endpoints = (fresh = new TextEncoder().encode(`%PDF-1.4 ${++n}`)): { name: string; method: string; path: string; body?: unknown; headers?: Record<string, string>; as: User }[] => [
    { name: 'session', method: 'GET', path: '/session', as: USERS.clerkA },
    { name: 'live ticket', method: 'POST', path: '/live/ticket', as: USERS.clerkA },
    { name: 'live', method: 'GET', path: '/live', as: USERS.clerkA },
    { name: 'push', method: 'POST', path: '/push', body: push({}), as: USERS.supervisorCounty },
    { name: 'create', method: 'POST', path: '/items/disputes', body: create(`new-${kind}-${++n}`), as: USERS.clerkA },
    { name: 'item', method: 'GET', path: `/items/disputes/${item}`, as: USERS.clerkA },
    { name: 'audit json', method: 'GET', path: `/items/disputes/${item}/audit.json`, as: USERS.clerkA },
    { name: 'audit csv', method: 'GET', path: `/items/disputes/${item}/audit.csv`, as: USERS.clerkA },
    { name: 'pull', method: 'GET', path: '/pull?cursor=0&limit=50', as: USERS.clerkA },
    { name: 'dispatch', method: 'POST', path: '/dispatch/tasks', body: dispatch(), as: DISPATCHER },
    { name: 'rollups', method: 'GET', path: '/rollups/tasks?by=county', as: USERS.supervisorCounty },
    { name: 'ledger', method: 'GET', path: '/ledgers/disputes', as: USERS.supervisorCounty },
    { name: 'upload', method: 'PUT', path: attachmentPath(`up-${++n}`), body: fresh, headers: { 'content-type': 'application/pdf', 'x-bihuan-sha256': sha(fresh) }, as: USERS.mediatorA },
    { name: 'attachments', method: 'GET', path: `/items/disputes/${item}/attachments`, as: USERS.clerkA },
    { name: 'attachment log', method: 'GET', path: `/items/disputes/${item}/attachment-log`, as: USERS.clerkA },
    { name: 'download', method: 'GET', path: `/items/disputes/${item}/attachments/scan-1`, as: USERS.clerkA },
  ];

  beforeAll(async () => {
    server = await createServer({ database: await freshDatabase(kind), auth: { secret: SECRET, issuer: ISSUER, audience: AUDIENCE }, migrate: false, log: (e) => logged.push(e), bodyLimit: 64 * 1024, dispatchBodyLimit: 128 * 1024 });
    for (const [id, as, town] of [[item, USERS.clerkA, '甲镇'], [itemB, USERS.clerkB, '乙镇']] as const) {
      const r = await send('POST', '/items/disputes', as, { clientId: `seed-${as.sub}`, mutationId: 1, id, input: intake(1, town), at: AT(0), scope: { town } });
      expect(r.status, r.text).toBe(201);
    }
    const scan = await send('PUT', attachmentPath('scan-1'), USERS.mediatorA, pdf, { 'content-type': 'application/pdf', 'x-bihuan-sha256': sha(pdf) });
    expect(scan.status, scan.text).toBe(201);
  }, 120_000);
  afterAll(() => server?.close());

  it('every endpoint answers the right user (the sweep below refuses the same requests)', async () => {
    for (const e of endpoints()) {
      const r = await send(e.method, e.path, e.as, e.body, e.headers);
      expect(r.status, `${e.name}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
    }
    expect((await send('GET', '/health', null)).status).toBe(200);
  });

  it('refuses every kind of bad token on every endpoint with 401, writing nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const user = USERS.clerkA;
    const unsigned = (claims: object) => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const good = await sign(user);
    const [head, body] = good.split('.');
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...user, roles: ['supervisor'], scope: { city: CITY }, iss: ISSUER, aud: AUDIENCE, exp: now + 3600 })).toString('base64url')}.${good.split('.')[2]}`;
    const bad: [string, string | null, string][] = [
      ['no token', null, 'unauthenticated'],
      ['not a bearer token', `Basic ${Buffer.from('a:b').toString('base64')}`, 'unauthenticated'],
      ['signed with another key', await sign(user, { secret: OTHER_SECRET }), 'token_invalid'],
      ['expired', await sign(user, { exp: now - 3600 }), 'token_expired'],
      ['not yet valid (nbf an hour ahead)', await sign(user, { nbf: now + 3600 }), 'token_invalid'],
      ['alg none', unsigned({ ...user, iss: ISSUER, aud: AUDIENCE, exp: now + 3600 }), 'token_invalid'],
      ['another algorithm (HS512)', await sign(user, { alg: 'HS512' }), 'token_invalid'],
      ['another issuer', await sign(user, { iss: 'https://evil.example' }), 'token_invalid'],
      ['no issuer', await sign(user, { iss: null }), 'token_invalid'],
      ['another audience', await sign(user, { aud: 'another-service' }), 'token_invalid'],
      ['no audience', await sign(user, { aud: null }), 'token_invalid'],
      ['claims changed after signing', tampered, 'token_invalid'],
      ['signature stripped', `${head}.${body}.`, 'token_invalid'],
      ['no scope', await sign({ ...user, scope: undefined } as never), 'token_invalid'],
      ['a town without its county', await sign({ ...user, scope: { city: CITY, town: '甲镇' } }), 'token_invalid'],
      ['no roles', await sign({ ...user, roles: [] }), 'token_invalid'],
      ['a NUL in the user id', await sign({ ...user, sub: 'clerk\u0000a' }), 'token_invalid'],
      ['half a surrogate pair in the unit', await sign({ ...user, unit: '甲镇\ud800' }), 'token_invalid'],
      ['an oversized token', `${'a'.repeat(9000)}.b.c`, 'unauthenticated'],
      ['garbage', "' OR 1=1 --", 'unauthenticated'],
    ];
    const before = await tables();
    for (const e of endpoints()) {
      for (const [label, token, code] of bad) {
        const headers: Record<string, string> = { ...e.headers };
        let as: string | null = null;
        if (token !== null && token.startsWith('Basic ')) headers.authorization = token;
        else as = token;
        const r = await send(e.method, e.path, as, e.body, headers);
        expect([r.status, r.json?.error?.code], `${e.name} / ${label}`).toEqual([401, code]);
        expectTypedError(r, `${e.name} / ${label}`);
      }
    }
    expect(await tables()).toEqual(before);
  });

  it('refuses a role or an area that may not act with 403 or 404 on every endpoint that acts or reads an item, writing no event', async () => {
    const outsider: User = { ...USERS.clerkB };
    const cases: [string, string, string, unknown, User, number, string, Record<string, string>?][] = [
      ['push as a role the token lacks', 'POST', '/push', push({ actor: { role: 'supervisor' } }), USERS.clerkA, 403, 'role_not_held'],
      ['create as a role the loop does not let create', 'POST', '/items/disputes', create(`m-${kind}`), USERS.mediatorA, 403, 'role_not_allowed'],
      ['create in another town', 'POST', '/items/disputes', create(`o-${kind}`), outsider, 403, 'out_of_scope'],
      ['create in another city', 'POST', '/items/disputes', create(`o2-${kind}`, { scope: { city: '别的市' } }), USERS.clerkA, 403, 'out_of_scope'],
      ['dispatch from a county', 'POST', '/dispatch/tasks', dispatch(), { ...USERS.supervisorCounty, roles: ['dispatcher'] }, 403, 'out_of_scope'],
      ['dispatch as a role that may not', 'POST', '/dispatch/tasks', dispatch(), { ...DISPATCHER, roles: ['mediator'] }, 403, 'role_not_allowed'],
      ['item of another town', 'GET', `/items/disputes/${item}`, undefined, outsider, 404, 'not_found'],
      ['audit of another county', 'GET', `/items/disputes/${item}/audit.json`, undefined, USERS.supervisorWest, 404, 'not_found'],
      ['audit CSV of another county', 'GET', `/items/disputes/${item}/audit.csv`, undefined, USERS.supervisorWest, 404, 'not_found'],
      ['upload to another town', 'PUT', attachmentPath(`x-${++n}`), pdf, outsider, 404, 'not_found', { 'content-type': 'application/pdf', 'x-bihuan-sha256': sha(pdf) }],
      ['upload by a role outside the loop', 'PUT', attachmentPath(`x-${++n}`), pdf, OFFICER, 403, 'role_not_in_loop', { 'content-type': 'application/pdf', 'x-bihuan-sha256': sha(pdf) }],
      ['upload as a role the token lacks', 'PUT', `${attachmentPath(`x-${++n}`)}&role=mediator`, pdf, USERS.clerkA, 403, 'role_not_held', { 'content-type': 'application/pdf', 'x-bihuan-sha256': sha(pdf) }],
      ['attachments of another town', 'GET', `/items/disputes/${item}/attachments`, undefined, outsider, 404, 'not_found'],
      ['attachment log of another town', 'GET', `/items/disputes/${item}/attachment-log`, undefined, outsider, 404, 'not_found'],
      ['download from another town', 'GET', `/items/disputes/${item}/attachments/scan-1`, undefined, outsider, 404, 'not_found'],
      ['download of a signed agreement by a role that may not see personal data', 'GET', `/items/disputes/${item}/attachments/scan-1`, undefined, USERS.supervisorCounty, 403, 'personal_data'],
      ['download by a role outside the loop', 'GET', `/items/disputes/${item}/attachments/scan-1`, undefined, OFFICER, 403, 'role_not_in_loop'],
    ];
    const before = await tables();
    for (const [label, method, path, body, as, status, code, headers] of cases) {
      const r = await send(method, path, as, body, headers);
      expect([r.status, r.json?.error?.code], `${label}: ${r.text.slice(0, 300)}`).toEqual([status, code]);
      expectTypedError(r, label);
    }
    // The engine's own refusals (a role the loop does not let act; an item of another area) answer in the push's results and write no event.
    const refused = [
      [push({ type: 'withdraw', payload: { reason: '撤回' }, actor: { role: 'departmentLiaison' } }), USERS.liaisonA, 403, 'role_not_allowed'],
      [push({}), outsider, 404, 'not_found'],
      [push({}), USERS.supervisorWest, 404, 'not_found'],
    ] as const;
    for (const [body, as, status, code] of refused) {
      const r = await send('POST', '/push', as, body);
      expect(r.json.results[0], r.text).toMatchObject({ ok: false, status, error: { code } });
    }
    const after = await tables();
    // Only the engine's refusal is recorded (a retry gets the same answer); nothing else changed.
    expect({ ...after, mutations: 0, clients: 0 }).toEqual({ ...before, mutations: 0, clients: 0 });
    expect(after.mutations - before.mutations).toBe(1);
    // A town-B user learns nothing of town A's item: the same answer as an id that does not exist.
    const missing = await send('GET', '/items/disputes/no-such-item', outsider);
    expect((await send('GET', `/items/disputes/${item}`, outsider)).json).toEqual(missing.json);
  });

  it('refuses a body or query that claims another actor, on every endpoint that takes one', async () => {
    const before = await tables();
    const forged: [string, string, string, unknown, User, string, Record<string, string>?][] = [];
    for (const [key, value] of [['id', 'sup-east'], ['name', '钱主任'], ['unit', '东区综治中心']] as const) {
      forged.push(
        [`push ${key}`, 'POST', '/push', push({ actor: { [key]: value } }), USERS.supervisorCounty === undefined ? USERS.clerkA : { ...USERS.supervisorCounty, sub: 'sup-other', name: '别人', unit: '别的单位' }, `mutations[0].event.actor.${key}`],
        [`create ${key}`, 'POST', '/items/disputes', create(`f-${kind}-${++n}`, { actor: { [key]: value, role: 'intakeClerk' } }), USERS.clerkB, `actor.${key}`],
        [`dispatch ${key}`, 'POST', '/dispatch/tasks', dispatch({ actor: { [key]: value, role: 'dispatcher' } }), DISPATCHER, `actor.${key}`],
      );
    }
    // A client id is its first user's: another user sending under it is refused, whatever the request.
    const taken = 'seed-clerk-a';
    for (const [label, path, body] of [['push', '/push', { ...push({}), clientId: taken }], ['create', '/items/disputes', { ...create(`t-${kind}-${++n}`), clientId: taken }]] as const) {
      const r = await send('POST', path, USERS.twoRoles, { ...body, ...(path === '/push' ? { mutations: [{ ...push({}).mutations[0], mutationId: 99, event: { type: 'route', at: AT(3), payload: { departments: ['judicialAdministration'] }, actor: { role: 'intakeClerk' } } }] } : { actor: { role: 'intakeClerk' } }) });
      const error = r.json?.error ?? r.json?.results?.[0]?.error;
      expect([r.status, error?.code, error?.path], `${label} under another user's client id: ${r.text.slice(0, 300)}`).toEqual([403, 'client_not_yours', 'clientId']);
    }
    for (const [label, method, path, body, as, where] of forged) {
      const r = await send(method, path, as, body);
      expect([r.status, r.json?.error?.code, r.json?.error?.path], `${label}: ${r.text.slice(0, 300)}`).toEqual([403, 'actor_forged', where]);
      expectTypedError(r, label);
    }
    expect(await tables()).toEqual(before);
  });

  it('never sends personal data to a role that may not see it: items, pull, ledger, audit (JSON and CSV), attachments, answers to writes, errors and logs', async () => {
    // Sanity: the clerk, who may, sees it in clear; so the checks below are not vacuous.
    const clear = await send('GET', `/items/disputes/${item}`, USERS.clerkA);
    for (const value of PERSONAL) expect(clear.text).toContain(value);
    const masked: User[] = [USERS.supervisorCounty, USERS.liaisonA, { ...USERS.supervisorCounty, sub: 'sup-city', scope: { city: CITY } }];
    for (const as of masked) {
      const answers: [string, Answer][] = [
        ['item', await send('GET', `/items/disputes/${item}`, as)],
        ['pull', await send('GET', '/pull?cursor=0&limit=5000', as)],
        ['ledger', await send('GET', '/ledgers/disputes?pageSize=200', as)],
        ['ledger by state', await send('GET', '/ledgers/disputes?state=received,routed,mediating', as)],
        ['audit json', await send('GET', `/items/disputes/${item}/audit.json`, as)],
        ['audit csv', await send('GET', `/items/disputes/${item}/audit.csv`, as)],
        ['attachments', await send('GET', `/items/disputes/${item}/attachments`, as)],
        ['attachment log', await send('GET', `/items/disputes/${item}/attachment-log`, as)],
        ['session', await send('GET', '/session', as)],
        ['a push', await send('POST', '/push', as, push({ actor: { role: as.roles[0] } }))],
        ['a refused push', await send('POST', '/push', as, push({ type: 'settle', payload: { terms: ['x'], consentedBy: ['p1'], date: '2026-11-02' }, actor: { role: as.roles[0] } }))],
        ['a refused creation', await send('POST', '/items/disputes', as, create(item, { scope: { county: '东区', town: '甲镇' } }))],
        ['a bad ledger query', await send('GET', `/ledgers/disputes?town=${encodeURIComponent(PERSONAL[0]!)}&page=0`, as)],
      ];
      for (const [label, r] of answers) {
        expectNothingInternal(r, label);
        for (const value of PERSONAL) expect(r.text, `${label} as ${as.sub}: ${value}`).not.toContain(value);
      }
    }
    // No log line ever carries personal data, a token or a body — whatever the request.
    const lines = JSON.stringify(logged);
    for (const value of PERSONAL) expect(lines).not.toContain(value);
    expect(lines).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  it('treats hostile strings in every path, query and body field as plain data: never a 5xx, never SQL, nothing written but what was accepted', async () => {
    const before = await tables();
    let accepted = 0;
    let h = '';
    const check = (r: Answer, label: string) => {
      expectNothingInternal(r, label, h);
      if (r.status >= 400) expectTypedError(r, label, h);
    };
    for (h of [...HOSTILE, ...UNSTORABLE]) {
      // A lone surrogate has no UTF-8 form: in an address it arrives as the bytes of one (invalid UTF-8).
      const q = !(UNSTORABLE.includes(h) && /[\ud800-\udfff]/.test(h)) ? encodeURIComponent(h) : encodeURIComponent(h.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
      // Every path and query parameter.
      const paths: [string, string, User][] = [
        ['GET', `/items/${q}/x`, USERS.clerkA], ['GET', `/items/disputes/${q}`, USERS.clerkA], ['GET', `/items/disputes/${q}/audit.json`, USERS.clerkA], ['GET', `/items/disputes/${q}/audit.csv`, USERS.clerkA],
        ['GET', `/items/disputes/${q}/attachments`, USERS.clerkA], ['GET', `/items/disputes/${q}/attachment-log`, USERS.clerkA], ['GET', `/items/disputes/${item}/attachments/${q}`, USERS.clerkA],
        ['GET', `/pull?cursor=${q}`, USERS.clerkA], ['GET', `/pull?limit=${q}`, USERS.clerkA], ['GET', `/live?ticket=${q}`, USERS.clerkA],
        ...['by', 'period', 'asOf', 'decimals', q].map((k): [string, string, User] => ['GET', `/rollups/tasks?${k}=${q}`, USERS.supervisorCounty]),
        ...['state', 'town', 'period', 'overdueAt', 'page', 'pageSize', q].map((k): [string, string, User] => ['GET', `/ledgers/disputes?${k}=${q}`, USERS.supervisorCounty]),
      ];
      for (const [method, path, as] of paths) check(await send(method, path, as), `${method} ${path.slice(0, 80)}`);
      // An upload with the string as its id, its name, its type, its role, its moment.
      for (const [k, path] of [['id', `/items/disputes/${item}/attachments/${q}?type=photo&name=a.jpg`], ['name', `/items/disputes/${item}/attachments/h${++n}?type=photo&name=${q}`], ['type', `/items/disputes/${item}/attachments/h${++n}?type=${q}&name=a.jpg`], ['role', `/items/disputes/${item}/attachments/h${++n}?type=photo&name=a.jpg&role=${q}`], ['at', `/items/disputes/${item}/attachments/h${++n}?type=photo&name=a.jpg&at=${q}`]] as const) {
        const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ++n & 0xff, (n >> 8) & 0xff, 1, 2, 3]);
        const r = await send('PUT', path, USERS.mediatorA, jpeg, { 'content-type': 'image/jpeg', 'x-bihuan-sha256': sha(jpeg) });
        check(r, `upload ${k}=${JSON.stringify(h).slice(0, 40)}`);
        // A NUL is refused (400); a lone surrogate's invalid bytes stay the literal `%ED%A0%80` they arrived as.
        if (r.status === 201 && h.includes('\u0000')) expect.fail(`upload ${k} stored a NUL`);
      }
      // Every string field of every JSON body.
      const bodies: [string, string, User, Record<string, unknown>][] = [
        ['POST', '/items/disputes', USERS.clerkA, create(`h-${kind}-${++n}`, { note: 'n' })],
        ['POST', '/push', USERS.supervisorCounty, push({ note: 'n' })],
        ['POST', '/dispatch/tasks', DISPATCHER, dispatch({ actor: { role: 'dispatcher' } })],
      ];
      for (const [method, path, as, body] of bodies) {
        for (const [field, variant] of variants(body, h)) {
          // A created id must be new each time; a push's mutation id must be a client's first.
          const fresh = path === '/items/disputes' && field !== 'id' ? { ...variant, id: `h-${kind}-${++n}`, clientId: field === 'clientId' ? variant.clientId : `hc-${++n}` } : path === '/push' && field !== 'clientId' ? { ...variant, clientId: `hp-${++n}` } : variant;
          const r = await send(method, path, as, fresh);
          check(r, `${path} ${field}=${JSON.stringify(h).slice(0, 40)}`);
          if (UNSTORABLE.includes(h) && (r.status < 300 && (r.json?.results?.[0]?.ok ?? true))) expect.fail(`${path} ${field}: unstorable text accepted: ${r.text.slice(0, 200)}`);
          if (UNSTORABLE.includes(h) && r.status === 400) expect([r.json.error.code, r.json.error.path], `${path} ${field}`).toEqual(['invalid_body', expect.stringContaining(field.split(/[.[]/)[0]!)]);
          if (path === '/items/disputes' && r.status === 201) accepted++;
          if (path === '/push' && r.json?.results?.[0]?.ok) accepted++;
          if (path === '/dispatch/tasks' && r.status === 200) accepted += r.json.created;
        }
      }
    }
    const after = await tables();
    expect(after.events - before.events).toBe(accepted);
    // The tables are all still there, and the event log is whole.
    const [log] = await server.database.query<{ n: string }>('SELECT count(*)::text AS n FROM events e JOIN items i ON i.collection = e.collection AND i.id = e.item_id');
    expect(Number(log!.n)).toBe(after.events);
  }, 600_000);

  it('answers oversized, malformed, mistyped and unknown input on every JSON endpoint with a typed 400 or 413 naming the path, writing nothing', async () => {
    const before = await tables();
    const big = 'x'.repeat(70 * 1024);
    const json: [string, string, User, Record<string, unknown>, number][] = [
      ['POST', '/items/disputes', USERS.clerkA, create(`big-${kind}`), 64 * 1024],
      ['POST', '/push', USERS.supervisorCounty, push({}), 64 * 1024],
      ['POST', '/dispatch/tasks', DISPATCHER, dispatch({ actor: { role: 'dispatcher' } }), 128 * 1024],
    ];
    let deep = '1';
    for (let i = 0; i < 20_000; i++) deep = `[${deep}]`;
    for (const [method, path, as, body, limit] of json) {
      const cases: [string, string, number, string, string?][] = [
        ['over the limit', JSON.stringify({ ...body, pad: 'x'.repeat(limit) }), 413, 'body_too_large'],
        ['not JSON', '{"clientId": ', 400, 'body_not_json'],
        ['empty', '', 400, 'body_not_json'],
        ['JSON with a trailing comma', `${JSON.stringify(body).slice(0, -1)},}`, 400, 'body_not_json'],
        ['an array', '[]', 400, 'invalid_body'],
        ['null', 'null', 400, 'invalid_body'],
        ['a string', '"x"', 400, 'invalid_body'],
        ['an unknown field', JSON.stringify({ ...body, isAdmin: true }), 400, 'invalid_body'],
        ['a prototype key', JSON.stringify(body).replace(/^\{/, '{"__proto__":{"admin":true},'), 400, 'invalid_body'],
        ['nested twenty thousand deep', JSON.stringify({ ...body, deep: 0 }).replace('"deep":0', `"deep":${deep}`), 400, 'invalid_body'],
        ['an unstorable key', JSON.stringify({ ...body, 'a\u0000': 1 }), 400, 'invalid_body'],
      ];
      if (limit < 100 * 1024) cases.push(['a 70 KiB string', JSON.stringify({ ...body, clientId: big }), 413, 'body_too_large']);
      for (const [label, text, status, code] of cases) {
        const r = await send(method, path, as, text);
        expect([r.status, r.json?.error?.code], `${path} ${label}: ${r.text.slice(0, 200)}`).toEqual([status, code]);
        expectTypedError(r, `${path} ${label}`);
      }
    }
    // Mistyped and unknown fields, deep inside: the path names the field.
    const named: [string, unknown, User, string][] = [
      ['/push', { ...push({}), mutations: [{ ...push({}).mutations[0], baseVersion: '1' }] }, USERS.supervisorCounty, 'mutations[0].baseVersion'],
      ['/push', { ...push({}), mutations: [{ ...push({}).mutations[0], extra: 1 }] }, USERS.supervisorCounty, 'mutations[0]'],
      ['/push', push({ by: 'x' }), USERS.supervisorCounty, 'mutations[0].event'],
      ['/push', push({ actor: { role: 'supervisor', admin: true } }), USERS.supervisorCounty, 'mutations[0].event.actor'],
      ['/push', { ...push({}), mutations: Array.from({ length: 101 }, () => push({}).mutations[0]) }, USERS.supervisorCounty, 'mutations'],
      ['/push', { ...push({}), mutations: [] }, USERS.supervisorCounty, 'mutations'],
      ['/push', push({ attachments: Array.from({ length: 51 }, (_, i) => `a${i}`) }), USERS.supervisorCounty, 'mutations[0].event.attachments'],
      ['/push', { ...push({}), mutations: [{ ...push({}).mutations[0], mutationId: 2 ** 53 }] }, USERS.supervisorCounty, 'mutations[0].mutationId'],
      ['/push', { ...push({}), mutations: [{ ...push({}).mutations[0], mutationId: 1.5 }] }, USERS.supervisorCounty, 'mutations[0].mutationId'],
      ['/items/disputes', create(`t-${kind}`, { scope: { town: '甲镇', street: 'x' } }), USERS.clerkA, 'scope'],
      ['/items/disputes', create(`t-${kind}`, { mutationId: -1 }), USERS.clerkA, 'mutationId'],
      ['/items/disputes', create('x'.repeat(201)), USERS.clerkA, 'id'],
      ['/dispatch/tasks', dispatch({ month: 202612 }), DISPATCHER, 'month'],
    ];
    for (const [path, body, as, where] of named) {
      const r = await send('POST', path, as, body);
      expect([r.status, r.json?.error?.code, r.json?.error?.path], `${path} ${where}: ${r.text.slice(0, 200)}`).toEqual([400, 'invalid_body', where]);
      expectTypedError(r, `${path} ${where}`);
      // The Chinese text is Chinese throughout: the validator's detail too, not its English words.
      expect(r.json.error.message['zh-CN'], `${path} ${where}`).not.toMatch(/Too (big|small)|Invalid (input|option)|Unrecognized key|expected/);
    }
    // Unknown query parameters on the read endpoints that take a query.
    for (const path of ['/rollups/tasks?by=county&admin=1', '/ledgers/disputes?admin=1', '/pull?cursor=0&admin=1', '/pull?cursor=', '/pull?cursor=0x10', '/pull?limit=%201', '/pull?cursor=1e3']) {
      const r = await send('GET', path, USERS.supervisorCounty);
      expect([r.status, r.json?.error?.code], path).toEqual([400, 'invalid_query']);
    }
    expect(await tables()).toEqual(before);
  }, 300_000);

  it('never names a file, nor serves a person\'s papers, to a role that may not see personal data: lists, uploads, withdrawals, downloads, audits, pulls, refusals and logs', async () => {
    const on = `names-${kind}`;
    expect((await send('POST', '/items/disputes', USERS.clerkA, create(on))).status).toBe(201);
    const jpeg = (tag: string) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode(tag)]);
    const put = (id: string, as: User, type: string, name: string, bytes: Uint8Array, mediaType = 'image/jpeg') =>
      send('PUT', `/items/disputes/${on}/attachments/${id}?type=${type}&name=${encodeURIComponent(name)}&at=${encodeURIComponent(AT(6))}`, as, bytes, { 'content-type': mediaType, 'x-bihuan-sha256': sha(bytes) });
    const idCard = jpeg('id-card');
    const photo = jpeg('doorway');
    const scan = jpeg('agreement');
    const NAMES = ['张三丰身份证', '李四海家门口', '张三丰李四海调解协议', '王五身份证'];
    // Added by a mediator, who sees them (and their names) in clear.
    expect((await put('n-id', USERS.mediatorA, 'idDocument', '张三丰身份证.jpg', idCard)).status).toBe(201);
    expect((await put('n-photo', USERS.mediatorA, 'photo', '李四海家门口.jpg', photo)).status).toBe(201);
    expect((await put('n-scan', USERS.mediatorA, 'agreementScan', '张三丰李四海调解协议.jpg', scan)).status).toBe(201);
    const clear = await send('GET', `/items/disputes/${on}/attachments`, USERS.mediatorA);
    expect(clear.json.items.map((a: { name: string }) => a.name)).toEqual(['张三丰身份证.jpg', '李四海家门口.jpg', '张三丰李四海调解协议.jpg']);
    expect((await send('GET', `/items/disputes/${on}/attachments/n-id`, USERS.mediatorA)).status).toBe(200);

    const masked: User[] = [USERS.supervisorCounty, USERS.liaisonA, { ...USERS.supervisorCounty, sub: 'sup-city', scope: { city: CITY } }];
    for (const as of masked) {
      const list = await send('GET', `/items/disputes/${on}/attachments`, as);
      expect(list.status).toBe(200);
      // (each masked user below adds a file of their own: the first three are the mediator's)
      expect(list.json.items.slice(0, 3).map((a: { name: string; masked: unknown }) => [a.name, a.masked])).toEqual([
        ['attachment-1.jpg', { n: 1 }],
        ['attachment-2.jpg', { n: 2 }],
        ['attachment-3.jpg', { n: 3 }],
      ]);
      // A person's papers and a signed agreement are withheld, with a typed reason; a photo of the site is served, under a neutral name.
      for (const id of ['n-id', 'n-scan']) {
        const r = await send('GET', `/items/disputes/${on}/attachments/${id}`, as);
        expect([r.status, r.json?.error?.code], id).toEqual([403, 'personal_data']);
        expectTypedError(r, `download ${id}`);
      }
      const got = await server.fetch(new Request(`http://bihuan.test/items/disputes/${on}/attachments/n-photo`, { headers: { authorization: `Bearer ${await sign(as)}` } }));
      expect(got.status).toBe(200);
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(photo);
      expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''attachment-2.jpg");
      const answers: [string, Answer][] = [
        ['list', list],
        ['attachment log', await send('GET', `/items/disputes/${on}/attachment-log`, as)],
        ['audit json', await send('GET', `/items/disputes/${on}/audit.json`, as)],
        ['audit csv', await send('GET', `/items/disputes/${on}/audit.csv`, as)],
        ['item', await send('GET', `/items/disputes/${on}`, as)],
        ['pull', await send('GET', '/pull?cursor=0&limit=5000', as)],
        // The same bytes again: the refusal names the file already there as they may see it.
        ['a duplicate upload', await put(`dup-${as.sub}`, as, 'idDocument', '张三丰身份证（副本）.jpg', idCard)],
        // A format the type does not take: the refusal does not quote the name.
        ['a refused format', await put(`gif-${as.sub}`, as, 'photo', '王五身份证.gif', jpeg('gif'), 'image/gif')],
        // Their own upload is answered as they may see it, too.
        ['an upload', await put(`own-${as.sub}`, as, 'idDocument', '王五身份证.jpg', jpeg(`own-${as.sub}`))],
        ['the upload again', await put(`own-${as.sub}`, as, 'idDocument', '王五身份证.jpg', jpeg(`own-${as.sub}`))],
      ];
      expect([answers[6]![1].status, answers[6]![1].json.error.code]).toEqual([409, 'duplicate_attachment']);
      expect(answers[6]![1].json.error.message.en).toContain('"attachment-1.jpg"');
      expect(answers[7]![1].status).toBe(415);
      expect(answers[8]![1].status, answers[8]![1].text).toBe(201);
      expect(answers[8]![1].json.attachment.masked).toBeDefined();
      expect(answers[9]![1].status).toBe(200);
      for (const [label, r] of answers) {
        expectNothingInternal(r, label);
        for (const name of NAMES) expect(r.text, `${label} as ${as.sub}: ${name}`).not.toContain(name);
        for (const name of NAMES) expect(r.text, `${label} as ${as.sub}: ${name}`).not.toContain(encodeURIComponent(name));
      }
    }
    // Withdrawals: refused to a liaison (not theirs) naming the file masked; done by a supervisor, answered masked.
    const refused = await send('POST', `/items/disputes/${on}/attachments/n-id/withdrawal`, USERS.liaisonA, { reason: '误传' });
    expect([refused.status, refused.json.error.code]).toEqual([403, 'remove_not_allowed']);
    expect(refused.json.error.message['zh-CN']).toContain('“attachment-1.jpg”');
    const withdrawn = await send('POST', `/items/disputes/${on}/attachments/n-photo/withdrawal`, USERS.supervisorCounty, { reason: '误传了李四海家门口的照片' });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.json.attachment).toMatchObject({ name: 'attachment-2.jpg', masked: { n: 2 }, removedAt: expect.any(String) });
    expect(withdrawn.json.attachment.removedReason).toBeUndefined();
    const again = await send('POST', `/items/disputes/${on}/attachments/n-photo/withdrawal`, USERS.supervisorCounty, { reason: 'x' });
    for (const r of [refused, withdrawn, again]) for (const name of NAMES) expect(r.text).not.toContain(name);
    // Numbers never move: the list after a withdrawal still calls the scan file 3.
    const after = await send('GET', `/items/disputes/${on}/attachments`, USERS.supervisorCounty);
    expect(after.json.items.map((a: { id: string; name: string }) => [a.id, a.name]).slice(0, 2)).toEqual([['n-id', 'attachment-1.jpg'], ['n-scan', 'attachment-3.jpg']]);
    // No log line names a file.
    const lines = JSON.stringify(logged);
    for (const name of NAMES) {
      expect(lines).not.toContain(name);
      expect(lines).not.toContain(encodeURIComponent(name));
    }
  }, 300_000);
});

describe('token checks with the portal\'s public key', () => {
  it('refuses a token signed with the public key as an HMAC secret (algorithm confusion), alg none, and a key named in the header', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const verify = await createVerifier({ publicKey: pem, publicKeyAlgorithm: 'RS256' });
    const claims = { ...USERS.clerkA } as Record<string, unknown>;
    const good = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).setExpirationTime('1h').sign(privateKey);
    await expect(verify(`Bearer ${good}`)).resolves.toMatchObject({ sub: 'clerk-a' });
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(pem));
    const other = await generateKeyPair('RS256');
    const withJwk = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', jwk: { kty: 'RSA', n: 'x', e: 'AQAB' }, jku: 'https://evil.example/keys' }).setExpirationTime('1h').sign(other.privateKey);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, exp: 9_999_999_999 })).toString('base64url')}.`;
    for (const token of [confused, withJwk, none]) await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ status: 401, code: 'token_invalid' });
  });
});

/** The body with each of its string leaves (and each object key's value) replaced by `value`, one at a time, named by path. */
function variants(body: Record<string, unknown>, value: string): [string, any][] {
  const out: [string, any][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') out.push([path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join(''), setAt(body, path, value)]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(body, []);
  return out;
}

function setAt(value: any, path: (string | number)[], leaf: unknown): any {
  if (!path.length) return leaf;
  const [head, ...rest] = path;
  const copy = Array.isArray(value) ? [...value] : { ...value };
  copy[head as never] = setAt(value[head as never], rest, leaf);
  return copy;
}
