import type * as z from '../schema/zod.js';
import { maskPersonal, maskRecord, type PersonalKind } from '../privacy/privacy.js';
import type { Collections, RecordOf, RecordProblem, Store, Where } from '../store/types.js';

/** How a column's values are written. */
export type CsvType = 'text' | 'number' | 'date' | 'datetime';

/** One column of a ledger export: a Chinese header and where its value comes from. */
export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (keyof T & string) | ((row: T) => unknown);
  /** 'date' writes a China local date (YYYY-MM-DD, UTC+8); 'datetime' adds HH:mm. */
  readonly type?: CsvType;
  /** Masks this column as personal data (beside the fields the schema marks). */
  readonly personal?: PersonalKind;
}

export interface CsvOptions<T> {
  /** Record schema: fields it marks with `personal()` are masked. */
  readonly schema?: z.ZodType<T>;
  /** Write personal data in clear (only for a caller entitled to it). Default false. */
  readonly unmasked?: boolean;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A China local date (UTC+8, no DST) of an instant. */
export function chinaDate(instant: Date | string | number): string {
  return chinaDateTime(instant).slice(0, 10);
}

/** A China local date and time `YYYY-MM-DD HH:mm` of an instant. */
export function chinaDateTime(instant: Date | string | number): string {
  if (typeof instant === 'string' && DATE_ONLY.test(instant)) return `${instant} 00:00`;
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) return String(instant);
  const iso = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * A CSV text that Excel opens correctly in Chinese: UTF-8 with BOM, CRLF line ends, RFC 4180
 * quoting, dates as China local dates, personal data masked unless `unmasked`, and text cells that
 * Excel would run as formulas (= + - @, tab, CR) neutralised with a leading apostrophe.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], options: CsvOptions<T> = {}): string {
  const lines: string[] = [columns.map((c) => quote(textCell(c.header))).join(',')];
  for (const original of rows) {
    const row = options.schema && !options.unmasked ? maskRecord(options.schema, original) : original;
    lines.push(columns.map((c) => quote(cell(c, row, options.unmasked ?? false))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV as bytes (UTF-8, BOM included), ready for a Blob or a file. */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}

/** Exports a ledger (a collection, or part of it) as CSV, masking with the collection's schema. */
export async function exportLedgerCsv<C extends Collections, N extends keyof C & string>(
  store: Store<C>,
  collection: N,
  columns: readonly CsvColumn<RecordOf<C, N>>[],
  options: Omit<CsvOptions<RecordOf<C, N>>, 'schema'> & { readonly where?: Where } = {},
): Promise<{ csv: string; rows: number; problems: RecordProblem[] }> {
  const { items, problems } = await store.all(collection, options.where);
  const schema = store.spec.collections[collection]!.schema as z.ZodType<RecordOf<C, N>>;
  const csv = toCsv(items, columns, { schema, ...(options.unmasked ? { unmasked: true } : {}) });
  return { csv, rows: items.length, problems };
}

function cell<T>(column: CsvColumn<T>, row: T, unmasked: boolean): string {
  const raw = typeof column.value === 'function' ? column.value(row) : (row as Record<string, unknown>)[column.value];
  if (raw == null) return '';
  const type = column.type ?? (raw instanceof Date ? 'date' : typeof raw === 'number' ? 'number' : 'text');
  if (type === 'date' || type === 'datetime') {
    if (raw instanceof Date || typeof raw === 'string' || typeof raw === 'number') {
      return type === 'date' ? chinaDate(raw) : chinaDateTime(raw);
    }
  }
  if (type === 'number' && typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : '';
  let text: string;
  if (typeof raw === 'boolean') text = raw ? '是' : '否';
  else if (Array.isArray(raw)) text = raw.map((v) => (v instanceof Date ? chinaDate(v) : String(v))).join('、');
  else if (typeof raw === 'object') text = JSON.stringify(raw);
  else text = String(raw);
  if (column.personal && !unmasked) text = maskPersonal(column.personal, text);
  return textCell(text);
}

/** Text Excel would evaluate as a formula gets a leading apostrophe (OWASP CSV injection). */
function textCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
