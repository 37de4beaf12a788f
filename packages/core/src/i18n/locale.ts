/** The languages bihuan speaks. zh-CN is the default; English is complete. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * Picks a supported locale for a BCP 47 tag (`zh`, `zh-Hans-CN`, `en-GB` …).
 * Anything that is not English falls back to Chinese, the users' language.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  if (typeof tag !== 'string' || tag.length > 100) return DEFAULT_LOCALE;
  const lower = tag.trim().toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return DEFAULT_LOCALE;
}

/** A text in every supported locale; TypeScript refuses a missing one. */
export type Localized = Readonly<Record<Locale, string>>;

/** A text in both languages, Chinese first: `L('已受理', 'accepted')`. Kept short: loop tables are written in it. */
export const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });
