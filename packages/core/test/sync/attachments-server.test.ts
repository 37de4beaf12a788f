// A synced store sends the files of its attachment store to the server: a mediator offline attaches
// the signed scan and settles; back online, the scan's bytes go up before the settlement (which the
// server decides on the files it holds), once even when an answer is lost; a file removed on the
// device is withdrawn on the server. Against the real server, on PGlite and on PostgreSQL.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addAttachment, attachmentStoreSpec, removeAttachment, type AttachmentStore } from '@bihuan/core/attachment';
import { applyDisputeEvent, createDisputeStoreSpec, disputeLoop, type DisputeStore } from '@bihuan/core/dispute';
import { createMemoryStore } from '@bihuan/core/store';
import { createSyncedStore, type SyncedStore } from '@bihuan/core/sync';
import { queueSpec } from '../../src/sync/queue.ts';
import { KINDS, uploadFile, USERS, type User } from '../../../server/test/support/databases.ts';
import { AT, intake, ROUTE, tokenFor, useServer } from './support.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const SETTLEMENT = { terms: ['赔偿墙面修复费用两千元'], consentedBy: ['p1', 'p2'], date: AT(30).slice(0, 10) };
const mediator = { id: USERS.mediatorA.sub, role: 'mediator' };

let n = 0;

/** Adds a file to dispute `item` on a device's attachment store, as the mediator, at minute `minute`. */
const attach = (files: AttachmentStore, item: string, id: string, type: 'photo' | 'agreementScan' | 'other', minute: number, file: File) =>
  addAttachment(files, { id, item: { kind: 'dispute', id: item }, type, addedBy: mediator, addedAt: AT(minute) }, file);

describe.each(KINDS)('a synced store sends its files on %s', (kind) => {
  const ctx = useServer(kind);

  /** A dispute of town 甲镇 in mediation on the server (made and moved by its clerk and mediator there). */
  async function mediating(id: string) {
    const s = ctx.server;
    expect((await s.call('POST', '/items/disputes', USERS.clerkA, { clientId: `seed-${kind}`, mutationId: ++n, id, input: intake(1), at: AT(0), scope: { town: '甲镇' } })).status).toBe(201);
    const push = (as: User, type: string, minute: number, payload: unknown) =>
      s.call('POST', '/push', as, { clientId: `seed-${as.sub}-${kind}`, mutations: [{ mutationId: ++n, collection: 'disputes', item: id, baseVersion: 1, event: { type, at: AT(minute), payload } }] });
    expect((await push(USERS.clerkA, 'route', 1, ROUTE)).json.results[0].ok).toBe(true);
    expect((await push(USERS.mediatorA, 'mediate', 2, { mode: 'atCentre', mediators: [] })).json.results[0].ok).toBe(true);
  }

  /** The mediator's device: a synced dispute store and an attachment store beside it; `answers` can lose the next upload's answer. */
  async function device(withFiles = true, user: User = USERS.mediatorA) {
    const name = `files-${process.pid}-${++n}`;
    const files = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const net = { loseUpload: 0, uploads: 0, paths: [] as string[] };
    const store = (await createSyncedStore({
      url: 'http://bihuan.test',
      getToken: () => tokenFor(user),
      local: createMemoryStore(createDisputeStoreSpec(disputeLoop, name)),
      queue: createMemoryStore(queueSpec(name)),
      live: false,
      ...(withFiles ? { attachments: files } : {}),
      fetch: async (input, init) => {
        const request = new Request(input as string, init);
        net.paths.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
        if (ctx.net.down) throw new TypeError('fetch failed');
        const response = await ctx.server.server.fetch(request);
        if (request.method === 'PUT') {
          net.uploads++;
          if (net.loseUpload > 0) {
            net.loseUpload--;
            await response.body?.cancel();
            throw new TypeError('fetch failed (answer lost)');
          }
        }
        return response;
      },
    })) as SyncedStore<any>;
    return { store, files, net, close: () => store.close() };
  }

  const onServer = async (id: string) => {
    const rows = await ctx.server.database.query<{ id: string; sha256: string; bytes: Uint8Array; withdrawn: boolean }>(
      'SELECT a.id, a.sha256, a.bytes, w.attachment_id IS NOT NULL AS withdrawn FROM attachments a LEFT JOIN attachment_withdrawals w ON w.attachment_id = a.id WHERE a.item_id = $1 ORDER BY a.id',
      [id],
    );
    const events = await ctx.server.database.query<{ type: string }>('SELECT type FROM events WHERE item_id = $1 ORDER BY version', [id]);
    return { files: rows.map((r) => ({ id: r.id, sha256: sha(new Uint8Array(r.bytes)), withdrawn: r.withdrawn })), events: events.map((e) => e.type) };
  };

  it('offline: attach the scan and settle; online: the scan goes up first (once, though an answer was lost), then the settlement is accepted', async () => {
    const id = `files-offline-${kind}`;
    await mediating(id);
    const d = await device();
    try {
      await d.store.sync.syncNow();
      expect((await d.store.get('disputes', id))?.state).toBe('mediating');
      ctx.net.down = true;
      const scan = new TextEncoder().encode('人民调解协议书（各方签字）');
      const added = await attach(d.files, id, `${id}-scan`, 'agreementScan', 29, new File([scan], '人民调解协议书.pdf', { type: 'application/pdf' }));
      expect(added.ok).toBe(true);
      const settled = await applyDisputeEvent(d.store as unknown as DisputeStore, id, { type: 'settle', actor: mediator, at: AT(30), payload: { ...SETTLEMENT, document: `${id}-scan` } }, undefined, { attachments: d.files });
      expect(settled.ok).toBe(true);
      expect(d.store.sync.state().pending).toBe(1);
      expect((await onServer(id)).files).toEqual([]);

      ctx.net.down = false;
      d.net.loseUpload = 1;
      await d.store.sync.syncNow().catch(() => undefined);
      await d.store.sync.syncNow();
      expect(d.store.sync.state()).toMatchObject({ pending: 0, refusals: [] });
      expect(d.net.uploads).toBeGreaterThanOrEqual(2); // the lost answer, then its retry
      const there = await onServer(id);
      expect(there.files).toEqual([{ id: `${id}-scan`, sha256: sha(scan), withdrawn: false }]);
      expect(there.events.slice(-3)).toEqual(['route', 'mediate', 'settle']);
      const [uploads] = await ctx.server.database.query<{ n: string }>("SELECT count(*)::text AS n FROM attachment_audit WHERE attachment_id = $1 AND action = 'upload'", [`${id}-scan`]);
      expect(uploads!.n).toBe('1');
      // Sent once: the next sync sends nothing more.
      const before = d.net.uploads;
      await d.store.sync.syncNow();
      expect(d.net.uploads).toBe(before);
    } finally {
      d.close();
    }
  });

  it('without its files the server refuses the settlement with the engine’s reason, and the device shows it', async () => {
    const id = `files-none-${kind}`;
    await mediating(id);
    const d = await device(false);
    try {
      await d.store.sync.syncNow();
      await attach(d.files, id, `${id}-scan`, 'agreementScan', 29, new File(['scan'], 'a.pdf', { type: 'application/pdf' }));
      expect((await applyDisputeEvent(d.store as unknown as DisputeStore, id, { type: 'settle', actor: mediator, at: AT(30), payload: SETTLEMENT }, undefined, { attachments: d.files })).ok).toBe(true);
      await d.store.sync.syncNow();
      expect(d.store.sync.state().refusals).toMatchObject([{ key: id, code: 'guard_failed', rule: 'agreement_scan_required', event: { type: 'settle' } }]);
      expect((await d.store.get('disputes', id))?.state).toBe('mediating');
      expect((await onServer(id)).events.at(-1)).toBe('mediate');
    } finally {
      d.close();
    }
  });

  it('a file removed on the device is withdrawn on the server (who and why); one the server refuses shows as a refusal', async () => {
    const id = `files-removed-${kind}`;
    await mediating(id);
    const d = await device();
    try {
      await d.store.sync.syncNow();
      const photo = new TextEncoder().encode('不是本案的照片');
      await attach(d.files, id, `${id}-wrong`, 'photo', 10, new File([photo], '错传.jpg', { type: 'image/jpeg' }));
      await d.store.sync.syncNow();
      expect((await onServer(id)).files).toEqual([{ id: `${id}-wrong`, sha256: sha(photo), withdrawn: false }]);
      expect((await removeAttachment(d.files, `${id}-wrong`, { actor: mediator, at: AT(11), reason: '传错了案件' })).ok).toBe(true);
      await d.store.sync.syncNow();
      expect((await onServer(id)).files).toEqual([{ id: `${id}-wrong`, sha256: sha(photo), withdrawn: true }]);
      const [row] = await ctx.server.database.query<{ reason: string; at: string }>('SELECT reason, at FROM attachment_withdrawals WHERE attachment_id = $1', [`${id}-wrong`]);
      expect(row).toEqual({ reason: '传错了案件', at: AT(11) });

      // A file the server refuses (the same bytes added there by someone else meanwhile) becomes a refusal naming the file.
      const dup = new TextEncoder().encode('另一份材料');
      expect((await ctx.server.call('GET', `/items/disputes/${id}/attachments`, USERS.mediatorA)).json.items).toEqual([]);
      expect((await uploadFile(ctx.server.server, USERS.clerkA, { collection: 'disputes', item: id, id: `${id}-theirs` }, dup, { type: 'other', name: '材料.pdf' })).status).toBe(201);
      await attach(d.files, id, `${id}-mine`, 'other', 12, new File([dup], '材料.pdf', { type: 'application/pdf' }));
      await d.store.sync.syncNow();
      expect(d.store.sync.state().refusals).toMatchObject([{ key: id, mutationId: `file:${id}-mine`, code: 'duplicate_attachment', event: { type: '@upload' } }]);
    } finally {
      d.close();
    }
  });

  it('another person’s device gets the records with the item, and the bytes on demand (checked against the hash)', async () => {
    const id = `files-others-${kind}`;
    await mediating(id);
    const mine = await device();
    const theirs = await device(true, USERS.clerkA);
    try {
      await mine.store.sync.syncNow();
      const scan = new TextEncoder().encode('协议扫描件：各方已签字');
      await attach(mine.files, id, `${id}-scan`, 'agreementScan', 29, new File([scan], '协议.pdf', { type: 'application/pdf' }));
      expect((await applyDisputeEvent(mine.store as unknown as DisputeStore, id, { type: 'settle', actor: mediator, at: AT(30), payload: SETTLEMENT }, undefined, { attachments: mine.files })).ok).toBe(true);
      await mine.store.sync.syncNow();
      expect(mine.store.sync.state()).toMatchObject({ pending: 0, refusals: [] });

      await theirs.store.sync.syncNow();
      expect((await theirs.store.get('disputes', id))?.state).toBe('followUp');
      const record = await theirs.files.get('attachments', `${id}-scan`);
      expect(record).toMatchObject({ id: `${id}-scan`, item: { kind: 'dispute', id }, type: 'agreementScan', sha256: sha(scan), addedBy: { id: 'mediator-a' } });
      expect(await theirs.files.getBlob(`${id}-scan`)).toBeUndefined();
      const bytes = await theirs.store.sync.fetchFile!(`${id}-scan`);
      expect(sha(new Uint8Array(await bytes!.arrayBuffer()))).toBe(sha(scan));
      expect(await theirs.files.getBlob(`${id}-scan`)).toBeDefined();
      // A record known here is not sent back (it came from the server), and an unknown id has no bytes.
      await theirs.store.sync.syncNow();
      expect(theirs.net.uploads).toBe(0);
      expect(await theirs.store.sync.fetchFile!('no-such-file')).toBeUndefined();
      expect((await theirs.store.sync.pullFiles!('disputes', id)).map((a) => (a as { id: string }).id)).toEqual([`${id}-scan`]);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('a withdrawal made on one device reaches another: its record is marked withdrawn there and its bytes dropped', async () => {
    const id = `files-withdrawn-${kind}`;
    await mediating(id);
    const mine = await device();
    const theirs = await device(true, USERS.clerkA);
    try {
      await mine.store.sync.syncNow();
      const photo = new TextEncoder().encode('传错的照片');
      await attach(mine.files, id, `${id}-wrong`, 'photo', 10, new File([photo], '错传.jpg', { type: 'image/jpeg' }));
      await mine.store.sync.syncNow();
      // The other device learns of the file and fetches its bytes.
      expect((await theirs.store.sync.pullFiles!('disputes', id)).map((a) => (a as { id: string; removedAt?: string }).removedAt)).toEqual([undefined]);
      expect(await theirs.store.sync.fetchFile!(`${id}-wrong`)).toBeDefined();
      // Withdrawn on this device, sent to the server ...
      expect((await removeAttachment(mine.files, `${id}-wrong`, { actor: mediator, at: AT(11), reason: '传错了案件' })).ok).toBe(true);
      await mine.store.sync.syncNow();
      expect((await onServer(id)).files).toEqual([{ id: `${id}-wrong`, sha256: sha(photo), withdrawn: true }]);
      // ... and carried to the other device by its next pull of the item's files.
      const after = (await theirs.store.sync.pullFiles!('disputes', id)) as { id: string; removedAt?: string; removedBy?: { id: string } }[];
      expect(after).toMatchObject([{ id: `${id}-wrong`, removedAt: AT(11), removedBy: { id: mediator.id } }]);
      expect(await theirs.files.getBlob(`${id}-wrong`)).toBeUndefined();
      expect(await theirs.store.sync.fetchFile!(`${id}-wrong`)).toBeUndefined();
      // Nothing is sent back: the other device neither uploads nor withdraws it again.
      await theirs.store.sync.syncNow();
      expect(theirs.net.uploads).toBe(0);
      expect(theirs.store.sync.state().refusals).toEqual([]);
      // A device that never knew the file learns of it as withdrawn, and does not send it either.
      const late = await device(true, USERS.clerkA);
      try {
        expect((await late.store.sync.pullFiles!('disputes', id)).map((a) => (a as { removedAt?: string }).removedAt)).toEqual([AT(11)]);
        await late.store.sync.syncNow();
        expect(late.store.sync.state().refusals).toEqual([]);
      } finally {
        late.close();
      }
    } finally {
      mine.close();
      theirs.close();
    }
  });
  it('a device that only syncs learns of files added and withdrawn elsewhere from the pull itself: no request per item', async () => {
    const id = `files-feed-${kind}`;
    await mediating(id);
    const mine = await device();
    const theirs = await device(true, USERS.clerkA);
    const county = await device(true, USERS.supervisorCounty);
    try {
      await Promise.all([mine.store.sync.syncNow(), theirs.store.sync.syncNow(), county.store.sync.syncNow()]);
      const photo = new TextEncoder().encode('张三丰家的墙面');
      await attach(mine.files, id, `${id}-wrong`, 'other', 10, new File([photo], '张三丰家.pdf', { type: 'application/pdf' }));
      await mine.store.sync.syncNow();
      theirs.net.paths.length = 0;
      await theirs.store.sync.syncNow();
      expect(await theirs.files.get('attachments', `${id}-wrong`)).toMatchObject({ id: `${id}-wrong`, item: { kind: 'dispute', id }, name: '张三丰家.pdf' });
      expect(await theirs.store.sync.fetchFile!(`${id}-wrong`)).toBeDefined();
      // Withdrawn on this device; the other's next sync marks it withdrawn and drops its bytes.
      expect((await removeAttachment(mine.files, `${id}-wrong`, { actor: mediator, at: AT(11), reason: '张三丰说传错了' })).ok).toBe(true);
      await mine.store.sync.syncNow();
      await theirs.store.sync.syncNow();
      expect(await theirs.files.get('attachments', `${id}-wrong`)).toMatchObject({ removedAt: AT(11), removedBy: { id: mediator.id }, removedReason: '张三丰说传错了' });
      expect(await theirs.files.getBlob(`${id}-wrong`)).toBeUndefined();
      // Only pulls, pushes of nothing and the one fetch of the bytes: never a request for the item's list of files.
      expect(theirs.net.paths.filter((p) => p.includes('/attachments') && !p.includes(`/attachments/${id}-wrong`))).toEqual([]);
      expect(theirs.store.sync.state().refusals).toEqual([]);
      // The county supervisor may not see the parties' data: the record came masked (no name, no reason).
      await county.store.sync.syncNow();
      const masked = await county.files.get('attachments', `${id}-wrong`);
      expect(masked).toMatchObject({ name: 'attachment-1.pdf', masked: { n: 1 }, removedAt: AT(11) });
      expect(JSON.stringify(masked)).not.toContain('张三丰');
      expect(county.net.paths.filter((p) => p.includes('/attachments'))).toEqual([]);
      // Nothing is sent back by the devices that only received it.
      await Promise.all([theirs.store.sync.syncNow(), county.store.sync.syncNow()]);
      expect([theirs.net.uploads, county.net.uploads]).toEqual([0, 0]);
      expect(county.store.sync.state().refusals).toEqual([]);
    } finally {
      mine.close();
      theirs.close();
      county.close();
    }
  });
});
