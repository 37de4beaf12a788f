import type * as z from './zod.js';
import { describe, InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { withArticle } from '../i18n/words.js';

/** One zod issue, as `safeParse` reports it. */
export type ZodIssue = z.ZodError['issues'][number];

// zod's type names, as a person reads them.
const TYPES: Readonly<Record<string, Localized>> = {
  string: { 'zh-CN': '文字', en: 'text' },
  number: { 'zh-CN': '数字', en: 'number' },
  int: { 'zh-CN': '整数', en: 'whole number' },
  bigint: { 'zh-CN': '大整数', en: 'big integer' },
  boolean: { 'zh-CN': '是或否（true/false）', en: 'true or false' },
  object: { 'zh-CN': '对象', en: 'object' },
  array: { 'zh-CN': '列表', en: 'list' },
  date: { 'zh-CN': '日期', en: 'date' },
  null: { 'zh-CN': '空值', en: 'null' },
  undefined: { 'zh-CN': '不填', en: 'nothing' },
  map: { 'zh-CN': '映射', en: 'map' },
  set: { 'zh-CN': '集合', en: 'set' },
  symbol: { 'zh-CN': '符号', en: 'symbol' },
  function: { 'zh-CN': '函数', en: 'function' },
  nan: { 'zh-CN': '非数字', en: 'NaN' },
  record: { 'zh-CN': '对象', en: 'object' },
  tuple: { 'zh-CN': '列表', en: 'list' },
  literal: { 'zh-CN': '指定的值', en: 'the given value' },
  enum: { 'zh-CN': '指定的值之一', en: 'one of the given values' },
};
const anything: Localized = { 'zh-CN': '其他类型的值', en: 'value of another type' };

const typeName = (expected: unknown): Localized => (typeof expected === 'string' && Object.hasOwn(TYPES, expected) ? TYPES[expected]! : anything);
const article = (type: Localized): string => (type === TYPES.boolean || type === TYPES.undefined || type === TYPES.null ? type.en : withArticle(type.en));
const list = (values: readonly unknown[], zh: boolean): string => values.slice(0, 8).map((v) => describe(v)).join(zh ? '、' : ', ') + (values.length > 8 ? (zh ? ' 等' : ' …') : '');
const has = (i: object, key: string): unknown => (Object.hasOwn(i, key) ? (i as Record<string, unknown>)[key] : undefined);

/** The value a zod issue is about: the input at its path (own data properties only), or undefined. */
export function valueAtPath(value: unknown, path: readonly PropertyKey[]): unknown {
  if (!Array.isArray(path) || path.length > 1000 || !path.every((k) => typeof k === 'string' || typeof k === 'number' || typeof k === 'symbol')) throw new InvalidArgumentError('valueAtPath', 'path', { 'zh-CN': '必须是键的数组', en: 'must be an array of keys' }, path);
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    const own = Object.getOwnPropertyDescriptor(node, key);
    if (!own || !('value' in own)) return undefined;
    node = own.value;
  }
  return node;
}

function bound(issue: ZodIssue, big: boolean): Localized {
  const origin = has(issue, 'origin');
  const limit = has(issue, big ? 'maximum' : 'minimum');
  const inclusive = has(issue, 'inclusive') !== false;
  const n = typeof limit === 'bigint' || typeof limit === 'number' ? String(limit) : '?';
  if (origin === 'string') {
    if (!big && n === '1') return { 'zh-CN': '不能为空', en: 'must not be empty' };
    return big ? { 'zh-CN': `不能超过 ${n} 个字符`, en: `must be at most ${n} characters long` } : { 'zh-CN': `至少需要 ${n} 个字符`, en: `must be at least ${n} characters long` };
  }
  if (origin === 'array' || origin === 'set' || origin === 'map') {
    if (!big && n === '1') return { 'zh-CN': '至少需要一项', en: 'must have at least one item' };
    return big ? { 'zh-CN': `不能超过 ${n} 项`, en: `must have at most ${n} items` } : { 'zh-CN': `至少需要 ${n} 项`, en: `must have at least ${n} items` };
  }
  if (origin === 'date') return big ? { 'zh-CN': '日期太晚', en: 'is too late a date' } : { 'zh-CN': '日期太早', en: 'is too early a date' };
  if (big) return inclusive ? { 'zh-CN': `不能大于 ${n}`, en: `must be at most ${n}` } : { 'zh-CN': `必须小于 ${n}`, en: `must be less than ${n}` };
  return inclusive ? { 'zh-CN': `不能小于 ${n}`, en: `must be at least ${n}` } : { 'zh-CN': `必须大于 ${n}`, en: `must be greater than ${n}` };
}

/**
 * What a zod issue says, in words a person reads in both languages — never zod's own English in
 * a Chinese message. `value` is the whole input that was parsed: the value at the issue's path is
 * quoted where it helps ("应为数字，收到 "12a""). A refinement may carry its own texts as
 * `params: { 'zh-CN', en }`; one without them keeps its English and reads 不符合要求 in Chinese.
 */
export function issueText(issue: ZodIssue, value?: unknown, options: { readonly quoteValue?: boolean } = {}): Localized {
  if (issue === null || typeof issue !== 'object' || typeof issue.code !== 'string' || !Array.isArray(issue.path)) {
    throw new InvalidArgumentError('issueText', 'issue', { 'zh-CN': '必须是 zod 的校验问题（带 code 和 path）', en: 'must be a zod issue (with code and path)' }, issue);
  }
  const quoted = options === null || typeof options !== 'object' || options.quoteValue !== false;
  const at = valueAtPath(value, issue.path);
  const received = describe(at);
  const receivedZh = describe(at, 'zh-CN');
  // "（收到 …）" / " (received …)", left out when the caller quotes the value itself or there is none.
  const got: Localized = quoted && at !== undefined ? { 'zh-CN': `（收到 ${receivedZh}）`, en: ` (received ${received})` } : { 'zh-CN': '', en: '' };
  switch (issue.code) {
    case 'invalid_type': {
      const type = typeName(has(issue, 'expected'));
      if (valueAtPath(value, issue.path) === undefined) return { 'zh-CN': `必须填写（${type['zh-CN']}）`, en: `is required (${article(type)})` };
      return quoted ? { 'zh-CN': `应为${type['zh-CN']}，收到 ${receivedZh}`, en: `must be ${article(type)}, not ${received}` } : { 'zh-CN': `应为${type['zh-CN']}`, en: `must be ${article(type)}` };
    }
    case 'too_small':
      return bound(issue, false);
    case 'too_big':
      return bound(issue, true);
    case 'invalid_format':
      return { 'zh-CN': `格式不对${got['zh-CN']}`, en: `is not in the expected form${got.en}` };
    case 'not_multiple_of':
      return { 'zh-CN': `必须是 ${String(has(issue, 'divisor'))} 的整数倍`, en: `must be a multiple of ${String(has(issue, 'divisor'))}` };
    case 'unrecognized_keys': {
      const keys = (has(issue, 'keys') as unknown[] | undefined) ?? [];
      return { 'zh-CN': `含有不认识的字段：${list(keys, true)}`, en: `has fields it does not know: ${list(keys, false)}` };
    }
    case 'invalid_value': {
      const values = (has(issue, 'values') as unknown[] | undefined) ?? [];
      return { 'zh-CN': `必须是以下之一：${list(values, true)}${got['zh-CN']}`, en: `must be one of ${list(values, false)}${got.en}` };
    }
    case 'invalid_union':
      return { 'zh-CN': `不符合任何一种允许的写法${got['zh-CN']}`, en: `matches none of the allowed forms${got.en}` };
    case 'invalid_key':
      return { 'zh-CN': '含有不符合要求的键', en: 'has a key that is not valid' };
    case 'invalid_element':
      return { 'zh-CN': '含有不符合要求的元素', en: 'has an element that is not valid' };
    default: {
      const params = has(issue, 'params') as { 'zh-CN'?: unknown; en?: unknown } | undefined;
      if (params && typeof params['zh-CN'] === 'string' && typeof params.en === 'string') return { 'zh-CN': params['zh-CN'], en: params.en };
      return { 'zh-CN': '不符合要求', en: typeof issue.message === 'string' && issue.message ? issue.message : 'is not valid' };
    }
  }
}
