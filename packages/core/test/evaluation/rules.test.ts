import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  InvalidArgumentError,
  SIX_DIMENSIONS,
  type EvaluationResult,
  type EvaluationSchemeInput,
  type ScoredEvaluation,
  bandFor,
  checkReport,
  defineScheme,
  LawReportSchema,
  rankEvaluations,
  scoreEvaluation,
  scoreReport,
  shownTotal,
} from '@bihuan/core';
import { flat, goodReport, L, six } from './fixtures.js';

const at = '2026-01-10T10:00:00+08:00';
const report = () => LawReportSchema.parse(goodReport()); // unit 振兴区司法局
const sheet = (assessor: string, unit: string | undefined, n = 85) => ({ reportId: report().id, assessor, ...(unit === undefined ? {} : { unit }), scores: flat(n), submittedAt: at });
const reasons = (r: EvaluationResult) => (r.ok ? [] : r.reasons.map((x) => ({ rule: x.rule, field: x.field })));
const scored = (r: EvaluationResult): ScoredEvaluation => {
  if (!r.ok) throw new Error(`not scored: ${r.reasons.map((x) => x.message.en).join('; ')}`);
  return r;
};

describe('assessors: never their own unit, and a panel where a panel is meant', () => {
  test('an assessor of the unit being evaluated is refused (own_unit), naming the sheet', () => {
    const sheets = [sheet('zhang', '市委依法治市办'), sheet('li', '振兴区司法局'), sheet('wu', '市人大法工委'), sheet('he', '市法院')];
    const r = scoreReport(six(), report(), sheets);
    expect(r.ok).toBe(false);
    expect(reasons(r)).toEqual([{ rule: 'own_unit', field: 'sheets[1].unit' }]);
    expect(!r.ok && r.reasons[0]!.message).toEqual({
      'zh-CN': '评议人 li 属于被评议单位“振兴区司法局”，不能评议本单位',
      en: 'li acts for 振兴区司法局, the unit being evaluated, and may not evaluate their own unit',
    });
    // Without that sheet the panel of three scores the report.
    expect(scoreReport(six(), report(), sheets.filter((s) => s.assessor !== 'li')).ok).toBe(true);
    // The same rule holds for scoreEvaluation given the subject's unit.
    const direct = scoreEvaluation(six(), { subject: 'R', unit: 'A 局', preTest: 80, sheets: [{ assessor: 'x', unit: 'A 局', scores: flat(80) }, { assessor: 'y', unit: 'B 局', scores: flat(80) }, { assessor: 'z', unit: 'C 局', scores: flat(80) }] });
    expect(reasons(direct)).toEqual([{ rule: 'own_unit', field: 'sheets[0].unit' }]);
  });

  test('where the scheme requires it, a sheet that does not say its assessor’s unit is refused (assessor_unit_missing)', () => {
    const strict = defineScheme({ ...SIX_DIMENSIONS, panel: { minAssessors: 3, unitRequired: true } });
    const r = scoreReport(strict, report(), [sheet('zhang', '市委依法治市办'), sheet('wu', undefined), sheet('he', '市法院')]);
    expect(reasons(r)).toEqual([{ rule: 'assessor_unit_missing', field: 'sheets[1].unit' }]);
    expect(scoreReport(strict, report(), [sheet('zhang', '市委依法治市办'), sheet('wu', '市人大法工委'), sheet('he', '市法院')]).ok).toBe(true);
  });

  test('one assessor is refused where a panel is meant (panel_too_small); the size is the scheme’s', () => {
    const one = scoreReport(six(), report(), [sheet('zhang', '市委依法治市办')]);
    expect(reasons(one)).toEqual([{ rule: 'panel_too_small', field: 'sheets' }]);
    expect(!one.ok && one.reasons[0]!.message).toEqual({ 'zh-CN': '评议组至少需要 3 名评议人，现有 1 名', en: 'the panel needs at least 3 assessors; one has scored' });
    expect(reasons(scoreReport(six(), report(), [sheet('a', 'X'), sheet('b', 'Y')]))).toEqual([{ rule: 'panel_too_small', field: 'sheets' }]);
    expect(scoreReport(six(), report(), [sheet('a', 'X'), sheet('b', 'Y'), sheet('c', 'Z')]).ok).toBe(true);
    // A scheme that means a single assessor's rating says so; one without a word about it needs two.
    const single = defineScheme({ ...SIX_DIMENSIONS, panel: { minAssessors: 1 } });
    expect(scoreReport(single, report(), [sheet('a', 'X')]).ok).toBe(true);
    const { panel: _, ...noPanel } = SIX_DIMENSIONS;
    expect(defineScheme(noPanel).panel).toEqual({ minAssessors: 2, unitRequired: false });
    expect(() => defineScheme({ ...SIX_DIMENSIONS, panel: { minAssessors: 0 } })).toThrow(InvalidArgumentError);
  });
});

describe('a report that fails the double requirement cannot be scored', () => {
  test('scoreReport refuses it with the very rules checkReport names, whatever its sheets say', () => {
    const noShortcomings = LawReportSchema.parse({ ...goodReport(), shortcomings: [] });
    const check = checkReport(noShortcomings);
    expect(check.acceptable).toBe(false);
    const r = scoreReport(six(), noShortcomings, [sheet('a', 'X', 100), sheet('b', 'Y', 100), sheet('c', 'Z', 100)]);
    expect(r.ok).toBe(false);
    expect(reasons(r)).toEqual(check.problems.map((p) => ({ rule: p.rule, field: p.field })));
    expect(reasons(r)).toEqual([{ rule: 'shortcomings_required', field: 'shortcomings' }]);
    const noFigure = LawReportSchema.parse({ ...goodReport(), achievements: [{ text: '成效显著' }] });
    expect(reasons(scoreReport(six(), noFigure, [sheet('a', 'X'), sheet('b', 'Y'), sheet('c', 'Z')]))).toEqual([{ rule: 'claim_needs_evidence', field: 'achievements[0]' }]);
  });
});

describe('the displayed total and the grade never disagree', () => {
  /** One dimension, one assessor, any score: the total is the score. */
  const plain = (decimals?: number): EvaluationSchemeInput => ({
    id: 'plain',
    label: L('单维', 'Plain'),
    dimensions: [{ id: 'x', label: L('综合', 'Overall'), weight: 1, scale: { min: 0, max: 100 } }],
    panel: { minAssessors: 1 },
    ...(decimals === undefined ? {} : { decimals }),
    grades: [
      { id: 'excellent', min: 90, label: L('优秀', 'Excellent') },
      { id: 'good', min: 80, label: L('良好', 'Good') },
      { id: 'fail', min: 0, label: L('不合格', 'Fail') },
    ],
  });
  const score = (scheme: EvaluationSchemeInput, x: number) => scored(scoreEvaluation(defineScheme(scheme), { subject: 'S', sheets: [{ assessor: 'a', scores: { x } }] }));

  test('an exact 89.9955 shows "90" and is 优秀: the grade is read from the total as shown', () => {
    const r = score(plain(), 89.9955);
    expect(r.total).toEqual({ numerator: 179991n, denominator: 2000n });
    expect(r.shown).toBe('90');
    expect(r.grade.label['zh-CN']).toBe('优秀');
    // Shown with four decimals it is 89.9955, and 良好.
    const fine = score(plain(4), 89.9955);
    expect([fine.shown, fine.grade.label['zh-CN']]).toEqual(['89.9955', '良好']);
    expect(score(plain(), 89.9949).shown).toBe('89.99');
    expect(score(plain(), 89.9949).grade.id).toBe('good');
  });

  test('property: the grade is always the band of the figure shown', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }), (n, decimals) => {
        const scheme = defineScheme(plain(decimals));
        const r = score(plain(decimals), n / 10_000);
        const shown = Number(r.shown);
        const expected = shown >= 90 ? 'excellent' : shown >= 80 ? 'good' : 'fail';
        expect(r.grade.id).toBe(expected);
        expect(bandFor(scheme, r.total).id).toBe(expected);
        expect(shownTotal(scheme, r.total)).toEqual(shownTotal(scheme, shownTotal(scheme, r.total)));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('the cap on 优秀 has a rounding rule and a minimum', () => {
  const panel = (n: number) => ['a', 'b', 'c'].map((assessor) => ({ assessor, scores: flat(n) }));
  const units = (scheme: ReturnType<typeof six>, scores: number[]) =>
    rankEvaluations(scheme, scores.map((n, i) => scored(scoreEvaluation(scheme, { subject: `U${i + 1}`, sheets: panel(n), preTest: n }))));
  const excellent = (ranked: ReturnType<typeof units>) => ranked.filter((r) => r.grade.id === 'excellent').map((r) => r.subject);

  test('a unit of three under the preset’s 30% cap can have one 优秀 (floor 0.9 = 0, minimum 1)', () => {
    expect(excellent(units(six(), [98, 95, 92]))).toEqual(['U1']);
    const none = defineScheme({ ...SIX_DIMENSIONS, topGradeCap: { share: 0.3, rounding: 'floor', minimum: 0 } });
    expect(excellent(units(none, [98, 95, 92]))).toEqual([]);
  });

  test('floor, round and ceil', () => {
    const cap = (rounding: 'floor' | 'round' | 'ceil') => defineScheme({ ...SIX_DIMENSIONS, topGradeCap: { share: 0.3, rounding } });
    const five = [99, 98, 97, 96, 95]; // 30% of 5 = 1.5
    expect(excellent(units(cap('floor'), five))).toEqual(['U1']);
    expect(excellent(units(cap('round'), five))).toEqual(['U1', 'U2']);
    expect(excellent(units(cap('ceil'), five.slice(0, 4)))).toEqual(['U1', 'U2']); // 1.2 → 2
    expect(excellent(units(cap('round'), five.slice(0, 4)))).toEqual(['U1']); // 1.2 → 1
    expect(() => defineScheme({ ...SIX_DIMENSIONS, topGradeCap: { share: 0.3, rounding: 'up' as never } })).toThrow(InvalidArgumentError);
  });
});

describe('weight-sum errors read sensibly', () => {
  test('a sum a hair from 1 shows the digits that tell it from 1, never "sum to 1, not 1 (0 short)"', () => {
    const dims = SIX_DIMENSIONS.dimensions.map((d) => (d.id === 'accountability' ? { ...d, weight: 0.1499999 } : d));
    let error: InvalidArgumentError | undefined;
    try {
      defineScheme({ ...SIX_DIMENSIONS, dimensions: dims });
    } catch (e) {
      error = e as InvalidArgumentError;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error!.argument).toBe('scheme.dimensions[].weight');
    expect(error!.text('en')).toContain("the dimensions' weights sum to 0.9999999, not 1 (0.0000001 short)");
    expect(error!.text('zh-CN')).toContain('各维度权重之和为 0.9999999，应为 1（少 0.0000001）');
    const over = SIX_DIMENSIONS.dimensions.map((d) => (d.id === 'accountability' ? { ...d, weight: 0.15000000001 } : d));
    try {
      defineScheme({ ...SIX_DIMENSIONS, dimensions: over });
    } catch (e) {
      expect((e as InvalidArgumentError).text('en')).toContain('sum to 1.00000000001, not 1 (0.00000000001 over)');
    }
  });
});
