// Blobs in the store (an attachment's bytes): part of the store contract, run by every harness.
import { afterEach, describe, expect, test } from 'vitest';
import {
  addAttachment,
  createAttachmentStoreSpec,
  InvalidArgumentError,
  listAttachments,
  readBlob,
  removeAttachment,
  sha256Of,
  StoreError,
  type AddAttachmentInput,
  type AttachmentStore,
  type Collections,
  type Store,
  type StoreTx,
} from '@bihuan/core';
import { makeTasks, taskSpec, uniqueName } from './fixtures.js';
import type { StoreHarness } from './contract.js';

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

const li = { id: 'mediator-li', role: 'mediator', name: '李调解员' };
const wang = { id: 'mediator-wang', role: 'mediator', name: '王调解员' };
const item = { kind: 'dispute', id: 'D-2025-0001' };
const attach = (id: string, by = li): AddAttachmentInput => ({ id, item, type: 'agreementScan', addedBy: by, addedAt: '2025-09-26T10:00:00+08:00' });
const scan = (seed = 3) => new File([bytes(5_000, seed)], '协议书.pdf', { type: 'application/pdf' });

/**
 * The store as it is, except that the batch's `failing` call throws (storage full, the tab killed)
 * after the batch's earlier writes were made: what the real store keeps is what the test checks.
 */
function failingAt<S extends Store<Collections>>(store: S, failing: 'putBlob' | 'deleteBlob'): S {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'batch') return Reflect.get(target, prop, receiver);
      return (body: (tx: StoreTx<Collections>) => Promise<unknown>, options?: unknown) =>
        target.batch(
          (tx) =>
            body(
              new Proxy(tx, {
                get: (t, p, r) =>
                  p === failing
                    ? () => Promise.reject(new Error('the disk is full'))
                    : (Reflect.get(t, p, r) as (...a: unknown[]) => unknown).bind(t),
              }),
            ),
          options as never,
        );
    },
  });
}

export function blobContract(h: StoreHarness): void {
  describe(`blobs: ${h.label}`, () => {
    const open: Store<Collections>[] = [];
    afterEach(() => {
      for (const s of open.splice(0)) s.close();
    });
    const fresh = async (name = uniqueName()) => {
      const s = (await h.open(taskSpec(name))) as unknown as Store<Collections>;
      open.push(s);
      return s;
    };

    test('put, get (same bytes and media type, also from a second open), replace, delete', async () => {
      const name = uniqueName();
      const s = await fresh(name);
      const data = bytes(70_000);
      expect(await s.putBlob('scan-1', new Blob([data], { type: 'application/pdf' }))).toEqual({ id: 'scan-1', type: 'application/pdf', size: 70_000 });
      const back = await s.getBlob('scan-1');
      expect(back).toBeInstanceOf(Blob);
      expect(back!.type).toBe('application/pdf');
      expect(await sha256Of(back!)).toBe(await sha256Of(data));
      const other = await fresh(name);
      expect((await other.getBlob('scan-1'))?.size).toBe(70_000);
      await s.putBlob('scan-1', new Blob([bytes(10, 1)], { type: 'image/png' }));
      expect((await s.getBlob('scan-1'))?.type).toBe('image/png');
      expect(await s.getBlob('nothing')).toBeUndefined();
      expect(await s.deleteBlob('scan-1')).toBe(true);
      expect(await s.deleteBlob('scan-1')).toBe(false);
      expect(await s.getBlob('scan-1')).toBeUndefined();
    });

    test('blobs are not records: no change-log entry, not in the dump; clear() deletes them', async () => {
      const s = await fresh();
      await s.bulkPut('tasks', makeTasks(2) as never);
      const seq = await s.lastSeq();
      await s.putBlob('photo-1', new Blob([bytes(100)], { type: 'image/jpeg' }));
      expect(await s.lastSeq()).toBe(seq);
      expect(JSON.stringify(await s.dump())).not.toContain('photo-1');
      await s.clear();
      expect(await s.getBlob('photo-1')).toBeUndefined();
      expect(await s.count('tasks')).toBe(0);
    });

    describe('a record and its blob are one unit of work', () => {
      test('written in one batch they are kept together; a failure after both writes keeps neither', async () => {
        const s = await fresh();
        const data = await readBlob(new Blob([bytes(3_000)], { type: 'image/jpeg' }));
        expect(
          await s.batch(async (tx) => {
            await tx.put('tasks', makeTasks(1)[0]! as never);
            return tx.putBlob('T000000-photo', data);
          }),
        ).toEqual({ id: 'T000000-photo', type: 'image/jpeg', size: 3_000 });
        expect((await s.getBlob('T000000-photo'))?.size).toBe(3_000);
        const seq = await s.lastSeq();
        const failed = await s
          .batch(async (tx) => {
            await tx.put('tasks', makeTasks(1, 1)[0]! as never);
            await tx.putBlob('T000001-photo', data);
            expect(await tx.deleteBlob('T000000-photo')).toBe(true);
            throw new Error('the tab was closed');
          })
          .then(() => null, (e: unknown) => e);
        expect((failed as Error).message).toBe('the tab was closed');
        expect(await s.get('tasks', 'T000001')).toBeUndefined();
        expect(await s.getBlob('T000001-photo')).toBeUndefined();
        expect((await s.getBlob('T000000-photo'))?.size).toBe(3_000);
        expect(await s.lastSeq()).toBe(seq);
        // A refused record (its key exists) after the blob's write: neither.
        const exists = await s
          .batch(async (tx) => {
            await tx.putBlob('again', data);
            await tx.add('tasks', makeTasks(1)[0]! as never);
          })
          .then(() => null, (e: unknown) => e);
        expect(exists).toMatchObject({ code: 'exists' });
        expect(await s.getBlob('again')).toBeUndefined();
      });

      test('a batch takes the bytes read first; anything else is refused in words, and the batch with it', async () => {
        const s = await fresh();
        const refused = await s
          .batch(async (tx) => {
            await tx.put('tasks', makeTasks(1)[0]! as never);
            await tx.putBlob('x', new Blob(['x']) as never).catch(() => 'caught');
          })
          .then(() => null, (e: unknown) => e);
        expect(refused).toBeInstanceOf(InvalidArgumentError);
        expect((refused as InvalidArgumentError).message).toContain('readBlob');
        expect(await s.count('tasks')).toBe(0);
        await expect(s.batch((tx) => tx.deleteBlob(''))).rejects.toBeInstanceOf(InvalidArgumentError);
      });

      test('attaching: the blob write failing after the record was written leaves neither', async () => {
        const store = (await h.open(createAttachmentStoreSpec(uniqueName()))) as unknown as AttachmentStore;
        open.push(store as unknown as Store<Collections>);
        const error = await addAttachment(failingAt(store as never, 'putBlob') as AttachmentStore, attach('att-1'), scan()).then(() => null, (e: unknown) => e);
        expect((error as Error).message).toBe('the disk is full');
        expect(await store.count('attachments')).toBe(0);
        expect(await store.getBlob('att-1')).toBeUndefined();
        expect(await store.lastSeq()).toBe(0);
        // The same file then attaches normally: nothing half-written stands in its way.
        expect((await addAttachment(store, attach('att-1'), scan())).ok).toBe(true);
        expect(await (await store.getBlob('att-1'))!.arrayBuffer()).toEqual(await scan().arrayBuffer());
      });

      test('removing: the blob delete failing after the record was marked leaves both as they were', async () => {
        const store = (await h.open(createAttachmentStoreSpec(uniqueName()))) as unknown as AttachmentStore;
        open.push(store as unknown as Store<Collections>);
        expect((await addAttachment(store, attach('att-1'), scan())).ok).toBe(true);
        const error = await removeAttachment(failingAt(store as never, 'deleteBlob') as AttachmentStore, 'att-1', { actor: li, at: '2025-09-26T11:00:00+08:00' }).then(
          () => null,
          (e: unknown) => e,
        );
        expect((error as Error).message).toBe('the disk is full');
        expect((await store.get('attachments', 'att-1'))?.removedAt).toBeUndefined();
        expect((await store.getBlob('att-1'))?.size).toBe(5_000);
        const done = await removeAttachment(store, 'att-1', { actor: li, at: '2025-09-26T11:00:00+08:00' });
        expect(done.ok).toBe(true);
        expect((await store.get('attachments', 'att-1'))?.removedAt).toBe('2025-09-26T11:00:00+08:00');
        expect(await store.getBlob('att-1')).toBeUndefined();
      });

      test('two connections (two tabs) attaching the same file to the same item at once: one record, one blob, the other refused', async () => {
        const name = uniqueName();
        const a = (await h.open(createAttachmentStoreSpec(name))) as unknown as AttachmentStore;
        const b = (await h.open(createAttachmentStoreSpec(name))) as unknown as AttachmentStore;
        open.push(a as unknown as Store<Collections>, b as unknown as Store<Collections>);
        const [ra, rb] = await Promise.all([addAttachment(a, attach('att-a', li), scan(9)), addAttachment(b, attach('att-b', wang), scan(9))]);
        const results = [ra, rb];
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        const refused = results.find((r) => !r.ok);
        expect(refused?.ok === false && refused.reason).toMatchObject({ rule: 'duplicate_attachment', field: 'sha256' });
        const records = await listAttachments(a, item);
        expect(records).toHaveLength(1);
        const kept = records[0]!.id;
        const lost = kept === 'att-a' ? 'att-b' : 'att-a';
        expect((await b.getBlob(kept))?.size).toBe(5_000);
        expect(await a.getBlob(lost)).toBeUndefined();
        expect(await b.getBlob(lost)).toBeUndefined();
      });

      test('clear() removes the records and the blobs together', async () => {
        const store = (await h.open(createAttachmentStoreSpec(uniqueName()))) as unknown as AttachmentStore;
        open.push(store as unknown as Store<Collections>);
        expect((await addAttachment(store, attach('att-1'), scan())).ok).toBe(true);
        await store.clear();
        expect(await store.count('attachments')).toBe(0);
        expect(await store.getBlob('att-1')).toBeUndefined();
      });
    });

    test('bad arguments are refused in words; a closed store refuses', async () => {
      const s = await fresh();
      await expect(s.putBlob('', new Blob(['x']))).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(s.putBlob('x', 'not a blob' as unknown as Blob)).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(s.getBlob(42 as unknown as string)).rejects.toBeInstanceOf(InvalidArgumentError);
      s.close();
      await expect(s.putBlob('x', new Blob(['x']))).rejects.toBeInstanceOf(StoreError);
    });
  });
}
