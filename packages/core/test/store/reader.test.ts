// A store opened from its outline: reads need neither the full spec nor the write side; the first
// write loads them once and is validated before anything is stored; the outline must match the spec.
import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import * as z from 'zod/mini';
import { createIndexedDbStore, createLazyIndexedDbStore, defineStore, defineStoreOutline, fingerprintOf, schemaVersionOf, InvalidArgumentError } from '@bihuan/core';
import { DISPUTE_ROLE_LABELS, DISPUTE_STATE_LABELS, disputeLoop, disputeStoreOutline, disputeStoreSpec } from '@bihuan/core/dispute';

let n = 0;
const specNamed = (name: string) => defineStore({ name, collections: { notes: { schema: z.object({ id: z.string(), text: z.string().check(z.maxLength(10)) }), key: 'id', indexes: { text: 'text' } } } });
const outlineOf = (spec: ReturnType<typeof specNamed>, load = vi.fn(async () => spec)) => ({ outline: defineStoreOutline({ name: spec.name, version: 1, collections: { notes: { key: 'id', indexes: { text: 'text' } } }, load }), load });

describe('a store opened from an outline', () => {
  test('reads what is stored without loading the full spec; the first write loads it once and validates', async () => {
    const spec = specNamed(`outline-${n++}`);
    const writer = await createIndexedDbStore(spec);
    await writer.put('notes', { id: 'a', text: 'first' });
    writer.close();
    const { outline, load } = outlineOf(spec);
    const store = await createLazyIndexedDbStore(outline);
    const heard: string[] = [];
    store.subscribe((notice) => heard.push(notice.kind));
    expect((await store.all('notes')).items).toEqual([{ id: 'a', text: 'first' }]);
    expect(await store.get('notes', 'a')).toEqual({ id: 'a', text: 'first' });
    expect(load).not.toHaveBeenCalled();
    await expect(store.put('notes', { id: 'b', text: 'far too long a note' })).rejects.toMatchObject({ code: 'invalid_record' });
    expect((await store.all('notes')).items).toHaveLength(1);
    await store.put('notes', { id: 'b', text: 'second' });
    expect(load).toHaveBeenCalledTimes(1);
    expect(heard).toEqual(['changes']);
    expect(store.spec).toBe(spec);
    store.close();
  });

  test('refuses a database whose structure differs from the outline before reading anything', async () => {
    const spec = specNamed(`outline-${n++}`);
    (await createIndexedDbStore(spec)).close();
    const { outline, load } = outlineOf(spec);
    const changed = { ...outline, collections: { notes: { key: 'id', indexes: { other: 'text' } } } };
    await expect(createLazyIndexedDbStore(changed)).rejects.toMatchObject({ code: 'schema_mismatch' });
    expect(load).not.toHaveBeenCalled();
  });

  test('refuses to write when the full spec does not match the outline', async () => {
    const spec = specNamed(`outline-${n++}`);
    const other = defineStore({ name: spec.name, collections: { notes: { schema: spec.collections.notes.schema, key: 'id' } } });
    const store = await createLazyIndexedDbStore(outlineOf(spec, vi.fn(async () => other as never)).outline);
    await expect(store.put('notes', { id: 'a', text: 'x' })).rejects.toMatchObject({ code: 'schema_mismatch' });
    expect((await store.all('notes')).items).toEqual([]);
    store.close();
  });

  test('a malformed outline is refused, naming the field', () => {
    expect(() => defineStoreOutline({ name: '', version: 1, collections: {}, load: async () => undefined as never })).toThrow(InvalidArgumentError);
    expect(() => defineStoreOutline({ name: 'x', version: 0, collections: {}, load: async () => undefined as never })).toThrow(/outline\.version/);
    expect(() => defineStoreOutline({ name: 'x', version: 1, collections: { notes: { key: 5 as never } }, load: async () => specNamed('x') })).toThrow(/outline\.collections/);
  });
});

describe("the dispute store's outline and tables", () => {
  test('declare what the full spec and the loop declare', () => {
    expect(disputeStoreOutline.name).toBe(disputeStoreSpec.name);
    expect(disputeStoreOutline.version).toBe(schemaVersionOf(disputeStoreSpec));
    expect(createStructureFingerprint()).toBe(fingerprintOf(disputeStoreSpec));
    expect(Object.keys(DISPUTE_STATE_LABELS)).toEqual(Object.keys(disputeLoop.states));
    expect(Object.keys(DISPUTE_ROLE_LABELS)).toEqual(Object.keys(disputeLoop.roles));
  });

  test('load the full spec on demand', async () => {
    expect(await disputeStoreOutline.load()).toBe(disputeStoreSpec);
  });
});

/** The outline's fingerprint, as the full spec would have it with the outline's structure. */
function createStructureFingerprint(): string {
  const schema = z.object({});
  return fingerprintOf(defineStore({ name: disputeStoreOutline.name, collections: Object.fromEntries(Object.entries(disputeStoreOutline.collections).map(([k, c]) => [k, { ...c, schema }])) }));
}
