import { storeError, type StoreErrorDetails } from './errors.js';

// The memory store's copies. Stored values are deep-frozen and never change, so a new version of
// a record shares every part it did not change with the old one (`own` copies only the new parts),
// and what a caller reads is a fresh copy (`copyOut`) that it may change at will.
const OBJECT = Object.prototype;

function setKey(out: Record<string, unknown>, k: string, v: unknown): void {
  // A record read from JSON may have an own "__proto__" key: keep it a plain field.
  if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

function other(value: object, details: StoreErrorDetails): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  try {
    return structuredClone(value);
  } catch (error) {
    throw storeError('invalid_record', details, `cannot be stored: ${(error as Error)?.message ?? String(error)}`, error);
  }
}

const isScalar = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function' && typeof v !== 'symbol');

/** A shallow copy keeping the prototype (plain or null) and an own "__proto__" key as a field. */
const shallow = (value: object, proto: object | null): Record<string, unknown> =>
  proto === null ? Object.assign(Object.create(null) as Record<string, unknown>, value) : { ...(value as Record<string, unknown>) };

/** A deep copy for a caller: plain objects, arrays and dates copied by hand, anything else cloned. */
export function copyOut<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const n = value.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = copyOut(value[i]);
    return out as T;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === OBJECT || proto === null) {
    const out = shallow(value, proto);
    // for…in walks the copy's own keys without making a list of them (the hasOwn check skips
    // anything enumerable a page may have put on Object.prototype).
    for (const k in out) {
      const v = out[k];
      if (v !== null && typeof v === 'object' && Object.hasOwn(out, k)) setKey(out, k, copyOut(v));
    }
    return out as T;
  }
  return other(value, {}) as T;
}

// What the engine made for the event being applied and nothing else holds: its new snapshot and
// the parts of it that it built itself (history list, new entry, its actor). The memory store
// freezes these in place instead of copying them; data, payloads and anything else the engine's
// callbacks returned may be shared with a caller and are copied as usual.
const NONE: readonly object[] = [];
let handed: readonly object[] = NONE;

/** Hands the engine's new snapshot (`made[0]`) and the other parts it made itself to `ownMade`. */
export function handOver(made: readonly object[]): void {
  handed = made;
}

/** Forgets a hand-over not taken: a store calls this before it runs a step. */
export function forgetHanded(): void {
  handed = NONE;
}

/**
 * The value as the memory store keeps it, deep-frozen: the parts identical to the same place in
 * `previous` (the stored version it was made from, already frozen) are shared, everything else is
 * copied and frozen. Throws `invalid_record` (nothing stored) for a value that cannot be copied.
 */
export function own<T>(value: T, previous: unknown, details: StoreErrorDetails = {}): T {
  return owned(value, previous, details, undefined);
}

/**
 * `own` for the result of a step the store just ran (after `forgetHanded`): when it is the
 * snapshot the engine handed over during that step, the parts the engine made are frozen where
 * they are rather than copied. Takes the hand-over either way.
 */
export function ownMade<T>(value: T, previous: unknown, details: StoreErrorDetails): T {
  const mine = handed.length > 0 && value === handed[0] ? handed : undefined;
  handed = NONE;
  return owned(value, previous, details, mine);
}

function owned<T>(value: T, previous: unknown, details: StoreErrorDetails, mine: readonly object[] | undefined): T {
  if (value === previous) return value;
  if (typeof value === 'function' || typeof value === 'symbol') throw storeError('invalid_record', details, `cannot be stored: a ${typeof value}`);
  if (value === null || typeof value !== 'object') return value;
  const prev = previous !== null && typeof previous === 'object' ? (previous as Record<string, unknown>) : undefined;
  // Taken as it is: the handed-over snapshot itself, and those parts of it the engine made.
  const inPlace = mine !== undefined && mine.includes(value) && Object.isExtensible(value);
  let out: unknown;
  if (Array.isArray(value)) {
    const n = value.length;
    const arr = inPlace ? (value as unknown[]) : new Array<unknown>(n);
    const before = Array.isArray(prev) ? prev : undefined;
    for (let i = 0; i < n; i++) arr[i] = owned(value[i], before?.[i], details, mine);
    out = arr;
  } else {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== OBJECT && proto !== null) return other(value, details) as T; // copied again on every read
    const obj = inPlace ? (value as Record<string, unknown>) : shallow(value, proto);
    const before = prev && !Array.isArray(prev) ? prev : undefined;
    // for…in walks the own keys without making a list of them (hasOwn: see copyOut).
    for (const k in obj) {
      const v = obj[k];
      if (isScalar(v) || !Object.hasOwn(obj, k)) continue;
      const kept = owned(v, before && Object.hasOwn(before, k) ? before[k] : undefined, details, mine);
      if (kept !== v) setKey(obj, k, kept);
    }
    out = obj;
  }
  return Object.freeze(out) as T;
}
