import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, SIX_DIMENSIONS, defineScheme, evaluationStoreSpec, createMemoryStore, StoreError } from '@bihuan/core';
import { fiveLevels, L } from './fixtures.js';

const catchError = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as InvalidArgumentError;
  }
  throw new Error('did not throw');
};

describe('evaluation schemes as validated data', () => {
  test('the default preset is the source’s six dimensions in three pairs, weights summing to 1', () => {
    const scheme = defineScheme(SIX_DIMENSIONS);
    expect(scheme.dimensions.map((d) => d.id)).toEqual(['achievements', 'shortcomings', 'preTest', 'performance', 'rectification', 'accountability']);
    expect(scheme.dimensions.map((d) => d.pair)).toEqual(['doubleRequirement', 'doubleRequirement', 'doubleDrive', 'doubleDrive', 'doubleClosedLoop', 'doubleClosedLoop']);
    expect(scheme.dimensions.filter((d) => d.source === 'preTest')).toHaveLength(1);
    expect(scheme.grades.map((g) => g.label['zh-CN'])).toEqual(['优秀', '良好', '合格', '不合格']);
    expect(Object.isFrozen(scheme.dimensions[0])).toBe(true);
  });

  test('weights that do not sum to 1 are refused with a readable reason naming the field', () => {
    const dims = SIX_DIMENSIONS.dimensions.map((d) => (d.id === 'accountability' ? { ...d, weight: 0.1 } : d));
    const error = catchError(() => defineScheme({ ...SIX_DIMENSIONS, dimensions: dims }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe('scheme.dimensions[].weight');
    expect(error.text('zh-CN')).toContain('各维度权重之和为 0.95，应为 1（少 0.05）');
    expect(error.text('en')).toContain("the dimensions' weights sum to 0.95, not 1 (0.05 short)");
  });

  test('decimal weights are read exactly: 0.1 + 0.2 + 0.7 is 1, with no float error', () => {
    const dims = [0.1, 0.2, 0.7].map((weight, i) => ({ id: `d${i}`, label: L('维', 'D'), weight, scale: { min: 0, max: 100 } }));
    expect(() => defineScheme({ ...SIX_DIMENSIONS, dimensions: dims, tieBreak: [] })).not.toThrow();
  });

  test('points weights must sum to the points total', () => {
    expect(() => defineScheme(fiveLevels)).not.toThrow();
    const error = catchError(() => defineScheme({ ...fiveLevels, dimensions: fiveLevels.dimensions.map((d) => ({ ...d, weight: 6 })) }));
    expect(error.text('en')).toContain('sum to 12, not 10 (2 over)');
  });

  test('grade bands must fall strictly and reach 0; tie-breaks must be dimensions; ids unique', () => {
    expect(catchError(() => defineScheme({ ...fiveLevels, grades: [{ id: 'a', min: 5, label: L('甲', 'A') }, { id: 'b', min: 5, label: L('乙', 'B') }, { id: 'c', min: 0, label: L('丙', 'C') }] })).argument).toBe('scheme.grades[1].min');
    expect(catchError(() => defineScheme({ ...fiveLevels, grades: [{ id: 'a', min: 5, label: L('甲', 'A') }] })).argument).toBe('scheme.grades[0].min');
    expect(catchError(() => defineScheme({ ...fiveLevels, grades: [{ id: 'a', min: 50, label: L('甲', 'A') }, { id: 'b', min: 0, label: L('乙', 'B') }] })).text('en')).toContain('above the full score 10');
    expect(catchError(() => defineScheme({ ...fiveLevels, tieBreak: ['nope'] })).argument).toBe('scheme.tieBreak[0]');
    expect(catchError(() => defineScheme({ ...fiveLevels, dimensions: [fiveLevels.dimensions[0]!, { ...fiveLevels.dimensions[1]!, id: 'a' }] })).argument).toBe('scheme.dimensions[1].id');
    expect(catchError(() => defineScheme({ ...fiveLevels, dimensions: [{ ...fiveLevels.dimensions[0]!, scale: { min: 0, max: 10, step: 3 } }, fiveLevels.dimensions[1]!] })).argument).toBe('scheme.dimensions[0].scale.step');
  });

  test('structural mistakes name the argument path', () => {
    expect(catchError(() => defineScheme(null as never)).argument).toBe('scheme');
    expect(catchError(() => defineScheme({ ...fiveLevels, dimensions: [] })).argument).toBe('scheme.dimensions');
    expect(catchError(() => defineScheme({ ...fiveLevels, aggregation: 'median' as never })).argument).toBe('scheme.aggregation');
    expect(catchError(() => defineScheme({ ...fiveLevels, topGradeCap: { share: 2 } })).argument).toMatch(/^scheme\.topGradeCap/);
  });

  test('the store refuses a scheme whose weights do not sum, naming the path', async () => {
    const store = createMemoryStore(evaluationStoreSpec);
    await expect(store.put('schemes', SIX_DIMENSIONS)).resolves.toMatchObject({ id: 'shangqiu-six-dimensions' });
    const bad = { ...SIX_DIMENSIONS, id: 'bad', dimensions: SIX_DIMENSIONS.dimensions.map((d) => ({ ...d, weight: 0.1 })) };
    await expect(store.put('schemes', bad)).rejects.toBeInstanceOf(StoreError);
  });
});
