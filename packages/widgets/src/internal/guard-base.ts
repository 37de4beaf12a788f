// The shared guard for widgets' public properties: the kernel every widget loads (the base's check,
// its refusal words, and the text, number, choice and yes/no kinds). The other kinds (stores,
// moments, months, lists, roles …) are in guard.ts, which only the widgets that use them load.
// A portal sets properties from its own code (or from a framework that passes whatever it holds),
// and attributes arrive as any string: each declared property may carry a `guard` that checks the value when it is set — in bounded time,
// before any of the widget's code sees it. A value the guard refuses is not taken (the property
// keeps its last good value); the widget shows in place, in its locale, which property was refused
// and what it must be, and emits `bh-problem`. `null` and `undefined` put the default back.
import type { Locale } from '@bihuan/core/schema';

/** Text in both languages. */
export type Words = Readonly<Record<Locale, string>>;

/** What a guard decides: the value to keep (maybe normalised), or a refusal. */
export type Verdict = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/** Checks one property's value; `expected` says what it must be, after the property's name. */
export interface Guard {
  readonly expected: Words;
  check(value: unknown): Verdict;
}

export const ACCEPT = (value: unknown): Verdict => ({ ok: true, value });
export const REFUSE: Verdict = { ok: false };

/** Upper bound of any text a widget property takes (labels, ids, names): 2,000 characters. */
export const MAX_TEXT = 2_000;

/** A guard from a predicate. */
export function guard(expected: Words, accepts: (value: unknown) => boolean): Guard {
  return { expected, check: (value) => (accepts(value) ? ACCEPT(value) : REFUSE) };
}

/** Text of at most `max` characters (attributes arrive as text). */
export function textGuard(max = MAX_TEXT): Guard {
  return guard({ 'zh-CN': `不超过 ${max} 个字符的文字`, en: `text of at most ${max} characters` }, (v) => typeof v === 'string' && v.length <= max);
}

/** One of the given strings. */
export function oneOfGuard(values: readonly string[]): Guard {
  const list = values.filter(Boolean).join(' / ');
  const empty = values.includes('') ? { zh: '（或留空）', en: ' (or empty)' } : { zh: '', en: '' };
  return guard({ 'zh-CN': `以下之一：${list}${empty.zh}`, en: `one of: ${list}${empty.en}` }, (v) => typeof v === 'string' && values.includes(v));
}

/** A finite number in [min, max], whole when `integer`. */
export function numberGuard(min: number, max: number, integer = false): Guard {
  const kind = integer ? { zh: '整数', en: 'a whole number' } : { zh: '数', en: 'a number' };
  return guard(
    { 'zh-CN': `${min} 到 ${max} 之间的${kind.zh}`, en: `${kind.en} from ${min} to ${max}` },
    (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)),
  );
}

export const booleanGuard: Guard = guard({ 'zh-CN': 'true 或 false', en: 'true or false' }, (v) => typeof v === 'boolean');

/** Runs a guard without letting a hostile value (a Proxy that throws, say) escape: anything thrown is a refusal. */
export function runGuard(g: Guard, value: unknown): Verdict {
  try {
    return g.check(value);
  } catch {
    return REFUSE;
  }
}

/** Whether a property set to `value` asks for its default back. */
export const isAbsent = (value: unknown): boolean => value === null || value === undefined;

/** The in-place message for a refused property (`viewer-role` for one with an attribute). */
export function refusedPropertyWords(name: string, g: Guard): Words {
  return {
    'zh-CN': `属性 ${name} 的值不可用，已忽略：应为${g.expected['zh-CN']}。`,
    en: `The value given to ${name} cannot be used and was ignored: it must be ${g.expected.en}.`,
  };
}
