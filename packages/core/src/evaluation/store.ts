import { defineStore } from '../store/spec.js';
import type { Store } from '../store/types.js';
import { LawReportSchema } from './report.js';
import { EvaluationSchemeSchema } from './scheme.js';
import { StoredScoreSheetSchema } from './scoring.js';

/** The database the evaluation widgets share when the host gives them no store. */
export const EVALUATION_STORE_NAME = 'bihuan-evaluation';

/** Schemes, law reports and score sheets (keyed by report and assessor). */
export const evaluationStoreSpec = /* @__PURE__ */ defineStore({
  name: EVALUATION_STORE_NAME,
  collections: {
    schemes: { schema: EvaluationSchemeSchema, key: 'id' },
    reports: { schema: LawReportSchema, key: 'id', indexes: { scheme: 'schemeId', unit: 'unit', period: 'period' } },
    sheets: { schema: StoredScoreSheetSchema, key: ['reportId', 'assessor'], indexes: { report: 'reportId' } },
  },
});
export type EvaluationStoreSpec = typeof evaluationStoreSpec;
export type EvaluationStore = Store<EvaluationStoreSpec['collections']>;
