// The pull path: each snapshot goes out as the JSON text written with it (in clear, or masked for a
// role that may not see personal data), and a row whose text is missing or was outdated by a
// direct SQL write is computed from its jsonb instead — never sent stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskSnapshot, transition, type Snapshot } from '@bihuan/core/loop';
import { disputeLoop } from '@bihuan/core/dispute';
import { exampleRectificationItems } from '@bihuan/core/examples';
import { DEFAULT_LOOPS } from '../src/loops.ts';
import { AT, counts, intake, KINDS, serverOn, USERS, type User } from './support/databases.ts';

const PERSONAL = ['13812345678', '13987654321', '110101199003074514', '张三丰', '李四海', '幸福社区3栋201室'];

describe.each(KINDS)('pulling on %s', (kind) => {
  let s: Awaited<ReturnType<typeof serverOn>>;
  let client = 0;
  beforeAll(async () => {
    s = await serverOn(kind);
  }, 120_000);
  afterAll(() => s?.close());

  async function dispute(n: number): Promise<string> {
    const id = `pull-${kind}-${n}`;
    const r = await s.call('POST', '/items/disputes', USERS.clerkA, { clientId: `pc${++client}`, mutationId: 1, id, input: intake(n), at: AT(0), scope: { town: '甲镇' } });
    expect(r.status, r.text).toBe(201);
    return id;
  }
  async function pullAll(as: User, limit = 1000): Promise<{ id: string; collection: string; version: number; snapshot: Snapshot }[]> {
    const out = [];
    let cursor = 0;
    for (let page = 0; page < 1000; page++) {
      const r = await s.call('GET', `/pull?cursor=${cursor}&limit=${limit}`, as);
      expect(r.status, r.text).toBe(200);
      out.push(...r.json.items);
      cursor = r.json.cursor;
      if (!r.json.more) break;
    }
    return out;
  }
  const stored = async (id: string) => (await s.database.query<{ snapshot: Snapshot; snapshot_text: string | null; snapshot_masked: string | null }>('SELECT snapshot, snapshot_text, snapshot_masked FROM items WHERE id = $1', [id]))[0]!;

  it('writes each snapshot with its JSON text, in clear and masked, and keeps them current on every event', async () => {
    const id = await dispute(1);
    let row = await stored(id);
    expect(JSON.parse(row.snapshot_text!)).toEqual(row.snapshot);
    expect(JSON.parse(row.snapshot_masked!)).toEqual(JSON.parse(JSON.stringify(maskSnapshot(disputeLoop, row.snapshot as never))));
    for (const value of PERSONAL) expect(row.snapshot_masked).not.toContain(value);
    const pushed = await s.call('POST', '/push', USERS.clerkA, { clientId: `pc${++client}`, mutations: [{ mutationId: 1, collection: 'disputes', item: id, baseVersion: 1, event: { type: 'route', at: AT(1), payload: { departments: ['judicialAdministration'] } } }] });
    expect(pushed.json.results[0]).toMatchObject({ ok: true, version: 2 });
    row = await stored(id);
    expect(row.snapshot.history).toHaveLength(2);
    expect(JSON.parse(row.snapshot_text!)).toEqual(row.snapshot);
    expect(JSON.parse(row.snapshot_masked!).history).toHaveLength(2);
  });

  it('sends the clear text to a role that may see personal data and the masked text to one that may not', async () => {
    const id = await dispute(2);
    const row = await stored(id);
    const clerk = (await pullAll(USERS.clerkA)).find((i) => i.id === id)!;
    expect(clerk).toEqual({ collection: 'disputes', id, version: 1, snapshot: row.snapshot });
    const county = (await pullAll(USERS.supervisorCounty)).find((i) => i.id === id)!;
    expect(county.snapshot).toEqual(JSON.parse(JSON.stringify(maskSnapshot(disputeLoop, row.snapshot as never))));
    const raw = await s.call('GET', '/pull?cursor=0&limit=1000', USERS.supervisorCounty);
    for (const value of PERSONAL) expect(raw.text).not.toContain(value);
  });

  it('keeps no masked copy when masking changes nothing, and sends the one text to every role', () => {
    const [item] = exampleRectificationItems(1, 0);
    const texts = s.server.service.texts(DEFAULT_LOOPS.rectifications!, item as Snapshot);
    expect(texts.masked).toBeUndefined();
    expect(JSON.parse(texts.clear)).toEqual(JSON.parse(JSON.stringify(item)));
  });

  it('never sends a snapshot whose text a direct SQL write left behind: that row is computed from its jsonb', async () => {
    const id = await dispute(3);
    // A writer that moves the snapshot on but not its text (an older server, a repair by hand).
    const current = (await stored(id)).snapshot;
    const next = transition(disputeLoop, current as never, { type: 'route', actor: { id: 'clerk-a', role: 'intakeClerk' }, at: AT(1), payload: { departments: ['judicialAdministration'] } });
    if (!next.ok) throw new Error(next.reason.message.en);
    await s.database.query('UPDATE items SET snapshot = $2::text::jsonb, version = 2, state = $3 WHERE id = $1', [id, JSON.stringify(next.snapshot), next.snapshot.state]);
    const row = await stored(id);
    expect([row.snapshot_text, row.snapshot_masked]).toEqual([null, null]);
    const clerk = (await pullAll(USERS.clerkA)).find((i) => i.id === id)!;
    expect(clerk.snapshot).toEqual(row.snapshot);
    expect(clerk.snapshot.history).toHaveLength(2);
    const county = (await pullAll(USERS.supervisorCounty)).find((i) => i.id === id)!;
    expect(county.snapshot).toEqual(JSON.parse(JSON.stringify(maskSnapshot(disputeLoop, row.snapshot as never))));
    expect(JSON.stringify(county)).not.toContain('13812345678');
    // The next accepted event writes the text again.
    const pushed = await s.call('POST', '/push', USERS.supervisorCounty, { clientId: `pc${++client}`, mutations: [{ mutationId: 1, collection: 'disputes', item: id, baseVersion: 2, event: { type: 'supervise', at: AT(2), payload: { instruction: '请按期办结' } } }] });
    expect(pushed.json.results[0], pushed.text).toMatchObject({ ok: true, version: 3 });
    const after = await stored(id);
    expect(JSON.parse(after.snapshot_text!)).toEqual(after.snapshot);
    expect(JSON.parse(after.snapshot_masked!).history).toHaveLength(3);
  });

  it('sends nothing of a collection this server does not run, and still fills its pages', async () => {
    await dispute(4);
    await s.database.query(
      `INSERT INTO items (collection, id, loop_id, loop_version, version, state, snapshot, snapshot_text, city, county, town, change_seq)
       VALUES ('secrets', 'x1', 'secret', 1, 1, 'open', '{"secret":"机密"}', '{"secret":"机密"}', $1, '东区', '甲镇', (SELECT max(change_seq) + 1 FROM items))`,
      [USERS.clerkA.scope.city],
    );
    const before = await counts(s.database);
    const all = await pullAll(USERS.clerkA, 1);
    expect(all.map((i) => i.collection)).not.toContain('secrets');
    const inScope = await s.database.query("SELECT id FROM items WHERE collection = 'disputes' AND town = '甲镇'");
    expect(all.length).toBe(inScope.length);
    const raw = await s.call('GET', '/pull?cursor=0&limit=1000', USERS.clerkA);
    expect(raw.text).not.toContain('机密');
    expect(await counts(s.database)).toEqual(before);
  });

  it('exports a case\'s audit with every event, its actor (id, name, role, unit), note and attachments, in JSON and CSV', async () => {
    const id = await dispute(6);
    const event = { type: 'route', at: AT(1), note: '转司法所', attachments: ['附件-调解申请.pdf'], payload: { departments: ['judicialAdministration'] } };
    await s.call('POST', '/push', USERS.clerkA, { clientId: `pc${++client}`, mutations: [{ mutationId: 1, collection: 'disputes', item: id, baseVersion: 1, event }] });
    const json = await s.call('GET', `/items/disputes/${id}/audit.json`, USERS.clerkA);
    expect(json.json.events).toHaveLength(2);
    expect(json.json.events[1]).toMatchObject({ version: 2, type: 'route', from: 'received', actor: { id: 'clerk-a', name: '王受理', role: 'intakeClerk', unit: '甲镇综治中心' }, note: '转司法所', attachments: ['附件-调解申请.pdf'] });
    const csv = await s.call('GET', `/items/disputes/${id}/audit.csv`, USERS.clerkA);
    const [header, , second] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('附件 attachments');
    expect(second).toContain('王受理');
    expect(second).toContain('甲镇综治中心');
    expect(second).toContain('附件-调解申请.pdf');
    const other = await s.call('GET', `/items/disputes/${id}/audit.csv`, USERS.clerkB);
    expect([other.status, other.json.error.code]).toEqual([404, 'not_found']);
    expect((await s.call('GET', `/items/disputes/${id}/audit.json`, null)).status).toBe(401);
  });

  it('refuses pulls without a valid token or with a bad cursor or page size, with typed errors and nothing written', async () => {
    const before = await counts(s.database);
    for (const [query, as, status, code] of [
      ['cursor=0', null, 401, 'unauthenticated'],
      ['cursor=0', 'not-a-token', 401, 'token_invalid'],
      ['cursor=-1', USERS.clerkA, 400, 'invalid_query'],
      ['limit=0', USERS.clerkA, 400, 'invalid_query'],
      ['limit=1000000', USERS.clerkA, 400, 'invalid_query'],
      ['cursor=1e400', USERS.clerkA, 400, 'invalid_query'],
      ["cursor=0'; DROP TABLE items; --", USERS.clerkA, 400, 'invalid_query'],
    ] as const) {
      const r = await s.call('GET', `/pull?${query}`, as);
      expect([r.status, r.json.error.code], query).toEqual([status, code]);
      expect(r.json.error.message['zh-CN']).toBeTruthy();
      expect(r.text).not.toMatch(/SELECT|FROM items|\bat \S+:\d+/);
    }
    expect(await counts(s.database)).toEqual(before);
  });
});
