import * as z from './zod.js';
import type { Localized } from '../i18n/locale.js';
import { parseDate, parseInstant } from '../calendar/instant.js';
import { personal } from '../privacy/privacy.js';
import { isSaneInstant, MAX_COUNT, MAX_DAY, MIN_DAY, MAX_LIMIT_DAYS, MAX_LIMIT_HOURS, MAX_YEAR, MIN_YEAR } from './bounds.js';

/**
 * The field vocabulary every domain's records are written in. A domain imports these from here,
 * never from another domain, so that a name, a date or a satisfaction means the same everywhere.
 */

/** Free text of 1 to `max` characters that is not blank. */
export const textOf = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(/\S/, 'must not be blank'));
/** Free text up to 2,000 characters, not blank: reasons, results, instructions, notes. */
export const text = /* @__PURE__ */ textOf(2000);
/** A short label (trimmed, 1–200 characters): a unit's name, a venue. */
export const shortText = /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
/** A text in both languages. */
export const localizedText = /* @__PURE__ */ z.object({ 'zh-CN': text, en: text });

/** A record's id or a reference to one (1–120 characters). */
export const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(120));
/** An id a person types and a program keys on: letters, digits, `_`, `.`, `-` (1–80). */
export const code = /* @__PURE__ */ z
  .string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'));
/** A whole number of things, 0 or more (at most a billion: no real ledger holds more). */
export const count = /* @__PURE__ */ z.int().check(z.gte(0), z.lte(MAX_COUNT));

/** Working days or calendar days of a time limit: 1 to 3,650 (ten years). */
export const limitDays = /* @__PURE__ */ z.int().check(z.gte(1), z.lte(MAX_LIMIT_DAYS));
/** Hours of a time limit: more than 0, at most 87,600 (ten years). */
export const limitHours = /* @__PURE__ */ z.number().check(z.positive(), z.lte(MAX_LIMIT_HOURS));
/**
 * How long something may take: exact hours, calendar days or working days — exactly one of them,
 * bounded, so that a deadline is always a short walk over the calendar.
 */
export const timeLimit = /* @__PURE__ */ z.union([
  z.strictObject({ hours: limitHours }),
  z.strictObject({ days: limitDays }),
  z.strictObject({ workingDays: limitDays }),
]);
/** A span before or after a moment (a reminder's lead time): like `timeLimit`, but 0 is allowed. */
export const timeSpan = /* @__PURE__ */ z.union([
  z.strictObject({ hours: z.number().check(z.gte(0), z.lte(MAX_LIMIT_HOURS)) }),
  z.strictObject({ days: z.int().check(z.gte(0), z.lte(MAX_LIMIT_DAYS)) }),
  z.strictObject({ workingDays: z.int().check(z.gte(0), z.lte(MAX_LIMIT_DAYS)) }),
]);
/** A calendar year core reckons with (1900–2200). */
export const year = /* @__PURE__ */ z.int().check(z.gte(MIN_YEAR), z.lte(MAX_YEAR));

/** A person's name (trimmed, 1–60 characters); personal data, masked in views and exports. */
export const personName = /* @__PURE__ */ personal('name', z.string().check(z.trim(), z.minLength(1), z.maxLength(60)));
/**
 * A phone number; personal data. Its masked form (`138****5678`, as `maskPhone` writes it) is valid
 * too: that is the copy a server sends to a role that may not see the number, and such a copy must
 * load into the role's own store like any record.
 */
export const phone = /* @__PURE__ */ personal('phone', z.string().check(z.regex(/^(?:\+?[\d\s-]{5,20}|(?=[+\d*]{5,21}$)\+?\d{0,3}\*+\d{0,4})$/, 'a phone number')));
/** An 18-character resident ID number, or its masked form (`210603********1234`); personal data. */
export const idNumber = /* @__PURE__ */ personal('idNumber', z.string().check(z.regex(/^(?:\d{17}[\dXx]|\d{6}\*{8}\d{3}[\dXx])$/, 'an 18-character resident ID number')));
/** A postal address (trimmed, 1–200 characters); personal data. */
export const address = /* @__PURE__ */ personal('address', z.string().check(z.trim(), z.minLength(1), z.maxLength(200)));

/** A real calendar date written YYYY-MM-DD (China's calendar day: no time, no offset). */
export const calendarDate = /* @__PURE__ */ z
  .string().check(z.length(10), z.refine((s) => isSaneDate(s), { message: `must be a real date written YYYY-MM-DD, in ${MIN_YEAR}–${MAX_YEAR}`, params: { 'zh-CN': `必须是 ${MIN_YEAR}–${MAX_YEAR} 年间的有效日期，写作 YYYY-MM-DD`, en: `must be a real date written YYYY-MM-DD, in ${MIN_YEAR}–${MAX_YEAR}` } }));
/** An ISO 8601 instant with an explicit offset (years 1900–2200). */
export const instant = /* @__PURE__ */ z
  .string().check(z.maxLength(40), z.refine((s) => isSaneInstant(parseInstant(s)), { message: `must be an ISO 8601 instant with an offset, in ${MIN_YEAR}–${MAX_YEAR}`, params: { 'zh-CN': `必须是 ${MIN_YEAR}–${MAX_YEAR} 年间带时区的 ISO 8601 时间`, en: `must be an ISO 8601 instant with an offset, in ${MIN_YEAR}–${MAX_YEAR}` } }));

/** Whether `text` is a real `YYYY-MM-DD` date (2026-02-30 is not) in the years core reckons with. */
export function isSaneDate(text: string): boolean {
  // By its day number (NaN for no date compares false): no year cut out of the text.
  const day = parseDate(text);
  return day >= MIN_DAY && day <= MAX_DAY;
}

/** How satisfied a party or a firm said it was at a follow-up or a rating. */
export const SATISFACTION = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const satisfaction = /* @__PURE__ */ z.enum(SATISFACTION);
/** The satisfaction ratings as forms, ledgers and documents name them. */
export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, Localized>> = {
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  basicallySatisfied: { 'zh-CN': '基本满意', en: 'Basically satisfied' },
  dissatisfied: { 'zh-CN': '不满意', en: 'Dissatisfied' },
};

/** The payload of a loop event that only gives a reason (withdraw, return, reopen …). */
export const reasonPayload = /* @__PURE__ */ z.object({ reason: text });
/** The payload of a loop event that only gives an instruction (supervise, urge …). */
export const instructionPayload = /* @__PURE__ */ z.object({ instruction: text });
