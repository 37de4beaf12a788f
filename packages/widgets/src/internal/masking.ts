// Masking follows the schema: a record is shown to a viewer who may not see personal data in
// clear as core's `maskRecord` makes it from the record's own zod schema, so every field the schema
// marks as personal (`personName`, `phone`, `idNumber`, `address`, `personal(kind, …)`) is masked
// wherever a widget renders it — a party, the grid worker who reported, a firm's contact — without
// a widget having to remember which fields are personal. The schema's outline of them
// (`personalOutline`) masks through outline-masking.ts, whose cache the dispute ledger shares.
import { personalOutline } from '@bihuan/core/privacy';
import { maskedBy, viewerItemBy } from './outline-masking.js';

type Schema = Parameters<typeof personalOutline>[0];

/** `record` with every field its schema marks personal masked (a cached copy; the record is untouched). */
export function masked<T>(schema: Schema, record: T): T {
  const outline = personalOutline(schema);
  return outline === undefined ? record : maskedBy(outline, record);
}

/**
 * A loop item as the viewer may see it: in clear, or with its data masked by its loop's data
 * schema (`def.data`, the single source of truth for what is personal).
 */
export function viewerItem<T extends { readonly data: unknown }>(def: { readonly data: Schema }, item: T, clear: boolean): T {
  return clear ? item : viewerItemBy(personalOutline(def.data), item, clear);
}
