import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { type Localized, L } from '../i18n/locale.js';
import { checkFraction, compareFractions, type Fraction } from '../rate/fraction.js';
import { parseArgument } from '../schema/argument.js';
import { decimal, exact, minOf, minus, negate, over, plus, sum, times, whole } from '../rate/exact.js';
import { footRound } from '../rate/foot.js';
import { type AdjustmentItem, bandFor, type Dimension, dimensionPoints, type EvaluationScheme, type GradeBand, parseScheme, type VetoItem } from './scheme.js';
import { id, instant } from '../schema/fields.js';
import { checkReport, type LawReport, LawReportSchema, type ReportRule } from './report.js';

/** The "cannot judge" answer (无法评价): it leaves the dimension's denominator. */
export const CANNOT_JUDGE = 'cannotJudge';

export const ScoreValueSchema = z.union([z.number(), z.literal(CANNOT_JUDGE)]);
export type ScoreValue = z.output<typeof ScoreValueSchema>;

/** One assessor's scores, by dimension id (assessor-scored dimensions only). */
export const ScoreSheetSchema = z.object({
  assessor: id,
  /** The unit the assessor acts for (their department or body): never the unit being evaluated. */
  unit: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
  scores: z.record(z.string(), ScoreValueSchema),
});
export type ScoreSheet = z.output<typeof ScoreSheetSchema>;

export const EvaluationInputSchema = z.object({
  /** Whose evaluation: the report or the reporting leader. */
  subject: id,
  /** The unit being evaluated (the report's unit): no assessor of this unit may score it. */
  unit: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
  sheets: z.array(ScoreSheetSchema),
  /** The legal-literacy pre-test score, for a scheme with a pre-test dimension. */
  preTest: z._default(z.nullable(z.number()), null),
  vetoed: z._default(z.array(z.string().check(z.maxLength(120))), []),
  adjustments: z._default(z.record(z.string(), z.number().check(z.gte(0))), {}),
});
export type EvaluationInput = z.input<typeof EvaluationInputSchema>;

/** One dimension's part of the total, with every score it counted and every one it left out. */
export interface DimensionScore {
  readonly dimension: string;
  readonly label: Localized;
  readonly source: Dimension['source'];
  /** Points the dimension is worth (its weight in points of the total). */
  readonly points: Fraction;
  /** The scores in the average, by assessor (the pre-test appears as assessor `preTest`). */
  readonly counted: readonly { readonly assessor: string; readonly score: Fraction }[];
  /** Assessors whose score the trimmed mean dropped (highest and lowest). */
  readonly trimmed: readonly string[];
  /** Assessors who answered "cannot judge". */
  readonly cannotJudge: readonly string[];
  /** Assessors who left it blank (under the `skip` rule). */
  readonly blank: readonly string[];
  /** The average score on the dimension's scale. */
  readonly average: Fraction;
  /** `(average − min) / (max − min)`: the share of the points earned. */
  readonly share: Fraction;
  /** `points × share`: what the dimension adds to the total. */
  readonly contribution: Fraction;
}

export interface AppliedAdjustment {
  readonly item: AdjustmentItem;
  readonly points: Fraction;
}

export interface ScoredEvaluation {
  readonly ok: true;
  readonly subject: string;
  readonly schemeId: string;
  readonly breakdown: readonly DimensionScore[];
  /** Σ contributions. */
  readonly base: Fraction;
  readonly adjustments: readonly AppliedAdjustment[];
  /** Bonus and penalty points counted, after the scheme's caps. */
  readonly bonus: Fraction;
  readonly penalty: Fraction;
  readonly bonusCapped: boolean;
  readonly penaltyCapped: boolean;
  /** `base + bonus − penalty`, exactly (no rounding until display). */
  readonly total: Fraction;
  /** The total as shown, to the scheme's `decimals` (half-up): `"90"` for an exact 89.9955. */
  readonly shown: string;
  /**
   * The parts of the total as shown beside it, to the scheme's `decimals`, rounded so that they
   * add up to `shown` exactly (largest remainder, `footRound`): each dimension's contribution in
   * `breakdown` order, the bonus, and the penalty with its minus sign (`"-1.5"`, or `"0"`).
   */
  readonly shownParts: { readonly contributions: readonly string[]; readonly bonus: string; readonly penalty: string };
  /** The band of the total as shown (never disagreeing with `shown`), or the lowest band when a veto item failed. */
  readonly grade: GradeBand;
  readonly vetoed: readonly VetoItem[];
}

/**
 * Why an evaluation is not scored. By dimension: `score_blank`, `no_score`, `pre_test_missing`.
 * By panel: `panel_too_small` (fewer assessors than the scheme's `panel.minAssessors`),
 * `own_unit` (an assessor of the unit being evaluated), `assessor_unit_missing` (a sheet without
 * its assessor's unit, where the scheme's `panel.unitRequired`). By report (`scoreReport`): the
 * rules of `checkReport` — a report that fails the double requirement is never scored.
 */
export type UnscoredRule = 'score_blank' | 'no_score' | 'pre_test_missing' | 'panel_too_small' | 'own_unit' | 'assessor_unit_missing' | ReportRule;

export interface UnscoredReason {
  readonly rule: UnscoredRule;
  /** The dimension at fault, for the rules by dimension. */
  readonly dimension?: string;
  /** The input's field at fault (`sheets[2].unit`, `shortcomings`), for the other rules. */
  readonly field?: string;
  readonly assessors?: readonly string[];
  readonly message: Localized;
}

/** Not scored (never a silent zero): the reasons, by dimension. */
export interface UnscoredEvaluation {
  readonly ok: false;
  readonly subject: string;
  readonly schemeId: string;
  readonly reasons: readonly UnscoredReason[];
}

export type EvaluationResult = ScoredEvaluation | UnscoredEvaluation;

const bad = (argument: string, zh: string, en: string, received: unknown): never => {
  throw new InvalidArgumentError('scoreEvaluation', argument, { 'zh-CN': zh, en }, received);
};

function checkScore(dimension: Dimension, value: ScoreValue, argument: string): void {
  const { min, max, step, cannotJudge } = dimension.scale;
  if (value === CANNOT_JUDGE) {
    if (!cannotJudge) bad(argument, `的分值量表不允许“无法评价”`, `: the scale does not allow "cannot judge"`, value);
    return;
  }
  if (value < min || value > max) bad(argument, `必须在 ${min} 到 ${max} 之间`, `must be from ${min} to ${max}`, value);
  if (step !== undefined && over(minus(exact(value), exact(min)), exact(step)).denominator !== 1n) bad(argument, `必须是 ${min} 起、步长 ${step} 的分值`, `must be ${min} plus a multiple of ${step}`, value);
}

/** Checks the input against the scheme: every dimension, veto and adjustment it names must exist. */
function parseInput(scheme: EvaluationScheme, input: unknown): z.output<typeof EvaluationInputSchema> {
  const data = parseArgument('scoreEvaluation', 'input', EvaluationInputSchema, input);
  const byId = new Map(scheme.dimensions.map((d) => [d.id, d]));
  const assessors = new Set<string>();
  data.sheets.forEach((sheet, i) => {
    if (assessors.has(sheet.assessor)) bad(`input.sheets[${i}].assessor`, '重复：每位评议人只能有一张评分表', 'is repeated: one sheet per assessor', sheet.assessor);
    assessors.add(sheet.assessor);
    for (const [id, value] of Object.entries(sheet.scores)) {
      const dimension = byId.get(id);
      const argument = `input.sheets[${i}].scores.${id}`;
      if (!dimension) bad(argument, '不是本方案的维度', 'is not a dimension of the scheme', id);
      if (dimension!.source !== 'assessors') bad(argument, '由法治素养测试成绩给出，评议人不打分', 'comes from the pre-test; assessors do not score it', value);
      checkScore(dimension!, value, argument);
    }
  });
  const preTest = scheme.dimensions.find((d) => d.source === 'preTest');
  if (data.preTest !== null) {
    if (!preTest) bad('input.preTest', '本方案没有法治素养测试维度', 'is given but the scheme has no pre-test dimension', data.preTest);
    checkScore(preTest!, data.preTest, 'input.preTest');
  }
  data.vetoed.forEach((id, i) => {
    if (!scheme.vetoes.some((v) => v.id === id)) bad(`input.vetoed[${i}]`, '不是本方案的否决项', 'is not a veto item of the scheme', id);
  });
  for (const [id, points] of Object.entries(data.adjustments)) {
    const item = scheme.adjustments.find((a) => a.id === id);
    if (!item) bad(`input.adjustments.${id}`, '不是本方案的加减分项', 'is not a bonus or penalty item of the scheme', id);
    if (points > item!.max) bad(`input.adjustments.${id}`, `不能超过该项上限 ${item!.max} 分`, `must not exceed the item's cap of ${item!.max} points`, points);
  }
  return data;
}

/** Orders scores for trimming: by score, then by assessor id, so that the choice never depends on sheet order. */
function byScore(a: { assessor: string; score: Fraction }, b: { assessor: string; score: Fraction }): number {
  return compareFractions(a.score, b.score) || (a.assessor < b.assessor ? -1 : a.assessor > b.assessor ? 1 : 0);
}

/**
 * Scores one evaluation under a scheme, exactly.
 *
 * - Each assessor-scored dimension averages its assessors' scores: the mean, or (scheme
 *   `aggregation: 'trimmedMean'`) the mean without one highest and one lowest score once at least
 *   `trimMinimum` scores count. "Cannot judge" leaves the denominator.
 * - The pre-test dimension takes `input.preTest`.
 * - A dimension adds `points × (average − min) / (max − min)`; the total is the sum of the
 *   breakdown plus bonus minus penalty (each capped), and is never rounded.
 * - A failed veto item puts the evaluation in the lowest band whatever its total.
 * - Missing scores follow the scheme's `missing` rule; when a score cannot be had, the result is
 *   `{ ok: false, reasons }` — never a silent zero.
 *
 * Sheets are independent of their order: permuting assessors never changes the result.
 */
export function scoreEvaluation(scheme: EvaluationScheme, input: EvaluationInput): EvaluationResult {
  const s = parseScheme('scoreEvaluation', 'scheme', scheme);
  const data = parseInput(s, input);
  const reasons: UnscoredReason[] = panelReasons(s, data);
  const breakdown: DimensionScore[] = [];
  for (const dimension of s.dimensions) {
    const label = dimension.label;
    let counted: { assessor: string; score: Fraction }[] = [];
    const cannotJudge: string[] = [];
    const blank: string[] = [];
    if (dimension.source === 'preTest') {
      if (data.preTest === null) {
        reasons.push({ rule: 'pre_test_missing', dimension: dimension.id, message: L(`缺少“${label['zh-CN']}”成绩`, `the ${label.en} score is missing`) });
        continue;
      }
      counted.push({ assessor: 'preTest', score: exact(data.preTest) });
    } else {
      for (const sheet of data.sheets) {
        const value = sheet.scores[dimension.id];
        if (value === undefined) blank.push(sheet.assessor);
        else if (value === CANNOT_JUDGE) cannotJudge.push(sheet.assessor);
        else counted.push({ assessor: sheet.assessor, score: exact(value) });
      }
      blank.sort();
      cannotJudge.sort();
      if (blank.length > 0 && s.missing === 'refuse') {
        reasons.push({ rule: 'score_blank', dimension: dimension.id, assessors: blank, message: L(`“${label['zh-CN']}”有评议人未打分：${blank.join('、')}`, `${label.en} is blank on the sheet of ${blank.join(', ')}`) });
        continue;
      }
      if (counted.length === 0) {
        reasons.push({ rule: 'no_score', dimension: dimension.id, message: L(`“${label['zh-CN']}”没有可计入的分数（无人打分或均为无法评价）`, `${label.en} has no score to count (none given, or all "cannot judge")`) });
        continue;
      }
    }
    counted.sort(byScore);
    let trimmed: string[] = [];
    if (s.aggregation === 'trimmedMean' && counted.length >= s.trimMinimum) {
      trimmed = [counted[0]!.assessor, counted[counted.length - 1]!.assessor];
      counted = counted.slice(1, -1);
    }
    const average = over(sum(counted.map((c) => c.score)), whole(counted.length));
    const share = over(minus(average, exact(dimension.scale.min)), minus(exact(dimension.scale.max), exact(dimension.scale.min)));
    const points = dimensionPoints(s, dimension);
    breakdown.push({ dimension: dimension.id, label, source: dimension.source, points, counted, trimmed, cannotJudge, blank, average, share, contribution: times(points, share) });
  }
  if (reasons.length > 0) return { ok: false, subject: data.subject, schemeId: s.id, reasons };

  const adjustments: AppliedAdjustment[] = s.adjustments.filter((item) => data.adjustments[item.id] !== undefined).map((item) => ({ item, points: exact(data.adjustments[item.id]!) }));
  const capped = (kind: 'bonus' | 'penalty', cap: number | null) => {
    const raw = sum(adjustments.filter((a) => a.item.kind === kind).map((a) => a.points));
    const value = cap === null ? raw : minOf(raw, exact(cap));
    return { value, capped: compareFractions(value, raw) !== 0 };
  };
  const bonus = capped('bonus', s.bonusCap);
  const penalty = capped('penalty', s.penaltyCap);
  const base = sum(breakdown.map((b) => b.contribution));
  const total = minus(plus(base, bonus.value), penalty.value);
  const vetoed = s.vetoes.filter((v) => data.vetoed.includes(v.id));
  const grade = vetoed.length > 0 ? s.grades[s.grades.length - 1]! : bandFor(s, total);
  const shown = decimal(total, { decimals: s.decimals, rounding: 'half-up', trimZeros: true });
  const footed = footRound([...breakdown.map((b) => b.contribution), bonus.value, negate(penalty.value)], { decimals: s.decimals, rounding: 'half-up' });
  const n = breakdown.length;
  return {
    ok: true,
    subject: data.subject,
    schemeId: s.id,
    breakdown,
    base,
    adjustments,
    bonus: bonus.value,
    penalty: penalty.value,
    bonusCapped: bonus.capped,
    penaltyCapped: penalty.capped,
    total,
    shown,
    shownParts: { contributions: footed.parts.slice(0, n), bonus: footed.parts[n]!, penalty: footed.parts[n + 1]! },
    grade,
    vetoed,
  };
}

/** The panel's rules: enough assessors, none of the unit evaluated, each sheet's unit where required. */
function panelReasons(s: EvaluationScheme, data: z.output<typeof EvaluationInputSchema>): UnscoredReason[] {
  const reasons: UnscoredReason[] = [];
  const { minAssessors, unitRequired } = s.panel;
  if (data.sheets.length < minAssessors) {
    const n = data.sheets.length;
    reasons.push({
      rule: 'panel_too_small',
      field: 'sheets',
      assessors: data.sheets.map((x) => x.assessor).sort(),
      message: L(`评议组至少需要 ${minAssessors} 名评议人，现有 ${n} 名`, `the panel needs at least ${minAssessors} assessors; ${n === 0 ? 'none has' : n === 1 ? 'one has' : `${n} have`} scored`),
    });
  }
  data.sheets.forEach((sheet, i) => {
    if (sheet.unit === undefined) {
      if (unitRequired) reasons.push({ rule: 'assessor_unit_missing', field: `sheets[${i}].unit`, assessors: [sheet.assessor], message: L(`评议人 ${sheet.assessor} 的评分表未注明其所在单位`, `the sheet of ${sheet.assessor} does not say which unit the assessor acts for`) });
    } else if (data.unit !== undefined && sheet.unit === data.unit) {
      reasons.push({ rule: 'own_unit', field: `sheets[${i}].unit`, assessors: [sheet.assessor], message: L(`评议人 ${sheet.assessor} 属于被评议单位“${data.unit}”，不能评议本单位`, `${sheet.assessor} acts for ${data.unit}, the unit being evaluated, and may not evaluate their own unit`) });
    }
  });
  return reasons;
}

/**
 * A score or total for display: at most two decimals, half-up, trailing zeros dropped (`87.35`,
 * `90`). A scored evaluation's own `shown` is its total to the scheme's `decimals`, the figure its
 * grade is read from.
 */
export function formatScore(value: Fraction): string {
  checkFraction('formatScore', 'value', value);
  return decimal(value);
}

/** One assessor's score sheet for one report, as stored (one per assessor and report). */
export const StoredScoreSheetSchema = z.object({
  reportId: id,
  assessor: id,
  /** The unit the assessor acts for: never the report's unit. */
  unit: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
  scores: z.record(z.string(), ScoreValueSchema),
  submittedAt: instant,
});
export type StoredScoreSheet = z.output<typeof StoredScoreSheetSchema>;

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
