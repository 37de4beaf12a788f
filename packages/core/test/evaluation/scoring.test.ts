import { describe, expect, test } from 'vitest';
import {
  CANNOT_JUDGE,
  SIX_DIMENSIONS,
  type ScoredEvaluation,
  type EvaluationResult,
  type EvaluationInput,
  defineScheme,
  formatScore,
  rankEvaluations,
  scoreEvaluation,
} from '@bihuan/core';
import { argumentOf, fiveLevels, flat, six } from './fixtures.js';

const scored = (r: EvaluationResult): ScoredEvaluation => {
  if (!r.ok) throw new Error(`not scored: ${r.reasons.map((x) => x.message.en).join('; ')}`);
  return r;
};

/** Three assessors (the preset's smallest panel) giving the same scores: the averages are those scores. */
const panelOf = (scores: Record<string, number>) => ['a', 'b', 'c'].map((assessor) => ({ assessor, scores }));

const sheets = [
  { assessor: 'a1', scores: { achievements: 80, shortcomings: 70, performance: 60, rectification: 90, accountability: 85 } },
  { assessor: 'a2', scores: { achievements: 85, shortcomings: 70, performance: 100, rectification: 90, accountability: 85 } },
  { assessor: 'a3', scores: { achievements: 90, shortcomings: 70, performance: 80, rectification: 90, accountability: 85 } },
  { assessor: 'a4', scores: { achievements: 95, shortcomings: 70, performance: 80, rectification: 90, accountability: 85 } },
  { assessor: 'a5', scores: { achievements: 100, shortcomings: 70, performance: 80, rectification: 90, accountability: 85 } },
];

describe('scoring an evaluation', () => {
  test('the trimmed mean, the pre-test with its own weight, and a breakdown that explains the total', () => {
    const r = scored(scoreEvaluation(six(), { subject: 'R1', sheets, preTest: 88 }));
    const line = (id: string) => r.breakdown.find((b) => b.dimension === id)!;
    expect(formatScore(line('achievements').average)).toBe('90');
    expect(line('achievements').trimmed).toEqual(['a1', 'a5']);
    expect(formatScore(line('achievements').contribution)).toBe('18');
    expect(formatScore(line('performance').average)).toBe('80'); // 60 and 100 dropped
    expect(formatScore(line('preTest').contribution)).toBe('13.2'); // 0.15 × 88
    expect(line('preTest').counted).toEqual([{ assessor: 'preTest', score: { numerator: 88n, denominator: 1n } }]);
    expect(formatScore(r.total)).toBe('83.45');
    expect(r.total).toEqual({ numerator: 1669n, denominator: 20n }); // exact, never a float
    expect(r.grade.label['zh-CN']).toBe('良好');
  });

  test('bonus and penalty items are capped, per item and in sum', () => {
    const capped = defineScheme({ ...SIX_DIMENSIONS, adjustments: [...SIX_DIMENSIONS.adjustments!, { id: 'extra', kind: 'bonus', max: 2, label: { 'zh-CN': '其他', en: 'Other' } }] });
    const r = scored(scoreEvaluation(capped, { subject: 'R1', sheets, preTest: 88, adjustments: { innovation: 3, extra: 2, overdueRectification: 5 } }));
    expect(formatScore(r.bonus)).toBe('3'); // 5 asked, the scheme's bonus cap is 3
    expect(r.bonusCapped).toBe(true);
    expect(formatScore(r.penalty)).toBe('5');
    expect(formatScore(r.total)).toBe('81.45');
    expect(argumentOf(() => scoreEvaluation(capped, { subject: 'R1', sheets, preTest: 88, adjustments: { innovation: 4 } }))).toBe('input.adjustments.innovation');
  });

  test('one failed veto item puts the whole evaluation in the lowest band, whatever its total', () => {
    const all100 = sheets.map((s) => ({ ...s, scores: flat(100) }));
    const clean = scored(scoreEvaluation(six(), { subject: 'R1', sheets: all100, preTest: 100 }));
    expect(clean.grade.id).toBe('excellent');
    const vetoed = scored(scoreEvaluation(six(), { subject: 'R1', sheets: all100, preTest: 100, vetoed: ['falseReport'] }));
    expect(formatScore(vetoed.total)).toBe('100');
    expect(vetoed.grade.label).toEqual({ 'zh-CN': '不合格', en: 'Fail' });
    expect(vetoed.vetoed.map((v) => v.id)).toEqual(['falseReport']);
    expect(argumentOf(() => scoreEvaluation(six(), { subject: 'R1', sheets: all100, preTest: 100, vetoed: ['nope'] }))).toBe('input.vetoed[0]');
  });

  test('"cannot judge" leaves the denominator: (5 + 3) / 2, not (5 + 3 + 0) / 3', () => {
    const scheme = defineScheme(fiveLevels);
    const r = scored(scoreEvaluation(scheme, {
      subject: 'X',
      sheets: [
        { assessor: 'p', scores: { a: 5, b: 4 } },
        { assessor: 'q', scores: { a: 3, b: CANNOT_JUDGE } },
        { assessor: 'r', scores: { a: CANNOT_JUDGE, b: CANNOT_JUDGE } },
      ],
    }));
    const a = r.breakdown[0]!;
    expect(formatScore(a.average)).toBe('4');
    expect(a.cannotJudge).toEqual(['r']);
    expect(formatScore(a.share)).toBe('0.75'); // (4 − 1) / (5 − 1)
    expect(formatScore(a.contribution)).toBe('4.5'); // 6 points × 0.75
    expect(formatScore(r.breakdown[1]!.contribution)).toBe('3'); // only p's 4 counts: 4 × 3/4
    expect(formatScore(r.total)).toBe('7.5');
    // A scale without "cannot judge" refuses the answer, naming the field.
    expect(argumentOf(() => scoreEvaluation(six(), { subject: 'R', sheets: [{ assessor: 'a', scores: { ...flat(80), shortcomings: CANNOT_JUDGE } }], preTest: 80 }))).toBe('input.sheets[0].scores.shortcomings');
  });

  test('missing scores follow the stated rule — never a silent zero', () => {
    const scheme = defineScheme(fiveLevels);
    const input: EvaluationInput = { subject: 'X', sheets: [{ assessor: 'p', scores: { a: 5, b: 5 } }, { assessor: 'q', scores: { a: 1 } }] };
    const refused = scoreEvaluation(scheme, input);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reasons).toEqual([{ rule: 'score_blank', dimension: 'b', assessors: ['q'], message: { 'zh-CN': '“乙”有评议人未打分：q', en: 'B is blank on the sheet of q' } }]);
    // Under `skip` the blank is treated as "cannot judge": b is p's 5 alone.
    const skipped = scored(scoreEvaluation(defineScheme({ ...fiveLevels, missing: 'skip' }), input));
    expect(skipped.breakdown[1]!.blank).toEqual(['q']);
    expect(formatScore(skipped.breakdown[1]!.average)).toBe('5');
    // All "cannot judge", or no sheets at all: the dimension has no score, so there is no total.
    const none = scoreEvaluation(scheme, { subject: 'X', sheets: [{ assessor: 'p', scores: { a: CANNOT_JUDGE, b: 3 } }, { assessor: 'q', scores: { a: CANNOT_JUDGE, b: 4 } }] });
    expect(!none.ok && none.reasons.map((r) => `${r.rule}:${r.dimension}`)).toEqual(['no_score:a']);
    // The pre-test score is required when the scheme has a pre-test dimension.
    const noTest = scoreEvaluation(six(), { subject: 'R', sheets: panelOf(flat(80)) });
    expect(!noTest.ok && noTest.reasons.map((r) => r.rule)).toEqual(['pre_test_missing']);
  });

  test('bad input is refused with a typed error naming the argument', () => {
    const scheme = six();
    expect(argumentOf(() => scoreEvaluation(null as never, { subject: 'R', sheets: [] }))).toBe('scheme');
    expect(argumentOf(() => scoreEvaluation(scheme, null as never))).toBe('input');
    expect(argumentOf(() => scoreEvaluation(scheme, { subject: '', sheets: [] }))).toBe('input.subject');
    expect(argumentOf(() => scoreEvaluation(scheme, { subject: 'R', sheets: [{ assessor: 'a', scores: { ...flat(80), achievements: 101 } }], preTest: 80 }))).toBe('input.sheets[0].scores.achievements');
    expect(argumentOf(() => scoreEvaluation(scheme, { subject: 'R', sheets: [{ assessor: 'a', scores: { ...flat(80), achievements: 80.25 } }], preTest: 80 }))).toBe('input.sheets[0].scores.achievements');
    expect(argumentOf(() => scoreEvaluation(scheme, { subject: 'R', sheets: [{ assessor: 'a', scores: { ...flat(80), preTest: 80 } }], preTest: 80 }))).toBe('input.sheets[0].scores.preTest');
    expect(argumentOf(() => scoreEvaluation(scheme, { subject: 'R', sheets: [{ assessor: 'a', scores: { nope: 1 } }] }))).toBe('input.sheets[0].scores.nope');
    expect(argumentOf(() => scoreEvaluation(scheme, { subject: 'R', sheets: [{ assessor: 'a', scores: {} }, { assessor: 'a', scores: {} }] }))).toBe('input.sheets[1].assessor');
    expect(argumentOf(() => scoreEvaluation(scheme, { subject: 'R', sheets: [], preTest: 120 }))).toBe('input.preTest');
    expect(argumentOf(() => scoreEvaluation(defineScheme(fiveLevels), { subject: 'R', sheets: [], preTest: 50 }))).toBe('input.preTest');
    expect(argumentOf(() => formatScore(0.5 as never))).toBe('value');
  });
});

describe('ranking', () => {
  const result = (subject: string, score: number, preTest: number, extra: object = {}) =>
    scored(scoreEvaluation(six(), { subject, sheets: panelOf(flat(score)), preTest, ...extra }));

  test('ties: equal totals are broken by the tie-break dimensions, then share a rank (1, 2, 2, 4)', () => {
    // C has exactly B's total (performance +1.5, pre-test −1.5) but a lower pre-test, the first tie-break.
    const a = result('A', 95, 95);
    const b = result('B', 85, 85);
    const c = scored(scoreEvaluation(six(), { subject: 'C', sheets: panelOf({ ...flat(85), performance: 95 }), preTest: 75 }));
    expect(c.total).toEqual(b.total);
    const d = result('D', 85, 85);
    const e = result('E', 70, 70);
    const ranked = rankEvaluations(six(), [e, d, c, b, a]);
    expect(ranked.map((r) => `${r.rank}${r.subject}${r.tied ? '=' : ''}`)).toEqual(['1A', '2B=', '2D=', '4C', '5E']);
  });

  test('vetoed evaluations rank last; the cap on 优秀 is never exceeded, a tie across it falls whole', () => {
    const scheme = defineScheme({ ...SIX_DIMENSIONS, topGradeCap: { count: 2 } });
    const r = (subject: string, score: number, extra: object = {}) => scored(scoreEvaluation(scheme, { subject, sheets: panelOf(flat(score)), preTest: score, ...extra }));
    const ranked = rankEvaluations(scheme, [r('A', 98), r('B', 95), r('C', 95), r('D', 92), r('V', 100, { vetoed: ['majorViolation'] })]);
    expect(ranked.map((x) => `${x.rank}${x.subject}:${x.grade.id}${x.capped ? '*' : ''}`)).toEqual(['1A:excellent', '2B:good*', '2C:good*', '4D:good*', '5V:fail']);
    // A share: 30% of 10 is 3.
    const shareRanked = rankEvaluations(six(), ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((s, i) => result(s, 99 - i, 99 - i)));
    expect(shareRanked.filter((x) => x.grade.id === 'excellent').map((x) => x.subject)).toEqual(['A', 'B', 'C']);
  });

  test('ranking refuses what is not a scored result of this scheme', () => {
    const a = result('A', 90, 90);
    expect(argumentOf(() => rankEvaluations(six(), 'x' as never))).toBe('evaluations');
    expect(argumentOf(() => rankEvaluations(six(), [a, a]))).toBe('evaluations[1].subject');
    expect(argumentOf(() => rankEvaluations(six(), [{ ok: false } as never]))).toBe('evaluations[0]');
    expect(argumentOf(() => rankEvaluations(defineScheme(fiveLevels), [a]))).toBe('evaluations[0].schemeId');
  });
});
