// The store contract against real IndexedDB in headless Chromium.
import { createIndexedDbStore } from '@bihuan/core';
import { storeContract } from '../../store-contract/contract.js';
import { writeRaw } from '../../store-contract/raw.js';
import { legacyBlobsUpgrade } from '../../store-contract/legacy-blobs.js';

storeContract({
  label: 'IndexedDB (Chromium)',
  open: (spec, options) => createIndexedDbStore(spec, { ...options, blockedTimeoutMs: 2000 }),
  writeRaw: (name, collection, value) => writeRaw(name, collection, value),
});

legacyBlobsUpgrade('IndexedDB (Chromium)', () => indexedDB);
