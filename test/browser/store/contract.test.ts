// The store contract against real IndexedDB in headless Chromium.
import { createIndexedDbStore, createLazyIndexedDbStore, schemaVersionOf, type StoreSpec } from '@bihuan/core';
import { storeContract } from '../../store-contract/contract.js';
import { writeRaw } from '../../store-contract/raw.js';
import { legacyBlobsUpgrade } from '../../store-contract/legacy-blobs.js';

storeContract({
  label: 'IndexedDB (Chromium)',
  open: (spec, options) => createIndexedDbStore(spec, { ...options, blockedTimeoutMs: 2000 }),
  writeRaw: (name, collection, value) => writeRaw(name, collection, value),
});

// The same contract through a store opened from its outline: reads from the read side, every other
// call after loading the full spec and the write side (the dispute ledger's default store).
const outlineOf = (spec: StoreSpec) => ({ name: spec.name, version: schemaVersionOf(spec), collections: spec.collections, load: async () => spec });
storeContract({
  label: 'IndexedDB opened from an outline (Chromium)',
  open: (spec, options) => createLazyIndexedDbStore(outlineOf(spec), { ...options, blockedTimeoutMs: 2000 }) as never,
  writeRaw: (name, collection, value) => writeRaw(name, collection, value),
});

legacyBlobsUpgrade('IndexedDB (Chromium)', () => indexedDB);
