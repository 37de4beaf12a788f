// The kernel every domain is written in: locales, errors, the field vocabulary, the one way to
// check an argument and the one result shape. Domains import from here, never from each other.
export { LOCALES, DEFAULT_LOCALE, resolveLocale, type Locale, type Localized } from '../i18n/locale.js';
export { BihuanError, InvalidArgumentError } from '../errors/errors.js';
export { parseArgument, argumentError, argumentPath, checkArray, checkStore, type ArgumentPathOptions } from './argument.js';
export { issueText, valueAtPath, type ZodIssue } from './issues.js';
export { article, withArticle } from '../i18n/words.js';
export { rejection, refused, accepted, type Rejection, type Result, type Decision } from './result.js';
/** The shared field schemas (`fields.personName`, `fields.calendarDate`, `fields.satisfaction` …). */
export * as fields from './fields.js';
export { SATISFACTION, SATISFACTION_LABELS, type Satisfaction } from './fields.js';
