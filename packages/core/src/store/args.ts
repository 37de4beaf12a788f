import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { STORE_RULE } from '../schema/argument.js';
import type { MemoryBacking, MemoryStoreOptions } from './memory.js';
import type { ApplyOptions, QueryOptions, RestoreOptions, WriteOptions } from './types.js';

const TX_RULE = { 'zh-CN': '必须是 store.batch 交给回调的事务对象', en: 'must be the transaction store.batch hands to its body' };

// An object with every method in `methods`, else InvalidArgumentError naming `argument`.
function withMethods<T>(fn: string, argument: string, value: T, methods: readonly string[], rule: Localized): T {
  let ok = value !== null && typeof value === 'object';
  // A plain loop: this runs on every event a page sends.
  for (let i = 0; ok && i < methods.length; i++) ok = typeof (value as Record<string, unknown>)[methods[i]!] === 'function';
  if (!ok) throw new InvalidArgumentError(fn, argument, rule, value);
  return value;
}

/**
 * Throws `InvalidArgumentError` naming `argument` unless `value` is an object with every method
 * in `methods` (what the caller is about to call) — so that a non-store, or a store object with
 * a method replaced, is refused in words instead of failing with a TypeError inside.
 */
export function storeArg<T>(fn: string, value: T, methods: readonly string[], argument = 'store'): T {
  return withMethods(fn, argument, value, methods, STORE_RULE);
}

/** A batch's transaction (`store.batch(async (tx) => …)`), checked for the methods the caller uses. */
export function txArg<T>(fn: string, value: T, methods: readonly string[]): T {
  return withMethods(fn, 'tx', value, methods, TX_RULE);
}

// Shared by every call without options (one per event otherwise); frozen, so no caller changes it.
const NO_OPTIONS: ApplyOptions = Object.freeze({});

/**
 * Write options read field by field (never spread: a 10 MB string or a huge object given as
 * options must not be copied key by key): `actor`, `signal` and `expectedVersion` only.
 */
export function writeOptionsArg(fn: string, value: unknown, argument = 'options'): ApplyOptions {
  if (value === undefined || value === null) return NO_OPTIONS;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是选项对象（actor、signal、expectedVersion）', en: 'must be an options object (actor, signal, expectedVersion)' }, value);
  }
  const o = value as ApplyOptions;
  const out: { actor?: WriteOptions['actor']; signal?: AbortSignal; expectedVersion?: number } = {};
  const actor = o.actor;
  if (actor !== undefined) {
    if (actor === null || typeof actor !== 'object' || typeof actor.id !== 'string' || typeof actor.role !== 'string' || actor.id.length > 200 || actor.role.length > 200) {
      throw new InvalidArgumentError(fn, `${argument}.actor`, { 'zh-CN': '必须是 { id, role }（文字，至多 200 字）', en: 'must be { id, role } (texts of at most 200 characters)' }, actor);
    }
    out.actor = { id: actor.id, role: actor.role };
  }
  const signal = o.signal;
  if (signal !== undefined) {
    if (signal === null || typeof signal !== 'object' || typeof (signal as AbortSignal).aborted !== 'boolean') {
      throw new InvalidArgumentError(fn, `${argument}.signal`, { 'zh-CN': '必须是 AbortSignal', en: 'must be an AbortSignal' }, signal);
    }
    out.signal = signal;
  }
  if (o.expectedVersion !== undefined) out.expectedVersion = o.expectedVersion;
  return out;
}

/** Throws `InvalidArgumentError` unless `value` is a function (a batch's body, an event's step). */
export function functionArg(fn: string, argument: string, value: unknown): void {
  if (typeof value !== 'function') throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是函数', en: 'must be a function' }, value);
}

/** The most records one bulk write takes (larger imports go through `restore`, or in parts). */
export const MAX_BULK = 1_000_000;

/** Throws `InvalidArgumentError` unless `value` is an array (of records or keys) of bounded length. */
export function listArg(fn: string, argument: string, value: unknown): asserts value is readonly unknown[] {
  if (!Array.isArray(value) || value.length > MAX_BULK) {
    throw new InvalidArgumentError(fn, argument, { 'zh-CN': `必须是数组（至多 ${MAX_BULK} 项）`, en: `must be an array (of at most ${MAX_BULK} items)` }, value);
  }
}

function objectArg(fn: string, argument: string, value: unknown, zh: string, en: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidArgumentError(fn, argument, { 'zh-CN': zh, en }, value);
  return value as Record<string, unknown>;
}

/**
 * A query (`Where` and paging) read field by field: a non-object is refused; the keys and bounds
 * themselves are checked where they are used (`invalid_key`, `invalid_cursor`, page size).
 */
export function queryArg(fn: string, value: unknown): QueryOptions {
  const q = objectArg(fn, 'where', value, '必须是查询条件对象（index、equals、gt、lt …）', 'must be a query object (index, equals, gt, lt …)');
  const out: Record<string, unknown> = {};
  for (const k of ['index', 'equals', 'gt', 'gte', 'lt', 'lte', 'limit', 'cursor', 'reverse'] as const) if (q[k] !== undefined) out[k] = q[k];
  if (out.index !== undefined && typeof out.index !== 'string') throw new InvalidArgumentError(fn, 'where.index', { 'zh-CN': '必须是索引名', en: 'must be an index name' }, out.index);
  if (out.cursor !== undefined && out.cursor !== null && typeof out.cursor !== 'string') throw new InvalidArgumentError(fn, 'where.cursor', { 'zh-CN': '必须是上一页给出的游标', en: 'must be the cursor of the previous page' }, out.cursor);
  if (out.reverse !== undefined && typeof out.reverse !== 'boolean') throw new InvalidArgumentError(fn, 'where.reverse', { 'zh-CN': '必须是 true 或 false', en: 'must be true or false' }, out.reverse);
  return out as QueryOptions;
}

const count = (v: unknown, min: number) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

/** `changes({ after, limit })`: a sequence number (0 or more) and a page size (1 or more). */
export function changesQueryArg(fn: string, value: unknown): { after?: number; limit?: number } {
  const q = objectArg(fn, 'options', value, '必须是 { after, limit } 对象', 'must be an { after, limit } object');
  if (q.after !== undefined && !count(q.after, 0)) throw new InvalidArgumentError(fn, 'options.after', { 'zh-CN': '必须是非负整数（变更序号）', en: 'must be a non-negative integer (a change number)' }, q.after);
  if (q.limit !== undefined && !count(q.limit, 0)) throw new InvalidArgumentError(fn, 'options.limit', { 'zh-CN': '必须是非负整数', en: 'must be a non-negative integer' }, q.limit);
  return { ...(q.after !== undefined ? { after: q.after as number } : {}), ...(q.limit !== undefined ? { limit: q.limit as number } : {}) };
}

/** `restore(dump, { allowEmpty, checkHistory })`; `checkHistory` is checked where it is used (`checkDump`). */
export function restoreOptionsArg(fn: string, value: unknown): RestoreOptions {
  const o = objectArg(fn, 'options', value, '必须是 { allowEmpty, checkHistory } 对象', 'must be an { allowEmpty, checkHistory } object');
  if (o.allowEmpty !== undefined && typeof o.allowEmpty !== 'boolean') throw new InvalidArgumentError(fn, 'options.allowEmpty', { 'zh-CN': '必须是 true 或 false', en: 'must be true or false' }, o.allowEmpty);
  return {
    ...(o.allowEmpty === true ? { allowEmpty: true } : {}),
    ...(o.checkHistory !== undefined ? { checkHistory: o.checkHistory as RestoreOptions['checkHistory'] } : {}),
  };
}

/** `createMemoryStore`'s options: a backing made by `createMemoryBacking`, an actor, a clock. */
export function memoryOptionsArg(fn: string, value: unknown): MemoryStoreOptions {
  const o = objectArg(fn, 'options', value, '必须是 { backing, actor, now } 对象', 'must be a { backing, actor, now } object');
  const b = o.backing as MemoryBacking | undefined;
  if (b !== undefined && (b === null || typeof b !== 'object' || !(b.collections instanceof Map) || !Array.isArray(b.changes) || typeof b.version !== 'number' || typeof b.fingerprint !== 'string')) {
    throw new InvalidArgumentError(fn, 'options.backing', { 'zh-CN': '必须是 createMemoryBacking() 所得', en: 'must come from createMemoryBacking()' }, b);
  }
  if (o.now !== undefined) functionArg(fn, 'options.now', o.now);
  const actor = writeOptionsArg(fn, { actor: o.actor }).actor;
  return { ...(b ? { backing: b } : {}), ...(actor ? { actor } : {}), ...(o.now ? { now: o.now as () => Date } : {}) };
}

/** The page size a query asks for (100 when not given): a positive integer. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return 100;
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError('query', 'options.limit', { 'zh-CN': '必须是正整数（每页条数）', en: 'must be a positive integer (records per page)' }, limit);
  return limit;
}
