import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CANNOT_JUDGE, type EvaluationSchemeInput, type Fraction, compareFractions, defineScheme, scoreEvaluation } from '@bihuan/core';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const add = (a: Fraction, b: Fraction): Fraction => reduce(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
const mul = (a: Fraction, b: Fraction): Fraction => reduce(a.numerator * b.numerator, a.denominator * b.denominator);
const reduce = (n: bigint, d: bigint): Fraction => {
  let [x, y] = [n < 0n ? -n : n, d];
  while (y) [x, y] = [y, x % y];
  return { numerator: n / x, denominator: d / x };
};
const equal = (a: Fraction, b: Fraction) => compareFractions(a, b) === 0;

/** A random valid scheme: 1–5 dimensions with integer percent weights summing to 100, 0–100 or 1–5 scales. */
const schemeArb = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }),
    levels: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    points: fc.boolean(),
    trimmed: fc.boolean(),
  })
  .map(({ cuts, levels, points, trimmed }): EvaluationSchemeInput => {
    const bounds = [0, ...cuts.sort((a, b) => a - b), 100];
    const weights = bounds.slice(1).map((b, i) => b - bounds[i]!);
    return {
      id: 'random',
      label: L('随机', 'Random'),
      weighting: points ? 'points' : 'fraction',
      total: 100,
      aggregation: trimmed ? 'trimmedMean' : 'mean',
      missing: 'skip',
      panel: { minAssessors: 1 },
      dimensions: weights.map((w, i) => ({
        id: `d${i}`,
        label: L(`维${i}`, `D${i}`),
        weight: points ? w : w / 100,
        scale: levels[i] ? { min: 1, max: 5, step: 1, cannotJudge: true } : { min: 0, max: 100, step: 0.5 },
      })),
      grades: [
        { id: 'excellent', min: 90, label: L('优秀', 'Excellent') },
        { id: 'pass', min: 60, label: L('合格', 'Pass') },
        { id: 'fail', min: 0, label: L('不合格', 'Fail') },
      ],
      adjustments: [
        { id: 'bonus', kind: 'bonus', max: 5, label: L('加分', 'Bonus') },
        { id: 'penalty', kind: 'penalty', max: 5, label: L('减分', 'Penalty') },
      ],
      bonusCap: 3,
    };
  });

/** A scheme with sheets of 1–7 assessors, each score valid for its scale (some "cannot judge"). */
const caseArb = schemeArb.chain((input) => {
  const scheme = defineScheme(input);
  const score = (i: number) =>
    scheme.dimensions[i]!.scale.cannotJudge
      ? fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(CANNOT_JUDGE as typeof CANNOT_JUDGE))
      : fc.integer({ min: 0, max: 200 }).map((n) => n / 2);
  const sheet = fc.record(Object.fromEntries(scheme.dimensions.map((d, i) => [d.id, score(i)])) as Record<string, fc.Arbitrary<number | 'cannotJudge'>>);
  return fc.record({
    scheme: fc.constant(scheme),
    sheets: fc.array(sheet, { minLength: 1, maxLength: 7 }).map((list) => list.map((scores, i) => ({ assessor: `a${i}`, scores }))),
    bonus: fc.integer({ min: 0, max: 10 }).map((n) => n / 2),
    penalty: fc.integer({ min: 0, max: 10 }).map((n) => n / 2),
  });
});

describe('properties of scoring', () => {
  test('the total always equals the weighted sum of its breakdown, plus bonus, minus penalty', () => {
    fc.assert(
      fc.property(caseArb, ({ scheme, sheets, bonus, penalty }) => {
        const r = scoreEvaluation(scheme, { subject: 'S', sheets, adjustments: { bonus, penalty } });
        if (!r.ok) return r.reasons.every((x) => x.rule === 'no_score');
        let total: Fraction = { numerator: 0n, denominator: 1n };
        for (const line of r.breakdown) {
          const d = scheme.dimensions.find((x) => x.id === line.dimension)!;
          // points = weight (points weighting) or weight × 100, exactly as written.
          const weight = reduce(BigInt(Math.round(d.weight * 100)), scheme.weighting === 'points' ? 100n : 1n);
          expect(equal(line.points, weight)).toBe(true);
          expect(equal(line.contribution, mul(line.points, line.share))).toBe(true);
          total = add(total, line.contribution);
        }
        expect(equal(r.base, total)).toBe(true);
        expect(equal(r.total, add(add(total, r.bonus), { numerator: -r.penalty.numerator, denominator: r.penalty.denominator }))).toBe(true);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  test('permuting the assessors never changes the result', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.record({ c: fc.constant(c), order: fc.shuffledSubarray(c.sheets, { minLength: c.sheets.length, maxLength: c.sheets.length }) })),
        ({ c, order }) => {
          const a = scoreEvaluation(c.scheme, { subject: 'S', sheets: c.sheets });
          const b = scoreEvaluation(c.scheme, { subject: 'S', sheets: order });
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 300 },
    );
  });
});
