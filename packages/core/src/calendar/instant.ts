/**
 * Instants and calendar days in China time, computed without the machine's time zone. Asia/Shanghai
 * is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact.
 *
 * Hand-written parsing and formatting: `Date.parse` and `toISOString` cost a few hundred
 * nanoseconds each, which would dominate a loop transition.
 */

import { InvalidArgumentError } from '../errors/errors.js';

// A number argument of these helpers (they run on every deadline: one typeof, nothing more).
function num(fn: string, argument: string, value: unknown): void {
  if (typeof value !== 'number') throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是数字', en: 'must be a number' }, value);
}

/** UTC+8, in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil), for any
 * year core reckons with (from −399 on). Integer division by constants, which V8 turns into
 * multiplications (floating-point divisions were most of a date parse's cost): shifted by one
 * 400-year era the year is never negative, so truncating is the floor.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = (month <= 2 ? year - 1 : year) + 400;
  const era = (y / 400) | 0;
  const yoe = y - era * 400;
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  return (era - 1) * 146_097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719_468;
}

/** The civil date of a day number (inverse of `daysFromCivil`). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

// Two digits at a fixed position, or -1 (a value outside 0–9 sets the sign bit of d | (9 - d)).
function two(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return (a | (9 - a) | b | (9 - b)) < 0 ? -1 : a * 10 + b;
}

function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a `YYYY-MM-DD` date, or NaN when it is not a real date in that form. */
export function parseDate(text: string): number {
  if (typeof text !== 'string' || text.length !== 10) return NaN;
  return dateAt(text);
}

// The date in the first ten characters of `text` (already known to be a string).
function dateAt(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const century = two(text, 0);
  const low = two(text, 2);
  const year = century < 0 || low < 0 ? -1 : century * 100 + low;
  const month = two(text, 5);
  const day = two(text, 8);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
const pad4 = (n: number): string => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of a day number. */
export function formatDate(dayNumber: number): string {
  num('formatDate', 'dayNumber', dayNumber);
  const { year, month, day } = civilFromDays(dayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Milliseconds since the epoch of an ISO 8601 instant with an explicit offset —
 * `2025-10-09T09:30:00.000Z`, `2025-10-09T17:30+08:00` — or NaN when the text is not one.
 * An instant without an offset is refused: its meaning would depend on the machine's zone.
 */
export function parseInstant(text: string): number {
  if (typeof text !== 'string' || text.length < 17 || text.charCodeAt(10) !== 84 /* T */) return NaN;
  if (text.length === 24 && text.charCodeAt(23) === 90 /* Z */) return parseCanonical(text);
  return parseGeneral(text);
}

/**
 * @internal Whether instant `a` comes before instant `b`, both already checked (or made) by core.
 * Two canonical instants (`YYYY-MM-DDTHH:MM:SS.sssZ`, the only 24-character form ending in Z)
 * compare as text, in chronological order, without being parsed; any other form is parsed.
 */
export function instantBefore(a: string, b: string): boolean {
  if (typeof a === 'string' && typeof b === 'string' && a.length === 24 && b.length === 24 && a.charCodeAt(23) === 90 && b.charCodeAt(23) === 90) return a < b;
  return parseInstant(a) < parseInstant(b);
}

// `YYYY-MM-DDTHH:MM:SS.sssZ`, the form `toISOString` writes and most hosts send: one pass, and
// one test for all seventeen digits — a value outside 0–9 sets the sign bit of `d | (9 - d)`.
function parseCanonical(t: string): number {
  const y1 = t.charCodeAt(0) - 48, y2 = t.charCodeAt(1) - 48, y3 = t.charCodeAt(2) - 48, y4 = t.charCodeAt(3) - 48;
  const mo1 = t.charCodeAt(5) - 48, mo2 = t.charCodeAt(6) - 48, d1 = t.charCodeAt(8) - 48, d2 = t.charCodeAt(9) - 48;
  const h1 = t.charCodeAt(11) - 48, h2 = t.charCodeAt(12) - 48, mi1 = t.charCodeAt(14) - 48, mi2 = t.charCodeAt(15) - 48;
  const s1 = t.charCodeAt(17) - 48, s2 = t.charCodeAt(18) - 48, f1 = t.charCodeAt(20) - 48, f2 = t.charCodeAt(21) - 48, f3 = t.charCodeAt(22) - 48;
  const digits =
    y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | y4 | (9 - y4) | mo1 | (9 - mo1) | mo2 | (9 - mo2) | d1 | (9 - d1) | d2 | (9 - d2) |
    h1 | (9 - h1) | h2 | (9 - h2) | mi1 | (9 - mi1) | mi2 | (9 - mi2) | s1 | (9 - s1) | s2 | (9 - s2) | f1 | (9 - f1) | f2 | (9 - f2) | f3 | (9 - f3);
  const separators = (t.charCodeAt(4) ^ 45) | (t.charCodeAt(7) ^ 45) | (t.charCodeAt(13) ^ 58) | (t.charCodeAt(16) ^ 58) | (t.charCodeAt(19) ^ 46);
  if (digits < 0 || separators !== 0) return parseGeneral(t);
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = mo1 * 10 + mo2;
  const day = d1 * 10 + d2;
  const hour = h1 * 10 + h2;
  const minute = mi1 * 10 + mi2;
  const second = s1 * 10 + s2;
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month)) || hour > 23 || minute > 59 || second > 59) return NaN;
  return daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + f1 * 100 + f2 * 10 + f3;
}

function parseGeneral(text: string): number {
  const day = dateAt(text);
  if (day !== day) return NaN;
  const hour = two(text, 11);
  const minute = two(text, 14);
  if (text.charCodeAt(13) !== 58 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58 /* : */) {
    second = two(text, i + 1);
    if (second < 0 || second > 59) return NaN;
    i += 3;
    if (text.charCodeAt(i) === 46 /* . */) {
      const start = ++i;
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const count = i - start;
      if (count === 0 || count > 9) return NaN;
      // Milliseconds from the first three fraction digits; finer digits are dropped, as Date does.
      millis = digits(text, start, Math.min(count, 3)) * (count === 1 ? 100 : count === 2 ? 10 : 1);
    }
  }
  let offset = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90 /* Z */ && i + 1 === text.length) offset = 0;
  else if ((sign === 43 || sign === 45) && i + 6 === text.length && text.charCodeAt(i + 3) === 58) {
    const oh = two(text, i + 1);
    const om = two(text, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else return NaN;
  return day * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis - offset;
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` of an instant, the same text as `Date#toISOString` (years 0–9999). */
export function formatInstant(ms: number): string {
  num('formatInstant', 'ms', ms);
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  return `${formatDate(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(rest - second * 1000)}Z`;
}

/** The China-time day number an instant falls on. */
export function chinaDay(ms: number): number {
  num('chinaDay', 'ms', ms);
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** The instant a China-time day begins (00:00 +08:00). */
export function startOfChinaDay(dayNumber: number): number {
  num('startOfChinaDay', 'dayNumber', dayNumber);
  return dayNumber * DAY_MS - CHINA_OFFSET_MS;
}

/** The `YYYY-MM-DD` date in China of an instant. */
export function chinaDate(ms: number): string {
  return formatDate(chinaDay(ms));
}

/** Day of week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}
