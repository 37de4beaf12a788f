// Guards for widgets' properties beyond the kernel's (guard-base.ts: the check, its words, text,
// numbers, choices and yes/no): stores, moments, months, lists, roles and objects. This module
// re-exports the kernel, so a widget imports every kind from here.
import { ACCEPT, type Guard, REFUSE, type Words, guard, numberGuard, oneOfGuard, textGuard } from './guard-base.js';

export * from './guard-base.js';

/** Upper bound of a list a widget property takes (ledger rows included). */
export const MAX_LIST = 200_000;

export const functionGuard: Guard = guard({ 'zh-CN': '函数', en: 'a function' }, (v) => typeof v === 'function');

/** Latest and earliest moments a widget accepts as `now`: the calendar's years 1900–2200. */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2201, 0, 1);
const inRange = (ms: number) => Number.isFinite(ms) && ms >= EARLIEST && ms < LATEST;

/** `now`: an ISO instant (text), a Date or epoch milliseconds, in the years 1900–2200. */
export const nowGuard: Guard = guard(
  { 'zh-CN': '1900—2200 年间的时刻（ISO 时间文字、Date 或毫秒数）', en: 'a moment in the years 1900–2200 (ISO text, a Date or milliseconds)' },
  (v) =>
    (typeof v === 'string' && v.length <= 64 && inRange(Date.parse(v))) ||
    (typeof v === 'number' && inRange(v)) ||
    (v instanceof Date && inRange(v.getTime())),
);

/** `month`: `YYYY-MM`. */
export const monthGuard: Guard = guard({ 'zh-CN': '年月（YYYY-MM）', en: 'a month (YYYY-MM)' }, (v) => typeof v === 'string' && /^(19|2[0-2])\d\d-(0[1-9]|1[0-2])$/.test(v));

/** An object (not an array) whose methods named in `methods` are functions. */
export function objectWithMethods(expected: Words, methods: readonly string[]): Guard {
  return guard(expected, (v) => isObject(v) && methods.every((m) => typeof (v as Record<string, unknown>)[m] === 'function'));
}

/** A bihuan store: what `createMemoryStore` or `createIndexedDbStore` gives. */
export const storeGuard: Guard = objectWithMethods(
  { 'zh-CN': 'bihuan 存储（createMemoryStore 或 createIndexedDbStore 所得）', en: 'a bihuan store (from createMemoryStore or createIndexedDbStore)' },
  ['get', 'all', 'put', 'subscribe'],
);

/** A plain object (not an array, not a Date or Map) with at most `maxKeys` own keys. */
export function plainObjectGuard(expected: Words, maxKeys = 1_000): Guard {
  return guard(expected, (v) => isPlainObject(v) && Object.keys(v).length <= maxKeys);
}

/** An array of at most `max` items (the items themselves are checked where they are read). */
export function listGuard(expected: Words, max = MAX_LIST, item?: (value: unknown) => boolean): Guard {
  return guard(expected, (v) => Array.isArray(v) && v.length <= max && (!item || v.every(item)));
}

/**
 * A value checked with a zod schema (core's single source of truth), keeping the parsed value: a
 * schema's output has no `__proto__` keys and no unknown fields a widget might trip over.
 */
export function schemaGuard(expected: Words, schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }, precheck?: (value: unknown) => boolean): Guard {
  return {
    expected,
    check(value) {
      if (precheck && !precheck(value)) return REFUSE;
      const parsed = schema.safeParse(value);
      return parsed.success ? ACCEPT(parsed.data) : REFUSE;
    },
  };
}

export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object literal (or null-prototype object): what JSON and `{ … }` make. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Ids and short names (viewer, officer, station, session …): up to 200 characters. */
export const idGuard: Guard = textGuard(200);

/** Rows per page: a whole number from 1 to 500. */
export const pageSizeGuard: Guard = numberGuard(1, 500, true);

/** `now` given as text only (an ISO instant), or empty for the clock's. */
export const nowTextGuard: Guard = guard(
  { 'zh-CN': '1900—2200 年间的 ISO 时刻文字（或留空）', en: 'an ISO moment in the years 1900–2200 as text (or empty)' },
  (v) => v === '' || (typeof v === 'string' && nowGuard.check(v).ok),
);

/** `month` as `YYYY-MM`, or empty. */
export const monthOrEmptyGuard: Guard = guard({ 'zh-CN': '年月（YYYY-MM）或留空', en: 'a month (YYYY-MM) or empty' }, (v) => v === '' || monthGuard.check(v).ok);

/**
 * One of a loop's roles (read from its definition when first needed, so that importing a widget
 * computes nothing), or empty where the widget takes "no role" as read-only.
 */
export function roleGuard(loop: () => { readonly roles: object }, allowEmpty = false): Guard {
  let inner: Guard | undefined;
  const get = () => (inner ??= oneOfGuard([...Object.keys(loop().roles), ...(allowEmpty ? [''] : [])]));
  return {
    get expected() {
      return get().expected;
    },
    check: (value) => get().check(value),
  };
}

/** A list of up to `max` short strings (roles, ids), copied. */
export function stringListGuard(expected: Words, max = 100): Guard {
  return {
    expected,
    check: (v) => (Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && s.length <= 200) ? ACCEPT([...v]) : REFUSE),
  };
}
