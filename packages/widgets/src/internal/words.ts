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

/**
 * Sentence case, the one rule for English labels that stand on their own (a button, a state in a
 * table cell, a heading, an option): the first letter is a capital, every other word is written as
 * in a sentence — lowercase unless it is an acronym (CSV, ID) or a name (WeChat). Core's loop
 * labels are written lowercase (`record settlement`, `in progress`) so that they read inside
 * sentences ("Done: record settlement"); standing alone they go through `standalone`, so that a
 * lowercase label never sits beside capitalised ones. Chinese is returned as it is.
 */
export function standalone(label: string, locale: Locale): string {
  if (locale !== 'en') return label;
  // Only a label that starts with a word: `3 days left` starts as its figure does.
  const lead = /^[\s("“‘'[]*/.exec(label)![0].length;
  if (!/\p{Ll}/u.test(label.charAt(lead))) return label;
  return label.slice(0, lead) + label.charAt(lead).toUpperCase() + label.slice(lead + 1);
}

/** Names and words English capitalises inside a sentence: allowed after a label's first word. */
const PROPER = /^(?:I|WeChat|China|Chinese|English|Civil|Code|Party|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Q[1-4]|W\d+)$/;

/**
 * Whether an English label keeps sentence case: it starts with a capital (a label that starts
 * with a figure, as `3 days`, starts as the figure does), and no later word is capitalised unless
 * it is an acronym (`CSV`, `ID`), holds a figure or is a name. Text after a colon, a full stop or in quotes starts afresh (`Done: Verify`, `"Verify"`).
 */
export function isSentenceCase(label: string): boolean {
  const text = label.trim();
  if (/^[("“‘'[]*\p{Ll}/u.test(text)) return false;
  const words = text.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!.replace(/^[("“‘'[]+|[)"”’'\],.;:!?]+$/g, '');
    const before = words[i - 1]!;
    if (/[:.!?]$/.test(before) || /^["“‘(]/.test(words[i]!)) continue;
    if (!/^\p{Lu}/u.test(word)) continue;
    if (word === word.toUpperCase() || /\d/.test(word) || PROPER.test(word)) continue;
    return false;
  }
  return true;
}

// The names we own in English (OWN_NAMES, ownName) live in own-names.ts; a widget that shows them
// imports them from here or from there alike.
export { OWN_NAMES, ownName } from './own-names.js';
