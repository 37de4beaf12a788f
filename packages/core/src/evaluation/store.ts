import * as z from '../schema/zod.js';
import { id, instant } from '../schema/fields.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { defineStore } from '../store/spec.js';
import type { Store } from '../store/types.js';
import { checkReport, type LawReport, LawReportSchema } from './report.js';
import { EvaluationSchemeSchema, type EvaluationScheme, parseScheme } from './scheme.js';
import { type EvaluationResult, scoreEvaluation, ScoreValueSchema } from './scoring.js';
import { parseArgument } from '../schema/argument.js';

/** One assessor's score sheet for one report, as stored (one per assessor and report). */
export const StoredScoreSheetSchema = z.object({
  reportId: id,
  assessor: id,
  /** The unit the assessor acts for: never the report's unit. */
  unit: z.string().min(1).max(120).optional(),
  scores: z.record(z.string(), ScoreValueSchema),
  submittedAt: instant,
});
export type StoredScoreSheet = z.output<typeof StoredScoreSheetSchema>;

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

/**
 * Scores a stored report from its sheets: the report's pre-test score, veto items and adjustments
 * with every sheet of this report (sheets of other reports are refused, not ignored).
 *
 * A report that fails the double requirement is never scored: it is refused (`ok: false`) with the
 * very rules `checkReport` names (`achievements_required`, `shortcomings_required`,
 * `claim_needs_evidence`), whatever its sheets say. The report's `unit` is the unit evaluated, so
 * a sheet whose assessor acts for it is refused (`own_unit`).
 */
export function scoreReport(scheme: EvaluationScheme, report: LawReport, sheets: readonly StoredScoreSheet[]): EvaluationResult {
  const parsed = parseArgument('scoreReport', 'report', LawReportSchema, report);
  if (!Array.isArray(sheets)) throw new InvalidArgumentError('scoreReport', 'sheets', { 'zh-CN': '必须是评分表数组', en: 'must be an array of score sheets' }, sheets);
  sheets.forEach((sheet, i) => {
    if (sheet?.reportId !== parsed.id) throw new InvalidArgumentError('scoreReport', `sheets[${i}].reportId`, { 'zh-CN': `必须是报告 ${parsed.id} 的评分表`, en: `must be a sheet of report ${parsed.id}` }, sheet?.reportId);
  });
  const check = checkReport(parsed);
  if (!check.acceptable) {
    const s = parseScheme('scoreReport', 'scheme', scheme);
    return { ok: false, subject: parsed.id, schemeId: s.id, reasons: check.problems.map((p) => ({ rule: p.rule, field: p.field, message: p.message })) };
  }
  return scoreEvaluation(scheme, {
    subject: parsed.id,
    unit: parsed.unit,
    sheets: sheets.map((s) => (s.unit === undefined ? { assessor: s.assessor, scores: s.scores } : { assessor: s.assessor, unit: s.unit, scores: s.scores })),
    preTest: parsed.preTest,
    vetoed: parsed.vetoed,
    adjustments: parsed.adjustments,
  });
}
