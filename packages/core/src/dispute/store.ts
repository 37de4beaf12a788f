import { defineStore } from '../store/spec.js';
import { loopCollection } from '../store/loop-event.js';
import type { Store } from '../store/types.js';
import { type DisputeLoop, disputeLoop } from './definition.js';
import { DISPUTE_INDEXES, DISPUTE_STORE_NAME } from './store-outline.js';

export { DISPUTE_STORE_NAME };

/** The ledger's collection: dispute snapshots keyed by id, indexed by state, deadline, area, channel and category. */
export function disputeCollections(loop: DisputeLoop = disputeLoop) {
  return {
    disputes: loopCollection(loop, DISPUTE_INDEXES),
  };
}
export type DisputeCollections = ReturnType<typeof disputeCollections>;

/**
 * The dispute domain's `StoreSpec` (`bihuan-dispute`, one `disputes` collection). Pass a loop made
 * by `createDisputeLoop` (same id and version) or another database name for a tenant.
 */
export function createDisputeStoreSpec(loop: DisputeLoop = disputeLoop, name: string = DISPUTE_STORE_NAME) {
  return defineStore({ name, collections: disputeCollections(loop) });
}

/** The default dispute store spec, for `createIndexedDbStore(disputeStoreSpec)` or `createMemoryStore(disputeStoreSpec)`. */
export const disputeStoreSpec = /* @__PURE__ */ createDisputeStoreSpec();
export type DisputeStore = Store<DisputeCollections>;
