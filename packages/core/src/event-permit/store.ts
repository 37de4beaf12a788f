import { defineStore } from '../store/spec.js';
import { loopCollection } from '../store/loop-event.js';
import { eventPermitLoop } from './definition.js';

/** The permits' store: one collection of filings, indexed by event identity and event date. */
export const eventPermitStore = /* @__PURE__ */ defineStore({
  name: 'bihuan-event-permit',
  collections: {
    permits: /* @__PURE__ */ loopCollection(eventPermitLoop, { eventKey: 'data.eventKey', eventDate: 'data.eventDate' }),
  },
});
export type EventPermitCollections = (typeof eventPermitStore)['collections'];
