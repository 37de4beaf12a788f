import { defineStore } from '../store/spec.js';
import { loopCollection } from '../store/loop-event.js';
import { KeyFirmSchema, OneWindowMatterSchema, VisitSchema } from './schema.js';
import { windowCaseLoop } from './window-case.js';

/**
 * The service-to-business store: key firms with their liaison pair, visits, the one-window list
 * and one-window cases (one collection for every matter's limit).
 */
export const businessStore = /* @__PURE__ */ defineStore({
  name: 'bihuan-business',
  collections: {
    firms: { schema: KeyFirmSchema, key: 'id', indexes: { kind: 'kind', officer: 'officer.id' } },
    visits: { schema: VisitSchema, key: 'id', indexes: { firm: 'firmId', date: 'date' } },
    matters: { schema: OneWindowMatterSchema, key: 'id' },
    windowCases: /* @__PURE__ */ loopCollection(/* @__PURE__ */ windowCaseLoop(1), { matter: 'data.matterId', firm: 'data.firmId' }),
  },
});
export type BusinessStoreSpec = typeof businessStore;
