import type { Store } from '../store/types.js';
import { type Result, refused } from '../schema/result.js';
import { recordResponse } from './registry.js';
import { type UnitResponse, type UnitResponseInput, UnitResponseSchema } from './schema.js';
import type { ResponseJudgement } from './standard.js';
import { checkStore, parseArgument } from '../schema/argument.js';
import type { EmergencyUnitCollections } from './store.js';

/**
 * Records a drill or incident into a store, checking the unit is registered there; a refusal
 * writes nothing. The check and the write are one unit of work (`store.batch`), and a response's
 * id is taken once (`id_unique`): a response recorded twice is never counted twice.
 */
export async function recordResponseIn(store: Store<EmergencyUnitCollections>, input: UnitResponseInput): Promise<Result<{ response: UnitResponse; judgement: ResponseJudgement }>> {
  checkStore('recordResponseIn', store);
  const r = parseArgument('recordResponseIn', 'input', UnitResponseSchema, input);
  return store.batch(async (tx) => {
    const unit = await tx.get('units', r.unitId);
    if ((await tx.get('responses', r.id)) !== undefined) return refused('id_unique', `编号 ${r.id} 已被使用`, `the id ${r.id} is already used`, 'id');
    const decision = recordResponse(r, unit ? [unit] : []);
    if (decision.ok) await tx.add('responses', decision.value.response);
    return decision;
  });
}
