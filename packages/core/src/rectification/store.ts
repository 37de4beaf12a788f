import { loopCollection } from '../store/loop-event.js';
import { defineStore } from '../store/spec.js';
import type { Store } from '../store/types.js';
import { accountabilityLoop, rectificationLoop } from './definition.js';

/** The database the rectification ledger shares when the host gives it no store. */
export const RECTIFICATION_STORE_NAME = 'bihuan-rectification';

/** Rectification items (indexed by unit, owner, deadline, track) and accountability records. */
export const rectificationStoreSpec = /* @__PURE__ */ defineStore({
  name: RECTIFICATION_STORE_NAME,
  collections: {
    items: /* @__PURE__ */ loopCollection(rectificationLoop, { unit: 'data.unit', owner: 'data.owner', due: 'data.deadline', track: 'data.track', report: 'data.reportId' }),
    accountability: /* @__PURE__ */ loopCollection(accountabilityLoop, { rectification: 'data.rectificationId' }),
  },
});
export type RectificationStoreSpec = typeof rectificationStoreSpec;
export type RectificationStore = Store<RectificationStoreSpec['collections']>;
