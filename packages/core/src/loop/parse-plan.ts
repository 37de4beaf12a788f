import type * as z from '../schema/zod.js';

/**
 * A payload schema read into plain data: what a fast parser must check, and nothing of zod's
 * internals. Two builders read plans — the closures of `compileFastParse` (any schema, at run
 * time) and the source of the generated parsers (our own loops' schemas, at build time) — so
 * that only this file knows how zod stores a schema.
 *
 * Payloads are made of objects (stripping unknown keys), arrays, strings with length and pattern
 * checks, numbers, booleans, enums, literals, optional, nullable, default, and refinements. A
 * schema with anything else (transforms, unions, catch-alls …) has no plan: zod parses it.
 */
export type Plan =
  | {
      readonly kind: 'string';
      readonly min: number;
      readonly max: number;
      /** The pattern `/\S/` ("not blank"), the commonest by far: tested by `notBlank`. */
      readonly notBlank: boolean;
      readonly pattern: RegExp | undefined;
      readonly checks: readonly CheckPlan[];
    }
  | { readonly kind: 'boolean'; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'number'; readonly integer: boolean; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'enum'; readonly values: readonly unknown[]; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'nullable' | 'optional'; readonly inner: Plan; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'default'; readonly inner: Plan; readonly value: () => unknown; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'array'; readonly element: Plan; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'object'; readonly fields: readonly FieldPlan[]; readonly checks: readonly CheckPlan[] };

export interface FieldPlan {
  readonly key: string;
  readonly plan: Plan;
  /** Declared optional: an absent key stays absent in the output. */
  readonly optional: boolean;
}

/** A check on the parsed value; `custom` is a refinement, found again by `refinementAt`. */
export type CheckPlan =
  | { readonly check: 'min_length' | 'max_length'; readonly value: number }
  | { readonly check: 'greater_than' | 'less_than'; readonly value: number; readonly inclusive: boolean }
  | { readonly check: 'pattern'; readonly pattern: RegExp }
  | { readonly check: 'custom'; readonly fn: (value: never) => unknown; readonly index: number };

/** How to walk from a schema to one inside it: an object's field, or the inner or element schema. */
export type PlanStep = { readonly key: string } | 'inner' | 'element';

interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly [key: string]: unknown;
}
interface CheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly fn?: (value: never) => unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

// A pattern with state (g, y) would give different answers on the same text.
const statelessPattern = (p: unknown): p is RegExp => p instanceof RegExp && !p.global && !p.sticky;

function checksOf(def: Def): CheckPlan[] | undefined {
  const out: CheckPlan[] = [];
  const checks = def.checks ?? [];
  for (let index = 0; index < checks.length; index++) {
    const c = checks[index]!._zod.def;
    switch (c.check) {
      case 'min_length':
        out.push({ check: 'min_length', value: c.minimum! });
        break;
      case 'max_length':
        out.push({ check: 'max_length', value: c.maximum! });
        break;
      case 'string_format':
        if (c.format !== 'regex' || !statelessPattern(c.pattern)) return undefined;
        out.push({ check: 'pattern', pattern: c.pattern });
        break;
      case 'greater_than':
      case 'less_than':
        out.push({ check: c.check, value: c.value!, inclusive: c.inclusive === true });
        break;
      case 'custom':
        out.push({ check: 'custom', fn: c.fn!, index });
        break;
      default:
        return undefined;
    }
  }
  return out;
}

/** The plan of a schema, or undefined when a part of it is beyond the fast parsers. */
export function planOf(schema: z.ZodType, depth = 0): Plan | undefined {
  if (depth > 12) return undefined;
  const def = defOf(schema);
  const checks = checksOf(def);
  if (checks === undefined) return undefined;
  const inner = (key: string) => planOf(def[key] as z.ZodType, depth + 1);
  switch (def.type) {
    case 'string': {
      // Length bounds and the first pattern fold into the type test; the rest stay checks.
      let min = 0;
      let max = Infinity;
      let notBlank = false;
      let pattern: RegExp | undefined;
      const rest: CheckPlan[] = [];
      for (const c of checks) {
        if (c.check === 'min_length') min = Math.max(min, c.value);
        else if (c.check === 'max_length') max = Math.min(max, c.value);
        else if (c.check === 'pattern' && c.pattern.source === '\\S' && c.pattern.flags === '') notBlank = true;
        else if (c.check === 'pattern' && pattern === undefined) pattern = c.pattern;
        else rest.push(c);
      }
      return { kind: 'string', min, max, notBlank, pattern, checks: rest };
    }
    case 'boolean':
      return { kind: 'boolean', checks };
    case 'number':
      if (def.format !== undefined && def.format !== 'safeint') return undefined;
      return { kind: 'number', integer: def.format === 'safeint', checks };
    case 'enum':
      return { kind: 'enum', values: Object.values(def.entries as Record<string, unknown>), checks };
    case 'literal':
      return { kind: 'enum', values: def.values as unknown[], checks };
    case 'nullable':
    case 'optional': {
      const plan = inner('innerType');
      return plan && { kind: def.type, inner: plan, checks };
    }
    case 'default': {
      const plan = inner('innerType');
      // zod's getter hands out a fresh copy each time: so must the parsers.
      return plan && { kind: 'default', inner: plan, value: () => def.defaultValue, checks };
    }
    case 'array': {
      const element = inner('element');
      return element && { kind: 'array', element, checks };
    }
    case 'object': {
      if (def.catchall !== undefined) return undefined;
      const fields: FieldPlan[] = [];
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const plan = planOf(field, depth + 1);
        if (!plan) return undefined;
        fields.push({ key, plan, optional: defOf(field).type === 'optional' });
      }
      return { kind: 'object', fields, checks };
    }
    default:
      return undefined;
  }
}

const NON_BLANK = /\S/;

/**
 * Whether `text` has a character other than white space — `/\S/.test(text)`, answered from the
 * first character in the usual case (printable ASCII, or CJK and beyond) without the regex call.
 */
export function notBlank(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c > 32 && c < 127) || (c > 0x3000 && c !== 0xfeff) || NON_BLANK.test(text);
}

/**
 * The refinement function at `path` inside `schema` (check number `index`). Generated parsers
 * call the schema's own refinements rather than copies of them.
 */
export function refinementAt(schema: z.ZodType, path: readonly PlanStep[], index: number): (value: never) => unknown {
  let def = defOf(schema);
  for (const step of path) {
    const next = step === 'inner' ? def.innerType : step === 'element' ? def.element : (def.shape as Record<string, unknown> | undefined)?.[step.key];
    if (next === undefined) throw new Error(`refinementAt: no ${JSON.stringify(step)} in a ${def.type} schema`);
    def = defOf(next as z.ZodType);
  }
  const fn = def.checks?.[index]?._zod.def.fn;
  if (typeof fn !== 'function') throw new Error(`refinementAt: check ${index} is not a refinement`);
  return fn;
}
