import { expect } from 'vitest';
import { type EvaluationSchemeInput, InvalidArgumentError, type LawReportInput, SIX_DIMENSIONS, defineScheme } from '@bihuan/core';
import { exampleLawReport } from '@bihuan/core/examples';

export const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The default preset, validated. */
export const six = () => defineScheme(SIX_DIMENSIONS);

/** A small 1–5 scheme with "cannot judge", plain means, no pre-test. */
export const fiveLevels: EvaluationSchemeInput = {
  id: 'five-levels',
  label: L('五级评议', 'Five levels'),
  weighting: 'points',
  total: 10,
  dimensions: [
    { id: 'a', label: L('甲', 'A'), weight: 6, scale: { min: 1, max: 5, step: 1, cannotJudge: true } },
    { id: 'b', label: L('乙', 'B'), weight: 4, scale: { min: 1, max: 5, step: 1, cannotJudge: true } },
  ],
  aggregation: 'mean',
  grades: [
    { id: 'excellent', min: 9, label: L('优秀', 'Excellent') },
    { id: 'pass', min: 5, label: L('合格', 'Pass') },
    { id: 'fail', min: 0, label: L('不合格', 'Fail') },
  ],
};

/** Scores of the assessor-scored dimensions of the preset, one number for all. */
export const flat = (n: number) => ({ achievements: n, shortcomings: n, performance: n, rectification: n, accountability: n });

/** A report that keeps the double requirement (two shortcomings). */
export const goodReport = (): LawReportInput => exampleLawReport();

/** The argument an `InvalidArgumentError` names, failing when `fn` does not throw one. */
export function argumentOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return (e as InvalidArgumentError).argument;
  }
  throw new Error('did not throw');
}
