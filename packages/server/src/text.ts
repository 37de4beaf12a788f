import type { Localized } from '@bihuan/core/schema';

/**
 * Text PostgreSQL cannot store: a NUL character (refused in `text` and `jsonb`) or half of a UTF-16
 * surrogate pair (refused in `jsonb`, and no character at all). Found here, a request is refused
 * with a 400 naming the field, instead of failing in the database mid-transaction.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT: Localized = {
  'zh-CN': '含有无法保存的字符（空字符 U+0000 或不成对的代理项）',
  en: 'holds a character that cannot be stored (NUL, U+0000, or an unpaired surrogate)',
};

/** The path (`mutations[0].event.note`) of the first string or key in `value` that cannot be stored, if any. */
export function unstorableTextPath(value: unknown): string | undefined {
  // Iterative: a body nested a hundred thousand levels deep is walked without growing the stack.
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return path || '(root)';
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const at = path ? `${path}.${key}` : key;
        if (UNSTORABLE.test(key)) return at;
        stack.push([(v as Record<string, unknown>)[key], at]);
      }
    }
  }
  return undefined;
}

/** The name of the first part of a request address (`path`, or a query parameter's name) holding an encoded NUL. */
export function unstorableUrlPart(url: string): string | undefined {
  const { pathname, searchParams } = new URL(url);
  if (/%00/i.test(pathname)) return 'path';
  for (const [name, value] of searchParams) if (UNSTORABLE.test(name) || UNSTORABLE.test(value)) return UNSTORABLE.test(name) ? 'query' : name;
  return undefined;
}
