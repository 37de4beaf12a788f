/**
 * zod, as every core module imports it: `import * as z from '../schema/zod.js'` — zod's `zod/mini`
 * entry (same package, public API): schemas are functions and checks (`z.optional(s)`,
 * `s.check(z.minLength(1))`), so a page carries only the constructs it uses, not every method of
 * every schema. Classic zod (`import { z } from 'zod'`) takes these schemas as fields.
 *
 * Validation runs without zod's JIT. The JIT compiles parsers with `new Function`, and merely
 * probing for it is reported as a violation on pages whose Content-Security-Policy forbids eval
 * (`require-trusted-types-for 'script'`, no 'unsafe-eval') — the policy government portals use.
 * The same rules must run identically on a portal's server, so they run jitless there too.
 * (One exception, in Node only: the loop engine parses event payloads with zod's compiled parsers,
 * which answer as the schemas do — see `loop/payload-parser.ts`.)
 * (`export *` keeps zod tree-shakable; `import { z }` would drag all of it in.)
 */
import * as mini from 'zod/mini';

mini.config({ jitless: true });

export * from 'zod/mini';
// The classes every zod schema and error is an instance of, classic or mini (for `instanceof`):
// named here, because `z.core.$ZodType` would keep the whole of `z.core` in a page's bundle.
export { $ZodType, $ZodError, $ZodObject, $ZodArray, type $ZodIssue } from 'zod/v4/core';
import { $ZodType } from 'zod/v4/core';

// The schema each wrapper made here wraps (and each list's element type), in a zod registry: zod/mini
// has no public `unwrap()`, and the personal-data walk (`privacy/privacy.ts`) must see through
// optional, nullable, default … to the field's own schema, and into lists. A registry's entry holds
// for the schema's refinements too (`z.array(party).check(z.minLength(1))` is a new schema whose
// parent is the list).
const wrapped = /* @__PURE__ */ mini.registry<{ inner: unknown }>();
const wrapping = <S extends mini.core.$ZodType>(schema: S, inner: Some): S => {
  wrapped.add(schema, { inner });
  return schema;
};

/** The schema `schema` wraps when it was made by `optional`, `nullable`, `_default` … here, or a list's element type; else undefined. */
export function wrappedSchema(schema: unknown): mini.core.$ZodType | undefined {
  return schema instanceof $ZodType ? (wrapped.get(schema)?.inner as mini.core.$ZodType | undefined) : undefined;
}

type Some = mini.core.SomeType;

/* @__NO_SIDE_EFFECTS__ */
export function optional<T extends Some>(innerType: T): mini.ZodMiniOptional<T> {
  return wrapping(mini.optional(innerType), innerType);
}
/* @__NO_SIDE_EFFECTS__ */
export function exactOptional<T extends Some>(innerType: T): mini.ZodMiniExactOptional<T> {
  return wrapping(mini.exactOptional(innerType), innerType);
}
/* @__NO_SIDE_EFFECTS__ */
export function nullable<T extends Some>(innerType: T): mini.ZodMiniNullable<T> {
  return wrapping(mini.nullable(innerType), innerType);
}
/* @__NO_SIDE_EFFECTS__ */
export function nullish<T extends Some>(innerType: T): mini.ZodMiniOptional<mini.ZodMiniNullable<T>> {
  return optional(nullable(innerType));
}
/* @__NO_SIDE_EFFECTS__ */
export function _default<T extends Some>(innerType: T, defaultValue: Parameters<typeof mini._default<T>>[1]): mini.ZodMiniDefault<T> {
  return wrapping(mini._default(innerType, defaultValue), innerType);
}
/* @__NO_SIDE_EFFECTS__ */
export function prefault<T extends Some>(innerType: T, defaultValue: Parameters<typeof mini.prefault<T>>[1]): mini.ZodMiniPrefault<T> {
  return wrapping(mini.prefault(innerType, defaultValue), innerType);
}
/* @__NO_SIDE_EFFECTS__ */
export function readonly<T extends Some>(innerType: T): mini.ZodMiniReadonly<T> {
  return wrapping(mini.readonly(innerType), innerType);
}
/* @__NO_SIDE_EFFECTS__ */
function catching<T extends Some>(innerType: T, catchValue: Parameters<typeof mini.catch<T>>[1]): mini.ZodMiniCatch<T> {
  return wrapping(mini.catch(innerType, catchValue), innerType);
}
export { catching as catch };
/* @__NO_SIDE_EFFECTS__ */
export function array<T extends Some>(element: T, params?: string | mini.core.$ZodArrayParams): mini.ZodMiniArray<T> {
  return wrapping(mini.array(element, params), element);
}

/** Any schema core takes: made here (zod/mini) or with classic zod (a portal's server), which shares zod's core and answers the same. */
export type ZodType<Output = unknown, Input = unknown> = mini.core.$ZodType<Output, Input>;
/** The error a failed `parse` throws and `safeParse` returns. */
export type ZodError<T = unknown> = mini.core.$ZodError<T>;
