import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, type Snapshot } from '@bihuan/core/loop';
import { disputeLoop } from '@bihuan/core/dispute';
import { historyOf } from '../src/service.ts';
import { createServer } from '../src/index.ts';
import { AT, CITY, counts, intake, KINDS, OTHER_SECRET, SECRET, serverOn, tokenFor, USERS, type User } from './support/databases.ts';

const PERSONAL = ['13812345678', '13987654321', '110101199003074514', '张三丰', '李四海', '幸福社区3栋201室'];

describe.each(KINDS)('the server on %s', (kind) => {
  let s: Awaited<ReturnType<typeof serverOn>>;
  let client = 0;
  beforeAll(async () => {
    s = await serverOn(kind, { bodyLimit: 64 * 1024, dispatchBodyLimit: 160 * 1024 });
  }, 120_000); // loading PGlite's template takes a few seconds on a busy machine
  afterAll(() => s?.close());

  /** A fresh client id and a dispute created by clerk A in town 甲镇. */
  async function dispute(n: number, as: User = USERS.clerkA) {
    const clientId = `c${++client}`;
    const r = await s.call('POST', '/items/disputes', as, { clientId, mutationId: 1, id: `d-${kind}-${n}`, input: intake(n), at: AT(0), scope: { town: as.scope.town ?? '甲镇' } });
    expect(r.status, r.text).toBe(201);
    return { id: `d-${kind}-${n}`, clientId };
  }
  const route = (item: string, mutationId: number, baseVersion: number, minute = 1) => ({
    mutationId,
    collection: 'disputes',
    item,
    baseVersion,
    event: { type: 'route', at: AT(minute), payload: { departments: ['judicialAdministration'] } },
  });
  const withdraw = (item: string, mutationId: number, baseVersion: number, minute = 2) => ({
    mutationId,
    collection: 'disputes',
    item,
    baseVersion,
    event: { type: 'withdraw', at: AT(minute), payload: { reason: '申请人撤回' } },
  });

  it('answers its health check with the database kind', async () => {
    const r = await s.call('GET', '/health', null);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok', database: kind });
  });

  it('creates a dispute through core intake, with the actor taken from the token', async () => {
    const { id } = await dispute(1);
    const [event] = await s.database.query<{ actor: unknown; version: number; type: string; client_id: string }>('SELECT actor, version, type, client_id FROM events WHERE item_id = $1', [id]);
    expect(event).toMatchObject({ version: 1, type: '@create', actor: { id: 'clerk-a', role: 'intakeClerk', unit: '甲镇综治中心', name: '王受理' } });
    const [item] = await s.database.query('SELECT city, county, town, community, version, state FROM items WHERE id = $1', [id]);
    expect(item).toEqual({ city: CITY, county: '东区', town: '甲镇', community: null, version: 1, state: 'received' });
  });

  it('is idempotent on creation: the same mutation or the same item again has no second effect', async () => {
    const { id, clientId } = await dispute(2);
    const before = await counts(s.database);
    const again = await s.call('POST', '/items/disputes', USERS.clerkA, { clientId, mutationId: 1, id, input: intake(2), at: AT(0), scope: { town: '甲镇' } });
    expect(again.status).toBe(200);
    expect(again.json.result).toMatchObject({ ok: true, replayed: true, version: 1 });
    const sameItem = await s.call('POST', '/items/disputes', USERS.clerkA, { clientId, mutationId: 2, id, input: intake(2), at: AT(0), scope: { town: '甲镇' } });
    expect(sameItem.status).toBe(200);
    const other = await s.call('POST', '/items/disputes', USERS.clerkA, { clientId, mutationId: 3, id, input: intake(99), at: AT(0), scope: { town: '甲镇' } });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('item_exists');
    const after = await counts(s.database);
    expect({ ...after, mutations: 0, clients: 0 }).toEqual({ ...before, mutations: 0, clients: 0 });
  });

  it('settles two simultaneous creations of one id: one is created, the other told so, none fails', async () => {
    const id = `race-${kind}`;
    const send = (n: number, user: User) => s.call('POST', '/items/disputes', user, { clientId: `race${n}-${++client}`, mutationId: 1, id, input: intake(n), at: AT(0), scope: { town: '甲镇' } });
    const answers = await Promise.all([send(60, USERS.clerkA), send(61, { ...USERS.clerkA, sub: 'clerk-a2' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const [row] = await s.database.query<{ n: string }>('SELECT count(*)::text AS n FROM events WHERE item_id = $1', [id]);
    expect(row!.n).toBe('1');
  });

  it('applies a retried mutation exactly once and answers the retry with the recorded result', async () => {
    const { id, clientId } = await dispute(3);
    const first = await s.call('POST', '/push', USERS.clerkA, { clientId, mutations: [route(id, 2, 1)] });
    expect(first.status).toBe(200);
    expect(first.json.results[0]).toMatchObject({ ok: true, version: 2, state: 'routed' });
    const before = await counts(s.database);
    const retry = await s.call('POST', '/push', USERS.clerkA, { clientId, mutations: [route(id, 2, 1)] });
    expect(retry.json.results[0]).toEqual({ ...first.json.results[0], replayed: true });
    expect(await counts(s.database)).toEqual(before);
    // Mutation 1 of this client was the creation: answered with its recorded result, not re-applied.
    const creation = await s.call('POST', '/push', USERS.clerkA, { clientId, mutations: [route(id, 1, 1)] });
    expect(creation.json.results[0]).toMatchObject({ ok: true, version: 1, replayed: true });
    const newer = await s.call('POST', '/push', USERS.clerkA, { clientId, mutations: [{ ...route(id, 5, 2), event: { ...route(id, 5, 2).event, at: AT(5) } }] });
    expect(newer.json.results[0]).toMatchObject({ ok: true, version: 3 });
    const now = await counts(s.database);
    const older = await s.call('POST', '/push', USERS.clerkA, { clientId, mutations: [{ ...route(id, 4, 3), event: { ...route(id, 4, 3).event, at: AT(6) } }] });
    expect(older.json.results[0]).toMatchObject({ ok: false, status: 409, error: { code: 'mutation_out_of_order' } });
    expect(await counts(s.database)).toEqual(now);
  });

  it('re-decides a stale base on the current state: accepted when still allowed, else refused with the current version', async () => {
    const { id } = await dispute(4);
    const a = await s.call('POST', '/push', USERS.clerkA, { clientId: `a${++client}`, mutations: [route(id, 1, 1)] });
    expect(a.json.results[0]).toMatchObject({ ok: true, version: 2 });
    // Decided on version 1, arrives at version 2: routing again is still allowed.
    const b = await s.call('POST', '/push', USERS.clerkA, { clientId: `b${++client}`, mutations: [route(id, 1, 1, 2)] });
    expect(b.json.results[0]).toMatchObject({ ok: true, version: 3, rebased: true });
    const w = await s.call('POST', '/push', USERS.clerkA, { clientId: `w${++client}`, mutations: [withdraw(id, 1, 3, 3)] });
    expect(w.json.results[0]).toMatchObject({ ok: true, version: 4, state: 'withdrawn' });
    const late = await s.call('POST', '/push', USERS.clerkA, { clientId: `l${++client}`, mutations: [route(id, 1, 2, 4)] });
    expect(late.json.results[0]).toMatchObject({ ok: false, status: 409, version: 4, state: 'withdrawn', error: { code: 'not_allowed_in_state' }, refusal: { code: 'not_allowed_in_state' } });
    expect(late.json.results[0].error.message['zh-CN']).toMatch(/\S/);
    expect(late.json.results[0].error.message.en).toMatch(/\S/);
  });

  it('decides on the stored snapshot, never on one a process remembers from its own last write', async () => {
    // Two servers on one database: A writes version 2 (and remembers it), B writes version 3 behind A's back.
    const other = await createServer({ database: s.database, auth: { secret: SECRET }, migrate: false, log: () => {} });
    const { id } = await dispute(40);
    const a = await s.call('POST', '/push', USERS.clerkA, { clientId: `ra${++client}`, mutations: [route(id, 1, 1)] });
    expect(a.json.results[0]).toMatchObject({ ok: true, version: 2, state: 'routed' });
    const token = await tokenFor(USERS.clerkA);
    const b = await other.fetch(new Request('http://bihuan.test/push', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ clientId: `rb${++client}`, mutations: [withdraw(id, 1, 2, 3)] }) }));
    expect((await b.json()).results[0]).toMatchObject({ ok: true, version: 3, state: 'withdrawn' });
    // A decides on what is stored now (withdrawn, version 3), not on the routed version 2 it wrote.
    const late = await s.call('POST', '/push', USERS.clerkA, { clientId: `rc${++client}`, mutations: [route(id, 1, 2, 4)] });
    expect(late.json.results[0]).toMatchObject({ ok: false, status: 409, version: 3, state: 'withdrawn', error: { code: 'not_allowed_in_state' } });
    // And a row changed by direct SQL (its text cleared by the trigger) is read and checked again:
    // a snapshot that no longer matches its own history is refused, nothing written.
    await s.database.query(`UPDATE items SET snapshot = jsonb_set(snapshot, '{state}', '"received"') WHERE collection = 'disputes' AND id = $1`, [id]);
    const before = await counts(s.database);
    const tampered = await s.call('POST', '/push', USERS.clerkA, { clientId: `rd${++client}`, mutations: [route(id, 1, 3, 5)] });
    expect([tampered.status, tampered.json.error.code]).toEqual([500, 'internal']);
    expect(await counts(s.database)).toEqual(before);
    // Put the row back as the server wrote it: later tests replay every stored item.
    await s.database.query(`UPDATE items SET snapshot = jsonb_set(snapshot, '{state}', '"withdrawn"') WHERE collection = 'disputes' AND id = $1`, [id]);
  });

  it("passes the engine's refusals through with their codes, and writes nothing but the receipt", async () => {
    const { id } = await dispute(5);
    const before = await counts(s.database);
    const clientId = `r${++client}`;
    const asMediator = await s.call('POST', '/push', USERS.mediatorA, { clientId, mutations: [route(id, 1, 1)] });
    expect(asMediator.json.results[0]).toMatchObject({ ok: false, status: 403, error: { code: 'role_not_allowed' } });
    const badPayload = await s.call('POST', '/push', USERS.mediatorA, { clientId, mutations: [{ ...withdraw(id, 2, 1), event: { type: 'withdraw', at: AT(2), payload: { reason: '' } } }] });
    expect(badPayload.json.results[0]).toMatchObject({ ok: false, status: 422, error: { code: 'field_invalid', path: 'event.payload.reason' } });
    const unknown = await s.call('POST', '/push', USERS.mediatorA, { clientId, mutations: [{ ...withdraw(id, 3, 1), event: { type: 'teleport', at: AT(2) } }] });
    expect(unknown.json.results[0]).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    const badTime = await s.call('POST', '/push', USERS.mediatorA, { clientId, mutations: [{ ...withdraw(id, 4, 1), event: { type: 'withdraw', at: 'yesterday', payload: { reason: 'x' } } }] });
    expect(badTime.json.results[0]).toMatchObject({ ok: false, status: 400, error: { code: 'malformed_event', path: 'event.at' } });
    const after = await counts(s.database);
    expect({ items: after.items, events: after.events, changes: after.changes }).toEqual({ items: before.items, events: before.events, changes: before.changes });
  });

  it('refuses tokens signed with another key, expired, with a role not held or out of scope, and writes nothing', async () => {
    const { id } = await dispute(6);
    const before = await counts(s.database);
    const body = { clientId: `t${++client}`, mutations: [route(id, 1, 1)] };
    const forgedKey = await s.call('POST', '/push', await tokenFor(USERS.clerkA, { secret: OTHER_SECRET }), body);
    expect([forgedKey.status, forgedKey.json.error.code]).toEqual([401, 'token_invalid']);
    const expired = await s.call('POST', '/push', await tokenFor(USERS.clerkA, { expiresIn: Math.floor(Date.now() / 1000) - 3600 }), body);
    expect([expired.status, expired.json.error.code]).toEqual([401, 'token_expired']);
    const none = await s.call('POST', '/push', null, body);
    expect([none.status, none.json.error.code]).toEqual([401, 'unauthenticated']);
    const noScope = await s.call('POST', '/push', await tokenFor({ ...USERS.clerkA, scope: undefined } as never), body);
    expect(noScope.status).toBe(401);
    const wrongRole = await s.call('POST', '/push', USERS.clerkA, { ...body, mutations: [{ ...route(id, 1, 1), event: { ...route(id, 1, 1).event, actor: { role: 'supervisor' } } }] });
    expect([wrongRole.status, wrongRole.json.error.code, wrongRole.json.error.path]).toEqual([403, 'role_not_held', 'mutations[0].event.actor.role']);
    const otherTown = await s.call('POST', '/push', USERS.clerkB, body);
    expect(otherTown.json.results[0]).toMatchObject({ ok: false, status: 404, error: { code: 'not_found' } });
    const otherCounty = await s.call('GET', `/items/disputes/${id}`, USERS.supervisorWest);
    expect([otherCounty.status, otherCounty.json.error.code]).toEqual([404, 'not_found']);
    const missing = await s.call('GET', `/items/disputes/no-such-item`, USERS.supervisorWest);
    expect(missing.json).toEqual(otherCounty.json); // out of scope looks exactly like missing
    const outOfScopeCreate = await s.call('POST', '/items/disputes', USERS.clerkB, { clientId: `t${++client}`, mutationId: 1, id: `x-${kind}`, input: intake(7), at: AT(0), scope: { town: '甲镇' } });
    expect([outOfScopeCreate.status, outOfScopeCreate.json.error.code]).toEqual([403, 'out_of_scope']);
    const creatorRole = await s.call('POST', '/items/disputes', USERS.mediatorA, { clientId: `t${++client}`, mutationId: 1, id: `y-${kind}`, input: intake(7), at: AT(0) });
    expect([creatorRole.status, creatorRole.json.error.code]).toEqual([403, 'role_not_allowed']);
    expect(await counts(s.database)).toEqual(before);
  });

  it('refuses another key, an expired token, a forged ticket or none on every endpoint (401), and a narrower scope on dispatch (403), writing nothing', async () => {
    const { id } = await dispute(70);
    const before = await counts(s.database);
    const city: User = { sub: 'city-d', roles: ['dispatcher'], scope: { city: CITY } };
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/session'], ['POST', '/live/ticket'], ['GET', '/live'], ['GET', '/pull?cursor=0'],
      ['GET', '/rollups/tasks?by=county'], ['GET', '/ledgers/disputes'], ['GET', `/items/disputes/${id}`], ['GET', `/items/disputes/${id}/audit.json`], ['GET', `/items/disputes/${id}/audit.csv`],
      ['POST', '/push', { clientId: `k${++client}`, mutations: [route(id, 1, 1)] }],
      ['POST', '/items/disputes', { clientId: `k${++client}`, mutationId: 1, id: `k-${kind}`, input: intake(70), at: AT(0), scope: { town: '甲镇' } }],
      ['POST', '/dispatch/tasks', { month: '2026-12', at: '2026-12-01T08:30:00+08:00', catalog: {}, roster: {} }],
    ];
    const otherKey = await tokenFor(city, { secret: OTHER_SECRET });
    const expired = await tokenFor(city, { expiresIn: Math.floor(Date.now() / 1000) - 3600 });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...city, exp: 9999999999 })).toString('base64url')}.`;
    const issued = await s.call('POST', '/live/ticket', USERS.clerkA);
    for (const [method, path, body] of endpoints) {
      for (const [as, code] of [[otherKey, 'token_invalid'], [expired, 'token_expired'], [unsigned, 'token_invalid'], [null, 'unauthenticated'], [issued.json.ticket, 'token_invalid']] as const) {
        const r = await s.call(method, path, as, body);
        expect([r.status, r.json?.error?.code], `${method} ${path} ${code}`).toEqual([401, code]);
      }
    }
    // A ticket only opens the live stream, and a token is not a ticket.
    const token = await tokenFor(USERS.clerkA);
    for (const ticket of [token, 'x.y.z', "' OR 1=1 --"]) {
      const r = await s.call('GET', `/live?ticket=${encodeURIComponent(ticket)}`, null);
      expect([r.status, r.json.error.code]).toEqual([401, 'ticket_invalid']);
    }
    // Dispatch needs the whole city: a county's or a town's token is 403, even as a supervisor.
    for (const user of [USERS.supervisorCounty, { ...USERS.clerkA, roles: ['dispatcher'] }]) {
      const r = await s.call('POST', '/dispatch/tasks', user, { month: '2026-12', at: '2026-12-01T08:30:00+08:00', catalog: {}, roster: {} });
      expect([r.status, r.json.error.code]).toEqual([403, 'out_of_scope']);
    }
    expect(await counts(s.database)).toEqual(before);
  });

  it('refuses a body that claims another actor (actor_forged), before anything is written', async () => {
    const { id } = await dispute(8);
    const before = await counts(s.database);
    for (const actor of [{ id: 'sup-east' }, { unit: '东区综治中心' }, { name: '钱主任' }, { id: 'clerk-a', unit: '别的单位' }]) {
      const r = await s.call('POST', '/push', USERS.clerkA, { clientId: `f${++client}`, mutations: [route(id, 1, 1), { ...route(id, 2, 1), event: { ...route(id, 2, 1).event, actor } }] });
      expect([r.status, r.json.error.code]).toEqual([403, 'actor_forged']);
    }
    const create = await s.call('POST', '/items/disputes', USERS.clerkA, { clientId: `f${++client}`, mutationId: 1, id: `forged-${kind}`, input: intake(8), at: AT(0), actor: { id: 'someone-else', role: 'intakeClerk' } });
    expect([create.status, create.json.error.code]).toEqual([403, 'actor_forged']);
    const own = await s.call('POST', '/push', USERS.twoRoles, { clientId: `f${++client}`, mutations: [{ ...route(id, 1, 1), event: { ...route(id, 1, 1).event, actor: { id: 'both-a', role: 'intakeClerk' } } }] });
    expect(own.json.results[0]).toMatchObject({ ok: true });
    const ambiguous = await s.call('POST', '/push', USERS.twoRoles, { clientId: `f${++client}`, mutations: [route(id, 1, 2, 3)] });
    expect([ambiguous.status, ambiguous.json.error.code]).toEqual([400, 'role_required']);
    expect((await counts(s.database)).events).toBe(before.events + 1);
  });

  it('never sends personal data to a role that may not see it (raw responses inspected)', async () => {
    const { id } = await dispute(9);
    const clear = await s.call('GET', `/items/disputes/${id}`, USERS.clerkA);
    for (const value of PERSONAL) expect(clear.text).toContain(value);
    await s.call('POST', '/push', USERS.supervisorCounty, { clientId: `m${++client}`, mutations: [{ ...route(id, 1, 1), event: { ...route(id, 1, 1).event, note: '请尽快处理' } }] });
    const responses = [
      await s.call('GET', `/items/disputes/${id}`, USERS.supervisorCounty),
      await s.call('GET', '/pull?cursor=0&limit=1000', USERS.supervisorCounty),
      await s.call('GET', `/items/disputes/${id}/audit.json`, USERS.supervisorCounty),
      await s.call('GET', `/items/disputes/${id}/audit.csv`, USERS.supervisorCounty),
      await s.call('GET', `/items/disputes/${id}/audit.json`, USERS.liaisonA),
      await s.call('POST', '/items/disputes', USERS.supervisorCounty, { clientId: `m${++client}`, mutationId: 1, id: `${id}-s`, input: intake(10), at: AT(0), scope: { town: '甲镇' } }),
    ];
    for (const r of responses) {
      expect(r.status, r.text).toBeLessThan(300);
      for (const value of PERSONAL) expect(r.text).not.toContain(value);
    }
    expect(responses[0]!.json.snapshot.data.parties[0].phone).toMatch(/^138\*+5678$/);
  });

  it('pulls changes within scope, paginated, with a cursor that moves forward', async () => {
    const ids = [];
    for (let n = 20; n < 25; n++) ids.push((await dispute(n)).id);
    await dispute(25, USERS.clerkB);
    const seen: string[] = [];
    let cursor = 0;
    for (let page = 0; page < 100; page++) {
      const r = await s.call('GET', `/pull?cursor=${cursor}&limit=2`, USERS.clerkA);
      expect(r.status).toBe(200);
      expect(r.json.items.length).toBeLessThanOrEqual(2);
      for (const item of r.json.items) seen.push(item.id);
      expect(r.json.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = r.json.cursor;
      if (!r.json.more) break;
    }
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(seen).not.toContain(`d-${kind}-25`);
    // Paging by twos across cursors of one, two and three digits sees every item in scope once.
    const [inScope] = await s.database.query<{ n: string }>("SELECT count(*)::text AS n FROM items WHERE city = $1 AND county = '东区' AND town = '甲镇'", [CITY]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(Number(inScope!.n));
    expect(cursor).toBeGreaterThan(10);
    const county = await s.call('GET', '/pull?cursor=0&limit=1000', USERS.supervisorCounty);
    expect(county.json.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([...ids, `d-${kind}-25`]));
    const west = await s.call('GET', '/pull?cursor=0', USERS.supervisorWest);
    expect(west.json).toEqual({ items: [], attachments: [], cursor: 0, more: false });
    const after = await s.call('GET', `/pull?cursor=${cursor}`, USERS.clerkA);
    expect(after.json.items).toEqual([]);
  });

  it('exports the audit of a case as JSON and as CSV with formula guards', async () => {
    const { id, clientId } = await dispute(30);
    await s.call('POST', '/push', USERS.clerkA, { clientId, mutations: [{ ...route(id, 2, 1), event: { ...route(id, 2, 1).event, note: '=HYPERLINK("http://evil")' } }] });
    const json = await s.call('GET', `/items/disputes/${id}/audit.json`, USERS.clerkA);
    expect(json.json.events.map((e: { version: number; type: string }) => [e.version, e.type])).toEqual([[1, '@create'], [2, 'route']]);
    expect(json.json.events[1]).toMatchObject({ actor: { id: 'clerk-a', role: 'intakeClerk' }, at: AT(1), clientId, mutationId: 2 });
    expect(Date.parse(json.json.events[1].receivedAt)).not.toBeNaN();
    const csv = await s.call('GET', `/items/disputes/${id}/audit.csv`, USERS.clerkA);
    expect(csv.text.split('\r\n').length).toBe(4);
    expect(csv.text).toContain(`'=HYPERLINK`);
    expect(csv.text).not.toMatch(/,=HYPERLINK/);
  });

  it('treats SQL-injection strings as plain data on every endpoint', async () => {
    const evil = ["x'; DROP TABLE events; --", "' OR '1'='1", '1; DELETE FROM items', '$1', "\\'; SELECT pg_sleep(5); --"];
    const before = await counts(s.database);
    for (const [i, e] of evil.entries()) {
      const created = await s.call('POST', `/items/disputes`, USERS.clerkA, { clientId: `sql${i}-${++client}`, mutationId: 1, id: e, input: { ...intake(40), title: e }, at: AT(0), scope: { town: '甲镇' } });
      expect(created.status, created.text).toBe(201);
      const pushed = await s.call('POST', '/push', USERS.clerkA, { clientId: `sql-${i}-${++client}`, mutations: [{ ...route(e, 1, 1), event: { ...route(e, 1, 1).event, note: e } }] });
      expect(pushed.json.results[0].ok).toBe(true);
      for (const path of [`/items/disputes/${encodeURIComponent(e)}`, `/items/disputes/${encodeURIComponent(e)}/audit.json`, `/items/disputes/${encodeURIComponent(e)}/audit.csv`]) {
        expect((await s.call('GET', path, USERS.clerkA)).status).toBe(200);
      }
      for (const path of [`/items/${encodeURIComponent(e)}/x`, `/pull?cursor=${encodeURIComponent(e)}`, `/pull?limit=${encodeURIComponent(e)}`]) {
        const r = await s.call('GET', path, USERS.clerkA);
        expect([400, 404]).toContain(r.status);
        expect(r.json.error.code).toMatch(/^[a-z_]+$/);
      }
      const badClient = await s.call('POST', '/push', USERS.clerkA, { clientId: e, mutations: [route(e, 1, 1)] });
      expect([badClient.status, badClient.json.error.path]).toEqual([400, 'clientId']);
      const badCollection = await s.call('POST', '/push', USERS.clerkA, { clientId: `ok-${++client}`, mutations: [{ ...route(e, 1, 1), collection: e }] });
      expect(badCollection.status).toBe(400);
    }
    // Roll-ups, ledgers, session and live: every query field, and the ticket.
    const city: User = { sub: 'city-d', roles: ['dispatcher', 'supervisor'], scope: { city: CITY } };
    for (const e of evil) {
      const q = encodeURIComponent(e);
      for (const path of [`/rollups/tasks?by=${q}`, `/rollups/tasks?period=${q}`, `/rollups/tasks?asOf=${q}`, `/rollups/tasks?decimals=${q}`, `/rollups/tasks?${q}=1`,
        `/ledgers/disputes?state=${q}`, `/ledgers/disputes?period=${q}`, `/ledgers/disputes?overdueAt=${q}`, `/ledgers/disputes?page=${q}`, `/ledgers/disputes?pageSize=${q}`, `/ledgers/disputes?${q}=1`]) {
        const r = await s.call('GET', path, USERS.supervisorCounty);
        expect([r.status, r.json.error.code], path).toEqual([400, 'invalid_query']);
      }
      // A town is plain text: matched as a value, never as SQL.
      const town = await s.call('GET', `/ledgers/disputes?town=${q}`, USERS.supervisorCounty);
      expect([town.status, town.json.total]).toEqual([200, 0]);
      expect((await s.call('GET', `/live?ticket=${q}`, null)).status).toBe(401);
      expect((await s.call('GET', '/session', `${e}`)).status).toBe(401);
      for (const field of ['month', 'at', 'city']) {
        const r = await s.call('POST', '/dispatch/tasks', city, { month: '2026-12', at: '2026-12-01T08:30:00+08:00', catalog: {}, roster: {}, actor: { role: 'dispatcher' }, [field]: e });
        expect([400, 403], field).toContain(r.status);
        expect(r.json.error.code).toMatch(/^(invalid_body|out_of_scope)$/);
      }
      const badRole = await s.call('POST', '/dispatch/tasks', city, { month: '2026-12', catalog: {}, roster: {}, actor: { role: e } });
      expect([badRole.status, badRole.json.error.code]).toEqual([403, 'role_not_held']);
    }
    const beforeDispatch = await counts(s.database);
    // Injection strings inside a roster and a catalog: refused where an id is expected, stored verbatim where text is allowed.
    const catalog = { id: 'sec', version: 1, name: evil[0], effectiveFrom: '2026-01', categories: [{ id: 'c', name: evil[1] }], templates: [{ id: 't', category: 'c', title: evil[2], asks: evil[3], frequency: 'monthly', due: { kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'before' }, done: [{ kind: 'note', id: 'note', label: evil[4] }] }] };
    const roster = { id: 'sec', city: { id: 'sec', name: CITY }, counties: [{ id: 'K', name: evil[0] }], stations: [{ id: 'S', name: evil[1], county: 'K' }], officers: [{ id: 'P1', name: '王海涛', station: 'S', community: evil[0] }] };
    const idRefused = await s.call('POST', '/dispatch/tasks', city, { month: '2026-12', at: '2026-12-01T08:30:00+08:00', catalog, roster: { ...roster, officers: [{ ...roster.officers[0], id: evil[0] }] }, actor: { role: 'dispatcher' } });
    expect([idRefused.status, idRefused.json.error.code, idRefused.json.error.path]).toEqual([400, 'invalid_body', 'roster.officers[0].id']);
    const stored = await s.call('POST', '/dispatch/tasks', city, { month: '2026-12', at: '2026-12-01T08:30:00+08:00', catalog, roster, actor: { role: 'dispatcher' } });
    expect([stored.status, stored.json.created], stored.text).toEqual([200, 1]);
    const [order] = await s.database.query<{ community: string; title: string }>("SELECT snapshot->'data'->>'community' AS community, snapshot->'data'->'template'->'title'->>'zh-CN' AS title FROM items WHERE id = '2026-12:t:P1'");
    expect(order).toEqual({ community: evil[0], title: evil[2] });
    expect((await counts(s.database)).items).toBe(beforeDispatch.items + 1);
    const after = await counts(s.database);
    expect(after.items).toBe(before.items + evil.length + 1);
    expect(after.events).toBe(before.events + 2 * evil.length + 1);
    const [titles] = await s.database.query<{ n: string }>("SELECT count(*)::text AS n FROM items WHERE snapshot->'data'->>'title' = $1", [evil[0]]);
    expect(titles!.n).toBe('1');
  });

  it('answers oversized and malformed bodies on every endpoint with typed JSON errors', async () => {
    const before = await counts(s.database);
    const big = JSON.stringify({ clientId: 'big', mutations: [{ pad: 'x'.repeat(70 * 1024) }] });
    // The dispatch, which carries a city's roster, has a limit of its own (here 160 KiB).
    const dispatcher: User = { sub: 'city-d', roles: ['dispatcher'], scope: { city: CITY } };
    const roomy = await s.call('POST', '/dispatch/tasks', dispatcher, JSON.stringify({ month: '2026-12', catalog: {}, roster: { pad: 'x'.repeat(70 * 1024) } }));
    expect([roomy.status, roomy.json.error.code]).toEqual([400, 'invalid_body']);
    const huge = await s.call('POST', '/dispatch/tasks', dispatcher, JSON.stringify({ month: '2026-12', catalog: {}, roster: { pad: 'x'.repeat(200 * 1024) } }));
    expect([huge.status, huge.json.error.code]).toEqual([413, 'body_too_large']);
    for (const body of ['{"month": ', '[]', 'null', '{"month":"2026-12","catalog":{},"roster":{},"extra":1}']) {
      const r = await s.call('POST', '/dispatch/tasks', dispatcher, body);
      expect([r.status, r.json.error.code]).toEqual([400, body === '{"month": ' ? 'body_not_json' : 'invalid_body']);
    }
    for (const path of ['/push', '/items/disputes']) {
      const r = await s.call('POST', path, USERS.clerkA, big);
      expect([r.status, r.json.error.code]).toEqual([413, 'body_too_large']);
      expect(r.json.error.message['zh-CN']).toBeTruthy();
      const notJson = await s.call('POST', path, USERS.clerkA, '{"clientId": ');
      expect([notJson.status, notJson.json.error.code]).toEqual([400, 'body_not_json']);
      const wrong = await s.call('POST', path, USERS.clerkA, { clientId: 'c', mutationId: 'one', mutations: 'all' });
      expect(wrong.status).toBe(400);
      expect(wrong.json.error.path).toBeTruthy();
    }
    const route404 = await s.call('GET', '/nowhere', USERS.clerkA);
    expect([route404.status, route404.json.error.code]).toEqual([404, 'no_route']);
    expect(await counts(s.database)).toEqual(before);
  });

  it('keeps the event log append-only in the database itself, even against direct SQL', async () => {
    const { id } = await dispute(50);
    for (const sql of ['UPDATE events SET type = $2 WHERE item_id = $1', 'DELETE FROM events WHERE item_id = $1 AND type <> $2']) {
      await expect(s.database.query(sql, [id, 'forged'])).rejects.toThrow(/append-only/);
    }
    await expect(s.database.query('TRUNCATE events')).rejects.toThrow(/append-only/);
    const [row] = await s.database.query<{ n: string; type: string }>('SELECT count(*)::text AS n, min(type) AS type FROM events WHERE item_id = $1', [id]);
    expect(row).toEqual({ n: '1', type: '@create' });
  });

  it('stores snapshots that replay from the event log exactly', async () => {
    const items = await s.database.query<{ id: string; collection: string; version: number; snapshot: Snapshot }>("SELECT collection, id, version, snapshot FROM items WHERE collection = 'disputes'");
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      const events = await s.database.query<Parameters<typeof historyOf>[0]>('SELECT version, type, from_state, to_state, actor, at, note, attachments, payload FROM events WHERE collection = $1 AND item_id = $2 ORDER BY version', [item.collection, item.id]);
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: item.version }, (_, i) => i + 1));
      expect(JSON.parse(JSON.stringify(replay(disputeLoop, events.map(historyOf) as never)))).toEqual(item.snapshot);
    }
  });

  it('answers a failing database with a typed error, never a stack trace or SQL', async () => {
    const broken = await serverOn(kind);
    await broken.close();
    const r = await broken.call('GET', `/items/disputes/x`, USERS.clerkA);
    expect([r.status, r.json.error.code]).toEqual([500, 'internal']);
    expect(r.text).not.toMatch(/SELECT|FROM|\bat \S+:\d+|stack/i);
    expect(broken.logged.length).toBe(1);
    const health = await broken.call('GET', '/health', null);
    expect([health.status, health.json.status]).toEqual([503, 'unavailable']);
  });
});
