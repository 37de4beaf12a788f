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

  test('transforms and unions do not compile (zod parses them)', () => {
    expect(compileFastParse(z.object({ a: z.string().trim() }))).toBeUndefined();
    expect(compileFastParse(z.union([z.string(), z.number()]))).toBeUndefined();
    expect(compileFastParse(z.object({ a: z.string() }).strict())).toBeUndefined();
  });
});
