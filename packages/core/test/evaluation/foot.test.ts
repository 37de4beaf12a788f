import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { scoreEvaluation } from '@bihuan/core';
import { six } from './fixtures.js';

/** A shown decimal in hundredths, exactly. */
const hundredths = (text: string): number => Math.round(Number(text.replace(/,/g, '')) * 100);

describe('a scorecard foots: the parts shown beside the total add up to the total shown', () => {
  test('property: contributions, bonus and penalty as shown sum to `shown`, each within one hundredth of its exact value', () => {
    const score = fc.integer({ min: 0, max: 200 }).map((n) => n / 2);
    const sheetOf = fc.record({ achievements: score, shortcomings: score, performance: score, rectification: score, accountability: score });
    fc.assert(
      fc.property(fc.array(sheetOf, { minLength: 3, maxLength: 7 }), score, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 500 }), (sheets, preTest, bonus, penalty) => {
        const r = scoreEvaluation(six(), {
          subject: 'R',
          preTest,
          sheets: sheets.map((scores, i) => ({ assessor: `a${i}`, unit: `U${i}`, scores })),
          adjustments: { innovation: bonus / 100, overdueRectification: penalty / 100 },
        });
        if (!r.ok) throw new Error('not scored');
        const { contributions, bonus: b, penalty: p } = r.shownParts;
        expect(contributions).toHaveLength(r.breakdown.length);
        const sum = contributions.reduce((acc, c) => acc + hundredths(c), 0) + hundredths(b) + hundredths(p);
        expect(sum).toBe(hundredths(r.shown));
        r.breakdown.forEach((line, i) => {
          const exact = Number(line.contribution.numerator) / Number(line.contribution.denominator);
          expect(Math.abs(hundredths(contributions[i]!) - exact * 100)).toBeLessThan(1 + 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });
});
