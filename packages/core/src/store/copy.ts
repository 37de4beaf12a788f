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

/**
 * The value as the memory store keeps it, deep-frozen: the parts identical to the same place in
 * `previous` (the stored version it was made from, already frozen) are shared, everything else is
 * copied and frozen. Throws `invalid_record` (nothing stored) for a value that cannot be copied.
 *
 * Copied even when only the store holds the value (the engine's new snapshot): freezing the
 * engine's own objects where they are made the engine's next steps slower than the copy costs.
 */
export function own<T>(value: T, previous: unknown, details: StoreErrorDetails = {}): T {
  if (value === previous) return value;
  if (typeof value === 'function' || typeof value === 'symbol') throw storeError('invalid_record', details, `cannot be stored: a ${typeof value}`);
  if (value === null || typeof value !== 'object') return value;
  const prev = previous !== null && typeof previous === 'object' ? (previous as Record<string, unknown>) : undefined;
  let out: unknown;
  if (Array.isArray(value)) {
    const n = value.length;
    const arr = new Array<unknown>(n);
    const before = Array.isArray(prev) ? prev : undefined;
    for (let i = 0; i < n; i++) arr[i] = own(value[i], before?.[i], details);
    out = arr;
  } else {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== OBJECT && proto !== null) return other(value, details) as T; // copied again on every read
    const obj = shallow(value, proto);
    const before = prev && !Array.isArray(prev) ? prev : undefined;
    // for…in walks the own keys without making a list of them (hasOwn: see copyOut).
    for (const k in obj) {
      const v = obj[k];
      if (isScalar(v) || !Object.hasOwn(obj, k)) continue;
      const was = before && Object.hasOwn(before, k) ? before[k] : undefined;
      if (v === was) continue; // unchanged since the stored version: shared as it is
      const kept = own(v, was, details);
      if (kept !== v) setKey(obj, k, kept);
    }
    out = obj;
  }
  return Object.freeze(out) as T;
}

/**
 * A step's result whose snapshot the engine has just built from the stored record, inside the
 * store's own call (`applyLoopEvent`): the snapshot, its history list and the entry it appended,
 * with that entry's actor, were made for this step alone and no caller holds them. A class of its
 * own, so that no other result (a hand-written step's, one that returns a snapshot the caller
 * keeps) can pass for one.
 */
export class FreshStep<T> {
  readonly ok = true as const;
  constructor(readonly snapshot: T) {}
}

/**
 * Owns a fresh object's parts (against the same places in `previous`) and freezes it where it is;
 * `kept`, a part already frozen where it is (the entry's actor), is left as it is.
 */
function keep<T extends object>(target: T, previous: unknown, details: StoreErrorDetails, kept?: unknown): T {
  const t = target as Record<string, unknown>;
  const before = previous !== null && typeof previous === 'object' ? (previous as Record<string, unknown>) : undefined;
  for (const k in t) {
    const v = t[k];
    if (isScalar(v) || v === kept || !Object.hasOwn(t, k)) continue;
    const owned = own(v, before && Object.hasOwn(before, k) ? before[k] : undefined, details);
    if (owned !== v) setKey(t, k, owned);
  }
  return Object.freeze(target);
}

/**
 * `own` for the snapshot of a `FreshStep` made from `previous` (the stored version): the engine's
 * own parts are frozen where they are instead of copied, which is most of what `own` cost per
 * event; everything else (the data the loop's `apply` made, the payload, the attachments, any
 * entry not shared with `previous`) is owned as `own` owns it, since a caller may hold it.
 */
export function ownStep<T>(next: T, previous: unknown, details: StoreErrorDetails = {}): T {
  const s = next as unknown as { history: Record<string, unknown>[] } & Record<string, unknown>;
  const history = s.history;
  const last = history.length - 1;
  const before = (previous as { history?: unknown[] } | null)?.history;
  for (let i = 0; i < last; i++) {
    const v = history[i]!;
    const kept = own(v, before?.[i], details);
    if (kept !== v) history[i] = kept;
  }
  const entry = history[last]!;
  // The actor the engine made for this entry is frozen where it is, then not copied again with the entry.
  const actor = entry.actor !== null && typeof entry.actor === 'object' ? keep(entry.actor, undefined, details) : undefined;
  keep(entry, undefined, details, actor);
  Object.freeze(history);
  // The snapshot's other parts are owned against the stored version's; its history is kept as it is now.
  return keep(s, previous, details, history) as T;
}
