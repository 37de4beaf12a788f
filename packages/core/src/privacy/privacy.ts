import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { checkKind, maskBy, type PersonalKind, type PersonalOutline } from './mask.js';

export { type PersonalKind, type PersonalOutline, maskPhone, maskIdNumber, maskName, maskAddress, maskPersonal, maskByOutline } from './mask.js';

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

function checkSchema(fn: string, schema: unknown): asserts schema is z.ZodType {
  if (!(schema instanceof z.$ZodType)) throw new InvalidArgumentError(fn, 'schema', { 'zh-CN': '必须是 zod 模式', en: 'must be a zod schema' }, schema);
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

// Deeper than any record's schema; stops a schema that contains itself.
const MAX_DEPTH = 32;

function outlineOf(schema: z.ZodType, depth: number): PersonalOutline | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const kind = personalKindOf(schema);
  if (kind) return kind;
  if (schema instanceof z.$ZodObject) {
    const shape = (schema as z.ZodMiniObject).shape as Record<string, z.ZodType>;
    const out: Record<string, PersonalOutline> = {};
    for (const [key, field] of Object.entries(shape)) {
      const inner = outlineOf(field, depth + 1);
      if (inner !== undefined) out[key] = inner;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (schema instanceof z.$ZodArray) {
    const element = wrappedOf(schema);
    const inner = element && outlineOf(element, depth + 1);
    return inner === undefined ? undefined : [inner];
  }
  const inner = innerOf(schema);
  return inner ? outlineOf(inner, depth + 1) : undefined;
}

const outlines = new WeakMap<z.ZodType, PersonalOutline | null>();

/**
 * Where `schema` holds personal data, as plain data (`{ parties: [{ name: 'name', phone: 'phone' }] }`):
 * each field marked personal with its kind, through objects, lists and wrappers; undefined when it
 * holds none. `maskByOutline` masks by it, so that a view can mask without the schema at hand.
 */
export function personalOutline(schema: z.ZodType): PersonalOutline | undefined {
  checkSchema('personalOutline', schema);
  let outline = outlines.get(schema);
  if (outline === undefined) outlines.set(schema, (outline = outlineOf(schema, 0) ?? null));
  return outline ?? undefined;
}

/**
 * A copy of `record` with every field that `schema` marks as personal data masked, at any depth
 * (objects and arrays of objects); `record` itself when the schema marks nothing it holds.
 */
export function maskRecord<T>(schema: z.ZodType<T>, record: T): T {
  checkSchema('maskRecord', schema);
  const outline = personalOutline(schema as z.ZodType);
  return outline === undefined ? record : (maskBy(outline, record) as T);
}
