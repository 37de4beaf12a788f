// Live change notices from the server (GET /live, Server-Sent Events): what each user's stream
// carries, byte for byte, and a synced store that pulls on notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT, intake, KINDS, serverOn, tokenFor, USERS, type User } from '../../../server/test/support/databases.ts';
import { Network, Station, type Server } from './support.ts';

const PERSONAL = ['张三丰', '13812345678', '110101199003074514'];

/** Waits (checking every 25 ms) until `test` holds, up to `ms`; resolves to whether it did. */
async function within(ms: number, test: () => boolean | Promise<boolean>): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await test()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(KINDS)('live notices from the server on %s', (kind) => {
  let s: Server;
  const open: { close(): void }[] = [];
  beforeAll(async () => {
    s = await serverOn(kind);
  }, 120_000);
  afterAll(async () => {
    for (const o of open) o.close();
    await s?.close();
  });

  /** Opens a stream and keeps every byte it carries. */
  async function stream(path: string, as: User | null) {
    const headers: Record<string, string> = as ? { authorization: `Bearer ${await tokenFor(as)}` } : {};
    const response = await s.server.fetch(new Request(`http://bihuan.test${path}`, { headers }));
    const received = { status: response.status, type: response.headers.get('content-type'), text: '', close: () => {} };
    if (!response.ok || !response.body) {
      received.text = await response.text();
      return received;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    received.close = () => void reader.cancel().catch(() => undefined);
    open.push(received);
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        received.text += decoder.decode(value, { stream: true });
      }
    })();
    return received;
  }
  const notices = (text: string) => [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!));

  // How soon a notice arrives is `pnpm bench sync`'s figure (median and p95); here only that it arrives, and where.
  it('tells users in scope, and carries nothing at all to users outside it', async () => {
    const mediator = await stream('/live', USERS.mediatorA);
    const county = await stream('/live', USERS.supervisorCounty);
    const otherTown = await stream('/live', USERS.clerkB);
    const otherCounty = await stream('/live', USERS.supervisorWest);
    expect(mediator.status).toBe(200);
    expect(mediator.type).toMatch(/^text\/event-stream/);
    // Every stream says it is connected only once the feed counts it: a change after this line is told.
    for (const st of [mediator, county, otherTown, otherCounty]) expect(await within(8000, () => st.text.includes(': connected'))).toBe(true);
    const id = `live-${kind}`;
    const created = await s.call('POST', '/items/disputes', USERS.clerkA, { clientId: `live-${kind}`, mutationId: 1, id, input: intake(1), at: AT(0), scope: { town: '甲镇' } });
    expect(created.status, created.text).toBe(201);
    expect(await within(8000, () => notices(mediator.text).length > 0)).toBe(true);
    expect(await within(8000, () => notices(county.text).length > 0)).toBe(true);
    const [notice] = notices(mediator.text);
    const [head] = await s.database.query<{ cursor: string }>('SELECT cursor::text AS cursor FROM feed_head');
    expect(notice).toEqual({ cursor: Number(head!.cursor) });
    // A change in town 乙镇 reaches the county, and not the mediator of 甲镇.
    const before = notices(mediator.text).length;
    const b = await s.call('POST', '/items/disputes', USERS.clerkB, { clientId: `live-b-${kind}`, mutationId: 1, id: `${id}-b`, input: intake(2, '乙镇'), at: AT(0), scope: { town: '乙镇' } });
    expect(b.status, b.text).toBe(201);
    expect(await within(2000, () => notices(otherTown.text).length > 0)).toBe(true);
    expect(await within(2000, () => notices(county.text).length > 1)).toBe(true);
    // Give the feed several more polls, then read what each stream carried.
    await new Promise((r) => setTimeout(r, 800));
    expect(notices(mediator.text)).toHaveLength(before);
    expect(otherCounty.text).not.toMatch(/^data:/m);
    expect(otherCounty.text.replace(/^(retry: \d+|: connected|: ping)$/gm, '').trim()).toBe('');
    expect(notices(otherTown.text)).toHaveLength(1);
    for (const text of [mediator.text, county.text, otherTown.text, otherCounty.text]) {
      // Notices only: never the record, its id or anyone's personal data.
      expect(text).not.toContain(id);
      for (const p of PERSONAL) expect(text).not.toContain(p);
    }
  });

  it('takes a short-lived ticket instead of a header (for EventSource), and nothing else takes the ticket', async () => {
    const anonymous = await stream('/live', null);
    expect(anonymous.status).toBe(401);
    const issued = await s.call('POST', '/live/ticket', USERS.supervisorCounty);
    expect(issued.status).toBe(200);
    expect(issued.json.ticket).toMatch(/\S/);
    const viaTicket = await stream(`/live?ticket=${encodeURIComponent(issued.json.ticket)}`, null);
    expect(viaTicket.status).toBe(200);
    expect(await within(8000, () => viaTicket.text.includes(': connected'))).toBe(true);
    const pulled = await s.call('GET', '/pull', issued.json.ticket);
    expect(pulled.status).toBe(401);
    const forged = await stream(`/live?ticket=${encodeURIComponent(await tokenFor(USERS.supervisorCounty))}`, null);
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.text).error).toMatchObject({ code: 'ticket_invalid', message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
    const id = `ticket-${kind}`;
    await s.call('POST', '/items/disputes', USERS.clerkA, { clientId: `ticket-${kind}`, mutationId: 1, id, input: intake(3), at: AT(0), scope: { town: '甲镇' } });
    expect(await within(2000, () => notices(viaTicket.text).length > 0)).toBe(true);
  });

  it("brings a change into another user's synced store within 2 s, without a reload or a syncNow", async () => {
    const net = new Network(s);
    const clerk = await new Station(net, USERS.clerkA).open();
    const mediator = await new Station(net, USERS.mediatorA, { live: true }).open();
    const outsider = await new Station(net, USERS.clerkB, { live: true }).open();
    open.push(clerk, mediator, outsider);
    await mediator.until((st) => st.lastSyncAt !== undefined);
    const id = `pushed-${kind}`;
    await clerk.accept(id, 4);
    await clerk.store.sync.syncNow();
    expect(await within(2000, async () => (await mediator.store.get('disputes', id)) !== undefined)).toBe(true);
    expect(await outsider.store.get('disputes', id)).toBeUndefined();
  });
});
