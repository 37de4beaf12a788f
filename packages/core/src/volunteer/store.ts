import { defineStore } from '../store/spec.js';
import { AssistSchema, VolunteerSchema } from './schema.js';

/** The association's store: the roster, and the assists log. */
export const volunteerStore = /* @__PURE__ */ defineStore({
  name: 'bihuan-volunteer',
  collections: {
    volunteers: { schema: VolunteerSchema, key: 'id' },
    assists: { schema: AssistSchema, key: 'id', indexes: { volunteerDay: ['volunteerId', 'date'], kind: 'kind', date: 'date' } },
  },
});
export type VolunteerCollections = (typeof volunteerStore)['collections'];
