// Masking follows the schema: a record is shown to a viewer who may not see personal data in
// clear as core's `maskRecord` makes it from the record's own zod schema, so every field the schema
// marks as personal (`personName`, `phone`, `idNumber`, `address`, `personal(kind, …)`) is masked
// wherever a widget renders it — a party, the grid worker who reported, a firm's contact — without
// a widget having to remember which fields are personal.
import { maskRecord } from '@bihuan/core/privacy';

type Schema = Parameters<typeof maskRecord>[0];

// Masked copies, per schema and record: a ledger re-rendering its visible rows masks each once.
const cache = new WeakMap<object, WeakMap<object, unknown>>();

/** `record` with every field its schema marks personal masked (a cached copy; the record is untouched). */
export function masked<T>(schema: Schema, record: T): T {
  if (record === null || typeof record !== 'object') return record;
  let bySchema = cache.get(schema);
  if (!bySchema) cache.set(schema, (bySchema = new WeakMap()));
  let copy = bySchema.get(record) as T | undefined;
  if (copy === undefined) {
    copy = maskRecord(schema as Schema, record as never) as T;
    bySchema.set(record, copy);
  }
  return copy;
}

/**
 * A loop item as the viewer may see it: in clear, or with its data masked by its loop's data
 * schema (`def.data`, the single source of truth for what is personal).
 */
export function viewerItem<T extends { readonly data: unknown }>(def: { readonly data: Schema }, item: T, clear: boolean): T {
  if (clear) return item;
  const data = masked(def.data, item.data);
  return data === item.data ? item : { ...item, data };
}
