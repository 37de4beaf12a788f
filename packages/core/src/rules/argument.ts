import type * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';

/**
 * Parses a public function's argument with its zod schema, or throws `InvalidArgumentError`
 * naming the argument and the failing path (`application.eventDate`, `times.selfRescue` …).
 */
export function parseArgument<S extends z.ZodType>(fn: string, argument: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = [argument, ...issue.path.map(String)].join('.');
  throw new InvalidArgumentError(fn, path, { 'zh-CN': `不符合要求：${issue.message}`, en: `is not valid: ${issue.message}` }, issue.input);
}

/** Throws `InvalidArgumentError` unless `value` is an array (of records to summarize, say). */
export function checkArray(fn: string, argument: string, value: unknown): void {
  if (!Array.isArray(value)) throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是数组', en: 'must be an array' }, value);
}

/** Throws `InvalidArgumentError` unless `value` looks like a bihuan `Store`. */
export function checkStore(fn: string, value: unknown): void {
  const ok = !!value && typeof value === 'object' && typeof (value as { all?: unknown }).all === 'function' && typeof (value as { put?: unknown }).put === 'function';
  if (!ok) throw new InvalidArgumentError(fn, 'store', { 'zh-CN': '必须是 bihuan 存储（createMemoryStore 或 createIndexedDbStore 所得）', en: 'must be a bihuan store (from createMemoryStore or createIndexedDbStore)' }, value);
}
