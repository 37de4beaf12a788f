import type * as z from '../schema/zod.js';

type Host = { readonly document?: unknown };

/** The compiler payload schemas go through, once one is set (`usePayloadCompiler`). */
let compiler: ((schema: z.ZodType) => z.ZodType) | undefined;

/**
 * @internal Sets the compiler for event payload schemas: zod's `compile` (its public API), set by
 * core's Node entry (`index.node.ts`, the `node` condition of the package's root export) — so a
 * portal's server, scripts and the benches get it, and pages never load it. zod's `compile` makes
 * its parser with `new Function`, which a page under a strict Content-Security-Policy forbids (and
 * even trying is reported there as a violation); it would also add about 8 KB gzip to a page. A
 * global `document` (a page, Electron's renderer) turns it off whoever asks.
 */
export function usePayloadCompiler(compile: ((schema: z.ZodType) => z.ZodType) | undefined): void {
  compiler = (globalThis as Host).document === undefined ? compile : undefined;
}

/**
 * @internal The schema an event's payloads are parsed with: zod's compiled parser of the event's
 * payload schema where a compiler is set (Node), an order of magnitude faster than the schema's
 * own parser; elsewhere the schema itself. A compiled parser takes its fast path only for a
 * payload it accepts and hands any other to the schema's own parser, so a refusal names the same
 * field and rule either way. A schema zod cannot compile comes back as it is.
 */
export function payloadParser(schema: z.ZodType): z.ZodType {
  return compiler === undefined ? schema : compiler(schema);
}
