import { defineStore } from '../store/spec.js';
import { loopCollection } from '../store/loop-event.js';
import type { Store } from '../store/types.js';
import { taskOrderLoop } from './definition.js';
import { CatalogSchema, RosterSchema } from './schema.js';

/**
 * Where the task loop keeps its records: the orders (loop items, indexed by officer, station,
 * county and month), the catalog versions and the roster.
 */
export const taskStoreSpec = /* @__PURE__ */ defineStore({
  name: 'bihuan-task',
  collections: {
    orders: loopCollection(taskOrderLoop, {
      officer: 'data.officer',
      station: 'data.station',
      county: 'data.county',
      month: 'data.month',
      officerMonth: ['data.officer', 'data.month'],
    }),
    catalogs: { schema: CatalogSchema, key: ['id', 'version'] },
    rosters: { schema: RosterSchema, key: 'id' },
  },
});
export type TaskStoreSpec = typeof taskStoreSpec;
export type TaskStore = Store<TaskStoreSpec['collections']>;
