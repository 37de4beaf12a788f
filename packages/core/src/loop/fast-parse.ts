import type * as z from '../schema/zod.js';
import { type CheckPlan, notBlank, type Plan, planOf } from './parse-plan.js';

/**
 * Payload parsing without zod's general machinery. A fast parser only says "valid, here is the
 * output" — exactly zod's output — or FAIL; on FAIL the caller asks zod, whose issue then names
 * the field. Two kinds exist: the closures built here from any schema's plan at run time, and the
 * generated parsers of our own loops (`*.generated.ts`), which are plain functions and several
 * times faster because each property load sees one shape.
 */
export const FAIL: unique symbol = Symbol('bihuan.fastParse.fail');
export type FastParse = (value: unknown) => unknown;

/** Precompiled parsers for a loop's payload schemas, keyed by the schema (see `defineLoop`). */
export type PayloadParsers = ReadonlyMap<z.ZodType, FastParse>;

type Check = (value: never) => boolean;

function check(plan: CheckPlan): Check {
  switch (plan.check) {
    case 'min_length': {
      const min = plan.value;
      return (v: { length: number }) => v.length >= min;
    }
    case 'max_length': {
      const max = plan.value;
      return (v: { length: number }) => v.length <= max;
    }
    case 'pattern': {
      const pattern = plan.pattern;
      return (v: string) => pattern.test(v);
    }
    case 'greater_than': {
      const bound = plan.value;
      return plan.inclusive ? (v: number) => v >= bound : (v: number) => v > bound;
    }
    case 'less_than': {
      const bound = plan.value;
      return plan.inclusive ? (v: number) => v <= bound : (v: number) => v < bound;
    }
    case 'custom': {
      const fn = plan.fn;
      // An async refinement returns a promise: not a pass here, so zod decides.
      return (v: never) => fn(v) === true;
    }
  }
}

function withChecks(base: FastParse, plans: readonly CheckPlan[]): FastParse {
  if (plans.length === 0) return base;
  const checks = plans.map(check);
  return (value) => {
    const out = base(value);
    if (out === FAIL) return FAIL;
    for (const c of checks) if (!c(out as never)) return FAIL;
    return out;
  };
}

type Entry = [key: string, parse: FastParse, optional: boolean];

/**
 * An object parser. No generated code (`new Function`) at run time: probing for it alone is
 * reported as a violation on portals whose CSP forbids eval, and the same rules must run there.
 */
function objectParser(entries: readonly Entry[]): FastParse {
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return FAIL;
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, parse, optional] of entries) {
      const raw = input[key];
      if (optional && raw === undefined && !(key in input)) continue;
      const value = parse(raw);
      if (value === FAIL) return FAIL;
      out[key] = value;
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
      base = (v) => (v === undefined ? undefined : inner(v));
      break;
    }
    case 'default': {
      const inner = build(plan.inner);
      const value = plan.value;
      base = (v) => (v === undefined ? value() : inner(v));
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
    case 'object':
      base = objectParser(plan.fields.map((f) => [f.key, build(f.plan), f.optional]));
      break;
  }
  return withChecks(base, plan.checks);
}

/** A fast parser equivalent to `schema.safeParse(v).data` on success, or undefined if unsupported. */
export function compileFastParse(schema: z.ZodType): FastParse | undefined {
  const plan = planOf(schema);
  return plan && build(plan);
}
