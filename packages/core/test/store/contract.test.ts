import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { createIndexedDbStore, createLazyIndexedDbStore, schemaVersionOf, type StoreSpec, createMemoryBacking, createMemoryStore, type MemoryBacking } from '@bihuan/core';
import { storeContract } from '../../../../test/store-contract/contract.js';
import { legacyBlobsUpgrade } from '../../../../test/store-contract/legacy-blobs.js';

const backings = new Map<string, MemoryBacking>();
const backing = (name: string) => {
  let b = backings.get(name);
  if (!b) backings.set(name, (b = createMemoryBacking()));
  return b;
};

storeContract({
  label: 'memory (node)',
  open: async (spec, options) => createMemoryStore(spec, { ...options, backing: backing(spec.name) }),
  writeRaw: async (name, collection, value) => {
    const rows = backing(name).collections.get(collection)!;
    const key = (value as { id: string }).id;
    rows.set(JSON.stringify(key), { key, value });
    backing(name).generation++;
  },
});

// fake-indexeddb/auto installs one global factory; names are unique per test, and two opens of
// one name share a database (like two tabs).
storeContract({
  label: 'IndexedDB via fake-indexeddb (node)',
  open: (spec, options) => createIndexedDbStore(spec, { ...options, blockedTimeoutMs: 1000 }),
  writeRaw: async (name, collection, value) => {
    // Opened without a version: joins the current one, the way another program would.
    const db = await openDB(name);
    await db.put(collection, value);
    db.close();
  },
});

// The same contract through a store opened from its outline: reads from the read side, every other
// call after loading the full spec and the write side (the dispute ledger's default store).
const outlineOf = (spec: StoreSpec) => ({ name: spec.name, version: schemaVersionOf(spec), collections: spec.collections, load: async () => spec });
storeContract({
  label: 'IndexedDB opened from an outline (fake-indexeddb (node))',
  open: (spec, options) => createLazyIndexedDbStore(outlineOf(spec), { ...options, blockedTimeoutMs: 1000 }) as never,
  writeRaw: async (name, collection, value) => {
    const db = await openDB(name);
    await db.put(collection, value);
    db.close();
  },
});

legacyBlobsUpgrade('fake-indexeddb (node)', () => indexedDB);
