import type * as z from '../schema/zod.js';
import { type CheckPlan, type FieldPlan, notBlank, type Plan, planOf } from './parse-plan.js';

/**
 * Parsing without zod's general machinery, for payloads and stored records. A fast parser only says "valid, here is the
 * output" — exactly zod's output — or FAIL; on FAIL the caller asks zod, whose issue then names
 * the field. Two kinds exist: the closures built here from any schema's plan at run time, and the
 * generated parsers of our own loops (`*.generated.ts`), which are plain functions and several
 * times faster because each property load sees one shape.
 */
export const FAIL: unique symbol = Symbol('bihuan.fastParse.fail');
export type FastParse = (value: unknown) => unknown;

/** Precompiled parsers for a loop's payload schemas, keyed by the schema (see `defineLoop`). */
export type PayloadParsers = ReadonlyMap<z.ZodType, FastParse>;

/** One check as a step: the value (or its replacement, for an overwrite), or FAIL. */
type Step = (value: never) => unknown;

function step(plan: CheckPlan): Step {
  switch (plan.check) {
    case 'min_length': {
      const min = plan.value;
      return (v: { length: number }) => (v.length >= min ? v : FAIL);
    }
    case 'max_length': {
      const max = plan.value;
      return (v: { length: number }) => (v.length <= max ? v : FAIL);
    }
    case 'pattern': {
      const pattern = plan.pattern;
      return (v: string) => (pattern.test(v) ? v : FAIL);
    }
    case 'greater_than': {
      const bound = plan.value;
      return plan.inclusive ? (v: number) => (v >= bound ? v : FAIL) : (v: number) => (v > bound ? v : FAIL);
    }
    case 'less_than': {
      const bound = plan.value;
      return plan.inclusive ? (v: number) => (v <= bound ? v : FAIL) : (v: number) => (v < bound ? v : FAIL);
    }
    case 'custom': {
      const fn = plan.fn;
      // An async refinement returns a promise: not a pass here, so zod decides.
      return (v: never) => (fn(v) === true ? v : FAIL);
    }
    case 'issues': {
      const run = plan.run;
      return (v: never) => (run(v) ? v : FAIL);
    }
    case 'overwrite':
      return plan.tx;
  }
}

function withChecks(base: FastParse, plans: readonly CheckPlan[]): FastParse {
  if (plans.length === 0) return base;
  const steps = plans.map(step);
  return (value) => {
    let out = base(value);
    for (let i = 0; i < steps.length && out !== FAIL; i++) out = steps[i]!(out as never);
    return out;
  };
}

/**
 * An object parser, following zod's rules for keys: a required key must be present (even a field
 * that accepts undefined); an optional one that is absent stays absent; a defaulted one gets its
 * default. No generated code (`new Function`) at run time: probing for it alone is reported as a
 * violation on portals whose CSP forbids eval, and the same rules must run there.
 */
function objectParser(fields: readonly FieldPlan[]): FastParse {
  // Parallel arrays and an index loop: no iterator or tuple per field on the hot path.
  const keys = fields.map((f) => f.key);
  const parsers = fields.map((f) => build(f.plan));
  const optin = fields.map((f) => f.optin);
  const optout = fields.map((f) => f.optout);
  const count = keys.length;
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return FAIL;
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const raw = input[key];
      if (raw !== undefined || key in input) {
        const value = parsers[i]!(raw);
        if (value === FAIL) return FAIL;
        out[key] = value;
        continue;
      }
      // Absent.
      const into = optin[i];
      const dropped = optout[i] === 'optional';
      if (into === undefined) return FAIL;
      if (into === 'optional' && dropped) continue;
      const value = parsers[i]!(undefined);
      if (value === FAIL) {
        if (dropped) continue;
        return FAIL;
      }
      if (value !== undefined) out[key] = value;
      else if (into === 'defaulted' && !dropped) out[key] = undefined;
    }
    return out;
  };
}

function build(plan: Plan): FastParse {
  let base: FastParse;
  switch (plan.kind) {
    case 'string': {
      const { min, max, pattern } = plan;
      const blankOk = !plan.notBlank;
      base = (v) => (typeof v === 'string' && v.length >= min && v.length <= max && (blankOk || notBlank(v)) && (pattern === undefined || pattern.test(v)) ? v : FAIL);
      break;
    }
    case 'boolean':
      base = (v) => (typeof v === 'boolean' ? v : FAIL);
      break;
    case 'number':
      base = plan.integer ? (v) => (Number.isSafeInteger(v) ? v : FAIL) : (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL);
      break;
    case 'enum': {
      const values = new Set(plan.values);
      base = (v) => (values.has(v) ? v : FAIL);
      break;
    }
    case 'nullable': {
      const inner = build(plan.inner);
      base = (v) => (v === null ? null : inner(v));
      break;
    }
    case 'optional': {
      const inner = build(plan.inner);
      if (plan.exact) base = inner;
      else if (plan.innerDefaulted) {
        // Absence goes to the default; a default that fails gives undefined, as zod's does.
        base = (v) => {
          const out = inner(v);
          return v === undefined && out === FAIL ? undefined : out;
        };
      } else base = (v) => (v === undefined ? undefined : inner(v));
      break;
    }
    case 'default': {
      const inner = build(plan.inner);
      const value = plan.value;
      base = (v) => {
        if (v === undefined) return value();
        const out = inner(v);
        return out === undefined ? value() : out;
      };
      break;
    }
    case 'array': {
      const element = build(plan.element);
      base = (v) => {
        if (!Array.isArray(v)) return FAIL;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const item = element(v[i]);
          if (item === FAIL) return FAIL;
          out[i] = item;
        }
        return out;
      };
      break;
    }
    case 'unknown':
      base = (v) => v;
      break;
    case 'object':
      base = objectParser(plan.fields);
      break;
    case 'union': {
      const key = plan.discriminator;
      const options = plan.options.map((o) => [new Set(o.values), build(o.plan)] as const);
      base = (v) => {
        if (v === null || typeof v !== 'object') return FAIL;
        const tag = (v as Record<string, unknown>)[key];
        for (const [values, parse] of options) if (values.has(tag)) return parse(v);
        return FAIL;
      };
      break;
    }
  }
  return withChecks(base, plan.checks);
}

/** A fast parser equivalent to `schema.safeParse(v).data` on success, or undefined if unsupported. */
export function compileFastParse(schema: z.ZodType): FastParse | undefined {
  const plan = planOf(schema);
  return plan && build(plan);
}

const parsersBySchema = new WeakMap<z.ZodType, FastParse | null>();

/** The schema's fast parser, built once per schema (undefined when it has no plan). */
export function fastParserOf(schema: z.ZodType): FastParse | undefined {
  let fast = parsersBySchema.get(schema);
  if (fast === undefined) {
    fast = compileFastParse(schema) ?? null;
    parsersBySchema.set(schema, fast);
  }
  return fast ?? undefined;
}

/**
 * `schema.safeParse(value)`, answered by the schema's fast parser when it accepts (the same data
 * zod would give), and by zod otherwise — so a refusal always carries zod's issues.
 */
export function safeParseFast<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  const fast = fastParserOf(schema);
  if (fast !== undefined) {
    const data = fast(value);
    if (data !== FAIL) return { success: true, data: data as z.output<T> };
  }
  return schema.safeParse(value) as z.ZodSafeParseResult<z.output<T>>;
}
