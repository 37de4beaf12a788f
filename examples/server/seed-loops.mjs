// The example county's other loops, seeded like its disputes — through the server's own creation
// path and core's transitions, never written around them: this month's community-policing task
// orders for the county's two officers, a reception day's issues (three weeks ago), a problem
// list's rectification items (opened a month ago) and large-event permits in every state, all made relative to the day of the first start
// with core's examples, and shared between the two towns. AN EXAMPLE, NOT REAL PEOPLE.
//
// Each example item is replayed: its creation (the data its `@create` entry carries, the example's
// actor and time), then each later event of its history as a push, so the server decides every
// step with core as if officers had taken it. A collection's seed is one client (`example-seed-…`,
// fixed mutation ids): a second start finds the client and seeds it no more; the task orders are
// one client per month, so a start in a new month dispatches that month.
import { examplePermitsInProgress, exampleReceptionDay, exampleRectificationItems, exampleTaskOrders } from '@bihuan/core/examples';
import { loadRoster } from '@bihuan/core/task';
import { STATION_TOWN, TASK_ROSTER } from '../portal/example-county.js';
import { CITY, COUNTY, TOWNS } from './county.mjs';
import { eventNeedsAttachments, sha256Of } from '@bihuan/core/attachment';
import { storeAttachment } from '../../packages/server/src/attachments.ts';

/** A 1×1 PNG; each example photo is it with its own name after the image's end (readers stop at IEND), so no two share a hash. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/**
 * The example photos an event names as evidence (task feedback's 照片或文件: file names in its
 * values), stored on the item before the event — the server decides feedback on the files it holds
 * — under ids of their own item (`<order id>/photo-1-1.jpg`: an attachment id is unique server-wide).
 * Answers the event's payload citing them by those ids.
 */
async function examplePhotos(service, collection, item, h) {
  if (!eventNeedsAttachments(service.binding(collection).definition.id, h.type) || !h.payload?.values) return h.payload;
  const values = {};
  for (const [field, value] of Object.entries(h.payload.values)) {
    if (!Array.isArray(value) || !value.every((r) => typeof r === 'string')) {
      values[field] = value;
      continue;
    }
    values[field] = [];
    for (const ref of value) {
      const id = `${item}/${ref}`;
      const bytes = new Uint8Array([...PNG, ...new TextEncoder().encode(`EXAMPLE ${id}`)]);
      const record = { id, item: { kind: collection, id: item }, type: 'photo', name: ref, size: bytes.byteLength, mediaType: 'image/png', sha256: await sha256Of(bytes), addedBy: h.actor, addedAt: h.at };
      await storeAttachment(service, record, bytes);
      values[field].push(id);
    }
  }
  return { ...h.payload, values };
}

/** The seed's own identity in a town (a client of its own per collection; never a user's). */
const seeder = (town) => ({ sub: 'example-seed', name: '示例数据', roles: ['seed'], scope: { city: CITY, county: COUNTY, town } });

/** China's month of an instant (`YYYY-MM`). */
const chinaMonth = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);

/**
 * Replays example snapshots on the server, each in its town (`townOf`), under one seed client.
 * Answers how many items it created (0 when the client had seeded before).
 */
async function replay(service, clientId, collection, snapshots, townOf) {
  const [seen] = await service.db.query('SELECT 1 AS one FROM clients WHERE client_id = $1', [clientId]);
  if (seen) return 0;
  let mutationId = 0;
  let created = 0;
  for (const [i, s] of snapshots.entries()) {
    const identity = seeder(townOf(s, i));
    const [first, ...rest] = s.history;
    const { result } = await service.create(identity, {
      clientId,
      mutationId: ++mutationId,
      collection,
      id: s.id,
      input: first.payload.data,
      at: first.at,
      ...(first.note ? { note: first.note } : {}),
      actor: first.actor,
    });
    if (!result.ok) throw new Error(`example seed ${collection} ${s.id}: ${result.error.message.en}`);
    created++;
    for (const h of rest) {
      const payload = await examplePhotos(service, collection, s.id, h);
      const event = { type: h.type, at: h.at, ...(h.note ? { note: h.note } : {}), ...(payload === undefined ? {} : { payload }) };
      const r = await service.push(identity, clientId, { mutationId: ++mutationId, collection, item: s.id, baseVersion: h.seq, event, actor: h.actor });
      if (!r.ok) throw new Error(`example seed ${collection} ${s.id} ${h.type}: ${r.error.message.en}`);
    }
  }
  return created;
}

/**
 * Seeds the task orders, reception issues and rectification items (see above). `now` (ms) is the
 * day the examples are made relative to. Answers how many items it created this time.
 */
export async function seedLoops(service, { now = Date.now() } = {}) {
  const at = new Date(now).toISOString();
  const month = chinaMonth(now);
  const [A, B] = TOWNS.map((t) => t.name);
  const alternate = (_, i) => (i % 2 ? B : A);
  const orders = exampleTaskOrders({ roster: loadRoster(TASK_ROSTER), month, now: at });
  let created = await replay(service, `example-seed-taskOrders-${month}`, 'taskOrders', orders, (o) => STATION_TOWN[o.data.station]);
  created += await replay(service, 'example-seed-receptions', 'receptions', exampleReceptionDay(23, 6, { now }), alternate);
  created += await replay(service, 'example-seed-rectifications', 'rectifications', exampleRectificationItems(8, 2, { now }), alternate);
  created += await replay(service, 'example-seed-eventPermits', 'eventPermits', examplePermitsInProgress(new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)), alternate);
  return created;
}
