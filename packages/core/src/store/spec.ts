import { issueText } from '../schema/issues.js';
import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { argumentError, parseArgument } from '../schema/argument.js';
import { FreshStep } from './copy.js';
import { storeError } from './errors.js';
// The structure (collections, key paths, indexes, fingerprint) needs no zod: a store that only reads loads it alone.
export { MAX_KEY_TEXT, isValidKey, keyArg, keyId, resolveCollections, type ResolvedCollection } from './structure.js';
import { isValidKey, resolveCollections, structureFingerprint, type ResolvedCollection } from './structure.js';
import type { Collections, HistoryEntryLike, Key, KeyPath, RecordProblem, StaleVersion, StepResult, StoreSpec, Where } from './types.js';

// ---- the declaration, checked once ----

const fnOrAbsent = (v: unknown) => v === undefined || typeof v === 'function';

// The declaration's schemas, built on first use (core computes nothing at import time).
let schemas: { indexes: z.ZodType; spec: z.ZodType } | undefined;
function declarationSchemas() {
  if (schemas) return schemas;
  const pathPart = z.string().check(z.maxLength(200));
  const keyPath = z.union([pathPart, z.array(pathPart.check(z.minLength(1))).check(z.minLength(1), z.maxLength(16))]);
  const indexes = z
    .record(z.string().check(z.minLength(1), z.maxLength(64)), z.union([keyPath, z.object({ path: keyPath, unique: z.optional(z.boolean()) })])).check(z.refine((i) => Object.keys(i).length <= 64, { message: 'at most 64 indexes' }));
  const collectionName = z
    .string().check(z.maxLength(64), z.regex(/^[A-Za-z][\w-]*$/, { message: 'must start with a letter (names starting with _ are internal)' }));
  const collection = z.looseObject({
    schema: z.custom<z.ZodType>((v) => v instanceof z.$ZodType, { message: 'must be a zod schema' }),
    key: keyPath,
    indexes: z.optional(indexes),
    createOnly: z.optional(z.boolean()),
    validateChange: z.optional(z.custom((v) => fnOrAbsent(v), { message: 'must be a function' })),
  });
  const spec = z.looseObject({
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    collections: z.record(collectionName, collection).check(z.refine((c) => Object.keys(c).length <= 200, { message: 'at most 200 collections' })),
    migrations: z.optional(z
      .array(z.looseObject({ description: z.string().check(z.maxLength(2000)), transform: z.optional(z.record(z.string().check(z.maxLength(64)), z.custom((v) => typeof v === 'function', { message: 'must be a function' }))) })).check(z.maxLength(1000))),
  });
  return (schemas = { indexes, spec });
}

/** @internal Checks a collection's `indexes` (index name → key path or `{ path, unique }`, at most 64). */
export function indexesArg(fn: string, value: unknown): void {
  parseArgument(fn, 'indexes', declarationSchemas().indexes, value);
}

/** Specs already checked (a spec is data declared once; it is checked once). */
const checkedSpecs = new WeakSet<object>();

/** @internal Throws `InvalidArgumentError` naming the failing part unless `spec` is a well-formed store declaration. */
export function specArg<S extends StoreSpec>(fn: string, spec: S, argument = 'spec'): S {
  if (spec !== null && typeof spec === 'object' && checkedSpecs.has(spec)) return spec;
  const r = z.safeParse(declarationSchemas().spec, spec);
  if (!r.success) throw argumentError(fn, argument, r.error, spec);
  checkedSpecs.add(spec);
  return spec;
}

/**
 * Declares a store; checks its name, collections (names starting with a letter, a zod schema, key
 * paths, index names) and migrations once, so that both stores can trust them.
 */
export function defineStore<const C extends Collections>(spec: StoreSpec<C>): StoreSpec<C> {
  return specArg('defineStore', spec);
}

/** Schema version: 1, plus one per migration. */
export function schemaVersionOf(spec: StoreSpec): number {
  return 1 + (specArg('schemaVersionOf', spec).migrations?.length ?? 0);
}

/**
 * A fingerprint of the declared structure (collections, key paths, indexes). Stored with the data,
 * so that a structure changed without a new migration is caught instead of silently diverging.
 */
export function fingerprintOf(spec: StoreSpec): string {
  specArg('fingerprintOf', spec);
  return structureFingerprint(resolveCollections(spec));
}

export function collectionOf(map: ReadonlyMap<string, ResolvedCollection>, name: string): ResolvedCollection {
  if (typeof name !== 'string') throw storeError('unknown_collection', {}, 'a collection is named by text');
  const c = map.get(name);
  if (!c) throw storeError('unknown_collection', { collection: name });
  return c;
}

// ---- keys ----

function valueAt(record: unknown, path: string): unknown {
  if (path === '') return record;
  // A key path of one name (the usual `id`) needs no splitting.
  if (!path.includes('.')) return record !== null && typeof record === 'object' ? (record as Record<string, unknown>)[path] : undefined;
  let cur: unknown = record;
  for (const part of path.split('.')) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The key a key path gives for a record, or undefined when it gives none (IndexedDB's rule). */
export function keyAt(record: unknown, path: KeyPath): Key | undefined {
  if (typeof path === 'string') {
    const v = valueAt(record, path);
    return isValidKey(v) ? v : undefined;
  }
  const out: Key[] = [];
  for (const p of path) {
    const v = valueAt(record, p);
    if (!isValidKey(v)) return undefined;
    out.push(v);
  }
  return out;
}

const rank = (k: Key): number => (typeof k === 'number' ? 1 : k instanceof Date ? 2 : typeof k === 'string' ? 3 : 4);


/** IndexedDB key order: numbers < dates < strings < arrays; strings by UTF-16 code unit. */
export function compareKeys(a: Key, b: Key): number {
  if (!isValidKey(a)) throw new InvalidArgumentError('compareKeys', 'a', KEY_RULE, a);
  if (!isValidKey(b)) throw new InvalidArgumentError('compareKeys', 'b', KEY_RULE, b);
  return compareValid(a, b);
}

const KEY_RULE = { 'zh-CN': '必须是有效的键（数字、文字、日期或它们的数组）', en: 'must be a valid key (a number, text, date or array of those)' };

/** @internal `compareKeys` on keys already checked. */
export function compareValid(a: Key, b: Key): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1 || ra === 2) {
    const x = ra === 1 ? (a as number) : (a as Date).getTime();
    const y = rb === 1 ? (b as number) : (b as Date).getTime();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ra === 3) return a < b ? -1 : a > b ? 1 : 0;
  const xa = a as readonly Key[];
  const xb = b as readonly Key[];
  const n = Math.min(xa.length, xb.length);
  for (let i = 0; i < n; i++) {
    const c = compareValid(xa[i]!, xb[i]!);
    if (c !== 0) return c;
  }
  return xa.length - xb.length;
}

/** A key range from `where` (undefined: everything). */
export interface Range {
  readonly lower?: Key;
  readonly upper?: Key;
  readonly lowerOpen: boolean;
  readonly upperOpen: boolean;
}

export function rangeOf(where: Where, fn: string): Range | undefined {
  const { equals, gt, gte, lt, lte } = where;
  const check = (name: string, v: unknown) => {
    if (v !== undefined && !isValidKey(v)) throw new InvalidArgumentError(fn, name, { 'zh-CN': '须为有效的键', en: 'must be a valid key' }, v);
  };
  check('equals', equals);
  check('gt', gt);
  check('gte', gte);
  check('lt', lt);
  check('lte', lte);
  if (equals !== undefined) {
    if (gt !== undefined || gte !== undefined || lt !== undefined || lte !== undefined) {
      throw new InvalidArgumentError(fn, 'equals', { 'zh-CN': '不能与范围条件同时使用', en: 'cannot be combined with a range' }, equals);
    }
    return { lower: equals, upper: equals, lowerOpen: false, upperOpen: false };
  }
  if (gt !== undefined && gte !== undefined) throw new InvalidArgumentError(fn, 'gt', { 'zh-CN': '不能与 gte 同时使用', en: 'cannot be combined with gte' }, gt);
  if (lt !== undefined && lte !== undefined) throw new InvalidArgumentError(fn, 'lt', { 'zh-CN': '不能与 lte 同时使用', en: 'cannot be combined with lte' }, lt);
  const lower = gt ?? gte;
  const upper = lt ?? lte;
  if (lower === undefined && upper === undefined) return undefined;
  return { lower, upper, lowerOpen: gt !== undefined, upperOpen: lt !== undefined };
}

export function inRange(key: Key, r: Range | undefined): boolean {
  if (!r) return true;
  if (r.lower !== undefined) {
    const c = compareValid(key, r.lower);
    if (c < 0 || (c === 0 && r.lowerOpen)) return false;
  }
  if (r.upper !== undefined) {
    const c = compareValid(key, r.upper);
    if (c > 0 || (c === 0 && r.upperOpen)) return false;
  }
  return true;
}

/** True when the range can hold nothing (IndexedDB would throw on such a bound). */
export function emptyRange(r: Range | undefined): boolean {
  if (!r || r.lower === undefined || r.upper === undefined) return false;
  const c = compareValid(r.lower, r.upper);
  return c > 0 || (c === 0 && (r.lowerOpen || r.upperOpen));
}

// ---- page cursors: opaque strings holding the last index key and primary key seen ----

type JsonKey = string | number | { d: number } | JsonKey[];
const toJson = (k: Key): JsonKey => (k instanceof Date ? { d: k.getTime() } : Array.isArray(k) ? k.map(toJson) : (k as string | number));
const fromJson = (j: unknown): Key => {
  if (typeof j === 'string' || typeof j === 'number') return j;
  if (Array.isArray(j)) return j.map(fromJson);
  if (j && typeof j === 'object' && typeof (j as { d?: unknown }).d === 'number') return new Date((j as { d: number }).d);
  throw new Error('bad key');
};

export interface CursorPos {
  readonly indexKey?: Key;
  readonly primaryKey: Key;
}

export function encodeCursor(pos: CursorPos): string {
  return `c1.${JSON.stringify(pos.indexKey === undefined ? [toJson(pos.primaryKey)] : [toJson(pos.primaryKey), toJson(pos.indexKey)])}`;
}

export function decodeCursor(cursor: string, withIndex: boolean): CursorPos {
  try {
    if (!cursor.startsWith('c1.')) throw new Error('prefix');
    const arr = JSON.parse(cursor.slice(3)) as unknown[];
    if (!Array.isArray(arr) || arr.length !== (withIndex ? 2 : 1)) throw new Error('shape');
    const keys = arr.map(fromJson);
    if (!keys.every((k) => isValidKey(k))) throw new Error('key');
    return withIndex ? { primaryKey: keys[0]!, indexKey: keys[1]! } : { primaryKey: keys[0]! };
  } catch {
    throw storeError('invalid_cursor', {}, String(cursor).slice(0, 40));
  }
}

/** True when (ik, pk) comes after the cursor position in the scan direction. */
export function afterCursor(pos: CursorPos, ik: Key | undefined, pk: Key, reverse: boolean): boolean {
  let c = pos.indexKey !== undefined && ik !== undefined ? compareValid(ik, pos.indexKey) : 0;
  if (c === 0) c = compareValid(pk, pos.primaryKey);
  return reverse ? c < 0 : c > 0;
}

// ---- validation ----

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Validates a record on the way in; throws invalid_record / invalid_key naming the path. */
export function validateIn(c: ResolvedCollection, record: unknown, position?: number): { value: unknown; key: Key } {
  const result = z.safeParse(c.spec.schema as z.ZodType, record);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const guessKey = keyAt(record, c.key);
    throw storeError(
      'invalid_record',
      { collection: c.name, ...(guessKey !== undefined ? { key: guessKey } : {}), path: pathOf(issue.path), ...(position !== undefined ? { position } : {}) },
      issueText(issue, record, { quoteValue: false }),
    );
  }
  const key = keyAt(result.data, c.key);
  if (key === undefined) {
    throw storeError('invalid_key', { collection: c.name, path: Array.isArray(c.key) ? c.key.join('+') : (c.key as string), ...(position !== undefined ? { position } : {}) });
  }
  return { value: result.data, key };
}

/** Validates a stored record on the way out: the parsed record, or the problem with it. */
export function validateOut(c: ResolvedCollection, raw: unknown): { ok: true; value: unknown } | { ok: false; problem: RecordProblem } {
  const result = z.safeParse(c.spec.schema as z.ZodType, raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  const key = keyAt(raw, c.key);
  return { ok: false, problem: { collection: c.name, ...(key !== undefined ? { key } : {}), path: pathOf(issue.path), message: issue.message } };
}

/** Applies the migrations from `fromVersion` up to the spec's version to one record; null drops it. */
export function migrateRecord(spec: StoreSpec, collection: string, record: unknown, fromVersion: number): unknown {
  const migrations = spec.migrations ?? [];
  let value = record;
  for (let v = fromVersion; v < 1 + migrations.length; v++) {
    const fn = migrations[v - 1]?.transform?.[collection];
    if (fn) {
      value = fn(value);
      if (value == null) return null;
    }
  }
  return value;
}

/**
 * Migrates one stored record and validates what the migration made (a migration's output is
 * written like any record): null when dropped, else the record and its key; throws
 * `invalid_record` naming the migration's failing field.
 */
export function migrateChecked(spec: StoreSpec, c: ResolvedCollection, record: unknown, fromVersion: number): { value: unknown; key: Key } | null {
  const migrated = migrateRecord(spec, c.name, record, fromVersion);
  return migrated == null ? null : validateIn(c, migrated);
}

/** History entries of `next` that `prev` does not have yet (by seq). */
export function newEntries(prev: unknown, next: unknown): HistoryEntryLike[] {
  const before = (prev as { history?: HistoryEntryLike[] }).history ?? [];
  const after = (next as { history?: HistoryEntryLike[] }).history ?? [];
  let top = -Infinity;
  for (const e of before) if (e.seq > top) top = e.seq;
  const out: HistoryEntryLike[] = [];
  for (const e of after) if (e.seq > top) out.push(e);
  return out;
}

/**
 * A record's version, as events check it: the number of history entries it carries (0 for a
 * record without history). Every accepted event adds one.
 */
export function recordVersion(record: unknown): number {
  const history = (record as { history?: unknown } | null | undefined)?.history;
  return Array.isArray(history) ? history.length : 0;
}

export function expectedVersionArg(fn: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(fn, 'options.expectedVersion', { 'zh-CN': '必须是非负整数（记录的历史条数）', en: 'must be a non-negative integer (the number of history entries)' }, value);
  }
  return value;
}

function stale(current: unknown, expected: number, actual: number): StaleVersion {
  const state = (current as { state?: unknown }).state;
  return {
    code: 'stale_version',
    message: {
      'zh-CN': '该事项已被他人更新（可能在另一个标签页），本次操作未写入；请查看最新情况后重试',
      en: 'This item was changed by someone else (perhaps in another tab); nothing was written. Look at its current state and try again',
    },
    event: '',
    state: typeof state === 'string' ? state : '',
    expectedVersion: expected,
    currentVersion: actual,
  };
}

/** Validates a changed record: with the collection's `validateChange` when it has one, else whole. */
export function validateChanged(c: ResolvedCollection, next: unknown, previous: unknown, key: Key): unknown {
  const check = c.spec.validateChange;
  if (!check) return validateIn(c, next).value;
  const r = check(next, previous);
  if (!r.ok) throw storeError('invalid_record', { collection: c.name, key, path: r.path }, r.message);
  if (keyAt(r.value, c.key) === undefined) throw storeError('invalid_key', { collection: c.name, path: Array.isArray(c.key) ? c.key.join('+') : (c.key as string) });
  return r.value;
}

/**
 * One loop step on a stored record (trusted: this store validated it when it was written), with
 * the checks every store makes around it: the version the caller decided on, the step's result
 * validated and keeping its key. Returns the refusal as it came, or the record to write with its
 * new history entries.
 */
export function runStep<R>(
  c: ResolvedCollection,
  key: Key,
  current: unknown,
  step: (current: never) => StepResult<never, R>,
  expectedVersion: number | undefined,
): { readonly ok: false; readonly reason: R | StaleVersion } | { readonly ok: true; readonly value: unknown; readonly entries: HistoryEntryLike[]; readonly fresh: boolean } {
  if (expectedVersion !== undefined) {
    const actual = recordVersion(current);
    if (actual !== expectedVersion) return { ok: false, reason: stale(current, expectedVersion, actual) };
  }
  const result = step(current as never);
  if (!result.ok) return result;
  const value = validateChanged(c, result.snapshot, current, key);
  const newKey = keyAt(value, c.key)!;
  if (compareValid(newKey, key) !== 0) throw storeError('invalid_key', { collection: c.name, key: newKey }, 'the step changed the record key');
  // fresh: the engine's own snapshot, passed by the change check as it is (see FreshStep).
  return { ok: true, value, entries: newEntries(current, value), fresh: result instanceof FreshStep && value === result.snapshot };
}
