// Blobs in the store (an attachment's bytes): part of the store contract, run by every harness.
import { afterEach, describe, expect, test } from 'vitest';
import { InvalidArgumentError, sha256Of, StoreError, type Collections, type Store } from '@bihuan/core';
import { makeTasks, taskSpec, uniqueName } from './fixtures.js';
import type { StoreHarness } from './contract.js';

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

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
