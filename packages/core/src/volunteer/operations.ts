import type { Store } from '../store/types.js';
import { checkStore, parseArgument } from '../schema/argument.js';
import type { Result } from '../schema/result.js';
import { logAssist } from './log.js';
import { type Assist, type AssistInput, AssistSchema } from './schema.js';
import type { VolunteerCollections } from './store.js';

/**
 * Logs an assist into a store, checked against the roster and that volunteer's day there; a
 * refusal writes nothing. The checks and the write are one unit of work (`store.batch`): two
 * assists logged at once in two tabs cannot together give a volunteer more than 24 hours a day.
 */
export async function logAssistIn(store: Store<VolunteerCollections>, input: AssistInput): Promise<Result<Assist>> {
  checkStore('logAssistIn', store);
  const a = parseArgument('logAssistIn', 'input', AssistSchema, input);
  return store.batch(async (tx) => {
    const volunteer = await tx.get('volunteers', a.volunteerId);
    const day = await tx.all('assists', { index: 'volunteerDay', equals: [a.volunteerId, a.date] });
    const same = await tx.get('assists', a.id);
    const decision = logAssist(a, volunteer ? [volunteer] : [], same ? [...day, same] : day);
    if (decision.ok) await tx.add('assists', decision.value);
    return decision;
  });
}
