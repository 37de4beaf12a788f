import { defineStore } from '../store/spec.js';
import type { Store } from '../store/types.js';
import { DutyListSchema, NegativeListSchema } from './schema.js';

/** The database a station's three lists are kept in when the host gives no store. */
export const THREE_LISTS_STORE_NAME = 'bihuan-three-lists';

/** A station's duty list and negative list, one of each per unit (the task list is the task catalog). */
export const threeListsStoreSpec = /* @__PURE__ */ defineStore({
  name: THREE_LISTS_STORE_NAME,
  collections: {
    duties: { schema: DutyListSchema, key: 'unit' },
    negative: { schema: NegativeListSchema, key: 'unit' },
  },
});
export type ThreeListsStoreSpec = typeof threeListsStoreSpec;
export type ThreeListsStore = Store<ThreeListsStoreSpec['collections']>;
