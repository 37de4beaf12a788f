import { loopCollection } from '../store/loop-event.js';
import { defineStore } from '../store/spec.js';
import type { Store } from '../store/types.js';
import { receptionLoop } from './definition.js';

/** The database the reception-day widget shares when the host gives it no store. */
export const RECEPTION_STORE_NAME = 'bihuan-reception';

export const receptionStoreSpec = /* @__PURE__ */ defineStore({
  name: RECEPTION_STORE_NAME,
  collections: {
    issues: /* @__PURE__ */ loopCollection(receptionLoop, { session: 'data.sessionId', firm: 'data.firm', department: 'data.department' }),
  },
});
export type ReceptionStoreSpec = typeof receptionStoreSpec;
export type ReceptionStore = Store<ReceptionStoreSpec['collections']>;
