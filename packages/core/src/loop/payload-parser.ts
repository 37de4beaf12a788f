import * as z from '../schema/zod.js';

type Host = { readonly process?: { readonly versions?: { readonly node?: unknown } }; readonly document?: unknown };
const host = globalThis as Host;

/**
 * Whether payload parsers are compiled here: in Node (a portal's server, scripts, the benches),
 * never in a page. zod's `compile` makes its parser with `new Function`, which a page under a
 * strict Content-Security-Policy forbids — and even trying is reported there as a violation — so
 * pages keep the schema's own parser. Both answer the same (see `payloadParser`).
 */
const COMPILES = typeof host.process?.versions?.node === 'string' && host.document === undefined;

/**
 * @internal The schema an event's payloads are parsed with: in Node, zod's compiled parser of the
 * event's payload schema (`z.compile`, zod's public API), about fifteen times faster than the
 * schema's own parser; elsewhere the schema itself. A compiled parser takes its fast path only
 * for a payload it accepts, and hands any other to the schema's own parser, so a refusal names
 * the same field and rule in both. A schema zod cannot compile comes back as it is.
 */
export function payloadParser(schema: z.ZodType): z.ZodType {
  return COMPILES ? z.compile(schema) : schema;
}
