// One way to turn anything a widget caught into words a clerk can read. Core's typed errors carry
// their reason in zh-CN and English; anything else (a TypeError from a host's broken store, a
// DOMException from a full disk) becomes one plain sentence in the widget's language, and its raw
// text goes only to `bh-problem`'s `detail`, for the portal's developers.
import { BihuanError, type Locale } from '@bihuan/core/schema';
import type { Words } from './guard-base.js';

/** What a widget reports when it cannot render or do what it was given. */
export interface ProblemDetail {
  /** For programs: `invalid_property`, `invalid_argument`, `not_found`, `unexpected` … */
  code: string;
  /** For people, in the widget's language. */
  message: string;
  /** What was caught, as it was (for developers). */
  error: unknown;
  /** The raw text of an error that is not bihuan's own (for developers; never shown in place). */
  detail?: string;
  /** The property whose value was refused, for `invalid_property`. */
  property?: string;
}

const UNEXPECTED: Words = {
  'zh-CN': '发生了意外错误，此操作未能完成。请刷新页面后重试；如仍出现，请联系系统管理员。',
  en: 'Something unexpected went wrong and this could not be done. Reload the page and try again; if it happens again, tell your system administrator.',
};

const STORAGE_FULL: Words = {
  'zh-CN': '本机浏览器的存储空间已满，未能保存。请清理浏览器数据后重试，或联系系统管理员。',
  en: "This browser's storage is full, so nothing was saved. Free some browser storage and try again, or tell your system administrator.",
};

/** Raw text of anything thrown, clipped: for `detail`, never for the screen. */
export function rawText(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = typeof error;
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** What went wrong, in the widget's language: a bihuan error's own words, or a plain sentence. */
export function problemOf(error: unknown, locale: Locale): ProblemDetail {
  try {
    if (error instanceof BihuanError) return { code: error.code, message: error.text(locale), error };
    if (error instanceof DOMException && error.name === 'QuotaExceededError') return { code: 'storage_full', message: STORAGE_FULL[locale], error, detail: rawText(error) };
  } catch {
    // A hostile object whose prototype cannot be read: fall through to the plain sentence.
  }
  return { code: 'unexpected', message: UNEXPECTED[locale], error, detail: rawText(error) };
}

/** Words only (for an error summary or a refusal line). */
export function wordsOf(error: unknown, locale: Locale): string {
  return problemOf(error, locale).message;
}
