// Reading an item's named handler (承办人) needs no schema: a list's "my cases" filter reads it
// without the handler's zod schemas (handler.ts, which re-exports this).
import type { Handler } from './handler.js';

/** @internal The part of a loop's data that names its handler. */
export type HandledData = { readonly handler?: Handler | null };

/** The item's handler, or undefined when none is named (also for records written before handlers). */
export function handlerOf(item: { readonly data?: unknown }): Handler | undefined {
  const data = (item !== null && typeof item === 'object' ? item.data : undefined) as HandledData | undefined;
  const handler = data && typeof data === 'object' ? data.handler : undefined;
  return handler && typeof handler === 'object' && typeof handler.id === 'string' ? handler : undefined;
}

