// Attachments on the server: records with their bytes in PostgreSQL, uploaded with their hash,
// fetched within scope and role, audited, never changed. On PGlite and on PostgreSQL 15.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '@bihuan/core/attachment';
import { AT, counts, intake, KINDS, serverOn, tokenFor, USERS, type User } from './support/databases.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);

describe.each(KINDS)('attachments on %s', (kind) => {
  let s: Awaited<ReturnType<typeof serverOn>>;
  let item = '';
  let itemB = '';
  beforeAll(async () => {
    s = await serverOn(kind);
    item = `d-att-${kind}`;
    itemB = `d-att-b-${kind}`;
    for (const [id, as, town] of [[item, USERS.clerkA, '甲镇'], [itemB, USERS.clerkB, '乙镇']] as const) {
      const r = await s.call('POST', '/items/disputes', as, { clientId: `att-${as.sub}`, mutationId: 1, id, input: intake(1, town), at: AT(0), scope: { town } });
      expect(r.status, r.text).toBe(201);
    }
  }, 120_000);
  afterAll(() => s?.close());

  async function upload(as: User, on: string, id: string, body: Uint8Array<ArrayBuffer>, options: { type?: string; name?: string; mediaType?: string; sha256?: string | null } = {}) {
    const query = new URLSearchParams({ type: options.type ?? 'agreementScan', name: options.name ?? '调解协议书.pdf', at: AT(5) });
    const headers: Record<string, string> = { authorization: `Bearer ${await tokenFor(as)}`, 'content-type': options.mediaType ?? 'application/pdf' };
    if (options.sha256 !== null) headers['x-bihuan-sha256'] = options.sha256 ?? sha(body);
    const response = await s.server.fetch(new Request(`http://bihuan.test/items/disputes/${on}/attachments/${encodeURIComponent(id)}?${query}`, { method: 'PUT', headers, body }));
    const text = await response.text();
    return { status: response.status, json: JSON.parse(text) };
  }
  async function download(as: User, on: string, id: string) {
    const response = await s.server.fetch(new Request(`http://bihuan.test/items/disputes/${on}/attachments/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${await tokenFor(as)}` } }));
    return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
  }
  const stored = async () => {
    const [row] = await s.database.query<{ n: string; audit: string }>('SELECT (SELECT count(*) FROM attachments)::text AS n, (SELECT count(*) FROM attachment_audit)::text AS audit');
    return { attachments: Number(row!.n), audit: Number(row!.audit), ...(await counts(s.database)) };
  };

  it('stores a file with its record; it comes back byte for byte with its hash; an audit line for each', async () => {
    const file = bytes(300_000, 1);
    const r = await upload(USERS.mediatorA, item, 'att-1', file);
    expect(r.status).toBe(201);
    expect(r.json.attachment).toEqual({
      id: 'att-1',
      item: { kind: 'disputes', id: item },
      type: 'agreementScan',
      name: '调解协议书.pdf',
      size: 300_000,
      mediaType: 'application/pdf',
      sha256: sha(file),
      addedBy: { id: 'mediator-a', role: 'mediator', unit: '甲镇人民调解委员会', name: '赵调解' },
      addedAt: AT(5),
    });
    const back = await download(USERS.clerkA, item, 'att-1');
    expect(back.status).toBe(200);
    expect(sha(back.body)).toBe(sha(file));
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(back.headers.get('x-bihuan-sha256')).toBe(sha(file));
    expect(back.headers.get('x-content-type-options')).toBe('nosniff');
    expect(back.headers.get('content-disposition')).toContain(encodeURIComponent('调解协议书.pdf'));
    const list = await s.call('GET', `/items/disputes/${item}/attachments`, USERS.clerkA);
    expect(list.json.items).toEqual([r.json.attachment]);
    const log = await s.call('GET', `/items/disputes/${item}/attachment-log`, USERS.supervisorCounty);
    expect(log.json.items.map((l: { action: string; actor: { id: string }; attachment: string }) => [l.action, l.actor.id, l.attachment])).toEqual([
      ['upload', 'mediator-a', 'att-1'],
      ['download', 'clerk-a', 'att-1'],
    ]);
    // A structured log line names the file by id and size, never its name or bytes.
    const entry = s.logged.find((e) => e.msg === 'attachment stored');
    expect(entry).toMatchObject({ attachment: 'att-1', size: 300_000, user: 'mediator-a' });
    expect(JSON.stringify(entry)).not.toContain('调解协议书');
  });

  it('a retried upload (same id, same bytes) has its effect once; the same bytes under another id are a duplicate', async () => {
    const file = bytes(2_000, 2);
    expect((await upload(USERS.mediatorA, item, 'att-2', file, { type: 'photo', mediaType: 'image/jpeg', name: '现场.jpg' })).status).toBe(201);
    const before = await stored();
    const again = await upload(USERS.mediatorA, item, 'att-2', file, { type: 'photo', mediaType: 'image/jpeg', name: '现场.jpg' });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ replayed: true, attachment: { id: 'att-2', sha256: sha(file) } });
    const dup = await upload(USERS.clerkA, item, 'att-3', file, { type: 'photo', mediaType: 'image/jpeg', name: '重复.jpg' });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({ code: 'duplicate_attachment', path: 'sha256' });
    expect(dup.json.error.message['zh-CN']).toContain('现场.jpg');
    const other = await upload(USERS.mediatorA, item, 'att-2', bytes(2_000, 3), { type: 'photo', mediaType: 'image/jpeg' });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('attachment_exists');
    expect(await stored()).toEqual(before);
  });

  it('two uploads of one file to one item at once: one record, the other refused as a duplicate', async () => {
    const file = bytes(50_000, 4);
    const [a, b] = await Promise.all([upload(USERS.mediatorA, item, 'race-a', file), upload(USERS.clerkA, item, 'race-b', file)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.json.error.code).toBe('duplicate_attachment');
    const [row] = await s.database.query<{ n: string }>('SELECT count(*)::text AS n FROM attachments WHERE sha256 = $1', [sha(file)]);
    expect(Number(row!.n)).toBe(1);
  });

  it('refuses what core refuses and a body that does not match its hash; nothing stored', async () => {
    const before = await stored();
    const cases: [Parameters<typeof upload>[4], Uint8Array<ArrayBuffer>, number, string, string?][] = [
      [{ sha256: sha(bytes(10, 9)) }, bytes(10, 8), 422, 'sha256_mismatch', 'sha256'],
      [{ sha256: null }, bytes(10, 8), 400, 'sha256_missing', 'sha256'],
      [{ sha256: 'not-a-hash' }, bytes(10, 8), 400, 'sha256_missing', 'sha256'],
      [{ mediaType: 'text/html' }, bytes(10, 8), 415, 'media_type', 'mediaType'],
      [{ type: 'photo', mediaType: 'application/pdf' }, bytes(10, 8), 415, 'media_type', 'mediaType'],
      [{}, new Uint8Array(0), 422, 'file_empty', 'size'],
      [{ type: 'video' }, bytes(10, 8), 400, 'invalid_attachment', 'type'],
      [{ name: 'a/b.pdf' }, bytes(10, 8), 400, 'invalid_attachment', 'name'],
      [{ name: "x'); DROP TABLE attachments; --" }, bytes(10, 10), 201, ''],
    ];
    for (const [options, body, status, code, path] of cases) {
      const r = await upload(USERS.mediatorA, item, `bad-${code || 'sql'}`, body, options);
      expect(r.status, JSON.stringify(r.json)).toBe(status);
      if (code) {
        expect(r.json.error).toMatchObject({ code, ...(path ? { path } : {}) });
        expect(r.json.error.message['zh-CN']).toBeTruthy();
        expect(r.json.error.message.en).toBeTruthy();
        expect(JSON.stringify(r.json)).not.toMatch(/SELECT|INSERT|at .*\.ts/);
      }
    }
    // The one accepted (an injection attempt in the name, stored as text) and nothing else.
    expect(await stored()).toMatchObject({ attachments: before.attachments + 1, audit: before.audit + 1 });
    expect((await s.call('GET', `/items/disputes/${item}/attachments`, USERS.mediatorA)).json.items.some((a: { name: string }) => a.name.startsWith("x');"))).toBe(true);
  });

  it('refuses a body above the size limit with 413, before reading it all', async () => {
    const before = await stored();
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    const r = await upload(USERS.mediatorA, item, 'too-big', big);
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('body_too_large');
    expect(await stored()).toEqual(before);
  });

  it('scope and role: a town-B token never gets town A’s file; a role outside the loop and a forged role are refused', async () => {
    const file = bytes(1_000, 5);
    expect((await upload(USERS.mediatorA, item, 'scoped', file)).status).toBe(201);
    const before = await stored();
    // Town B's clerk: the item is not in their area — the same answer as for no item at all.
    const b = await download(USERS.clerkB, item, 'scoped');
    expect(b.status).toBe(404);
    expect(new TextDecoder().decode(b.body)).not.toContain(String.fromCharCode(...file.slice(0, 8)));
    expect((await s.call('GET', `/items/disputes/${item}/attachments`, USERS.clerkB)).status).toBe(404);
    expect((await upload(USERS.clerkB, item, 'from-b', bytes(10, 6))).status).toBe(404);
    // Another county's supervisor likewise; the file asked for through town B's own item is not there either.
    expect((await download(USERS.supervisorWest, item, 'scoped')).status).toBe(404);
    expect((await download(USERS.clerkB, itemB, 'scoped')).status).toBe(404);
    // A role the dispute loop does not name.
    const outsider = { sub: 'x-1', roles: ['taskOfficer'], scope: USERS.clerkA.scope } satisfies User;
    const o = await download(outsider, item, 'scoped');
    expect(o.status).toBe(403);
    // An agreement scan holds the parties' personal data: the county supervisor sees disputes masked, so not this file.
    const sup = await download(USERS.supervisorCounty, item, 'scoped');
    expect(sup.status).toBe(403);
    expect(JSON.parse(new TextDecoder().decode(sup.body)).error.code).toBe('personal_data');
    // Acting in a role the token does not hold.
    const forged = await s.server.fetch(
      new Request(`http://bihuan.test/items/disputes/${item}/attachments/forged?type=photo&name=a.jpg&role=supervisor`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await tokenFor(USERS.mediatorA)}`, 'content-type': 'image/jpeg', 'x-bihuan-sha256': sha(bytes(10, 7)) },
        body: bytes(10, 7),
      }),
    );
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('role_not_held');
    // No token at all.
    expect((await s.server.fetch(new Request(`http://bihuan.test/items/disputes/${item}/attachments/scoped`))).status).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it('the database keeps attachments and their audit lines as written, and checks the bytes against the hash', async () => {
    for (const sql of [`UPDATE attachments SET name = 'changed'`, 'DELETE FROM attachments', 'UPDATE attachment_audit SET action = $$download$$', 'DELETE FROM attachment_audit', 'TRUNCATE attachment_audit']) {
      await expect(s.database.query(sql)).rejects.toThrow(/append-only/);
    }
    const body = bytes(10, 11);
    await expect(
      s.database.query(
        `INSERT INTO attachments (id, collection, item_id, type, name, media_type, size, sha256, added_by, added_at, bytes) VALUES ('forged', 'disputes', $1, 'photo', 'a.jpg', 'image/jpeg', 10, $2, '{}', $3, $4::bytea)`,
        [item, sha(bytes(10, 12)), AT(1), Buffer.from(body)],
      ),
    ).rejects.toThrow(/check constraint/);
    // Events are untouched by attachments: still append-only.
    await expect(s.database.query('DELETE FROM events')).rejects.toThrow(/append-only/);
  });
});
