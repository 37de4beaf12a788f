import { InvalidArgumentError } from '../errors/errors.js';
import { compareFractions, type Fraction } from '../rate/fraction.js';
import { exact, times, whole } from '../rate/exact.js';
import { type EvaluationScheme, type GradeBand, parseScheme } from './scheme.js';
import type { ScoredEvaluation } from './scoring.js';

export interface RankedEvaluation {
  readonly subject: string;
  /** Competition rank: tied evaluations share a rank and the next rank skips (1, 2, 2, 4). */
  readonly rank: number;
  /** Whether another evaluation shares this rank. */
  readonly tied: boolean;
  readonly total: Fraction;
  /** The grade after the scheme's cap on the top band. */
  readonly grade: GradeBand;
  /** True when the cap moved it from the top band to the next. */
  readonly capped: boolean;
  readonly evaluation: ScoredEvaluation;
}

/**
 * Ranks scored evaluations of one scheme, with these stated tie rules:
 *
 * 1. Evaluations with a failed veto item rank after all others.
 * 2. Higher total first, compared exactly.
 * 3. Equal totals: the contributions of the scheme's `tieBreak` dimensions, in order, higher first.
 * 4. Still equal: the same rank (competition ranking 1, 2, 2, 4), listed by subject id.
 *
 * The cap on the top band (`topGradeCap`: a count, or a share of the ranked evaluations rounded
 * by its `rounding` rule — floor, round or ceil — and never below its `minimum`) is applied in rank
 * order and never exceeded: a tied group that would cross it falls to the next band whole, as does
 * everything after it. Under the preset (30%, floor, minimum 1) a unit of three may have one 优秀.
 */
export function rankEvaluations(scheme: EvaluationScheme, evaluations: readonly ScoredEvaluation[]): RankedEvaluation[] {
  const s = parseScheme('rankEvaluations', 'scheme', scheme);
  if (!Array.isArray(evaluations)) throw new InvalidArgumentError('rankEvaluations', 'evaluations', { 'zh-CN': '必须是评分结果数组', en: 'must be an array of scored evaluations' }, evaluations);
  const subjects = new Set<string>();
  evaluations.forEach((e, i) => {
    if (!e || e.ok !== true || !e.total || !Array.isArray(e.breakdown)) {
      throw new InvalidArgumentError('rankEvaluations', `evaluations[${i}]`, { 'zh-CN': '必须是 scoreEvaluation 的计分结果（ok 为 true）', en: 'must be a scored result of scoreEvaluation (ok: true)' }, e);
    }
    if (e.schemeId !== s.id) throw new InvalidArgumentError('rankEvaluations', `evaluations[${i}].schemeId`, { 'zh-CN': `必须是方案 ${s.id} 的结果`, en: `must be a result of scheme ${s.id}` }, e.schemeId);
    if (subjects.has(e.subject)) throw new InvalidArgumentError('rankEvaluations', `evaluations[${i}].subject`, { 'zh-CN': '重复', en: 'is repeated' }, e.subject);
    subjects.add(e.subject);
  });

  const contribution = (e: ScoredEvaluation, id: string) => e.breakdown.find((b) => b.dimension === id)?.contribution;
  const compare = (a: ScoredEvaluation, b: ScoredEvaluation): number => {
    const veto = Number(a.vetoed.length > 0) - Number(b.vetoed.length > 0);
    if (veto !== 0) return veto;
    const byTotal = compareFractions(b.total, a.total);
    if (byTotal !== 0) return byTotal;
    for (const id of s.tieBreak) {
      const x = contribution(a, id);
      const y = contribution(b, id);
      if (x && y && compareFractions(x, y) !== 0) return compareFractions(y, x);
    }
    return 0;
  };
  const sorted = evaluations.slice().sort((a, b) => compare(a, b) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));

  const cap = s.topGradeCap === null ? Infinity : 'count' in s.topGradeCap ? s.topGradeCap.count : shareCap(s.topGradeCap, sorted.length);
  const top = s.grades[0]!;
  const next = s.grades[1];
  const out: RankedEvaluation[] = [];
  let admitted = 0;
  let closed = false;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && compare(sorted[i]!, sorted[j]!) === 0) j++;
    const group = sorted.slice(i, j);
    const inTop = group.filter((e) => e.grade.id === top.id).length;
    if (inTop > 0 && (closed || admitted + inTop > cap)) closed = true;
    else admitted += inTop;
    for (const e of group) {
      const demote = closed && e.grade.id === top.id && next !== undefined;
      out.push({ subject: e.subject, rank: i + 1, tied: group.length > 1, total: e.total, grade: demote ? next! : e.grade, capped: demote, evaluation: e });
    }
    i = j;
  }
  return out;
}

/** `share × n`, rounded as the cap says, at least its minimum (and so at least one by default). */
function shareCap(cap: { share: number; rounding: 'floor' | 'round' | 'ceil'; minimum: number }, n: number): number {
  const f: Fraction = times(exact(cap.share), whole(n));
  const floor = f.numerator / f.denominator; // non-negative: floor division
  const rest = f.numerator % f.denominator;
  const rounded = cap.rounding === 'floor' || rest === 0n ? floor : cap.rounding === 'ceil' ? floor + 1n : 2n * rest >= f.denominator ? floor + 1n : floor;
  return Math.max(Number(rounded), cap.minimum);
}
