import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { compileFastParse, FAIL } from '../../src/loop/fast-parse.js';
import { disputeLoop } from '@bihuan/core';
import { PAYLOADS } from '../dispute/fixtures.js';

// The fast path must say exactly what zod says: the same output when valid, FAIL when zod refuses.
const schemas = Object.entries(disputeLoop.events).flatMap(([type, spec]) => (spec.payload ? [[type, spec.payload as z.ZodType] as const] : []));

function mutate(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return seed % 3 === 0 ? [] : value.map((v, i) => (i === seed % value.length ? mutate(v, seed >> 2) : v));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const key = keys[seed % keys.length]!;
    const copy: Record<string, unknown> = { ...value };
    if (seed % 5 === 0) delete copy[key];
    else if (seed % 5 === 1) copy.extra = 'stripped';
    else copy[key] = mutate(copy[key], seed >> 3);
    return copy;
  }
  const replacements = ['', ' ', 'x'.repeat(2001), 'court', '2025-02-30', '2025-10-01', null, undefined, 0, true, false, [], {}];
  return replacements[seed % replacements.length];
}

describe('compiled payload parsers agree with zod', () => {
  test.each(schemas)('%s compiles', (_type, schema) => {
    expect(compileFastParse(schema)).toBeTypeOf('function');
  });

  test.each(schemas)('%s: same verdict and output on 3,000 variations', (type, schema) => {
    const fast = compileFastParse(schema)!;
    const valid = PAYLOADS[type as keyof typeof PAYLOADS];
    fc.assert(
      fc.property(fc.nat(), fc.nat(3), (seed, depth) => {
        let input: unknown = valid;
        for (let i = 0; i < depth; i++) input = mutate(input, seed + i * 7919);
        const expected = schema.safeParse(input);
        const out = fast(input);
        if (expected.success) expect(out).toStrictEqual(expected.data);
        else expect(out).toBe(FAIL);
      }),
      { numRuns: 3000 },
    );
  });

  test('transforms, plain unions, strict objects and conditional refinements do not compile (zod parses them)', () => {
    expect(compileFastParse(z.object({ a: z.string().transform((v) => v.length) }))).toBeUndefined();
    expect(compileFastParse(z.union([z.string(), z.number()]))).toBeUndefined();
    expect(compileFastParse(z.object({ a: z.string() }).strict())).toBeUndefined();
    expect(compileFastParse(z.object({ a: z.string(), b: z.number() }).refine((v) => v.b > 0, { when: (p) => typeof p.value === 'object' }))).toBeUndefined();
  });

  // Records (not only payloads) go through the fast parsers: trimming, checks that write their own
  // issues, discriminated unions and unknown values must say exactly what zod says.
  const recordLike = z
    .object({
      name: z.string().trim().min(1).max(5),
      tag: z.string().toLowerCase().regex(/^[a-z]+$/).optional(),
      outcome: z.discriminatedUnion('kind', [z.object({ kind: z.literal('settled'), terms: z.array(z.string().min(1)).min(1) }), z.object({ kind: z.literal('referred'), to: z.enum(['court', 'arbitration']) })]).nullable(),
      extra: z.unknown().optional(),
      count: z.int().min(0),
    })
    .superRefine((v, ctx) => {
      if (v.outcome?.kind === 'referred' && v.count === 0) ctx.addIssue({ code: 'custom', path: ['count'], message: 'a referral counts' });
    })
    .check((ctx) => {
      if (ctx.value.name === 'stop') ctx.issues.push({ code: 'custom', message: 'no stop', input: ctx.value });
    });
  const field = fc.oneof(fc.constantFrom('陈', ' 陈 ', '   ', 'stop', ' stop', 'abcdef', ' abcde ', 'ABC', 'a1', 'settled', 'referred', 'court', 'arbitration', 'x'), fc.string({ maxLength: 7 }), fc.anything());
  const record = fc.record(
    {
      name: field,
      tag: field,
      outcome: fc.oneof(
        fc.constant(null),
        fc.record({ kind: fc.constantFrom('settled', 'referred', 'other'), terms: fc.array(field, { maxLength: 3 }), to: field }, { requiredKeys: ['kind'] }),
        field,
      ),
      extra: fc.oneof(fc.constant(undefined), fc.anything()),
      count: fc.oneof(fc.constantFrom(0, 1, -1, 1.5, 2 ** 53), field),
      stray: field,
    },
    { requiredKeys: [] },
  );

  test('trimming, superRefine, check(fn), discriminated unions and unknown values agree with zod', () => {
    const fast = compileFastParse(recordLike)!;
    expect(fast).toBeTypeOf('function');
    let passes = 0;
    fc.assert(
      fc.property(record, (input) => {
        const expected = recordLike.safeParse(input);
        const out = fast(input);
        if (expected.success) {
          passes++;
          expect(out).toStrictEqual(expected.data);
          if (expected.data.extra !== undefined) expect((out as { extra: unknown }).extra).toBe(expected.data.extra);
        } else expect(out).toBe(FAIL);
      }),
      { numRuns: 20_000 },
    );
    expect(passes).toBeGreaterThan(100);
  });

  test('refinements that write their own issues compile, and a failing one is a FAIL, not an exception', () => {
    const superRefined = z.object({ a: z.string() }).superRefine((v, ctx) => {
      if (v.a === 'x') ctx.addIssue({ code: 'custom', message: 'no x' });
    });
    const parse = compileFastParse(superRefined)!;
    expect(parse({ a: 'x' })).toBe(FAIL);
    expect(parse({ a: 'y', b: 1 })).toStrictEqual({ a: 'y' });
    const asyncRefined = z.object({ a: z.string() }).superRefine(async () => undefined);
    expect(compileFastParse(asyncRefined)!({ a: 'y' })).toBe(FAIL);
  });
});
