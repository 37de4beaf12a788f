import { InvalidArgumentError } from '../errors/errors.js';
import type { Locale, Localized } from '../i18n/locale.js';
import type { RefusalCode } from './refusal.js';
import { withArticle } from '../i18n/words.js';
import { remembered } from './remembered.js';

/** What a refusal message may mention; labels are already localized by the definition. */
export interface RefusalMessageParts {
  readonly loopId: string;
  readonly eventType: string;
  readonly eventLabel?: Localized;
  readonly stateLabel?: Localized;
  readonly roleLabel?: Localized;
  readonly role?: string;
  readonly field?: string;
  /** More about a field that is not valid: one text for both languages, or one per language. */
  readonly detail?: string | Localized;
  readonly at?: string;
  readonly lastAt?: string;
}

type Template = (p: RefusalMessageParts, locale: Locale) => string;

const label = (text: Localized | undefined, fallback: string, locale: Locale): string => text?.[locale] ?? fallback;
const detail = (p: RefusalMessageParts, locale: Locale): string | undefined => (p.detail === undefined || typeof p.detail === 'string' ? p.detail : p.detail[locale]);

// A loop has a handful of roles: each role label's article is worked out once, not per refusal.
const articled = remembered(withArticle, 256);

/** One template per refusal code and locale: a person reads these; programs read the code. */
const TEMPLATES: Readonly<Record<RefusalCode, Readonly<Record<Locale, Template>>>> = {
  unknown_event: {
    'zh-CN': (p) => `“${p.loopId}”中没有“${p.eventType}”这项操作`,
    en: (p) => `"${p.eventType}" is not an action of "${p.loopId}"`,
  },
  not_allowed_in_state: {
    'zh-CN': (p, l) => `事项处于“${label(p.stateLabel, '?', l)}”状态，不能“${label(p.eventLabel, p.eventType, l)}”`,
    en: (p, l) => `cannot "${label(p.eventLabel, p.eventType, l)}" while the item is "${label(p.stateLabel, '?', l)}"`,
  },
  role_not_allowed: {
    'zh-CN': (p, l) => `“${label(p.roleLabel, p.role ?? '?', l)}”无权“${label(p.eventLabel, p.eventType, l)}”`,
    en: (p, l) => `${articled(label(p.roleLabel, p.role ?? '?', l))} may not "${label(p.eventLabel, p.eventType, l)}"`,
  },
  field_missing: {
    'zh-CN': (p, l) => `“${label(p.eventLabel, p.eventType, l)}”缺少必填项 ${p.field ?? 'payload'}`,
    en: (p, l) => `"${label(p.eventLabel, p.eventType, l)}" needs the field ${p.field ?? 'payload'}`,
  },
  field_invalid: {
    'zh-CN': (p, l) => `“${label(p.eventLabel, p.eventType, l)}”的 ${p.field ?? 'payload'} 填写不符合要求${detail(p, l) ? `（${detail(p, l)}）` : ''}`,
    en: (p, l) => `"${label(p.eventLabel, p.eventType, l)}": ${p.field ?? 'payload'} is not valid${detail(p, l) ? ` (${detail(p, l)})` : ''}`,
  },
  out_of_order: {
    'zh-CN': (p) => `办理时间 ${p.at ?? '?'} 早于该事项上一次办理时间 ${p.lastAt ?? '?'}`,
    en: (p) => `the time ${p.at ?? '?'} is before the item's last update at ${p.lastAt ?? '?'}`,
  },
  guard_failed: {
    'zh-CN': (p, l) => `不满足“${label(p.eventLabel, p.eventType, l)}”的条件`,
    en: (p, l) => `the conditions for "${label(p.eventLabel, p.eventType, l)}" are not met`,
  },
};

/** The localized message for a refusal code. */
export function refusalMessage(code: RefusalCode, parts: RefusalMessageParts): Localized {
  if (typeof code !== 'string' || !Object.hasOwn(TEMPLATES, code)) throw new InvalidArgumentError('refusalMessage', 'code', { 'zh-CN': '必须是拒绝代码之一', en: 'must be one of the refusal codes' }, code);
  if (parts === null || typeof parts !== 'object') throw new InvalidArgumentError('refusalMessage', 'parts', { 'zh-CN': '必须是对象', en: 'must be an object' }, parts);
  const t = TEMPLATES[code];
  return { 'zh-CN': t['zh-CN'](parts, 'zh-CN'), en: t.en(parts, 'en') };
}
