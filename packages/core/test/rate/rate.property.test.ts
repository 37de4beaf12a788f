import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { formatChange, formatPoints, formatRate } from '@bihuan/core';

// A reference written the slow, obvious way in BigInt, to check the fast paths against.
function reference(num: bigint, den: bigint, decimals: number, rounding: 'half-up' | 'half-even'): string {
  const negative = num < 0n;
  const mag = negative ? -num : num;
  const scaled = mag * 100n * 10n ** BigInt(decimals);
  let q = scaled / den;
  const r = scaled % den;
  if (2n * r > den || (2n * r === den && (rounding === 'half-up' || q % 2n === 1n))) q += 1n;
  let s = q.toString().padStart(decimals + 1, '0');
  let whole = decimals ? s.slice(0, -decimals) : s;
  let frac = decimals ? s.slice(-decimals) : '';
  frac = frac.replace(/0+$/, '');
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  s = whole + (frac ? `.${frac}` : '');
  return (negative && q !== 0n ? '-' : '') + s;
}

/** The reference share: rounded as asked, except that only n = d prints 100% and only n = 0 prints 0%. */
function referenceShare(n: bigint, d: bigint, decimals: number, mode: 'half-up' | 'half-even'): string {
  const shown = reference(n, d, decimals, mode);
  const step = decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
  if (n !== d && shown === '100') return `99${decimals ? `.${'9'.repeat(decimals)}` : ''}`;
  if (n !== 0n && shown === '0') return step;
  return shown;
}

const rounding = fc.constantFrom('half-up' as const, 'half-even' as const);
const decimals = fc.integer({ min: 0, max: 6 });

describe('rate arithmetic against a BigInt reference', () => {
  test('formatRate, small and large counts', () => {
    const pair = fc
      .oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }))
      .chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(pair, decimals, rounding, ([n, d], dec, mode) => {
        expect(formatRate(n, d, { decimals: dec, rounding: mode })).toBe(`${referenceShare(BigInt(n), BigInt(d), dec, mode)}%`);
      }),
      { numRuns: 20_000 },
    );
  });

  test('formatRate with bigint counts', () => {
    const pair = fc.bigInt({ min: 1n, max: 10n ** 30n }).chain((d) => fc.tuple(fc.bigInt({ min: 0n, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(pair, decimals, rounding, ([n, d], dec, mode) => {
        expect(formatRate(n, d, { decimals: dec, rounding: mode })).toBe(`${referenceShare(n, d, dec, mode)}%`);
      }),
      { numRuns: 5_000 },
    );
  });

  test('half-way values round as stated (n / 2^k are exact halves)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 << 20 }), fc.integer({ min: 3, max: 20 }), rounding, (n, k, mode) => {
        const d = 2 ** k;
        fc.pre(n <= d);
        expect(formatRate(n, d, { rounding: mode })).toBe(`${referenceShare(BigInt(n), BigInt(d), 2, mode)}%`);
      }),
      { numRuns: 5_000 },
    );
  });

  test('formatChange and formatPoints', () => {
    const count = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(count, fc.integer({ min: 1, max: 10_000_000 }), (c, p) => {
        expect(formatChange(c, p)).toBe(`${reference(BigInt(c - p), BigInt(p), 2, 'half-up')}%`);
      }),
      { numRuns: 10_000 },
    );
    const share = fc.integer({ min: 1, max: 100_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(share, share, ([an, ad], [bn, bd]) => {
        const num = BigInt(an) * BigInt(bd) - BigInt(bn) * BigInt(ad);
        expect(formatPoints([an, ad], [bn, bd])).toBe(reference(num, BigInt(ad) * BigInt(bd), 2, 'half-up'));
      }),
      { numRuns: 10_000 },
    );
  });

  test('a rate prints 100% iff numerator = denominator, and 0% iff numerator = 0', () => {
    const share = fc
      .oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }))
      .chain((d) => fc.tuple(fc.oneof(fc.integer({ min: 0, max: d }), fc.integer({ min: Math.max(0, d - 3), max: d }), fc.integer({ min: 0, max: Math.min(d, 3) })), fc.constant(d)));
    fc.assert(
      fc.property(share, decimals, rounding, fc.boolean(), ([n, d], dec, mode, big) => {
        const shown = big ? formatRate(BigInt(n), BigInt(d), { decimals: dec, rounding: mode }) : formatRate(n, d, { decimals: dec, rounding: mode });
        expect(shown === '100%').toBe(n === d);
        expect(shown === '0%').toBe(n === 0);
      }),
      { numRuns: 20_000 },
    );
  });
});
