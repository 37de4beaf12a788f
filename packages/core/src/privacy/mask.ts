// Masking personal data, without zod: the maskers for each kind, and `maskByOutline`, which masks a
// record by a plain outline of where its personal fields are. privacy.ts derives the outline from a
// record's schema (`personalOutline`) and re-exports these; a page that only shows records masks by
// an outline its domain keeps (a test holds it to the schema's), so it loads no schema to mask.
import { InvalidArgumentError } from '../errors/errors.js';

/**
 * Personal data in records (names, phones, ID numbers, addresses) is marked in the record's zod
 * schema, so that views and exports can find it and mask it without a second list to keep.
 */
export type PersonalKind = 'name' | 'phone' | 'idNumber' | 'address';

/**
 * Where a record holds personal data: a kind (the value is personal data of that kind), an object
 * naming the fields that hold some, or a one-element array (every element has that outline).
 */
export type PersonalOutline = PersonalKind | { readonly [field: string]: PersonalOutline } | readonly [PersonalOutline];

const KINDS: readonly string[] = ['name', 'phone', 'idNumber', 'address'];
// Personal data is short (a name, a phone, an address): masking looks at no more than this.
const MASK_CHARS = 1000;

/** @internal */
export function checkKind(fn: string, kind: unknown): asserts kind is PersonalKind {
  if (typeof kind !== 'string' || !KINDS.includes(kind)) throw new InvalidArgumentError(fn, 'kind', { 'zh-CN': '必须是 name、phone、idNumber 或 address', en: 'must be name, phone, idNumber or address' }, kind);
}

// The text a masker reads: a string, at most MASK_CHARS long.
function maskable(fn: string, value: unknown): string {
  if (typeof value !== 'string') throw new InvalidArgumentError(fn, 'value', { 'zh-CN': '必须是文字', en: 'must be a string' }, value);
  return value.length > MASK_CHARS ? value.slice(0, MASK_CHARS) : value;
}

/** 138****1234: keeps the first three and last four digits of a phone number. */
export function maskPhone(value: string): string {
  const digits = maskable('maskPhone', value).replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 110101********1234: keeps the six-digit area code and the last four characters. */
export function maskIdNumber(value: string): string {
  value = maskable('maskIdNumber', value);
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** 陈*, 欧阳** / J*** S****: keeps each word's first character. */
export function maskName(value: string): string {
  value = maskable('maskName', value);
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  if (/^[\u3400-\u9fff·]+$/u.test(value.trim())) {
    // Chinese names: keep the surname (one character, or two for a common compound surname).
    const keep = chars.length >= 4 ? 2 : 1;
    return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
  }
  return value
    .trim()
    .split(/\s+/)
    .map((w) => [...w][0] + '*'.repeat(Math.max(0, [...w].length - 1)))
    .join(' ');
}

/** Keeps the first six characters of an address (district level) and masks the rest. */
export function maskAddress(value: string): string {
  value = maskable('maskAddress', value);
  const chars = [...value];
  return chars.length <= 6 ? value : chars.slice(0, 6).join('') + '*'.repeat(Math.min(8, chars.length - 6));
}

const MASKERS: Record<PersonalKind, (value: string) => string> = {
  name: maskName,
  phone: maskPhone,
  idNumber: maskIdNumber,
  address: maskAddress,
};

/** Masks a value of the given kind of personal data. */
export function maskPersonal(kind: PersonalKind, value: string): string {
  checkKind('maskPersonal', kind);
  return MASKERS[kind](value);
}

/** @internal `maskByOutline` for an outline known good (derived from a schema). */
export function maskBy(outline: PersonalOutline, value: unknown): unknown {
  if (value == null) return value;
  if (typeof outline === 'string') return typeof value === 'string' ? MASKERS[outline](value) : value;
  if (Array.isArray(outline)) return Array.isArray(value) ? value.map((v) => maskBy(outline[0]!, v)) : value;
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, inner] of Object.entries(outline as Record<string, PersonalOutline>)) if (Object.hasOwn(out, key)) out[key] = maskBy(inner, out[key]);
  return out;
}

function isOutline(value: unknown, depth = 0): value is PersonalOutline {
  if (depth > 32) return false;
  if (typeof value === 'string') return KINDS.includes(value);
  if (Array.isArray(value)) return value.length === 1 && isOutline(value[0], depth + 1);
  return value !== null && typeof value === 'object' && Object.values(value).every((v) => isOutline(v, depth + 1));
}

/** A copy of `record` with the fields `outline` names masked, each by its kind (see `personalOutline`). */
export function maskByOutline<T>(outline: PersonalOutline, record: T): T {
  if (!isOutline(outline)) throw new InvalidArgumentError('maskByOutline', 'outline', { 'zh-CN': '必须是个人信息轮廓（种类、对象或单元素数组）', en: 'must be a personal-data outline (a kind, an object or a one-element array)' }, outline);
  return maskBy(outline, record) as T;
}
