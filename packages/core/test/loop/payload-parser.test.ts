import { describe, expect, test } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as z from 'zod';
import * as core from '@bihuan/core';
import { payloadParser, usePayloadCompiler } from '../../src/loop/payload-parser.js';

// In Node (core's `node` entry) the engine parses payloads with zod's compiled parser of each
// event's schema. It must answer exactly as the schema itself does — the same values, keys in the
// same order, and for a payload it refuses the same issues — for every payload schema core ships.

type Json = { type?: string | string[]; properties?: Record<string, Json>; required?: string[]; items?: Json; minItems?: number; maxItems?: number; minLength?: number; maxLength?: number; pattern?: string; enum?: unknown[]; const?: unknown; anyOf?: Json[]; oneOf?: Json[]; minimum?: number; maximum?: number; default?: unknown };

const loops = (Object.values(core) as unknown[]).filter(
  (v): v is core.AnyLoopDefinition => v !== null && typeof v === 'object' && 'events' in v && 'states' in v && typeof (v as { id?: unknown }).id === 'string',
);
const schemas = loops.flatMap((def) =>
  Object.entries(def.events as Record<string, { payload?: z.core.$ZodType }>).flatMap(([type, spec]) => (spec.payload ? [{ name: `${def.id}.${type}`, schema: spec.payload }] : [])),
);

const DAY = 86_400_000;
const dates = fc.integer({ min: -30_000, max: 60_000 }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));
const instants = fc.integer({ min: -2_000_000_000_000, max: 5_000_000_000_000 }).map((ms) => new Date(ms).toISOString());
const junk = fc.oneof(
  fc.constantFrom(undefined, null, true, 0, -0, Number.NaN, '', ' ', '\u3000', '2025-02-30', '2025-9-1', '2025-09-26T09:30:00', 'x'.repeat(2001), [], {}),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
);

/** Values shaped by the schema's JSON Schema (zod's public `toJSONSchema`), some of them broken. */
function arbitrary(s: Json, depth = 0): fc.Arbitrary<unknown> {
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const options = s.anyOf ?? s.oneOf;
    if (options) return fc.oneof(...options.map((o) => arbitrary(o, depth + 1)));
    const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if (type.length > 1) return fc.oneof(...type.map((t) => arbitrary({ ...s, type: t }, depth + 1)));
    switch (type[0]) {
      case 'object': {
        const props = Object.entries(s.properties ?? {});
        const required = new Set(s.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of props) record[k] = arbitrary(v, depth + 1);
        const optional = props.map(([k]) => k).filter((k) => !required.has(k));
        return fc.tuple(fc.record(record, { requiredKeys: [...required].filter((k) => k in record) }), fc.subarray(optional), fc.option(fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor'), junk), { nil: undefined })).map(([value, dropped, extra]) => {
          const out: Record<string, unknown> = { ...value };
          for (const k of dropped) delete out[k];
          if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
          return out;
        });
      }
      case 'array':
        return fc.array(arbitrary(s.items ?? {}, depth + 1), { minLength: Math.max(0, (s.minItems ?? 0) - 1), maxLength: Math.min(s.maxItems ?? 6, 6) });
      case 'string': {
        const min = s.minLength ?? 0;
        const max = Math.min(s.maxLength ?? 40, 40);
        const choices: fc.Arbitrary<unknown>[] = [fc.string({ minLength: min, maxLength: Math.max(min, max) }), fc.string({ unit: 'grapheme', minLength: Math.max(0, min - 1), maxLength: Math.max(min, max) })];
        if (s.pattern) choices.push(fc.stringMatching(new RegExp(s.pattern)).filter((t) => t.length >= min && t.length <= (s.maxLength ?? Infinity)));
        if (s.minLength === 10 && s.maxLength === 10) choices.push(dates, dates);
        if (s.maxLength === 40) choices.push(instants, instants);
        return fc.oneof(...choices);
      }
      case 'integer':
        return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e9), max: Math.min(s.maximum ?? 1000, 1e9) });
      case 'number':
        return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return junk;
    }
  })();
  // Now and then anything at all in place of a well-shaped value, at any depth.
  return fc.oneof({ weight: depth === 0 ? 12 : 8, arbitrary: shaped }, { weight: 1, arbitrary: junk });
}

function same(schema: z.core.$ZodType, parser: z.core.$ZodType, input: unknown): boolean {
  const a = z.safeParse(schema, input);
  const b = z.safeParse(parser, input);
  if (a.success !== b.success) return false;
  if (a.success && b.success) return isDeepStrictEqual(b.data, a.data) && JSON.stringify(b.data) === JSON.stringify(a.data) && Object.getPrototypeOf(b.data) === Object.getPrototypeOf(a.data);
  return !a.success && !b.success && isDeepStrictEqual(b.error.issues, a.error.issues);
}

usePayloadCompiler((schema) => z.compile(schema));

describe('compiled payload parsers', () => {
  test('are made, once a compiler is set, for every payload schema core ships', () => {
    expect(schemas.length).toBeGreaterThan(40);
    for (const { name, schema } of schemas) expect(payloadParser(schema), name).not.toBe(schema);
  });

  test.each(schemas.map((s) => [s.name, s] as const))('%s answers as its schema does', (_name, { schema }) => {
    const parser = payloadParser(schema);
    const shape = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
    let accepted = 0;
    fc.assert(
      fc.property(arbitrary(shape), (input) => {
        if (z.safeParse(schema, input).success) accepted++;
        return same(schema, parser, input);
      }),
      { numRuns: 300 },
    );
    // The generator reaches both answers: valid payloads and refused ones.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(300);
  });

  test('a refused payload leaves it unchanged, and an accepted one is a fresh value', () => {
    for (const { schema } of schemas) {
      const parser = payloadParser(schema);
      const input = { departments: ['court'], extra: 1 };
      const before = JSON.stringify(input);
      const r = z.safeParse(parser, input);
      expect(JSON.stringify(input)).toBe(before);
      if (r.success) expect(r.data).not.toBe(input);
    }
  });
});
