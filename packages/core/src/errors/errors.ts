import { DEFAULT_LOCALE, type Locale, type Localized } from '../i18n/locale.js';

/**
 * Base of every error bihuan throws. `code` is for programs to switch on, `message` (English) for
 * logs, and `text(locale)` for the people using a portal.
 */
export class BihuanError extends Error {
  readonly code: string;
  readonly texts: Localized;

  constructor(code: string, texts: Localized, options?: { cause?: unknown }) {
    super(texts.en, options);
    this.name = 'BihuanError';
    this.code = code;
    this.texts = texts;
  }

  /** The readable reason in the given locale (zh-CN by default). */
  text(locale: Locale = DEFAULT_LOCALE): string {
    return this.texts[locale];
  }
}

/** An argument to a public function was refused; `argument` names it. */
export class InvalidArgumentError extends BihuanError {
  readonly argument: string;
  readonly received: unknown;

  constructor(fn: string, argument: string, rule: Localized, received: unknown) {
    fn = nameText(fn);
    argument = nameText(argument);
    super('invalid_argument', {
      'zh-CN': `${fn}：参数 ${argument} ${rule['zh-CN']}（收到 ${describe(received, 'zh-CN')}）`,
      en: `${fn}: argument ${argument} ${rule.en} (received ${describe(received)})`,
    });
    this.name = 'InvalidArgumentError';
    this.argument = argument;
    this.received = received;
  }
}

/** How many characters of a caller's text a message quotes. */
const QUOTE = 40;

/** `text`, cut to `max` characters (with …): what a message may quote of a caller's text. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// A function's or an argument's name as given by a caller of the kernel's helpers: text, clipped.
function nameText(name: unknown): string {
  return typeof name === 'string' ? clip(name, 120) : describe(name);
}

// What a Chinese reader is told of a value that is not text or a number.
const KINDS_ZH: Readonly<Record<string, string>> = { object: '对象', function: '函数', symbol: '符号', undefined: '空值' };

/**
 * A short, safe rendering of a refused value for messages: text quoted and clipped, numbers as
 * written, anything else by its kind — in the reader's language (`array(3)` / `3 项的列表`).
 */
export function describe(value: unknown, locale: Locale = 'en'): string {
  if (typeof value === 'string') return JSON.stringify(clip(value, QUOTE));
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  const zh = locale === 'zh-CN';
  if (Array.isArray(value)) return zh ? `${value.length} 项的列表` : `array(${value.length})`;
  return zh ? (KINDS_ZH[typeof value] ?? '值') : typeof value;
}
