import { defineStore } from '../store/spec.js';
import type { Store } from '../store/types.js';
import type { Result } from '../schema/result.js';
import { recordResponse } from './registry.js';
import { EmergencyUnitSchema, type UnitResponse, type UnitResponseInput, UnitResponseSchema } from './schema.js';
import type { ResponseJudgement } from './standard.js';
import { checkStore } from '../schema/argument.js';

/** The units' store: the registry, and the drills and incidents they responded to. */
export const emergencyUnitStore = /* @__PURE__ */ defineStore({
  name: 'bihuan-emergency-unit',
  collections: {
    units: { schema: EmergencyUnitSchema, key: 'id', indexes: { station: 'station', kind: 'kind' } },
    responses: { schema: UnitResponseSchema, key: 'id', indexes: { unit: 'unitId', at: 'at' } },
  },
});
export type EmergencyUnitCollections = (typeof emergencyUnitStore)['collections'];

/** Records a drill or incident into a store, checking the unit is registered there; a refusal writes nothing. */
export async function recordResponseIn(store: Store<EmergencyUnitCollections>, input: UnitResponseInput): Promise<Result<{ response: UnitResponse; judgement: ResponseJudgement }>> {
  checkStore('recordResponseIn', store);
  const unit = typeof input?.unitId === 'string' && input.unitId ? await store.get('units', input.unitId) : undefined;
  const decision = recordResponse(input, unit ? [unit] : []);
  if (decision.ok) await store.put('responses', decision.value.response);
  return decision;
}
