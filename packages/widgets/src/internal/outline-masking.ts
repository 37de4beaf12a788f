// Masking by a plain outline of where a record's personal fields are (core's `maskByOutline`), with
// no schema: what a list that only shows records (the dispute ledger) masks its rows with.
// masking.ts masks by a record's schema through the same cache.
import { maskByOutline, type PersonalOutline } from '@bihuan/core/privacy';

// Masked copies, per outline and record: a ledger re-rendering its visible rows masks each once.
const cache = new WeakMap<object, WeakMap<object, unknown>>();

/** `record` with every field `outline` names masked (a cached copy; the record is untouched). */
export function maskedBy<T>(outline: PersonalOutline, record: T): T {
  if (record === null || typeof record !== 'object') return record;
  // A kind alone outlines a string, never an object: nothing to mask here, nothing to keep.
  if (typeof outline !== 'object') return maskByOutline(outline, record);
  let byOutline = cache.get(outline);
  if (!byOutline) cache.set(outline, (byOutline = new WeakMap()));
  let copy = byOutline.get(record) as T | undefined;
  if (copy === undefined) {
    copy = maskByOutline(outline, record);
    byOutline.set(record, copy);
  }
  return copy;
}

/** A loop item as the viewer may see it: in clear, or with its data masked where `outline` (its data's outline) says. */
export function viewerItemBy<T extends { readonly data: unknown }>(outline: PersonalOutline | undefined, item: T, clear: boolean): T {
  if (clear || outline === undefined) return item;
  const data = maskedBy(outline, item.data);
  return data === item.data ? item : { ...item, data };
}
