import { defineStore } from '../store/spec.js';
import { EmploymentIntentionSchema, JobFairFirmSchema, JobFairSchema, JobOpeningSchema } from './schema.js';

/** The job-fair store: fairs, the firms at them, their openings, and the intention forms. */
export const jobFairStore = /* @__PURE__ */ defineStore({
  name: 'bihuan-job-fair',
  collections: {
    fairs: { schema: JobFairSchema, key: 'id', indexes: { date: 'date' } },
    firms: { schema: JobFairFirmSchema, key: 'id', indexes: { fair: 'fairId' } },
    openings: { schema: JobOpeningSchema, key: 'id', indexes: { fair: 'fairId', firm: 'firmId', kind: 'kind' } },
    intentions: { schema: EmploymentIntentionSchema, key: 'id', indexes: { fair: 'fairId' } },
  },
});
export type JobFairStoreSpec = typeof jobFairStore;
