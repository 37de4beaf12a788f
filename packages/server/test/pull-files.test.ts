// File records in the change feed: an upload or a withdrawal takes the next cursor like an item's
// change, so `/pull` carries the record (withdrawn ones with who and when) in feed order and pages,
// within the item's scope, only to roles that take part in its loop, and masked by core's rule for
// roles that may not see personal data (no file name, no reason). On PGlite and on PostgreSQL 15.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { pgliteDatabase, postgresDatabase, type Database } from '../src/database.ts';
import { MIGRATIONS } from '../src/migrations.ts';
import { pgliteSeed } from '../seed/pglite-seed.mjs';
import { withDatabase } from './support/cluster.mjs';
import { AT, intake, KINDS, serverOn, uploadFile, USERS, type Kind, type User } from './support/databases.ts';

type Page = { items: { collection: string; id: string; version: number }[]; attachments: { id: string; name: string; item: { kind: string; id: string }; removedAt?: string; removedBy?: { id: string }; removedReason?: string; masked?: { n: number } }[]; cursor: number; more: boolean };

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 13 + seed) & 0xff);

describe.each(KINDS)('file records in the change feed on %s', (kind) => {
  let s: Awaited<ReturnType<typeof serverOn>>;
  let client = 0;
  beforeAll(async () => {
    s = await serverOn(kind);
  }, 120_000);
  afterAll(() => s?.close());

  async function dispute(id: string, as: User = USERS.clerkA, town = '甲镇') {
    const r = await s.call('POST', '/items/disputes', as, { clientId: `pf${++client}`, mutationId: 1, id, input: intake(1, town), at: AT(0), scope: { town } });
    expect(r.status, r.text).toBe(201);
  }
  const page = async (as: User, cursor: number, limit = 1000): Promise<Page> => {
    const r = await s.call('GET', `/pull?cursor=${cursor}&limit=${limit}`, as);
    expect(r.status, r.text).toBe(200);
    return r.json;
  };
  const head = async () => Number((await s.database.query<{ c: string }>('SELECT cursor::text AS c FROM feed_head'))[0]!.c);
  const withdraw = (as: User, item: string, file: string, reason: string) => s.call('POST', `/items/disputes/${item}/attachments/${file}/withdrawal`, as, { reason, at: AT(20) });

  it('an upload and its withdrawal each move the feed; a device that pulls changes learns of both, with who withdrew it and why', async () => {
    const id = `pf-a-${kind}`;
    await dispute(id);
    const start = await head();
    expect((await uploadFile(s.server, USERS.mediatorA, { collection: 'disputes', item: id, id: `${id}-photo` }, bytes(100, 1), { type: 'photo', mediaType: 'image/jpeg', name: '张三丰家墙面.jpg' })).status).toBe(201);
    const uploaded = await page(USERS.clerkA, start);
    expect(uploaded.items).toEqual([]);
    expect(uploaded.attachments).toEqual([expect.objectContaining({ id: `${id}-photo`, name: '张三丰家墙面.jpg', item: { kind: 'disputes', id } })]);
    expect(uploaded.attachments[0]!.removedAt).toBeUndefined();
    expect(uploaded.cursor).toBe(start + 1);

    expect((await withdraw(USERS.mediatorA, id, `${id}-photo`, '传错了案件（张三丰）')).status).toBe(200);
    const later = await page(USERS.clerkA, uploaded.cursor);
    expect(later.attachments).toEqual([expect.objectContaining({ id: `${id}-photo`, removedAt: AT(20), removedBy: expect.objectContaining({ id: 'mediator-a' }), removedReason: '传错了案件（张三丰）' })]);
    expect(later.cursor).toBe(start + 2);
    // From before both: the record once, as it stands now (withdrawn).
    const both = await page(USERS.clerkA, start);
    expect(both.attachments.map((a) => [a.id, a.removedAt])).toEqual([[`${id}-photo`, AT(20)]]);
    // The same record the attachment list route gives.
    const listed = await s.call('GET', `/items/disputes/${id}/attachments?withdrawn=include`, USERS.clerkA);
    expect(both.attachments).toEqual(listed.json.items);
    // A retried upload (replayed) is no change; a refused withdrawal none either.
    const before = await head();
    expect((await uploadFile(s.server, USERS.mediatorA, { collection: 'disputes', item: id, id: `${id}-photo` }, bytes(100, 1), { type: 'photo', mediaType: 'image/jpeg' })).status).toBe(409);
    expect((await withdraw(USERS.mediatorA, id, `${id}-photo`, 'again')).status).toBe(409);
    expect(await head()).toBe(before);
  });

  it('pages items and files in one feed order: every change once, whatever the page size', async () => {
    const start = await head();
    const ids = [`pf-p1-${kind}`, `pf-p2-${kind}`];
    await dispute(ids[0]!);
    expect((await uploadFile(s.server, USERS.mediatorA, { collection: 'disputes', item: ids[0]!, id: `${ids[0]}-f1` }, bytes(50, 2), { type: 'photo', mediaType: 'image/jpeg' })).status).toBe(201);
    await dispute(ids[1]!);
    expect((await uploadFile(s.server, USERS.mediatorA, { collection: 'disputes', item: ids[1]!, id: `${ids[1]}-f1` }, bytes(50, 3), { type: 'photo', mediaType: 'image/jpeg' })).status).toBe(201);
    expect((await uploadFile(s.server, USERS.mediatorA, { collection: 'disputes', item: ids[0]!, id: `${ids[0]}-f2` }, bytes(50, 4), { type: 'photo', mediaType: 'image/jpeg' })).status).toBe(201);
    expect((await withdraw(USERS.mediatorA, ids[0]!, `${ids[0]}-f1`, '重复')).status).toBe(200);
    const expected = [`item ${ids[0]}`, `file ${ids[0]}-f1`, `item ${ids[1]}`, `file ${ids[1]}-f1`, `file ${ids[0]}-f2`, `file ${ids[0]}-f1`];
    for (const limit of [1, 2, 4, 1000]) {
      const seen: string[] = [];
      let cursor = start;
      for (let i = 0; i < 50; i++) {
        const p = await page(USERS.clerkA, cursor, limit);
        expect(p.items.length + p.attachments.length).toBeLessThanOrEqual(limit);
        seen.push(...p.items.map((x) => `item ${x.id}`), ...p.attachments.map((a) => `file ${a.id}`));
        expect(p.cursor).toBeGreaterThanOrEqual(cursor);
        cursor = p.cursor;
        if (!p.more) break;
      }
      expect(cursor, `limit ${limit}`).toBe(await head());
      // Pages of one show each change as it comes; a larger page shows a file withdrawn after its upload once.
      if (limit === 1) expect(seen).toEqual(expected);
      else expect(new Set(seen)).toEqual(new Set(expected));
    }
  });

  it('masks records for a role that may not see personal data (no name, no reason), as the list route does; nothing to another town or to a role outside the loop', async () => {
    const id = `pf-m-${kind}`;
    await dispute(id);
    const start = await head();
    expect((await uploadFile(s.server, USERS.mediatorA, { collection: 'disputes', item: id, id: `${id}-scan` }, bytes(80, 5), { name: '张三丰身份证.pdf', type: 'idDocument' })).status).toBe(201);
    expect((await uploadFile(s.server, USERS.mediatorA, { collection: 'disputes', item: id, id: `${id}-scan2` }, bytes(80, 6), { name: '李四海协议.pdf' })).status).toBe(201);
    expect((await withdraw(USERS.mediatorA, id, `${id}-scan`, '张三丰要求撤下')).status).toBe(200);
    const raw = await s.call('GET', `/pull?cursor=${start}&limit=1000`, USERS.supervisorCounty);
    for (const secret of ['张三丰', '李四海', '身份证', '协议.pdf']) expect(raw.text).not.toContain(secret);
    const county = raw.json as Page;
    expect(county.attachments.map((a) => [a.name, a.masked, a.removedAt, a.removedReason])).toEqual([
      ['attachment-1.pdf', { n: 1 }, AT(20), undefined],
      ['attachment-2.pdf', { n: 2 }, undefined, undefined],
    ]);
    const listed = await s.call('GET', `/items/disputes/${id}/attachments?withdrawn=include`, USERS.supervisorCounty);
    expect([...county.attachments].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...listed.json.items].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)));
    // Town B's clerk and a role the dispute loop does not name: the feed moves, no record comes.
    const outsider = { sub: 'officer-a', roles: ['taskOfficer'], scope: USERS.clerkA.scope } satisfies User;
    for (const user of [USERS.clerkB, outsider]) {
      const p = await page(user, start);
      expect(p.attachments).toEqual([]);
      expect(JSON.stringify(p)).not.toContain(id);
    }
  });

  it('a page with a row stored without its text (made row by row) carries its file records too', async () => {
    const id = `pf-r-${kind}`;
    await dispute(id);
    const start = await head();
    expect((await uploadFile(s.server, USERS.mediatorA, { collection: 'disputes', item: id, id: `${id}-f` }, bytes(60, 7), { name: '张三丰.pdf' })).status).toBe(201);
    await s.database.query("UPDATE items SET snapshot = snapshot || '{}'::jsonb, snapshot_text = NULL, change_seq = (SELECT cursor + 1 FROM feed_head) WHERE id = $1", [id]);
    await s.database.query('UPDATE feed_head SET cursor = cursor + 1');
    for (const [user, name] of [[USERS.clerkA, '张三丰.pdf'], [USERS.supervisorCounty, 'attachment-1.pdf']] as const) {
      const p = await page(user, start);
      expect(p.items.map((i) => i.id)).toEqual([id]);
      expect(p.attachments.map((a) => [a.id, a.name])).toEqual([[`${id}-f`, name]]);
      expect(p.cursor).toBe(start + 2);
      expect(JSON.stringify(p.items).includes('13812345678')).toBe(user === USERS.clerkA);
      const one = await page(user, start, 1);
      expect([one.items.length, one.attachments.length, one.cursor, one.more]).toEqual([0, 1, start + 1, true]);
    }
  });
});

/** A database of this kind with the migrations before 9 applied (as a server that ran an older version). */
async function olderDatabase(kind: Kind): Promise<Database> {
  let db: Database;
  if (kind === 'pglite') {
    const seed = await pgliteSeed();
    db = await pgliteDatabase(seed ? { loadDataDir: seed } : {});
  } else {
    const admin = inject('bihuanPostgresAdmin');
    const name = `t_${randomUUID().replace(/-/g, '')}`;
    const a = await postgresDatabase(admin, { max: 1 });
    await a.query(`CREATE DATABASE ${name}`);
    await a.close();
    db = await postgresDatabase(withDatabase(admin, name), { max: 2 });
  }
  for (const m of MIGRATIONS.filter((m) => m.id < 9)) await db.transaction((tx) => tx.script(m.sql));
  return db;
}

describe.each(KINDS)('migration 9 on %s', (kind) => {
  it('gives every file stored before it a change of its own, after the feed’s head', async () => {
    const db = await olderDatabase(kind);
    try {
      await db.script(`
        UPDATE feed_head SET cursor = 7;
        INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, city, county, town, change_seq) VALUES
          ('disputes', 'old-1', 'dispute', 1, 3, 'mediating', '{}', '示例市', '东区', '甲镇', 5),
          ('disputes', 'old-2', 'dispute', 1, 1, 'received', '{}', '示例市', '东区', '乙镇', 7);
        INSERT INTO attachments (id, collection, item_id, type, name, media_type, size, sha256, added_by, added_at, bytes, received_at) VALUES
          ('f-b', 'disputes', 'old-1', 'photo', 'b.jpg', 'image/jpeg', 1, encode(sha256('\\x01'::bytea), 'hex'), '{}', '${AT(1)}', '\\x01'::bytea, '2026-11-02T01:00:00Z'),
          ('f-a', 'disputes', 'old-2', 'photo', 'a.jpg', 'image/jpeg', 1, encode(sha256('\\x02'::bytea), 'hex'), '{}', '${AT(2)}', '\\x02'::bytea, '2026-11-02T02:00:00Z');
        INSERT INTO attachment_withdrawals (attachment_id, collection, item_id, actor, reason, at) VALUES ('f-b', 'disputes', 'old-1', '{}', '错传', '${AT(3)}');
      `);
      await db.transaction((tx) => tx.script(MIGRATIONS.find((m) => m.id === 9)!.sql));
      const rows = await db.query<{ cursor: string; item_id: string; version: number; town: string; attachment_id: string }>('SELECT cursor::text AS cursor, item_id, version, town, attachment_id FROM changes ORDER BY cursor');
      expect(rows).toEqual([
        { cursor: '8', item_id: 'old-1', version: 3, town: '甲镇', attachment_id: 'f-b' },
        { cursor: '9', item_id: 'old-2', version: 1, town: '乙镇', attachment_id: 'f-a' },
      ]);
      expect((await db.query<{ c: string }>('SELECT cursor::text AS c FROM feed_head'))[0]!.c).toBe('9');
    } finally {
      await db.close();
    }
  }, 120_000);
});
