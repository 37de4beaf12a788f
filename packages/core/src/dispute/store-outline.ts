import { defineStoreOutline } from '../store/reader.js';
import { LOOP_INDEXES } from '../store/structure.js';
import type { DisputeCollections } from './store.js';

/** The database the dispute widgets share when the host gives them no store. */
export const DISPUTE_STORE_NAME = 'bihuan-dispute';

/** The dispute collection's own indexes (the loop's come with `loopCollection`). */
export const DISPUTE_INDEXES = { town: 'data.town', community: 'data.community', channel: 'data.channel', category: 'data.category' } as const;

/**
 * The default dispute store's outline: what a page that only reads (the ledger) opens it with
 * (`createLazyIndexedDbStore`). Its full spec, `disputeStoreSpec`, with the dispute schema and
 * loop, loads on the first write.
 */
export const disputeStoreOutline = /* @__PURE__ */ defineStoreOutline<DisputeCollections>({
  name: DISPUTE_STORE_NAME,
  version: 1,
  collections: { disputes: { key: 'id', indexes: { ...LOOP_INDEXES, ...DISPUTE_INDEXES } } },
  load: () => import('./store.js').then((m) => m.disputeStoreSpec),
});
