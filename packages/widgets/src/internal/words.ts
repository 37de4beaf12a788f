import type { Locale } from '@bihuan/core/schema';

/**
 * The punctuation our own words put between things, by language: Chinese text takes 、；：（）,
 * English text takes `, ; : ( )`. Every widget joins lists, clauses, labels and asides through
 * these, so that no English rendering carries CJK punctuation from our strings (data that has no
 * English keeps its own punctuation inside each item).
 */
const MARKS = {
  'zh-CN': { list: '、', clauses: '；', label: '：', open: '（', close: '）' },
  en: { list: ', ', clauses: '; ', label: ': ', open: ' (', close: ')' },
} as const;

/** Items of one list: `电焊、烹饪` / `welding, cooking`. */
export function joinList(items: readonly string[], locale: Locale): string {
  return items.join(MARKS[locale].list);
}

/** Separate clauses: `降低噪声；加强沟通` / `less noise; more talking`. */
export function joinClauses(items: readonly string[], locale: Locale): string {
  return items.join(MARKS[locale].clauses);
}

/** A label and its value: `技能：电焊` / `Skills: welding`. */
export function labelled(label: string, value: string, locale: Locale): string {
  return `${label}${MARKS[locale].label}${value}`;
}

/** An aside after what it qualifies: `（逾期）` / ` (overdue)`. */
export function aside(text: string, locale: Locale): string {
  return `${MARKS[locale].open}${text}${MARKS[locale].close}`;
}
