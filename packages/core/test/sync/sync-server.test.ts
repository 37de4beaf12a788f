// The synced store against the real server, in this process, on PGlite and on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@bihuan/core/store';
import { KINDS, SECRET, USERS } from '../../../server/test/support/databases.ts';
import { queueSpec } from '../../src/sync/queue.ts';
import { acceptDispute } from '@bihuan/core/dispute';
import { AT, intake, ROUTE, tokenFor, useServer } from './support.ts';

describe.each(KINDS)('a synced store with the server on %s', (kind) => {
  const ctx = useServer(kind);
  const station = ctx.station;

  it('reads the session from the server: actor and scope from the token', async () => {
    const s = await station();
    expect(s.store.session).toMatchObject({ actor: { id: 'clerk-a', name: '王受理', roles: ['intakeClerk'], unit: '甲镇综治中心' }, scope: { level: 'town', id: '示例市/东区/甲镇', name: '甲镇' } });
    expect(s.store.session?.expiresAt).toMatch(/^\d{4}-/);
  });

  it('applies a creation and an event at once, pushes them, and converges on the server record', async () => {
    const s = await station();
    await s.accept(`opt-${kind}`, 1);
    expect(s.store.sync.isPending('disputes', `opt-${kind}`)).toBe(true);
    const routed = await s.act(`opt-${kind}`, 'route', 1, ROUTE);
    expect(routed.ok).toBe(true);
    expect((await s.store.get('disputes', `opt-${kind}`))?.state).toBe('routed');
    expect(s.store.sync.state().pending).toBe(2);
    await s.store.sync.syncNow();
    expect(s.store.sync.state()).toMatchObject({ pending: 0, online: true, refusals: [] });
    expect(s.store.sync.isPending('disputes', `opt-${kind}`)).toBe(false);
    const [row] = await ctx.server.database.query<{ version: number; state: string }>('SELECT version, state FROM items WHERE id = $1', [`opt-${kind}`]);
    expect(row).toEqual({ version: 2, state: 'routed' });
    // The local copy is now the server's: the actor carries the token's unit and name.
    const local = await s.store.get('disputes', `opt-${kind}`);
    expect(local?.history.at(-1)?.actor).toMatchObject({ id: 'clerk-a', unit: '甲镇综治中心', name: '王受理' });
  });

  it('lets one of two stores over the same data sync (BroadcastChannel election), and the other take over when it closes', async () => {
    const one = await station();
    const two = await station(USERS.clerkA, { share: one });
    await Promise.all([one.store.sync.syncNow(), two.store.sync.syncNow()]);
    const id = `tabs-${kind}`;
    const mark = [one.sent.length, two.sent.length];
    await two.accept(id, 30);
    await one.accept(`${id}-2`, 31);
    await Promise.all([one.until((st) => st.pending === 0), two.until((st) => st.pending === 0)]);
    const syncing = (s: typeof one, from: number) => s.sent.slice(from).filter((p) => p !== '/session');
    const [leader, follower] = syncing(one, mark[0]!).length ? [one, two] : [two, one];
    expect(syncing(leader, leader === one ? mark[0]! : mark[1]!)).toContain('/items/disputes');
    expect(syncing(follower, follower === one ? mark[0]! : mark[1]!)).toEqual([]);
    const [row] = await ctx.server.database.query<{ n: string }>("SELECT count(*)::text AS n FROM events WHERE item_id LIKE $1", [`${id}%`]);
    expect(row!.n).toBe('2');
    const before = follower.sent.length;
    leader.close();
    await follower.store.sync.syncNow();
    await expect.poll(() => follower.sent.slice(before).includes('/pull'), { timeout: 10_000 }).toBe(true);
  });

  it('keeps what a masked view allows: masked names and phones load into the local store as the server sent them, and sync goes on', async () => {
    const clerk = await station();
    const plain = `masked-plain-${kind}`;
    const withPhone = `masked-phone-${kind}`;
    await clerk.store.put('disputes', acceptDispute({ id: plain, intake: { ...intake(20), parties: [{ id: 'p1', side: 'applicant', name: '张三丰' }] } as never, actor: { id: 'clerk-a', role: 'intakeClerk' }, at: AT(0) }) as never);
    await clerk.accept(withPhone, 21);
    await clerk.store.sync.syncNow();
    const clearPhone = (await clerk.store.get('disputes', withPhone))?.data.parties[0]?.phone;
    expect(clearPhone).toMatch(/^\d{11}$/);
    const supervisor = await station(USERS.supervisorCounty);
    await supervisor.store.sync.syncNow();
    expect(supervisor.store.sync.state()).toMatchObject({ online: true, pending: 0 });
    expect(supervisor.store.sync.state().error).toBeUndefined();
    const seen = await supervisor.store.get('disputes', plain);
    expect(seen?.data.parties[0]?.name).not.toBe('张三丰'); // masked for a supervisor
    const phone = (await supervisor.store.get('disputes', withPhone))?.data.parties[0]?.phone;
    expect(phone).toBe(`${clearPhone!.slice(0, 3)}****${clearPhone!.slice(-4)}`);
    // The clear number never reached the supervisor's store.
    expect(JSON.stringify(await supervisor.store.dump())).not.toContain(clearPhone);
    const problems = (supervisor.store.sync as unknown as { problems(): { key: string }[] }).problems();
    expect(problems.filter((p) => p.key.startsWith('masked-'))).toEqual([]);
  });
});

describe.each(KINDS)('refusals, retries and restarts with the server on %s', (kind) => {
  const ctx = useServer(kind);
  const station = ctx.station;
  const clerkA2 = { ...USERS.clerkA, sub: 'clerk-a2', name: '王二' };
  const eventsOf = async (id: string) =>
    (await ctx.server.database.query<{ version: number; type: string }>('SELECT version, type FROM events WHERE item_id = $1 ORDER BY version', [id])).map((r) => `${r.version}:${r.type}`);

  it("rolls a refused change back to the server's record and keeps the engine's reason until dismissed", async () => {
    const id = `refused-${kind}`;
    const one = await station();
    const two = await station(clerkA2);
    await one.accept(id, 10);
    await one.store.sync.syncNow();
    await two.store.sync.syncNow(); // both now hold the dispute as received
    expect((await two.store.get('disputes', id))?.state).toBe('received');
    expect((await one.act(id, 'withdraw', 2, { reason: '申请人撤回' })).ok).toBe(true);
    await one.store.sync.syncNow();
    // Two still sees it received and routes it: allowed here, refused by the server.
    expect((await two.act(id, 'route', 3, ROUTE)).ok).toBe(true);
    expect((await two.store.get('disputes', id))?.state).toBe('routed');
    await two.store.sync.syncNow();
    const refusal = two.store.sync.refusal('disputes', id);
    expect(refusal).toMatchObject({ collection: 'disputes', key: id, code: 'not_allowed_in_state', event: { type: 'route', actor: { id: 'clerk-a2' } } });
    expect(refusal?.message['zh-CN']).toMatch(/\S/);
    expect(refusal?.message.en).toMatch(/\S/);
    expect(refusal?.current).toMatchObject({ id, state: 'withdrawn' });
    expect(two.store.sync.state()).toMatchObject({ pending: 0, refusals: [expect.objectContaining({ key: id })] });
    // Rolled back: the local item is the server's, withdrawn by clerk one.
    const local = await two.store.get('disputes', id);
    expect(local).toMatchObject({ state: 'withdrawn' });
    expect(local?.history.map((h) => h.type)).toEqual(['@create', 'withdraw']);
    expect(await eventsOf(id)).toEqual(['1:@create', '2:withdraw']);
    two.store.sync.dismiss(refusal!.mutationId);
    expect(two.store.sync.refusal('disputes', id)).toBeUndefined();
    expect(two.store.sync.state().refusals).toEqual([]);
  });

  it('converges silently when the server accepts an event decided on a stale version', async () => {
    const id = `stale-${kind}`;
    const one = await station();
    const two = await station(clerkA2);
    await one.accept(id, 11);
    await one.store.sync.syncNow();
    await two.store.sync.syncNow();
    expect((await one.act(id, 'route', 2, ROUTE)).ok).toBe(true);
    await one.store.sync.syncNow();
    expect((await two.act(id, 'route', 3, ROUTE)).ok).toBe(true);
    await two.store.sync.syncNow();
    expect(two.store.sync.state()).toMatchObject({ pending: 0, refusals: [] });
    expect(await eventsOf(id)).toEqual(['1:@create', '2:route', '3:route']);
    const local = await two.store.get('disputes', id);
    expect(local?.history.map((h) => `${h.actor.id}:${h.type}`)).toEqual(['clerk-a:@create', 'clerk-a:route', 'clerk-a2:route']);
    await one.store.sync.syncNow();
    expect(await one.store.get('disputes', id)).toEqual(local);
  });

  it('applies a push once when its answer was lost and it is sent again', async () => {
    const id = `lost-${kind}`;
    const s = await station();
    await s.accept(id, 12);
    await s.act(id, 'route', 1, ROUTE);
    ctx.net.loseAnswers = 1; // the creation reaches the server; its answer does not come back
    await s.store.sync.syncNow();
    expect(s.store.sync.state()).toMatchObject({ online: false, pending: 2, error: { code: 'offline' } });
    expect(s.store.sync.state().error?.message['zh-CN']).toMatch(/\S/);
    await s.store.sync.syncNow();
    expect(s.store.sync.state()).toMatchObject({ online: true, pending: 0, refusals: [] });
    expect(await eventsOf(id)).toEqual(['1:@create', '2:route']);
  });

  it('keeps the outbox across a restart of the client while offline, then sends each change once, in order', async () => {
    const id = `restart-${kind}`;
    const s = await station();
    await s.store.sync.syncNow();
    ctx.net.down = true;
    try {
      await s.accept(id, 13);
      await s.act(id, 'route', 1, ROUTE);
      await s.act(id, 'route', 2, ROUTE);
      await s.store.sync.syncNow();
      const pending = s.store.sync.state().pending;
      expect(pending).toBe(3);
      s.close();
      await s.open(); // a reload of the page, still offline
      expect(s.store.sync.state().pending).toBe(pending);
      expect(s.store.session?.actor.id).toBe('clerk-a'); // the cached session
      expect((await s.store.get('disputes', id))?.state).not.toBe('received');
    } finally {
      ctx.net.down = false;
    }
    await s.store.sync.syncNow();
    expect(s.store.sync.state()).toMatchObject({ pending: 0, online: true });
    expect(await eventsOf(id)).toEqual(['1:@create', '2:route', '3:route']);
    expect((await s.store.get('disputes', id))?.history.length).toBe(3);
  });

  it('asks getToken once more after a 401, then reports the expired sign-in and stops', async () => {
    const expired = () => tokenFor(USERS.clerkA, { expiresIn: Math.floor(Date.now() / 1000) - 3600 });
    let calls = 0;
    const refreshed = await station(USERS.clerkA, { token: () => (++calls === 1 ? expired() : tokenFor(USERS.clerkA)) });
    expect(refreshed.tokens).toBe(2);
    expect(refreshed.store.session?.actor.id).toBe('clerk-a');
    const stuck = await station(USERS.clerkA, { token: expired });
    expect(stuck.tokens).toBe(2);
    expect(stuck.store.session).toBeUndefined();
    expect(stuck.store.sync.state().error).toMatchObject({ code: 'token_expired' });
    await stuck.accept(`expired-${kind}`, 14);
    const before = ctx.net.count('/items/disputes');
    await stuck.store.sync.syncNow();
    expect(stuck.tokens).toBe(4); // syncNow tries again: once, and once more after the 401
    expect(ctx.net.count('/items/disputes')).toBe(before);
    expect(stuck.store.sync.state()).toMatchObject({ pending: 1, error: { code: 'token_expired' } });
  });

  it('survives a server restarted mid-sync: the retry reaches the new process and applies once', async () => {
    const id = `server-restart-${kind}`;
    const s = await station();
    await s.accept(id, 15);
    await s.act(id, 'route', 1, ROUTE);
    ctx.net.loseAnswers = 1; // the old process commits the creation and dies before answering
    await s.store.sync.syncNow();
    expect(s.store.sync.state().pending).toBe(2);
    const { createServer } = await import('../../../server/src/index.ts');
    const restarted = await createServer({ database: ctx.server.database, auth: { secret: SECRET }, migrate: false, log: () => {} });
    ctx.net.target = { ...ctx.server, server: restarted };
    try {
      await s.store.sync.syncNow();
      expect(s.store.sync.state()).toMatchObject({ pending: 0, online: true, refusals: [] });
      expect(await eventsOf(id)).toEqual(['1:@create', '2:route']);
    } finally {
      ctx.net.target = ctx.server;
    }
  });

  it('clear() leaves nothing: no record, no outbox, no cursor, no session', async () => {
    const s = await station();
    await s.accept(`clear-${kind}`, 16);
    await s.store.sync.syncNow();
    ctx.net.down = true;
    await s.act(`clear-${kind}`, 'route', 1, ROUTE);
    ctx.net.down = false;
    expect(s.store.sync.state().pending).toBe(1);
    await s.store.clear();
    const dump = await s.store.dump();
    expect(Object.values(dump.collections).flat()).toEqual([]);
    expect(dump.changes).toEqual([]);
    expect(s.store.session).toBeUndefined();
    expect(s.store.sync.state()).toMatchObject({ pending: 0, refusals: [] });
    const queue = createMemoryStore(queueSpec(s.name), { backing: s.queue });
    const left = await queue.dump();
    expect(Object.values(left.collections).flat()).toEqual([]);
    expect(JSON.stringify([...s.local.collections.values()].map((t) => [...t.values()]))).not.toMatch(/张三丰|13812345678/);
  });
});
