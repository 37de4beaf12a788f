import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import type { Fraction } from '../rate/fraction.js';
import { checkFraction, compareFractions, fraction } from '../rate/fraction.js';
import { roundScaled } from '../rate/round.js';
import { decimal, exact, minus, negate, ONE, over, same, sum, times } from '../rate/exact.js';
import { parseArgument } from '../schema/argument.js';
import { id } from '../schema/fields.js';

const name = z.string().check(z.regex(/^[A-Za-z][\w-]*$/, 'an identifier: a letter, then letters, digits, _ or -'), z.maxLength(60));
export const LocalizedSchema = z.object({ 'zh-CN': z.string().check(z.minLength(1), z.maxLength(2000)), en: z.string().check(z.minLength(1), z.maxLength(2000)) });

/** The three pairs of the source (S12) that the six default dimensions belong to. */
export const DIMENSION_PAIRS = ['doubleRequirement', 'doubleDrive', 'doubleClosedLoop'] as const;
export type DimensionPair = (typeof DIMENSION_PAIRS)[number];

/**
 * A score scale: 0–100, or 1–5 with an optional "cannot judge" answer. A score counts as
 * `(score − min) / (max − min)` of the dimension's points, so min scores nothing and max everything.
 */
export const ScaleSchema = z.object({
  min: z.number(),
  max: z.number(),
  /** Scores must be `min + k × step` (default: any number in range). */
  step: z.optional(z.number().check(z.positive())),
  /** Whether "cannot judge" (无法评价) is an answer; it leaves the dimension's denominator. */
  cannotJudge: z._default(z.boolean(), false),
});
export type Scale = z.output<typeof ScaleSchema>;

export const DimensionSchema = z.object({
  id: name,
  label: LocalizedSchema,
  description: z.optional(LocalizedSchema),
  pair: z.optional(z.enum(DIMENSION_PAIRS)),
  weight: z.number().check(z.positive()),
  /** `assessors` score it; `preTest` takes the legal-literacy test's score (at most one such dimension). */
  source: z._default(z.enum(['assessors', 'preTest']), 'assessors'),
  scale: ScaleSchema,
});
export type Dimension = z.output<typeof DimensionSchema>;

/** A grade band: every total at or above `min` (and below the band above) gets it. */
export const GradeBandSchema = z.object({ id: name, label: LocalizedSchema, min: z.number().check(z.gte(0)) });
export type GradeBand = z.output<typeof GradeBandSchema>;

/** A veto item (一票否决): one failed item puts the whole evaluation in the lowest band. */
export const VetoItemSchema = z.object({ id: name, label: LocalizedSchema });
export type VetoItem = z.output<typeof VetoItemSchema>;

/** A bonus or penalty item, in points of the total, capped at `max` per evaluation. */
export const AdjustmentItemSchema = z.object({ id: name, label: LocalizedSchema, kind: z.enum(['bonus', 'penalty']), max: z.number().check(z.positive()) });
export type AdjustmentItem = z.output<typeof AdjustmentItemSchema>;

export const AGGREGATIONS = ['mean', 'trimmedMean'] as const;
export const MISSING_RULES = ['refuse', 'skip'] as const;
export type MissingRule = (typeof MISSING_RULES)[number];

const schemeShape = z.object({
  id: id,
  label: LocalizedSchema,
  /** `fraction`: weights sum to 1 and the total is out of `total`; `points`: weights are points summing to `total`. */
  weighting: z._default(z.enum(['fraction', 'points']), 'fraction'),
  /** Points of a full score (default 100). */
  total: z._default(z.number().check(z.positive()), 100),
  dimensions: z.array(DimensionSchema).check(z.minLength(1)),
  /** How several assessors' scores of a dimension combine: the mean, or the mean without the highest and lowest. */
  aggregation: z._default(z.enum(AGGREGATIONS), 'mean'),
  /** Counted scores a dimension needs before the trimmed mean drops any (fewer: the plain mean). */
  trimMinimum: z._default(z.int().check(z.gte(3)), 3),
  /**
   * A blank score. `refuse` (default): every sheet must answer every assessor dimension (a score,
   * or "cannot judge" where allowed), else the evaluation is not scored and the blanks are listed.
   * `skip`: a blank is treated as "cannot judge". Never a silent zero; a dimension with no counted
   * score leaves the evaluation unscored either way.
   */
  missing: z._default(z.enum(MISSING_RULES), 'refuse'),
  /**
   * The panel (评议组). An evaluation is scored only when at least `minAssessors` assessors have
   * sent a sheet (`panel_too_small` otherwise): 评议 is an evaluation by others, so one assessor
   * alone never makes a result where a panel is meant. No assessor scores the unit being evaluated
   * (`own_unit`); with `unitRequired`, a sheet that does not say whose unit its assessor acts for
   * is refused (`assessor_unit_missing`), so the own-unit rule can never be sidestepped.
   */
  panel: z._default(z.strictObject({ minAssessors: z._default(z.int().check(z.gte(1), z.lte(1000)), 2), unitRequired: z._default(z.boolean(), false) }), { minAssessors: 2, unitRequired: false }),
  /** Highest first; the last band's `min` must be 0. */
  grades: z.array(GradeBandSchema).check(z.minLength(1)),
  /**
   * Decimals a total is shown with (half-up). THE GRADE IS READ FROM THE TOTAL AS SHOWN: an exact
   * 89.9955 shows as "90" and is 优秀 under a band from 90, so a total and its grade never disagree.
   */
  decimals: z._default(z.int().check(z.gte(0), z.lte(6)), 2),
  /**
   * An optional cap on how many evaluations of one ranking may get the top band: a count, or a
   * share of the ranked evaluations rounded `floor` (default), `round` (half-up) or `ceil`, and
   * never below `minimum` (default 1: a unit of three under a 30% cap can still have one 优秀).
   */
  topGradeCap: z._default(z.nullable(z
    .union([
      z.strictObject({ count: z.int().check(z.gte(0)) }),
      z.strictObject({ share: z.number().check(z.gte(0), z.lte(1)), rounding: z._default(z.enum(['floor', 'round', 'ceil']), 'floor'), minimum: z._default(z.int().check(z.gte(0)), 1) }),
    ])), null),
  vetoes: z._default(z.array(VetoItemSchema), []),
  adjustments: z._default(z.array(AdjustmentItemSchema), []),
  /** Caps on the sum of bonus and of penalty points (null: only the items' own caps). */
  bonusCap: z._default(z.nullable(z.number().check(z.gte(0))), null),
  penaltyCap: z._default(z.nullable(z.number().check(z.gte(0))), null),
  /** Dimensions whose contributions break ties in the ranking, in order; remaining ties share a rank. */
  tieBreak: z._default(z.array(name), []),
});

/** What is wrong with a scheme: the field path, a readable reason, and the value at fault. */
export interface SchemeProblem {
  readonly path: string;
  readonly message: Localized;
  readonly received?: unknown;
}

/** The readable problems of a structurally valid scheme: weights, bands, names. */
export function schemeProblems(s: z.output<typeof schemeShape>): SchemeProblem[] {
  return problemsOf(parseArgument('schemeProblems', 'scheme', schemeShape, s, { brackets: true }));
}

function problemsOf(s: z.output<typeof schemeShape>): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const add = (path: string, zh: string, en: string, received?: unknown) => problems.push({ path, message: { 'zh-CN': zh, en }, received });
  const ids = new Set<string>();
  s.dimensions.forEach((d, i) => {
    if (ids.has(d.id)) add(`dimensions[${i}].id`, `维度 ${d.id} 重复`, `dimension ${d.id} appears twice`);
    ids.add(d.id);
    if (!(d.scale.max > d.scale.min)) add(`dimensions[${i}].scale`, `维度 ${d.id} 的分值上限必须大于下限`, `dimension ${d.id}: scale max must be above min`);
    else if (d.scale.step !== undefined) {
      const steps = over(minus(exact(d.scale.max), exact(d.scale.min)), exact(d.scale.step));
      if (steps.denominator !== 1n) add(`dimensions[${i}].scale.step`, `维度 ${d.id} 的步长不能整分分值范围`, `dimension ${d.id}: step does not divide the scale's range`);
    }
  });
  if (s.dimensions.filter((d) => d.source === 'preTest').length > 1) add('dimensions', '最多只能有一个法治素养测试维度', 'at most one dimension may take the pre-test score');
  const target = s.weighting === 'fraction' ? ONE : exact(s.total);
  const total = sum(s.dimensions.map((d) => exact(d.weight)));
  if (!same(total, target)) {
    const gap = minus(target, total);
    const short = gap.numerator > 0n;
    // Enough digits that the sum, the target and the gap read as what they are: never "sum to 1, not 1 (0 short)".
    const digits = { decimals: digitsToTell(total, target), rounding: 'half-up', trimZeros: true } as const;
    const diff = decimal(short ? gap : negate(gap), digits);
    const got = decimal(total, digits);
    const want = decimal(target, digits);
    add(
      'dimensions[].weight',
      `各维度权重之和为 ${got}，应为 ${want}（${short ? '少' : '多'} ${diff}）`,
      `the dimensions' weights sum to ${got}, not ${want} (${diff} ${short ? 'short' : 'over'})`,
      got,
    );
  }
  const bandIds = new Set<string>();
  s.grades.forEach((g, i) => {
    if (bandIds.has(g.id)) add(`grades[${i}].id`, `等次 ${g.id} 重复`, `grade ${g.id} appears twice`);
    bandIds.add(g.id);
    if (g.min > s.total) add(`grades[${i}].min`, `等次 ${g.label['zh-CN']} 的分数线 ${g.min} 高于满分 ${s.total}`, `grade ${g.label.en}: threshold ${g.min} is above the full score ${s.total}`);
    const prev = s.grades[i - 1];
    if (prev && !(g.min < prev.min)) add(`grades[${i}].min`, '等次分数线必须从高到低严格递减', 'grade thresholds must fall strictly from the highest band down');
  });
  if (s.grades[s.grades.length - 1]!.min !== 0) add(`grades[${s.grades.length - 1}].min`, '最低等次的分数线必须为 0，使每个总分都有等次', 'the lowest band must start at 0, so that every total has a grade');
  if (s.topGradeCap !== null && s.grades.length < 2) add('topGradeCap', '限制最高等次人数需要至少两个等次', 'a cap on the top band needs a band below it');
  for (const [list, label] of [[s.vetoes, 'vetoes'], [s.adjustments, 'adjustments']] as const) {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (seen.has(v.id)) add(`${label}[${i}].id`, `${v.id} 重复`, `${v.id} appears twice`);
      seen.add(v.id);
    });
  }
  s.tieBreak.forEach((t, i) => {
    if (!ids.has(t)) add(`tieBreak[${i}]`, `并列比较维度 ${t} 不是本方案的维度`, `tie-break ${t} is not a dimension of the scheme`);
  });
  return problems;
}

/**
 * The fewest decimals (at least 6, at most 30) at which two different values print differently
 * and their gap prints as more than 0; beyond 30 digits the values are written to 30.
 */
function digitsToTell(a: Fraction, b: Fraction): number {
  const gap = minus(a, b);
  const magnitude = gap.numerator < 0n ? negate(gap) : gap;
  for (let d = 6; d < 30; d++) {
    const digits = { decimals: d, rounding: 'half-up', trimZeros: true } as const;
    if (decimal(a, digits) !== decimal(b, digits) && decimal(magnitude, digits) !== '0') return d;
  }
  return 30;
}

/** The scheme as stored: structure, then the readable checks (weights that sum, bands that fall …). */
export const EvaluationSchemeSchema = schemeShape.check(z.superRefine((s, ctx) => {
  for (const p of schemeProblems(s)) ctx.addIssue({ code: 'custom', path: p.path.split(/[.[\]]+/).filter(Boolean), message: p.message.en });
}));
export type EvaluationSchemeInput = z.input<typeof EvaluationSchemeSchema>;
export type EvaluationScheme = z.output<typeof EvaluationSchemeSchema>;

const schemes = new WeakSet<object>();

/**
 * Validates an evaluation scheme and returns it with defaults filled in (frozen). A scheme whose
 * weights do not sum to 1 (or to its points total), whose grade bands do not fall to 0, or that
 * is malformed throws `InvalidArgumentError` naming the field, with a readable reason.
 */
export function defineScheme(scheme: EvaluationSchemeInput): EvaluationScheme {
  return parseScheme('defineScheme', 'scheme', scheme);
}

/** @internal A scheme argument: one made by `defineScheme` passes at once, anything else is parsed. */
export function parseScheme(fn: string, argument: string, scheme: unknown): EvaluationScheme {
  if (scheme !== null && typeof scheme === 'object' && schemes.has(scheme)) return scheme as EvaluationScheme;
  if (scheme === null || typeof scheme !== 'object') throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是评议方案对象', en: 'must be an evaluation scheme object' }, scheme);
  const parsed = parseArgument(fn, argument, schemeShape, scheme, { brackets: true });
  const problem = problemsOf(parsed)[0];
  if (problem) throw new InvalidArgumentError(fn, `${argument}.${problem.path}`, problem.message, problem.received);
  const frozen = deepFreeze(parsed);
  schemes.add(frozen);
  return frozen;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Points a dimension is worth in the total: its weight, or its weight × the total for fraction weights. */
export function dimensionPoints(scheme: EvaluationScheme, dimension: Dimension): Fraction {
  scheme = parseScheme('dimensionPoints', 'scheme', scheme);
  if (!scheme.dimensions.includes(dimension)) dimension = parseArgument('dimensionPoints', 'dimension', DimensionSchema, dimension);
  const weight = exact(dimension.weight);
  return scheme.weighting === 'points' ? weight : times(weight, exact(scheme.total));
}

/**
 * The total as shown: rounded half-up to the scheme's `decimals`. The grade is read from this
 * figure, so that what is displayed and the grade beside it never disagree.
 */
export function shownTotal(scheme: EvaluationScheme, total: Fraction): Fraction {
  scheme = parseScheme('shownTotal', 'scheme', scheme);
  checkFraction('shownTotal', 'total', total);
  const scale = 10n ** BigInt(scheme.decimals);
  const { negative, units } = roundScaled(total, scale, { decimals: 0, rounding: 'half-up', trimZeros: true });
  return fraction(negative ? -units : units, scale);
}

/** The band a total falls in, read from the total as shown (`shownTotal`); below 0: the lowest band. */
export function bandFor(scheme: EvaluationScheme, total: Fraction): GradeBand {
  scheme = parseScheme('bandFor', 'scheme', scheme);
  checkFraction('bandFor', 'total', total);
  const shown = shownTotal(scheme, total);
  return scheme.grades.find((g) => compareFractions(shown, exact(g.min)) >= 0) ?? scheme.grades[scheme.grades.length - 1]!;
}
