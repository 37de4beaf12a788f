import type * as z from '../schema/zod.js';

/**
 * Payload parsing without zod's general machinery, for the schemas that payloads are made of:
 * objects (stripping unknown keys), arrays, strings with length and pattern checks, numbers,
 * booleans, enums, literals, optional, nullable, default, and refinements. A compiled parser only
 * says "valid, here is the output" — exactly zod's output — or FAIL; on FAIL the caller asks zod,
 * whose issue then names the field. A schema with anything else (transforms, unions …) does not
 * compile, and is parsed by zod every time.
 */
export const FAIL: unique symbol = Symbol('bihuan.fastParse.fail');
export type FastParse = (value: unknown) => unknown;

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
  readonly fn?: (value: unknown) => unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

type Check = (value: never) => boolean;

function compileChecks(def: Def): Check[] | undefined {
  const out: Check[] = [];
  for (const c of def.checks ?? []) {
    const check = c._zod.def;
    switch (check.check) {
      case 'min_length': {
        const min = check.minimum!;
        out.push((v: { length: number }) => v.length >= min);
        break;
      }
      case 'max_length': {
        const max = check.maximum!;
        out.push((v: { length: number }) => v.length <= max);
        break;
      }
      case 'string_format': {
        if (check.format !== 'regex' || !(check.pattern instanceof RegExp)) return undefined;
        const pattern = check.pattern;
        out.push((v: string) => {
          pattern.lastIndex = 0;
          return pattern.test(v);
        });
        break;
      }
      case 'greater_than': {
        const bound = check.value!;
        out.push(check.inclusive ? (v: number) => v >= bound : (v: number) => v > bound);
        break;
      }
      case 'less_than': {
        const bound = check.value!;
        out.push(check.inclusive ? (v: number) => v <= bound : (v: number) => v < bound);
        break;
      }
      case 'custom': {
        const fn = check.fn!;
        // An async refinement returns a promise: not a pass here, so zod decides.
        out.push((v: never) => fn(v) === true);
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}

function withChecks(base: FastParse, checks: Check[]): FastParse {
  if (checks.length === 0) return base;
  return (value) => {
    const out = base(value);
    if (out === FAIL) return FAIL;
    for (const check of checks) if (!check(out as never)) return FAIL;
    return out;
  };
}

// Strings are most of a payload: one closure for the type, length bounds and pattern.
function compileString(def: Def): FastParse | undefined {
  let min = 0;
  let max = Infinity;
  let pattern: RegExp | undefined;
  const rest: Def['checks'] = [];
  for (const c of def.checks ?? []) {
    const check = c._zod.def;
    if (check.check === 'min_length') min = Math.max(min, check.minimum!);
    else if (check.check === 'max_length') max = Math.min(max, check.maximum!);
    else if (check.check === 'string_format' && check.format === 'regex' && check.pattern instanceof RegExp && pattern === undefined && !check.pattern.global && !check.pattern.sticky) pattern = check.pattern;
    else (rest as unknown[]).push(c);
  }
  const others = compileChecks({ type: 'string', checks: rest });
  if (others === undefined) return undefined;
  const base: FastParse = (v) => (typeof v === 'string' && v.length >= min && v.length <= max && (pattern === undefined || pattern.test(v)) ? v : FAIL);
  return withChecks(base, others);
}

type Entry = [key: string, parse: FastParse, optional: boolean];

/**
 * An object parser. No generated code (`new Function`): probing for it alone is reported as a
 * violation on portals whose CSP forbids eval, and the same rules must run there.
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

/** A fast parser equivalent to `schema.safeParse(v).data` on success, or undefined if unsupported. */
export function compileFastParse(schema: z.ZodType, depth = 0): FastParse | undefined {
  if (depth > 12) return undefined;
  const def = defOf(schema);
  if (def.type === 'string') return compileString(def);
  const checks = compileChecks(def);
  if (checks === undefined) return undefined;
  let base: FastParse | undefined;
  switch (def.type) {
    case 'string':
      base = (v) => (typeof v === 'string' ? v : FAIL);
      break;
    case 'boolean':
      base = (v) => (typeof v === 'boolean' ? v : FAIL);
      break;
    case 'number': {
      const safeInt = def.format === 'safeint';
      if (def.format !== undefined && !safeInt) return undefined;
      base = safeInt ? (v) => (Number.isSafeInteger(v) ? v : FAIL) : (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL);
      break;
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      base = (v) => (values.has(v) ? v : FAIL);
      break;
    }
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      base = (v) => (values.has(v) ? v : FAIL);
      break;
    }
    case 'nullable': {
      const inner = compileFastParse(def.innerType as z.ZodType, depth + 1);
      if (!inner) return undefined;
      base = (v) => (v === null ? null : inner(v));
      break;
    }
    case 'optional': {
      const inner = compileFastParse(def.innerType as z.ZodType, depth + 1);
      if (!inner) return undefined;
      base = (v) => (v === undefined ? undefined : inner(v));
      break;
    }
    case 'default': {
      const inner = compileFastParse(def.innerType as z.ZodType, depth + 1);
      if (!inner) return undefined;
      base = (v) => (v === undefined ? def.defaultValue : inner(v));
      break;
    }
    case 'array': {
      const element = compileFastParse(def.element as z.ZodType, depth + 1);
      if (!element) return undefined;
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
    case 'object': {
      if (def.catchall !== undefined) return undefined;
      const entries: Entry[] = [];
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const parse = compileFastParse(field, depth + 1);
        if (!parse) return undefined;
        entries.push([key, parse, defOf(field).type === 'optional']);
      }
      base = objectParser(entries);
      break;
    }
    default:
      return undefined;
  }
  return withChecks(base, checks);
}
