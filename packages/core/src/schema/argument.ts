import * as z from './zod.js';
import { clip, describe, InvalidArgumentError } from '../errors/errors.js';
import { issueText, valueAtPath } from './issues.js';

const RULE_NAME = { 'zh-CN': '必须是文字', en: 'must be a string' };

export interface ArgumentPathOptions {
  /** Array positions as `[0]` (`list[0].name`) rather than `.0` (`report.shortcomings.0.text`). */
  readonly brackets?: boolean;
}

/** The name of the refused part of an argument: `argument` followed by zod's issue path. */
export function argumentPath(argument: string, path: readonly PropertyKey[], options: ArgumentPathOptions = {}): string {
  if (typeof argument !== 'string') throw new InvalidArgumentError('argumentPath', 'argument', RULE_NAME, argument);
  if (!Array.isArray(path) || path.length > 1000) throw new InvalidArgumentError('argumentPath', 'path', { 'zh-CN': '必须是键的数组', en: 'must be an array of keys' }, path);
  let text = clip(argument, 120);
  const brackets = options !== null && typeof options === 'object' && options.brackets === true;
  for (const key of path) text += brackets && typeof key === 'number' ? `[${key}]` : `.${typeof key === 'string' || typeof key === 'number' ? clip(String(key), 60) : describe(key)}`;
  return text;
}

/** The refusal of the first zod issue as `InvalidArgumentError` (naming the argument and the failing path). */
export function argumentError(fn: string, argument: string, error: z.ZodError, value: unknown, options?: ArgumentPathOptions): InvalidArgumentError {
  if (!(error instanceof z.$ZodError) || error.issues.length === 0) throw new InvalidArgumentError('argumentError', 'error', { 'zh-CN': '必须是 zod 的校验错误', en: 'must be a ZodError' }, error);
  const issue = error.issues[0]!;
  // zod keeps no `input` on its issues unless asked (reportInput): the value refused is the one at
  // the issue's path, so that a refusal never says "received undefined" of a value given.
  const text = issueText(issue, value, { quoteValue: false });
  return new InvalidArgumentError(fn, argumentPath(argument, issue.path, options), { 'zh-CN': `不符合要求：${clip(text['zh-CN'])}`, en: `is not valid: ${clip(text.en)}` }, valueAtPath(value, issue.path));
}

/**
 * Parses a public function's argument with its zod schema, or throws `InvalidArgumentError`
 * naming the argument and the failing path (`application.eventDate`, `times.selfRescue` …).
 * The one way every domain checks what it is given.
 */
export function parseArgument<S extends z.ZodType>(fn: string, argument: string, schema: S, value: unknown, options?: ArgumentPathOptions): z.output<S> {
  if (!(schema instanceof z.$ZodType)) throw new InvalidArgumentError('parseArgument', 'schema', { 'zh-CN': '必须是 zod 模式', en: 'must be a zod schema' }, schema);
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  throw argumentError(fn, argument, parsed.error, value, options);
}

/** Throws `InvalidArgumentError` unless `value` is an array (of records to summarize, say). */
export function checkArray(fn: string, argument: string, value: unknown): void {
  if (!Array.isArray(value)) throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是数组', en: 'must be an array' }, value);
}

/** What a store argument must be, in both languages: one wording for every check of a store. */
export const STORE_RULE = {
  'zh-CN': '必须是 bihuan 存储（createMemoryStore 或 createIndexedDbStore 所得）',
  en: 'must be a bihuan store (from createMemoryStore or createIndexedDbStore)',
} as const;

const STORE_METHODS = ['get', 'put', 'add', 'bulkPut', 'delete', 'bulkDelete', 'query', 'all', 'count', 'applyEvent', 'batch', 'history', 'changes', 'lastSeq', 'subscribe', 'dump', 'restore', 'verify', 'clear', 'close'] as const;

/** A store argument that must hold particular collections: their names, and the spec that declares them. */
export interface StoreNeeds {
  readonly collections: readonly string[];
  /** The exported spec that declares them (named in the refusal), e.g. `taskStoreSpec`. */
  readonly spec: string;
}

/**
 * Throws `InvalidArgumentError` unless `value` is a bihuan `Store`: every method of the interface
 * and its declaration (`spec.collections`) — a non-store, or a store with a method replaced, is
 * refused here in words rather than failing inside with a TypeError.
 */
export function checkStore(fn: string, value: unknown): void {
  checkStoreWith(fn, value, undefined);
}

/**
 * @internal `checkStore` for a domain's own store, which must also declare the collections it
 * works on (`taskStoreSpec`'s orders, say): refused in words naming them and the spec to use.
 */
export function checkStoreWith(fn: string, value: unknown, needs: StoreNeeds | undefined): void {
  const s = value as Record<string, unknown> | null;
  const spec = s !== null && typeof s === 'object' ? (s.spec as { collections?: unknown } | null | undefined) : undefined;
  const ok =
    s !== null &&
    typeof s === 'object' &&
    typeof s.name === 'string' &&
    STORE_METHODS.every((m) => typeof s[m] === 'function') &&
    spec !== null &&
    typeof spec === 'object' &&
    spec.collections !== null &&
    typeof spec.collections === 'object';
  if (ok && (needs === undefined || needs.collections.every((c) => Object.hasOwn(spec.collections as object, c)))) return;
  const rule = needs === undefined ? STORE_RULE : storeNeedsRule(needs);
  throw new InvalidArgumentError(fn, 'store', rule, value);
}

function storeNeedsRule(needs: StoreNeeds): { 'zh-CN': string; en: string } {
  const names = needs.collections.join(needs.collections.length > 1 ? '、' : '');
  return {
    'zh-CN': `必须是包含 ${names} 集合的 bihuan 存储（用 ${needs.spec} 创建）`,
    en: `must be a bihuan store with the ${needs.collections.join(' and ')} collection${needs.collections.length > 1 ? 's' : ''} (made from ${needs.spec})`,
  };
}
