import { loopCollection } from '../store/loop-event.js';
import { defineStore } from '../store/spec.js';
import type { Store } from '../store/types.js';
import { supervisionLoop } from './definition.js';

/** The database the supervision-order widget shares when the host gives it no store. */
export const SUPERVISION_STORE_NAME = 'bihuan-supervision';

export const supervisionStoreSpec = /* @__PURE__ */ defineStore({
  name: SUPERVISION_STORE_NAME,
  collections: {
    orders: /* @__PURE__ */ loopCollection(supervisionLoop, { target: 'data.target.id', addressee: 'data.addressee', issuedBy: 'data.issuedBy' }),
  },
});
export type SupervisionStoreSpec = typeof supervisionStoreSpec;
export type SupervisionStore = Store<SupervisionStoreSpec['collections']>;
