/**
 * Reporting periods on the China calendar: the week (ISO 8601 / GB/T 7408, Monday first), the
 * month, the quarter, the year, or a range of whole days. A period is a span of China-time days,
 * `from` to `to` inclusive; `startMs`/`endMs` are the instants it begins and ends (end exclusive),
 * so "as it stood at the end of the period" is the state at `endMs`.
 *
 * Keys: `2026-W49`, `2026-12`, `2026-Q4`, `2026`, `2026-12-01..2026-12-07`.
 */

import { InvalidArgumentError } from '../errors/errors.js';
import { civilFromDays, daysFromCivil, formatDate, parseDate, startOfChinaDay, chinaDay, parseInstant, weekday } from './instant.js';

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  readonly kind: PeriodKind;
  /** The period's key, e.g. `2026-Q4`. */
  readonly key: string;
  /** First China-time day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last China-time day, `YYYY-MM-DD` (inclusive). */
  readonly to: string;
  /** The instant the period begins (00:00 +08:00 of `from`). */
  readonly startMs: number;
  /** The instant after its last day (00:00 +08:00 of the day after `to`): "the end of the period". */
  readonly endMs: number;
}

const WORDS = {
  key: { 'zh-CN': '必须是统计期，如 2026-W49、2026-12、2026-Q4、2026 或 2026-12-01..2026-12-07', en: 'must be a period such as 2026-W49, 2026-12, 2026-Q4, 2026 or 2026-12-01..2026-12-07' },
  kind: { 'zh-CN': `必须是 ${PERIOD_KINDS.slice(0, 4).join('、')} 之一`, en: `must be one of ${PERIOD_KINDS.slice(0, 4).join(', ')}` },
  moment: { 'zh-CN': '必须是 YYYY-MM-DD 日期、带时区的时刻、Date 或毫秒数', en: 'must be a YYYY-MM-DD date, an instant with an offset, a Date or epoch milliseconds' },
  order: { 'zh-CN': '起始日不能晚于结束日', en: 'the first day may not come after the last' },
  span: { 'zh-CN': '跨度不能超过 100 年', en: 'may not span more than 100 years' },
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function make(kind: PeriodKind, key: string, fromDay: number, toDay: number): Period {
  return Object.freeze({ kind, key, from: formatDate(fromDay), to: formatDate(toDay), startMs: startOfChinaDay(fromDay), endMs: startOfChinaDay(toDay + 1) });
}

// Monday of ISO week 1 of an ISO week-numbering year: the week holding 4 January.
function isoWeekOneMonday(year: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  return jan4 - ((weekday(jan4) + 6) % 7);
}

function weekOfDay(day: number): Period {
  const monday = day - ((weekday(day) + 6) % 7);
  const thursday = monday + 3;
  const year = civilFromDays(thursday).year;
  const week = (monday - isoWeekOneMonday(year)) / 7 + 1;
  return make('week', `${pad(year, 4)}-W${pad(week)}`, monday, monday + 6);
}

function monthOf(year: number, month: number): Period {
  const first = daysFromCivil(year, month, 1);
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  return make('month', `${pad(year, 4)}-${pad(month)}`, first, next - 1);
}

function quarterOf(year: number, quarter: number): Period {
  const first = daysFromCivil(year, quarter * 3 - 2, 1);
  const next = quarter === 4 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, quarter * 3 + 1, 1);
  return make('quarter', `${pad(year, 4)}-Q${quarter}`, first, next - 1);
}

function yearOf(year: number): Period {
  return make('year', pad(year, 4), daysFromCivil(year, 1, 1), daysFromCivil(year + 1, 1, 1) - 1);
}

function dayNumberOf(fn: string, argument: string, value: unknown): number {
  let day = NaN;
  if (typeof value === 'string') day = value.length === 10 ? parseDate(value) : chinaDayOfMs(parseInstant(value));
  else if (value instanceof Date) day = chinaDayOfMs(value.getTime());
  else if (typeof value === 'number') day = chinaDayOfMs(value);
  if (!Number.isFinite(day) || day < daysFromCivil(1, 1, 1) || day > daysFromCivil(9998, 12, 31)) throw new InvalidArgumentError(fn, argument, WORDS.moment, value);
  return day;
}

const chinaDayOfMs = (ms: number): number => (Number.isFinite(ms) ? chinaDay(ms) : NaN);

function kindArg(fn: string, kind: unknown): Exclude<PeriodKind, 'range'> {
  if (kind !== 'week' && kind !== 'month' && kind !== 'quarter' && kind !== 'year') throw new InvalidArgumentError(fn, 'kind', WORDS.kind, kind);
  return kind;
}

function ofDay(day: number, kind: Exclude<PeriodKind, 'range'>): Period {
  const { year, month } = civilFromDays(day);
  if (kind === 'week') return weekOfDay(day);
  if (kind === 'month') return monthOf(year, month);
  if (kind === 'quarter') return quarterOf(year, Math.ceil(month / 3));
  return yearOf(year);
}

/** The week, month, quarter or year (China time) that a date or instant falls in. */
export function periodOf(moment: string | Date | number, kind: Exclude<PeriodKind, 'range'>): Period {
  return ofDay(dayNumberOf('periodOf', 'moment', moment), kindArg('periodOf', kind));
}

const KEY = /^(\d{4})(?:-W(\d{2})|-Q([1-4])|-(\d{2}))?$/;

/** The period a key names; refused with `InvalidArgumentError` when it names none. */
export function parsePeriod(key: string): Period {
  const fn = 'parsePeriod';
  const bad = (): never => {
    throw new InvalidArgumentError(fn, 'key', WORDS.key, key);
  };
  if (typeof key !== 'string' || key.length > PERIOD_KEY_MAX) return bad();
  const range = key.split('..');
  if (range.length === 2) return periodRange(range[0]!, range[1]!, fn);
  const m = KEY.exec(key);
  if (!m) return bad();
  const year = Number(m[1]);
  if (year < 1 || year > 9998) return bad();
  if (m[2] !== undefined) {
    const week = Number(m[2]);
    const monday = isoWeekOneMonday(year) + (week - 1) * 7;
    if (week < 1 || weekOfDay(monday).key !== key) return bad();
    return weekOfDay(monday);
  }
  if (m[3] !== undefined) return quarterOf(year, Number(m[3]));
  if (m[4] !== undefined) {
    const month = Number(m[4]);
    return month >= 1 && month <= 12 ? monthOf(year, month) : bad();
  }
  return yearOf(year);
}

/** The whole days from `from` to `to` (both `YYYY-MM-DD`, inclusive) as one period. */
export function periodRange(from: string, to: string, fn = 'periodRange'): Period {
  const a = parseDate(from);
  const b = parseDate(to);
  if (a !== a) throw new InvalidArgumentError(fn, 'from', WORDS.moment, from);
  if (b !== b) throw new InvalidArgumentError(fn, 'to', WORDS.moment, to);
  if (a > b) throw new InvalidArgumentError(fn, 'to', WORDS.order, to);
  if (b - a > 36_525) throw new InvalidArgumentError(fn, 'to', WORDS.span, to);
  return make('range', `${from}..${to}`, a, b);
}

function periodArg(fn: string, period: unknown): Period {
  if (typeof period === 'string') return parsePeriod(period);
  if (period && typeof period === 'object' && typeof (period as Period).key === 'string') return parsePeriod((period as Period).key);
  throw new InvalidArgumentError(fn, 'period', WORDS.key, period);
}

/** The period just before (a range: the same number of days just before it). */
export function previousPeriod(period: Period | string): Period {
  const p = periodArg('previousPeriod', period);
  const first = parseDate(p.from);
  if (p.kind === 'range') return periodRange(formatDate(first - (parseDate(p.to) - first + 1)), formatDate(first - 1));
  return ofDay(first - 1, p.kind);
}

/**
 * The same period a year earlier, for year-over-year figures: 2026-Q4 → 2025-Q4, 2026-W49 →
 * 2025-W49 (or the year's last week when that year has no week 53), a range by calendar dates
 * (29 February → 28 February).
 */
export function samePeriodLastYear(period: Period | string): Period {
  const p = periodArg('samePeriodLastYear', period);
  const back = (date: string): string => {
    const { year, month, day } = civilFromDays(parseDate(date));
    return `${pad(year - 1, 4)}-${pad(month)}-${pad(month === 2 && day === 29 ? 28 : day)}`;
  };
  const year = Number(p.key.slice(0, 4)) - 1;
  if (year < 1) throw new InvalidArgumentError('samePeriodLastYear', 'period', WORDS.key, p.key);
  if (p.kind === 'range') return periodRange(back(p.from), back(p.to));
  if (p.kind === 'week') {
    const week = Number(p.key.slice(6));
    const last = weekOfDay(isoWeekOneMonday(year + 1) - 1);
    return week > Number(last.key.slice(6)) ? last : parsePeriod(`${pad(year, 4)}-W${pad(week)}`);
  }
  return parsePeriod(`${pad(year, 4)}${p.key.slice(4)}`);
}

/** Every period of a kind that overlaps `from`…`to` (dates or instants), in order (at most 1,000). */
export function periodsBetween(from: string | Date | number, to: string | Date | number, kind: Exclude<PeriodKind, 'range'>): Period[] {
  const fn = 'periodsBetween';
  const a = dayNumberOf(fn, 'from', from);
  const b = dayNumberOf(fn, 'to', to);
  const k = kindArg(fn, kind);
  if (a > b) throw new InvalidArgumentError(fn, 'to', WORDS.order, to);
  const out: Period[] = [];
  for (let p = ofDay(a, k); parseDate(p.from) <= b; p = ofDay(parseDate(p.to) + 1, k)) {
    if (out.length === 1000) throw new InvalidArgumentError(fn, 'to', { 'zh-CN': '最多 1000 个统计期', en: 'may cover 1,000 periods at most' }, to);
    out.push(p);
  }
  return out;
}

/** Whether an instant (epoch ms) falls inside the period. */
export function inPeriod(period: Period | string, ms: number): boolean {
  const p = periodArg('inPeriod', period);
  if (typeof ms !== 'number') throw new InvalidArgumentError('inPeriod', 'ms', { 'zh-CN': '必须是毫秒数', en: 'must be epoch milliseconds' }, ms);
  return ms >= p.startMs && ms < p.endMs;
}

/** @internal What a period key must be, in words (the zod field `periodKey` and plain checks say the same). */
export const PERIOD_KEY_WORDS = WORDS.key;

/** @internal The longest period key (`2026-12-01..2026-12-07`). */
export const PERIOD_KEY_MAX = 22;

/** @internal Whether `key` names a period: at most 22 characters and one `parsePeriod` reads (the rule of `periodKey`). */
export function isPeriodKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length > PERIOD_KEY_MAX) return false;
  try {
    parsePeriod(key);
    return true;
  } catch {
    return false;
  }
}
