import { defineStore } from '../store/spec.js';
import { EmergencyUnitSchema, UnitResponseSchema } from './schema.js';

/** The units' store: the registry, and the drills and incidents they responded to. */
export const emergencyUnitStore = /* @__PURE__ */ defineStore({
  name: 'bihuan-emergency-unit',
  collections: {
    units: { schema: EmergencyUnitSchema, key: 'id', indexes: { station: 'station', kind: 'kind' } },
    responses: { schema: UnitResponseSchema, key: 'id', indexes: { unit: 'unitId', at: 'at' } },
  },
});
export type EmergencyUnitCollections = (typeof emergencyUnitStore)['collections'];
