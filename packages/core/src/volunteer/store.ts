import { defineStore } from '../store/spec.js';
import type { Store } from '../store/types.js';
import { checkStore } from '../schema/argument.js';
import type { Result } from '../schema/result.js';
import { logAssist } from './log.js';
import { type Assist, type AssistInput, AssistSchema, VolunteerSchema } from './schema.js';

/** The association's store: the roster, and the assists log. */
export const volunteerStore = /* @__PURE__ */ defineStore({
  name: 'bihuan-volunteer',
  collections: {
    volunteers: { schema: VolunteerSchema, key: 'id' },
    assists: { schema: AssistSchema, key: 'id', indexes: { volunteerDay: ['volunteerId', 'date'], kind: 'kind', date: 'date' } },
  },
});
export type VolunteerCollections = (typeof volunteerStore)['collections'];

/** Logs an assist into a store, checked against the roster and that volunteer's day there; a refusal writes nothing. */
export async function logAssistIn(store: Store<VolunteerCollections>, input: AssistInput): Promise<Result<Assist>> {
  checkStore('logAssistIn', store);
  const { volunteerId, date, id } = (input ?? {}) as Partial<AssistInput>;
  const known = typeof volunteerId === 'string' && volunteerId !== '' && typeof date === 'string';
  const [volunteer, day, same] = known
    ? await Promise.all([store.get('volunteers', volunteerId), store.all('assists', { index: 'volunteerDay', equals: [volunteerId, date] }), typeof id === 'string' && id ? store.get('assists', id) : undefined])
    : [undefined, { items: [] as Assist[] }, undefined];
  const decision = logAssist(input, volunteer ? [volunteer] : [], same ? [...day.items, same] : day.items);
  if (decision.ok) await store.put('assists', decision.value);
  return decision;
}
