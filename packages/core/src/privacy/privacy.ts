import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';

/**
 * Personal data in records (names, phones, ID numbers, addresses) is marked in the record's zod
 * schema, so that views and exports can find it and mask it without a second list to keep.
 */
export type PersonalKind = 'name' | 'phone' | 'idNumber' | 'address';

/** Registry of schemas that hold personal data, and of which kind. */
export const personalData = z.registry<{ personal: PersonalKind }>();

/** A string schema marked as personal data of the given kind. */
export function personal<S extends z.ZodType>(kind: PersonalKind, schema: S): S {
  checkKind('personal', kind);
  checkSchema('personal', schema);
  personalData.add(schema, { personal: kind });
  return schema;
}

/**
 * The schema a wrapper (optional, nullable, default, readonly …) or a list wraps: as core's zod
 * module recorded it when it made the wrapper, or through classic zod's public `unwrap()` for a
 * schema a portal wrote with classic zod; undefined for anything else.
 */
function wrappedOf(schema: z.ZodType): z.ZodType | undefined {
  const unwrap = (schema as { unwrap?: () => z.ZodType }).unwrap;
  return z.wrappedSchema(schema) ?? (typeof unwrap === 'function' ? unwrap.call(schema) : undefined);
}

/** The schema a wrapper wraps; undefined for a list (a list of names is not a name) and anything else. */
const innerOf = (schema: z.ZodType): z.ZodType | undefined => (schema instanceof z.$ZodArray ? undefined : wrappedOf(schema));

const KINDS: readonly string[] = ['name', 'phone', 'idNumber', 'address'];
// Personal data is short (a name, a phone, an address): masking looks at no more than this.
const MASK_CHARS = 1000;

function checkKind(fn: string, kind: unknown): asserts kind is PersonalKind {
  if (typeof kind !== 'string' || !KINDS.includes(kind)) throw new InvalidArgumentError(fn, 'kind', { 'zh-CN': '必须是 name、phone、idNumber 或 address', en: 'must be name, phone, idNumber or address' }, kind);
}

function checkSchema(fn: string, schema: unknown): asserts schema is z.ZodType {
  if (!(schema instanceof z.$ZodType)) throw new InvalidArgumentError(fn, 'schema', { 'zh-CN': '必须是 zod 模式', en: 'must be a zod schema' }, schema);
}

// The text a masker reads: a string, at most MASK_CHARS long.
function maskable(fn: string, value: unknown): string {
  if (typeof value !== 'string') throw new InvalidArgumentError(fn, 'value', { 'zh-CN': '必须是文字', en: 'must be a string' }, value);
  return value.length > MASK_CHARS ? value.slice(0, MASK_CHARS) : value;
}

/** The kind of personal data a schema holds, if it is marked (looks through optional/nullable). */
export function personalKindOf(schema: z.ZodType): PersonalKind | undefined {
  checkSchema('personalKindOf', schema);
  let current: z.ZodType | undefined = schema;
  for (let depth = 0; current && depth < 8; depth++) {
    const meta = personalData.get(current);
    if (meta) return meta.personal;
    current = innerOf(current);
  }
  return undefined;
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

/**
 * A copy of `record` with every field that `schema` marks as personal data masked, at any depth
 * (objects and arrays of objects).
 */
export function maskRecord<T>(schema: z.ZodType<T>, record: T): T {
  checkSchema('maskRecord', schema);
  return maskValue(schema as z.ZodType, record) as T;
}

function maskValue(schema: z.ZodType, value: unknown): unknown {
  if (value == null) return value;
  const kind = personalKindOf(schema);
  if (kind && typeof value === 'string') return maskPersonal(kind, value);
  if (schema instanceof z.$ZodObject && typeof value === 'object') {
    const shape = (schema as z.ZodMiniObject).shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, field] of Object.entries(shape)) if (Object.hasOwn(out, key)) out[key] = maskValue(field, out[key]);
    return out;
  }
  if (schema instanceof z.$ZodArray) {
    const element = wrappedOf(schema);
    return Array.isArray(value) && element ? value.map((v) => maskValue(element, v)) : value;
  }
  const inner = innerOf(schema);
  if (inner) return maskValue(inner, value);
  return value;
}
