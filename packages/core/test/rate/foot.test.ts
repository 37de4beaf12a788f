import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from '@bihuan/core/schema';
import { footRound, formatFraction, type Fraction } from '@bihuan/core/rate';

const f = (numerator: bigint, denominator = 1n): Fraction => ({ numerator, denominator });
/** Sums decimal strings exactly, in units of 10^-decimals. */
const units = (text: string, decimals: number): bigint => {
  const negative = text.startsWith('-');
  const [whole, frac = ''] = text.replace(/^-/, '').replace(/,/g, '').split('.');
  const n = BigInt(whole! + frac.padEnd(decimals, '0'));
  return negative ? -n : n;
};

describe('footRound', () => {
  it('foots a scorecard whose exact total is 84.325: the rows sum to the 84.33 shown', () => {
    // Five rows of 16.865 each: rounded one by one they would show 16.87 five times, 84.35.
    const { parts, total } = footRound(Array.from({ length: 5 }, () => f(3373n, 200n)));
    expect(total).toBe('84.33');
    expect(parts).toEqual(['16.87', '16.87', '16.87', '16.86', '16.86']);
    const split = footRound([0.125, 0.125, 0.125, 0.125], { decimals: 2 });
    expect(split).toEqual({ parts: ['0.13', '0.13', '0.12', '0.12'], total: '0.5' });
  });

  it('gives the largest remainders the extra units, earlier parts first on a tie', () => {
    expect(footRound([1, 1, 1].map((n) => f(BigInt(n), 3n)), { decimals: 0, scale: 100n })).toEqual({ parts: ['34', '33', '33'], total: '100' });
    expect(footRound([f(1n, 6n), f(1n, 2n), f(1n, 3n)], { decimals: 1, scale: 100n })).toEqual({ parts: ['16.7', '50', '33.3'], total: '100' });
  });

  it('keeps negative parts (a penalty) and thousands separators', () => {
    expect(footRound([1234.567, -0.004], { decimals: 2 })).toEqual({ parts: ['1,234.57', '-0.01'], total: '1,234.56' });
    expect(footRound([])).toEqual({ parts: [], total: '0' });
  });

  it('always foots, and its total is the exact total as formatFraction shows it', () => {
    const part = fc.record({ n: fc.bigInt({ min: -10_000n, max: 10_000n }), d: fc.bigInt({ min: 1n, max: 997n }) });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('half-up' as const, 'half-even' as const), (raw, decimals, rounding) => {
        const parts = raw.map(({ n, d }) => f(n, d));
        const footed = footRound(parts, { decimals, rounding, trimZeros: false });
        const exactSum = parts.reduce((a, b) => f(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator), f(0n));
        expect(footed.total).toBe(formatFraction(exactSum, 1n, { decimals, rounding, trimZeros: false }));
        const shown = footed.parts.map((p) => units(p, decimals)).reduce((a, b) => a + b, 0n);
        expect(shown).toBe(units(footed.total, decimals));
        // No part moves by a whole unit or more from its exact value.
        footed.parts.forEach((p, i) => {
          const diff = units(p, decimals) * parts[i]!.denominator - parts[i]!.numerator * 10n ** BigInt(decimals);
          expect(diff < 0n ? -diff : diff).toBeLessThan(parts[i]!.denominator * 1n);
        });
      }),
    );
  });

  it('refuses what is not parts, naming the argument', () => {
    expect(() => footRound('1,2' as never)).toThrow(InvalidArgumentError);
    expect(() => footRound([1, Number.NaN])).toThrow(/parts\[1\]/);
    expect(() => footRound([{ numerator: 1, denominator: 2 } as never])).toThrow(/parts\[0\]/);
    expect(() => footRound([1], { scale: 100 as never })).toThrow(/options\.scale/);
    expect(() => footRound([1], { decimals: 11 })).toThrow(/options\.decimals/);
  });
});
