// The attachment rules on the server are core's: a pushed settlement is decided on the dispute's
// files as the server holds them (read in the push's own transaction), refused with the engine's
// own reason without a signed scan; and a file added in error is withdrawn — a row saying who,
// when and why, never a deletion — unless a rule still needs it. On PGlite and on PostgreSQL 15.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT, counts, intake, KINDS, serverOn, tokenFor, uploadFile, USERS, type User } from './support/databases.ts';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 13 + seed) & 0xff);
const SETTLEMENT = { terms: ['赔偿墙面修复费用两千元'], consentedBy: ['p1', 'p2'], date: AT(30).slice(0, 10) };

describe.each(KINDS)('attachment rules on %s', (kind) => {
  let s: Awaited<ReturnType<typeof serverOn>>;
  let mutation = 0;
  const push = (as: User, item: string, type: string, minute: number, payload?: unknown, baseVersion = 1) =>
    s.call('POST', '/push', as, { clientId: `rules-${as.sub}`, mutations: [{ mutationId: ++mutation, collection: 'disputes', item, baseVersion, event: { type, at: AT(minute), ...(payload === undefined ? {} : { payload }) } }] });
  const upload = (as: User, item: string, id: string, body: Uint8Array<ArrayBuffer>, options: Parameters<typeof uploadFile>[4] = {}) => uploadFile(s.server, as, { collection: 'disputes', item, id }, body, options);
  const withdraw = (as: User | null, item: string, id: string, body: unknown) => s.call('POST', `/items/disputes/${item}/attachments/${encodeURIComponent(id)}/withdrawal`, as, body);
  const listed = async (item: string) => ((await s.call('GET', `/items/disputes/${item}/attachments`, USERS.mediatorA)).json.items as { id: string }[]).map((a) => a.id);
  const tables = async () => {
    const [row] = await s.database.query<{ a: string; w: string; audit: string }>(
      'SELECT (SELECT count(*) FROM attachments)::text AS a, (SELECT count(*) FROM attachment_withdrawals)::text AS w, (SELECT count(*) FROM attachment_audit)::text AS audit',
    );
    return { attachments: Number(row!.a), withdrawals: Number(row!.w), audit: Number(row!.audit), ...(await counts(s.database)) };
  };

  /** A dispute of town 甲镇 in mediation, by the intake clerk and mediator of that town. */
  async function mediating(id: string): Promise<void> {
    const made = await s.call('POST', '/items/disputes', USERS.clerkA, { clientId: `rules-${USERS.clerkA.sub}`, mutationId: ++mutation, id, input: intake(1), at: AT(0), scope: { town: '甲镇' } });
    expect(made.status, made.text).toBe(201);
    expect((await push(USERS.clerkA, id, 'route', 1, { departments: ['judicialAdministration'] })).json.results[0]).toMatchObject({ ok: true });
    expect((await push(USERS.mediatorA, id, 'mediate', 2, { mode: 'atCentre', mediators: [] })).json.results[0]).toMatchObject({ ok: true });
  }

  beforeAll(async () => {
    s = await serverOn(kind);
  }, 120_000);
  afterAll(() => s?.close());

  it('a settlement without a stored agreement scan is refused with the engine’s reason; a photo is not a scan; with the scan it is accepted', async () => {
    const item = `rules-settle-${kind}`;
    await mediating(item);
    const before = await tables();
    const refused = (await push(USERS.mediatorA, item, 'settle', 30, SETTLEMENT)).json.results[0];
    expect(refused).toMatchObject({ ok: false, status: 409, state: 'mediating', version: 3, error: { code: 'guard_failed', path: 'event.payload.document' } });
    expect(refused.refusal).toMatchObject({ code: 'guard_failed', rule: 'agreement_scan_required', field: 'document' });
    expect(refused.refusal.message.en).toBe('attach the agreement scan signed by every party before recording the settlement');
    expect(refused.refusal.message['zh-CN']).toContain('协议扫描件');
    // The refusal is recorded as the mutation's answer; nothing else changed.
    expect(await tables()).toEqual({ ...before, mutations: before.mutations + 1 });

    expect((await upload(USERS.mediatorA, item, `${item}-photo`, bytes(500, 1), { type: 'photo', mediaType: 'image/jpeg', name: '现场.jpg' })).status).toBe(201);
    expect((await push(USERS.mediatorA, item, 'settle', 31, SETTLEMENT)).json.results[0].refusal).toMatchObject({ rule: 'agreement_scan_required' });

    // A settlement naming a document that is not one of the dispute's scans is refused too.
    expect((await upload(USERS.mediatorA, item, `${item}-scan`, bytes(900, 2))).status).toBe(201);
    const wrongDocument = (await push(USERS.mediatorA, item, 'settle', 32, { ...SETTLEMENT, document: `${item}-photo` })).json.results[0];
    expect(wrongDocument.refusal).toMatchObject({ rule: 'agreement_scan_required', field: 'document' });

    const settled = (await push(USERS.mediatorA, item, 'settle', 33, { ...SETTLEMENT, document: `${item}-scan` })).json.results[0];
    expect(settled).toMatchObject({ ok: true, state: 'followUp', version: 4 });
    const [event] = await s.database.query<{ payload: { document: string } }>("SELECT payload FROM events WHERE item_id = $1 AND type = 'settle'", [item]);
    expect(event!.payload.document).toBe(`${item}-scan`);
  });

  it('a scan on another dispute does not count, nor one withdrawn before the settlement', async () => {
    const item = `rules-other-${kind}`;
    const other = `rules-other-b-${kind}`;
    await mediating(item);
    await mediating(other);
    expect((await upload(USERS.mediatorA, other, `${other}-scan`, bytes(700, 3))).status).toBe(201);
    expect((await push(USERS.mediatorA, item, 'settle', 30, SETTLEMENT)).json.results[0].refusal).toMatchObject({ rule: 'agreement_scan_required' });
    expect((await upload(USERS.mediatorA, item, `${item}-scan`, bytes(700, 4))).status).toBe(201);
    expect((await withdraw(USERS.mediatorA, item, `${item}-scan`, { reason: '传错了文件', at: AT(20) })).status).toBe(200);
    expect((await push(USERS.mediatorA, item, 'settle', 31, SETTLEMENT)).json.results[0].refusal).toMatchObject({ rule: 'agreement_scan_required' });
  });

  it('withdraws a file added in error: a row with who, when and why; no longer listed or served; audited; the same bytes may come again', async () => {
    const item = `rules-withdraw-${kind}`;
    await mediating(item);
    const file = bytes(1_200, 5);
    expect((await upload(USERS.mediatorA, item, `${item}-wrong`, file, { type: 'photo', mediaType: 'image/png', name: '错传.png' })).status).toBe(201);
    expect(await listed(item)).toEqual([`${item}-wrong`]);
    const before = await tables();

    // Refusals first, each leaving everything as it was.
    const clerk = await withdraw(USERS.clerkA, item, `${item}-wrong`, { reason: '不是本案材料' });
    expect(clerk.status).toBe(403);
    expect(clerk.json.error).toMatchObject({ code: 'remove_not_allowed', path: 'actor' });
    expect(clerk.json.error.message.en).toContain('only they or a supervisor');
    const cases: [User | null, unknown, number, string, string?][] = [
      [USERS.mediatorA, {}, 400, 'invalid_body', 'reason'],
      [USERS.mediatorA, { reason: '   ' }, 400, 'invalid_body', 'reason'],
      [USERS.mediatorA, { reason: 'x'.repeat(501) }, 400, 'invalid_body', 'reason'],
      [USERS.mediatorA, { reason: '错传', at: 'yesterday' }, 400, 'invalid_body', 'at'],
      [USERS.mediatorA, { reason: '错传', actor: { id: 'someone-else' } }, 400, 'invalid_body', 'actor'],
      [USERS.mediatorA, { reason: '错传', actor: { role: 'supervisor' } }, 403, 'role_not_held', 'actor.role'],
      [USERS.mediatorA, "{ reason: '); DROP TABLE attachment_withdrawals; --", 400, 'body_not_json'],
      // Text the database cannot store is refused like any body's, naming the field (not a 500).
      [USERS.mediatorA, { reason: '错\u0000传' }, 400, 'invalid_body', 'reason'],
      [USERS.clerkB, { reason: '错传' }, 404, 'not_found'],
      [USERS.supervisorWest, { reason: '错传' }, 404, 'not_found'],
      [null, { reason: '错传' }, 401, 'unauthenticated'],
    ];
    for (const [as, body, status, code, path] of cases) {
      const r = await withdraw(as, item, `${item}-wrong`, body);
      expect(r.status, `${code}: ${r.text}`).toBe(status);
      expect(r.json.error.code).toBe(code);
      if (path) expect(r.json.error.path).toBe(path);
      expect(r.text).not.toMatch(/INSERT|SELECT|\.ts:\d/);
    }
    expect((await withdraw(USERS.mediatorA, item, 'no-such-file', { reason: '错传' })).status).toBe(404);
    expect(await tables()).toEqual(before);

    const done = await withdraw(USERS.mediatorA, item, `${item}-wrong`, { reason: '传错了案件', at: AT(40) });
    expect(done.status, done.text).toBe(200);
    expect(done.json.attachment).toMatchObject({ id: `${item}-wrong`, removedAt: AT(40), removedReason: '传错了案件', removedBy: { id: 'mediator-a', role: 'mediator' } });
    // One change in the feed too, so that other devices' pulls learn of it.
    expect(await tables()).toEqual({ ...before, withdrawals: before.withdrawals + 1, audit: before.audit + 1, changes: before.changes + 1 });
    expect(await listed(item)).toEqual([]);
    const fetched = await s.server.fetch(new Request(`http://bihuan.test/items/disputes/${item}/attachments/${item}-wrong`, { headers: { authorization: `Bearer ${await tokenFor(USERS.mediatorA)}` } }));
    expect(fetched.status).toBe(410);
    expect(((await fetched.json()) as { error: { code: string } }).error.code).toBe('attachment_removed');
    const log = (await s.call('GET', `/items/disputes/${item}/attachment-log`, USERS.mediatorA)).json.items as { action: string; actor: { id: string } }[];
    expect(log.map((l) => [l.action, l.actor.id])).toEqual([
      ['upload', 'mediator-a'],
      ['withdraw', 'mediator-a'],
    ]);
    const [row] = await s.database.query<{ reason: string; actor: { id: string }; at: string }>('SELECT reason, actor, at FROM attachment_withdrawals WHERE attachment_id = $1', [`${item}-wrong`]);
    expect(row).toMatchObject({ reason: '传错了案件', actor: { id: 'mediator-a' }, at: AT(40) });

    // Withdrawn once; the id is spent (a retried upload under it is refused); the bytes may come again under a new id.
    const again = await withdraw(USERS.mediatorA, item, `${item}-wrong`, { reason: '再撤一次' });
    expect([again.status, again.json.error.code]).toEqual([409, 'attachment_removed']);
    const reused = await upload(USERS.mediatorA, item, `${item}-wrong`, file, { type: 'photo', mediaType: 'image/png', name: '错传.png' });
    expect([reused.status, reused.json.error.code]).toEqual([409, 'attachment_removed']);
    expect((await upload(USERS.mediatorA, item, `${item}-right`, file, { type: 'agreementScan', mediaType: 'image/png', name: '协议.png' })).status).toBe(201);
    expect(await listed(item)).toEqual([`${item}-right`]);

    // The database keeps withdrawals as written.
    for (const sql of ['UPDATE attachment_withdrawals SET reason = $$x$$', 'DELETE FROM attachment_withdrawals', 'TRUNCATE attachment_withdrawals']) {
      await expect(s.database.query(sql)).rejects.toThrow(/append-only/);
    }
  });

  it('a supervisor in scope may withdraw anyone’s file; the signed scan of a settled dispute stays', async () => {
    const item = `rules-needed-${kind}`;
    await mediating(item);
    expect((await upload(USERS.mediatorA, item, `${item}-scan`, bytes(800, 6))).status).toBe(201);
    expect((await upload(USERS.mediatorA, item, `${item}-extra`, bytes(800, 7), { type: 'other', name: '补充说明.pdf' })).status).toBe(201);
    expect((await push(USERS.mediatorA, item, 'settle', 30, { ...SETTLEMENT, document: `${item}-scan` })).json.results[0]).toMatchObject({ ok: true });
    const before = await tables();
    // The supervisor, who may not see the parties' personal data, hears of the file by its number, not its name
    // (both files were added at the same minute: numbered by id, "-extra" before "-scan").
    for (const [as, name] of [[USERS.mediatorA, '调解协议书.pdf'], [USERS.supervisorCounty, 'attachment-2.pdf']] as const) {
      const r = await withdraw(as, item, `${item}-scan`, { reason: '想换一份' });
      expect(r.status).toBe(409);
      expect(r.json.error).toMatchObject({ code: 'attachment_still_needed', path: 'attachmentId' });
      expect(r.json.error.message.en).toBe(`"${name}" is the signed agreement scan of this settled dispute: it stays`);
    }
    expect(await tables()).toEqual(before);
    expect((await withdraw(USERS.supervisorCounty, item, `${item}-extra`, { reason: '与本案无关', actor: { role: 'supervisor' } })).status).toBe(200);
    expect(await listed(item)).toEqual([`${item}-scan`]);
  });

  it('a withdrawal and a settlement at once: one of them wins, never both', async () => {
    for (let round = 0; round < 4; round++) {
      const item = `rules-race-${kind}-${round}`;
      await mediating(item);
      expect((await upload(USERS.mediatorA, item, `${item}-scan`, bytes(600, 10 + round))).status).toBe(201);
      const [settled, withdrawn] = await Promise.all([push(USERS.mediatorA, item, 'settle', 30, SETTLEMENT), withdraw(USERS.supervisorCounty, item, `${item}-scan`, { reason: '核对后撤下' })]);
      const accepted = settled.json.results[0].ok as boolean;
      expect(accepted !== (withdrawn.status === 200), `${settled.text} / ${withdrawn.text}`).toBe(true);
      if (accepted) expect(withdrawn.json.error.code).toBe('attachment_still_needed');
      else expect(settled.json.results[0].refusal.rule).toBe('agreement_scan_required');
    }
  });
});
