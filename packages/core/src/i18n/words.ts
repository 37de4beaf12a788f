/**
 * Small pieces of English grammar for composed messages: the indefinite article goes by the
 * sound of the next word ("an intake clerk", "an organizer", "a unit", "an hour"), so that a
 * message built from a label never reads "a intake clerk".
 */

import { InvalidArgumentError } from '../errors/errors.js';

// Words spelt with a vowel but said with a consonant ("a unit", "a one-off"), and the reverse.
const SAID_WITH_CONSONANT = /^(?:uni(?!n|mp)|use|usu|uti|ura|euro|eu|one\b|once|ubiq|u-)/i;
const SAID_WITH_VOWEL = /^(?:hour|honest|honou?r|heir)/i;
// Letters said with a vowel sound when an abbreviation is read letter by letter (an SMS, an ID).
const VOWEL_LETTERS = new Set(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X']);

/** "a" or "an" for the word that follows it. */
export function article(word: string): 'a' | 'an' {
  if (typeof word !== 'string') throw new InvalidArgumentError('article', 'word', { 'zh-CN': '必须是文字', en: 'must be a string' }, word);
  const text = word.slice(0, 200).trimStart().replace(/^["“'(]+/, '');
  if (text === '') return 'a';
  const first = /^[A-Za-z]+/.exec(text)?.[0] ?? '';
  // An abbreviation (ID, SMS, URL) is read by its letters.
  if (first.length >= 2 && first === first.toUpperCase() && !/[AEIOU]/.test(first.slice(1))) return VOWEL_LETTERS.has(first[0]!) ? 'an' : 'a';
  if (/^\d/.test(text)) return /^(?:8|11|18)(?!\d)|^8\d/.test(text) ? 'an' : 'a';
  if (SAID_WITH_VOWEL.test(text)) return 'an';
  if (SAID_WITH_CONSONANT.test(text)) return 'a';
  return /^[aeiou]/i.test(text) ? 'an' : 'a';
}

/** The word with its indefinite article: `withArticle('intake clerk')` → "an intake clerk". */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}
