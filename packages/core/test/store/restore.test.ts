// store.restore (not only importBackup) checks every row it would write or read — history rows of
// earlier dumps and change-log rows included — before touching a table: a bad dump is refused
// whole, the store keeps what it held and stays writable.
import { expect, test } from 'vitest';
import { createMemoryStore, StoreError, type StoreDump } from '@bihuan/core/store';
import { volunteerStore } from '@bihuan/core/volunteer';

const member = (id: string) => ({ id, name: '赵建国', joinedOn: '2024-03-15', leftOn: null, skills: [] });
const good = (): StoreDump => ({ name: 'bihuan-volunteer', schemaVersion: 1, collections: { volunteers: [member('V1'), member('V2')], assists: [] }, changes: [] });
const entry = { type: 'patrol', actor: { id: 'a', role: 'r' }, at: '2025-01-01T00:00:00.000Z' };

const variants: [string, (d: StoreDump) => unknown][] = [
  ['history: [null]', (d) => ({ ...d, history: [null] })],
  ['a history row of an unknown collection', (d) => ({ ...d, history: [{ collection: 'nope', key: 'V1', seq: 0, entry }] })],
  ['a history row whose entry has no actor', (d) => ({ ...d, history: [{ collection: 'volunteers', key: 'V1', seq: 0, entry: { ...entry, actor: 5 } }] })],
  ['a change-log row whose actor is not { id, role }', (d) => ({ ...d, changes: [{ seq: 1, collection: 'volunteers', op: 'put', keys: ['V1'], at: '2025-01-01T00:00:00.000Z', actor: 'x' }] })],
  ['a change-log row with a key that is not a key', (d) => ({ ...d, changes: [{ seq: 1, collection: 'volunteers', op: 'put', keys: [{}], at: '2025-01-01T00:00:00.000Z' }] })],
  ['a change-log seq of 2^53', (d) => ({ ...d, changes: [{ seq: 2 ** 53, collection: 'volunteers', op: 'put', keys: ['V1'], at: '2025-01-01T00:00:00.000Z' }] })],
  ['collections: []', (d) => ({ ...d, collections: [] })],
];

for (const [label, bad] of variants) {
  test(`memory store: restore refuses ${label}; nothing replaced, still writable`, async () => {
    const store = createMemoryStore(volunteerStore);
    await store.put('volunteers', member('V9'));
    const before = JSON.stringify(await store.dump());
    const error = await store.restore(bad(good()) as StoreDump).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(['invalid_backup', 'unknown_collection']).toContain((error as StoreError).code);
    expect(JSON.stringify(await store.dump())).toBe(before);
    await store.put('volunteers', member('V10'));
    expect(await store.count('volunteers')).toBe(2);
    expect(await store.restore(good())).toEqual({ mode: 'replace', records: { volunteers: 2, assists: 0 }, changes: 0 });
  });
}
