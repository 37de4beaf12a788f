import type * as z from '../schema/zod.js';

/**
 * A payload schema read into plain data: what a fast parser must check, and nothing of zod's
 * internals. Two builders read plans — the closures of `compileFastParse` (any schema, at run
 * time) and the source of the generated parsers (our own loops' schemas, at build time) — so
 * that only this file knows how zod stores a schema.
 *
 * Plans cover what payloads and records are made of: objects (stripping unknown keys), arrays,
 * strings with length and pattern checks and trimming, numbers, booleans, enums, literals,
 * unknown, optional, nullable, default, discriminated unions, and refinements. A schema with
 * anything else (transforms, plain unions, catch-alls …) has no plan: zod parses it.
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
  | { readonly kind: 'nullable'; readonly inner: Plan; readonly checks: readonly CheckPlan[] }
  | {
      readonly kind: 'optional';
      readonly inner: Plan;
      /** `exactOptional()`: an undefined value is not allowed, only an absent key. */
      readonly exact: boolean;
      /** The inner schema substitutes for absence (a default): undefined goes to it. */
      readonly innerDefaulted: boolean;
      readonly checks: readonly CheckPlan[];
    }
  | { readonly kind: 'default'; readonly inner: Plan; readonly value: () => unknown; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'unknown'; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'array'; readonly element: Plan; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'object'; readonly fields: readonly FieldPlan[]; readonly checks: readonly CheckPlan[] }
  | { readonly kind: 'union'; readonly discriminator: string; readonly options: readonly UnionOption[]; readonly checks: readonly CheckPlan[] };

/** One option of a discriminated union: the discriminator values that select it. */
export interface UnionOption {
  readonly values: readonly unknown[];
  readonly plan: Plan;
}

/**
 * A field, with zod's own optionality flags (`_zod.optin` / `_zod.optout`): whether an absent key
 * is allowed, given a default, or dropped — the parsers follow zod's object rules on them.
 */
export interface FieldPlan {
  readonly key: string;
  readonly plan: Plan;
  readonly optin: 'optional' | 'defaulted' | undefined;
  readonly optout: 'optional' | undefined;
}

/**
 * A check on the parsed value, in zod's order: `custom` is a refinement (found again by
 * `refinementAt`), `issues` a check that writes its own issues (`superRefine`, `check(fn)`),
 * run by zod's own code; `overwrite` replaces the value (`trim`, `toLowerCase` …).
 */
export type CheckPlan =
  | { readonly check: 'min_length' | 'max_length'; readonly value: number }
  | { readonly check: 'greater_than' | 'less_than'; readonly value: number; readonly inclusive: boolean }
  | { readonly check: 'pattern'; readonly pattern: RegExp }
  | { readonly check: 'custom'; readonly fn: (value: never) => unknown; readonly index: number }
  | { readonly check: 'issues'; readonly run: (value: unknown) => boolean }
  | { readonly check: 'overwrite'; readonly tx: (value: never) => unknown };

/** How to walk from a schema to one inside it: an object's field, or the inner or element schema. */
export type PlanStep = { readonly key: string } | 'inner' | 'element';

interface ZodCheck {
  readonly _zod: { readonly def: CheckDef; readonly check?: (payload: { value: unknown; issues: unknown[] }) => unknown };
}
interface Def {
  readonly type: string;
  readonly checks?: readonly ZodCheck[];
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
  readonly tx?: (value: never) => unknown;
  readonly when?: unknown;
}

interface Internals {
  readonly def: Def;
  readonly optin?: 'optional' | 'defaulted';
  readonly optout?: 'optional';
  readonly values?: ReadonlySet<unknown>;
  readonly traits: ReadonlySet<string>;
}
const internalsOf = (schema: z.ZodType): Internals => (schema as unknown as { _zod: Internals })._zod;
const defOf = (schema: z.ZodType): Def => internalsOf(schema).def;

// A pattern with state (g, y) would give different answers on the same text.
const statelessPattern = (p: unknown): p is RegExp => p instanceof RegExp && !p.global && !p.sticky;

function checksOf(def: Def): CheckPlan[] | undefined {
  const out: CheckPlan[] = [];
  const checks = def.checks ?? [];
  for (let index = 0; index < checks.length; index++) {
    const zodCheck = checks[index]!;
    const c = zodCheck._zod.def;
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
      case 'custom': {
        // A conditional check (`when`) may not run at all: zod decides.
        if (c.when !== undefined) return undefined;
        if (typeof c.fn === 'function') {
          out.push({ check: 'custom', fn: c.fn, index });
          break;
        }
        // `superRefine` and `check(fn)` write issues into a context: run zod's own check on a
        // fresh one and see whether it wrote any (a promise means async: not a pass here).
        const run = zodCheck._zod.check;
        if (typeof run !== 'function') return undefined;
        out.push({
          check: 'issues',
          run: (value) => {
            const payload = { value, issues: [] as unknown[] };
            const result = run(payload);
            return payload.issues.length === 0 && !(result instanceof Promise);
          },
        });
        break;
      }
      case 'overwrite':
        if (typeof c.tx !== 'function') return undefined;
        out.push({ check: 'overwrite', tx: c.tx });
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
  const internals = internalsOf(schema);
  const def = internals.def;
  // Coercion and string formats (email, url, uuid, iso …) are zod's to judge.
  if (def.coerce || def.format !== undefined && def.type === 'string') return undefined;
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
        // After a trim (or any overwrite) every check must see the new value: keep them in order.
        if (c.check === 'overwrite' || rest.some((r) => r.check === 'overwrite')) rest.push(c);
        else if (c.check === 'min_length') min = Math.max(min, c.value);
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
    case 'literal':
      // zod's own set of allowed values (a numeric TypeScript enum's reverse keys left out).
      return internals.values ? { kind: 'enum', values: [...internals.values], checks } : undefined;
    case 'unknown':
    case 'any':
      return { kind: 'unknown', checks };
    case 'nullable': {
      const plan = inner('innerType');
      return plan && { kind: 'nullable', inner: plan, checks };
    }
    case 'optional': {
      const plan = inner('innerType');
      const innerDefaulted = internalsOf(def.innerType as z.ZodType).optin === 'defaulted';
      return plan && { kind: 'optional', inner: plan, exact: internals.traits.has('$ZodExactOptional'), innerDefaulted, checks };
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
        const { optin, optout } = internalsOf(field);
        fields.push({ key, plan, optin, optout });
      }
      return { kind: 'object', fields, checks };
    }
    case 'union': {
      // Discriminated unions only: one option is chosen by its discriminator, as zod chooses it.
      const discriminator = def.discriminator;
      if (typeof discriminator !== 'string' || def.unionFallback) return undefined;
      const options: UnionOption[] = [];
      for (const option of def.options as z.ZodType[]) {
        const plan = planOf(option, depth + 1);
        const tag = plan?.kind === 'object' ? plan.fields.find((f) => f.key === discriminator)?.plan : undefined;
        if (!plan || tag?.kind !== 'enum') return undefined;
        options.push({ values: tag.values, plan });
      }
      return { kind: 'union', discriminator, options, checks };
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
