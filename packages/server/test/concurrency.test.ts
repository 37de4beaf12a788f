// Two server processes on one PostgreSQL; 50 clients push conflicting events to the same 100
// disputes, retrying, while one process is killed (SIGKILL) mid-push. Nothing may be lost,
// duplicated or reordered, and every item must replay to what is stored.
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { replay, type Snapshot } from '@bihuan/core/loop';
import { disputeLoop } from '@bihuan/core/dispute';
import { postgresDatabase, type Database } from '../src/database.ts';
import { historyOf } from '../src/service.ts';
import { CITY, freshPostgresUrl, intake, tokenFor } from './support/databases.ts';
import { BIN, startServerProcess, type ServerProcess } from './support/processes.ts';

const CLIENTS = 50;
const DISPUTES = 100;
const PER_CLIENT = 8;

const servers: ServerProcess[] = [];
let db: Database | undefined;
afterAll(async () => {
  for (const s of servers) s.child.kill('SIGKILL');
  await db?.close();
});

describe('two server processes on one PostgreSQL', () => {
  it('applies 50 clients’ conflicting, retried pushes exactly once, also when one process is killed mid-push', async () => {
    expect(existsSync(BIN), 'build the server first (pnpm build)').toBe(true);
    const url = await freshPostgresUrl();
    servers.push(await startServerProcess(url), await startServerProcess(url));
    db = await postgresDatabase(url, { max: 2 });

    const scope = { city: CITY, county: '东区', town: '甲镇' };
    const clerk = await tokenFor({ sub: 'seed-clerk', roles: ['intakeClerk'], scope });
    const ids = Array.from({ length: DISPUTES }, (_, i) => `c-${i}`);
    await Promise.all(
      ids.map(async (id, i) => {
        const r = await fetch(`${servers[i % 2]!.url}/items/disputes`, {
          method: 'POST',
          headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
          body: JSON.stringify({ clientId: `seed-${i}`, mutationId: 1, id, input: intake(i), at: '2026-11-02T01:00:00.000Z' }),
        });
        expect(r.status).toBe(201);
      }),
    );

    // Each client sends its mutations one after another; a lost answer is retried (on the other
    // process when one is down), and a third of the answered ones are sent again on purpose.
    let sent = 0;
    let killedAt = -1;
    const answers = new Map<string, { ok: boolean; item: string; version?: number; replayed?: boolean }>();
    // Requests the kill cut off (connection refused or reset), and answers that were a retry's.
    let interrupted = 0;
    let replayed = 0;
    async function client(c: number): Promise<void> {
      const token = await tokenFor({ sub: `sup-${c}`, roles: ['supervisor'], unit: '东区综治中心', scope: { city: CITY, county: '东区' } });
      const clientId = `client-${c}`;
      for (let m = 1; m <= PER_CLIENT; m++) {
        const item = ids[(c * 7 + m * 13) % DISPUTES]!;
        const kind = (c + m) % 3;
        const event =
          kind === 0
            ? { type: 'route', at: new Date().toISOString(), payload: { departments: ['judicialAdministration'] } }
            : kind === 1
              ? { type: 'supervise', at: new Date().toISOString(), payload: { instruction: `督办 ${c}/${m}` } }
              : { type: 'withdraw', at: new Date().toISOString(), payload: { reason: `撤回 ${c}/${m}` } };
        const body = JSON.stringify({ clientId, mutations: [{ mutationId: m, collection: 'disputes', item, baseVersion: 1, event }] });
        let extra = (c + m) % 3 === 0 ? 1 : 0;
        for (let attempt = 0; attempt < 40; attempt++) {
          const alive = servers.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
          const target = alive[(c + attempt) % alive.length]!;
          try {
            if (++sent === Math.floor((CLIENTS * PER_CLIENT) / 3) && killedAt < 0) {
              killedAt = sent;
              servers[1]!.child.kill('SIGKILL'); // mid-push: other clients' requests are in flight on it
            }
            const r = await fetch(`${target.url}/push`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
            if (r.status !== 200) throw new Error(`push answered ${r.status}: ${await r.text()}`);
            const [result] = (await r.json()).results;
            const key = `${clientId}/${m}`;
            const first = answers.get(key);
            // A retry is answered exactly as the first time (the recorded result), whichever process answers it.
            if (first) expect({ ok: result.ok, version: result.version }, key).toEqual({ ok: first.ok, version: first.version });
            if (result.replayed) replayed++;
            answers.set(key, first ?? { ok: result.ok, item, version: result.version, replayed: result.replayed });
            if (extra-- > 0) continue; // the answer "lost": send the same mutation again
            break;
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('push answered')) throw error;
            interrupted++;
            await new Promise((resolve) => setTimeout(resolve, 20 + attempt * 10)); // connection refused or reset: retry
          }
        }
        expect(answers.has(`${clientId}/${m}`)).toBe(true);
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    expect(killedAt).toBeGreaterThan(0);
    expect(servers[1]!.child.signalCode).toBe('SIGKILL');
    // The kill cut requests off mid-way (they were retried on the other process), and retries were answered from the record.
    expect(interrupted).toBeGreaterThan(0);
    expect(replayed).toBeGreaterThan(0);

    const accepted = [...answers.entries()].filter(([, a]) => a.ok);
    expect(accepted.length).toBeGreaterThan(CLIENTS); // conflicts refuse some, not most
    expect(accepted.length).toBeLessThan(CLIENTS * PER_CLIENT);

    // Every accepted mutation is exactly one event, in the item it was sent to; nothing else was written.
    const events = await db.query<{ client_id: string; mutation_id: string; item_id: string }>("SELECT client_id, mutation_id::text AS mutation_id, item_id FROM events WHERE type <> '@create'");
    const byMutation = new Map<string, string[]>();
    for (const e of events) byMutation.set(`${e.client_id}/${e.mutation_id}`, [...(byMutation.get(`${e.client_id}/${e.mutation_id}`) ?? []), e.item_id]);
    expect(events.length).toBe(accepted.length);
    for (const [key, answer] of accepted) expect(byMutation.get(key)).toEqual([answer.item]);
    for (const [key, answer] of answers) if (!answer.ok) expect(byMutation.has(key)).toBe(false);

    // Versions contiguous, and every item replays from its log to the snapshot stored.
    const items = await db.query<{ id: string; version: number; snapshot: Snapshot }>('SELECT id, version, snapshot FROM items');
    expect(items.length).toBe(DISPUTES);
    for (const item of items) {
      const log = await db.query<Parameters<typeof historyOf>[0]>("SELECT version, type, from_state, to_state, actor, at, note, attachments, payload FROM events WHERE collection = 'disputes' AND item_id = $1 ORDER BY version", [item.id]);
      expect(log.map((e) => e.version)).toEqual(Array.from({ length: item.version }, (_, i) => i + 1));
      expect(JSON.parse(JSON.stringify(replay(disputeLoop, log.map(historyOf) as never)))).toEqual(item.snapshot);
    }
    // The change feed has one entry per accepted write, with no gap in its cursor.
    const [feed] = await db.query<{ n: string; max: string }>('SELECT count(*)::text AS n, max(cursor)::text AS max FROM changes');
    expect(Number(feed!.n)).toBe(DISPUTES + accepted.length);
    expect(Number(feed!.max)).toBe(DISPUTES + accepted.length);
  }, 180_000);
});
