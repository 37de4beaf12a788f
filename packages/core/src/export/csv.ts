import type * as z from '../schema/zod.js';
import { CHINA_OFFSET_MS, formatInstant, parseInstant } from '../calendar/instant.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { checkArray, checkStore } from '../schema/argument.js';
import { isSaneInstant, MAX_YEAR, MIN_YEAR } from '../schema/bounds.js';
import { isSaneDate } from '../schema/fields.js';
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

const RULE_MOMENT = {
  'zh-CN': `必须是 ${MIN_YEAR}–${MAX_YEAR} 年间的真实日期（YYYY-MM-DD）、带时区的 ISO 时间、Date 或毫秒数`,
  en: `must be a real date (YYYY-MM-DD), an ISO instant with offset, a Date or epoch milliseconds, within ${MIN_YEAR}–${MAX_YEAR}`,
};

// `YYYY-MM-DD HH:mm` in China of a date or an instant, or undefined when it is not one: a date
// that does not exist (2026-02-30) is not one, rather than rolled over to another day.
function chinaText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length === 10) return isSaneDate(value) ? `${value} 00:00` : undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : typeof value === 'string' && value.length <= 40 ? parseInstant(value) : Number.NaN;
  if (!isSaneInstant(ms)) return undefined;
  const iso = formatInstant(ms + CHINA_OFFSET_MS);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A China local date (UTC+8, no DST) of a date or an instant; anything else is refused (`InvalidArgumentError`). */
export function chinaDate(instant: Date | string | number): string {
  const text = chinaText(instant);
  if (text === undefined) throw new InvalidArgumentError('chinaDate', 'instant', RULE_MOMENT, instant);
  return text.slice(0, 10);
}

/** A China local date and time `YYYY-MM-DD HH:mm` of a date or an instant; anything else is refused. */
export function chinaDateTime(instant: Date | string | number): string {
  const text = chinaText(instant);
  if (text === undefined) throw new InvalidArgumentError('chinaDateTime', 'instant', RULE_MOMENT, instant);
  return text;
}

/**
 * A CSV text that Excel opens correctly in Chinese: UTF-8 with BOM, CRLF line ends, RFC 4180
 * quoting, dates as China local dates, personal data masked unless `unmasked`, and text cells that
 * Excel would run as formulas (= + - @, tab, CR) neutralised with a leading apostrophe.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], options: CsvOptions<T> = {}): string {
  checkArray('toCsv', 'rows', rows);
  checkArray('toCsv', 'columns', columns);
  columns.forEach((c, i) => {
    const ok = c !== null && typeof c === 'object' && typeof c.header === 'string' && c.header.length <= 200 && (typeof c.value === 'string' || typeof c.value === 'function');
    if (!ok) throw new InvalidArgumentError('toCsv', `columns[${i}]`, { 'zh-CN': '必须是 { header: 文字（至多 200 字）, value: 字段名或函数 }', en: 'must be { header: text (at most 200 characters), value: a field name or a function }' }, c);
  });
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('toCsv', 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  const lines: string[] = [columns.map((c) => quote(textCell(c.header))).join(',')];
  for (const original of rows) {
    const row = options.schema && !options.unmasked ? maskRecord(options.schema, original) : original;
    lines.push(columns.map((c) => quote(cell(c, row, options.unmasked ?? false))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The CSV as bytes (UTF-8, BOM included), ready for a Blob or a file. */
export function csvBytes(csv: string): Uint8Array {
  if (typeof csv !== 'string') throw new InvalidArgumentError('csvBytes', 'csv', { 'zh-CN': '必须是文字', en: 'must be a string' }, csv);
  return new TextEncoder().encode(csv);
}

/** Exports a ledger (a collection, or part of it) as CSV, masking with the collection's schema. */
export async function exportLedgerCsv<C extends Collections, N extends keyof C & string>(
  store: Store<C>,
  collection: N,
  columns: readonly CsvColumn<RecordOf<C, N>>[],
  options: Omit<CsvOptions<RecordOf<C, N>>, 'schema'> & { readonly where?: Where } = {},
): Promise<{ csv: string; rows: number; problems: RecordProblem[] }> {
  checkStore('exportLedgerCsv', store);
  if (typeof collection !== 'string' || !Object.hasOwn(store.spec.collections, collection)) {
    throw new InvalidArgumentError('exportLedgerCsv', 'collection', { 'zh-CN': '必须是该存储中的集合名', en: "must name one of the store's collections" }, collection);
  }
  const { items, problems } = await store.all(collection, options.where);
  const schema = store.spec.collections[collection]!.schema as z.ZodType<RecordOf<C, N>>;
  const csv = toCsv(items, columns, { schema, ...(options.unmasked ? { unmasked: true } : {}) });
  return { csv, rows: items.length, problems };
}

function cell<T>(column: CsvColumn<T>, row: T, unmasked: boolean): string {
  const raw = typeof column.value === 'function' ? column.value(row) : row !== null && typeof row === 'object' && Object.hasOwn(row, column.value) ? (row as Record<string, unknown>)[column.value] : undefined;
  if (raw == null) return '';
  const type = column.type ?? (raw instanceof Date ? 'date' : typeof raw === 'number' ? 'number' : 'text');
  if (type === 'date' || type === 'datetime') {
    // A value that is no real date goes out as the text it is, guarded like every text cell.
    const when = chinaText(raw);
    if (when !== undefined) return type === 'date' ? when.slice(0, 10) : when;
  }
  if (type === 'number' && typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : '';
  let text: string;
  if (typeof raw === 'boolean') text = raw ? '是' : '否';
  else if (Array.isArray(raw)) text = raw.map((v) => (v instanceof Date ? (chinaText(v)?.slice(0, 10) ?? '') : v !== null && typeof v === 'object' ? objectText(v) : String(v))).join('、');
  else if (typeof raw === 'object') text = objectText(raw);
  else text = String(raw);
  if (column.personal && !unmasked) text = maskPersonal(column.personal, text);
  return textCell(text);
}

// A record-like value as JSON, or '' when it has none (a bigint inside, a cycle, nesting too deep).
function objectText(value: object): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** Text Excel would evaluate as a formula gets a leading apostrophe (OWASP CSV injection). */
function textCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
