import * as z from '../schema/zod.js';
import { BihuanError, InvalidArgumentError } from '../errors/errors.js';
import { CN_HOLIDAYS } from './cn-holidays.js';
import { isSaneInstant, MAX_LIMIT_DAYS, MAX_YEAR, MIN_YEAR } from '../schema/bounds.js';
import { chinaDay, civilFromDays, daysFromCivil, formatDate, parseDate, startOfChinaDay, weekday } from './instant.js';
import { statutoryHolidays } from './statutory.js';

/** One year's arrangement: days off by festival name, and weekend days that are working days. */
export interface CalendarYear {
  readonly holidays: Readonly<Record<string, readonly string[]>>;
  readonly workdays: readonly string[];
}

/**
 * What to do with a date in a year the calendar has no annual notice for:
 * - `statutory` (the default): the holidays every citizen has by law (全国年节及纪念日放假办法, in
 *   force from 2025: 元旦, 春节 除夕–初三, 清明, 劳动节 05-01/02, 端午, 中秋, 国庆 10-01–03, and a
 *   make-up day off for one on a weekend), Monday–Friday otherwise; years 2025–2100 (outside them,
 *   Monday–Friday). A deadline counted on them is provisional until the year's notice is added.
 * - `weekdays`: Monday–Friday only.
 * - `throw`: `CalendarYearMissingError`, for hosts that would rather know.
 */
export type UncoveredYearPolicy = 'statutory' | 'weekdays' | 'throw';

/** Where a year's working days come from: the annual notice, the statutory fallback, or weekdays alone. */
export type CalendarYearBasis = 'notice' | 'statutory' | 'weekdays';

export interface WorkCalendarOptions {
  readonly uncoveredYears?: UncoveredYearPolicy;
}

const dateText = z.string().check(z.length(10), z.refine((s) => !Number.isNaN(parseDate(s)), { message: 'not a YYYY-MM-DD date', params: { 'zh-CN': '不是 YYYY-MM-DD 格式的日期', en: 'not a YYYY-MM-DD date' } }));
const yearSchema = z.object({
  holidays: z.record(z.string().check(z.minLength(1)), z.array(dateText)),
  workdays: z.array(dateText),
});
const yearsSchema = z.record(z.string().check(z.regex(/^\d{4}$/)), yearSchema);

/** A date fell in a year that a strict calendar has no data for. */
export class CalendarYearMissingError extends BihuanError {
  readonly year: number;
  constructor(year: number) {
    super('calendar_year_missing', {
      'zh-CN': `工作日历缺少 ${year} 年的节假日安排，请由宿主提供该年的日历`,
      en: `the working-day calendar has no holiday arrangement for ${year}; the host must supply that year`,
    });
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

const RULE_DATE = { 'zh-CN': `必须是 YYYY-MM-DD 格式、${MIN_YEAR}–${MAX_YEAR} 年间的有效日期`, en: `must be a real date written YYYY-MM-DD, in ${MIN_YEAR}–${MAX_YEAR}` };
const RULE_COUNT = { 'zh-CN': `必须是 0 到 ${MAX_LIMIT_DAYS} 的整数`, en: `must be a whole number from 0 to ${MAX_LIMIT_DAYS}` };
const RULE_YEAR = { 'zh-CN': `必须是 ${MIN_YEAR}–${MAX_YEAR} 之间的整数年份`, en: `must be a whole year from ${MIN_YEAR} to ${MAX_YEAR}` };
const RULE_START = { 'zh-CN': `必须是 ${MIN_YEAR}–${MAX_YEAR} 年间的毫秒时间戳`, en: `must be epoch milliseconds within ${MIN_YEAR}–${MAX_YEAR}` };

/**
 * Working days in mainland China: Monday–Friday, minus public holidays, plus make-up working days
 * (调休上班). Dates are `YYYY-MM-DD` in China time. Immutable; `extend` returns a new calendar with
 * more years (a host's data for years after the shipped ones).
 */
export class WorkCalendar {
  readonly years: Readonly<Record<number, CalendarYear>>;
  readonly uncoveredYears: UncoveredYearPolicy;
  // Day numbers, for constant-time checks on the hot path of deadlines.
  private readonly holidays = new Map<number, string>();
  private readonly workdays = new Set<number>();
  private readonly covered = new Set<number>();
  // Uncovered years whose statutory holidays are already in `holidays`.
  private readonly prepared = new Set<number>();
  // The day numbers of the last year looked at, already prepared (the hot path skips the year).
  private rangeFrom = 1;
  private rangeTo = 0;
  // Deadlines repeat (the same day, the same limit): remember them, boundedly.
  private readonly addCache = new Map<number, number>();

  constructor(years: Readonly<Record<number, CalendarYear>>, options: WorkCalendarOptions = {}) {
    const parsed = yearsSchema.safeParse(years);
    if (!parsed.success) {
      throw new InvalidArgumentError(
        'WorkCalendar',
        'years',
        { 'zh-CN': '必须是 { 年份: { holidays, workdays } }，日期为 YYYY-MM-DD', en: 'must be { year: { holidays, workdays } } with YYYY-MM-DD dates' },
        years,
      );
    }
    if (options === null || typeof options !== 'object') throw new InvalidArgumentError('WorkCalendar', 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
    const policy = options.uncoveredYears ?? 'statutory';
    if (policy !== 'statutory' && policy !== 'weekdays' && policy !== 'throw') {
      throw new InvalidArgumentError('WorkCalendar', 'options.uncoveredYears', { 'zh-CN': '必须是 "statutory"、"weekdays" 或 "throw"', en: 'must be "statutory", "weekdays" or "throw"' }, policy);
    }
    this.uncoveredYears = policy;
    this.years = Object.freeze({ ...years });
    for (const [yearText, data] of Object.entries(parsed.data)) {
      const year = Number(yearText);
      this.covered.add(year);
      for (const [name, dates] of Object.entries(data.holidays)) {
        for (const date of dates) this.checkYear('years', date, year).holidays.set(parseDate(date), name);
      }
      for (const date of data.workdays) {
        const day = this.checkYear('years', date, year).workdaysDay(date);
        if (this.holidays.has(day)) {
          throw new InvalidArgumentError('WorkCalendar', 'years', { 'zh-CN': '不能把同一天既列为假日又列为调休上班日', en: 'must not list a day both as holiday and as make-up working day' }, date);
        }
        this.workdays.add(day);
      }
    }
  }

  private checkYear(argument: string, date: string, year: number): this {
    if (!date.startsWith(`${year}-`)) {
      throw new InvalidArgumentError('WorkCalendar', argument, { 'zh-CN': `中的日期必须属于 ${year} 年`, en: `must list only dates of ${year} under ${year}` }, date);
    }
    return this;
  }

  private workdaysDay(date: string): number {
    const day = parseDate(date);
    const wd = weekday(day);
    if (wd !== 0 && wd !== 6) {
      throw new InvalidArgumentError('WorkCalendar', 'years', { 'zh-CN': '的调休上班日必须是周六或周日', en: 'must list only Saturdays or Sundays as make-up working days' }, date);
    }
    return day;
  }

  /** A new calendar with these years added (or replaced). */
  extend(years: Readonly<Record<number, CalendarYear>>): WorkCalendar {
    return new WorkCalendar({ ...this.years, ...years }, { uncoveredYears: this.uncoveredYears });
  }

  /** Whether the calendar has the year's annual notice (holiday data given to it). */
  covers(year: number): boolean {
    return this.covered.has(year);
  }

  /**
   * Where the working days of `year` come from: its annual notice, the statutory fallback (then a
   * deadline counted across it is provisional), or Monday–Friday alone. Under the `throw` policy
   * an uncovered year has no basis: `CalendarYearMissingError`.
   */
  basis(year: number): CalendarYearBasis {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new InvalidArgumentError('basis', 'year', RULE_YEAR, year);
    if (this.covered.has(year)) return 'notice';
    if (this.uncoveredYears === 'throw') throw new CalendarYearMissingError(year);
    return this.uncoveredYears === 'statutory' && statutoryHolidays(year) !== undefined ? 'statutory' : 'weekdays';
  }

  /** Whether `year` is counted without its annual notice (statutory fallback or weekdays): provisional. */
  isFallbackYear(year: number): boolean {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new InvalidArgumentError('isFallbackYear', 'year', RULE_YEAR, year);
    return !this.covered.has(year);
  }

  /** Whether `date` (`YYYY-MM-DD`) is a working day. */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(toDay('isWorkingDay', date));
  }

  /** The holiday's name (e.g. `春节 Spring Festival`) if `date` is a public holiday. */
  holidayName(date: string): string | undefined {
    const day = toDay('holidayName', date);
    this.prepareYear(day);
    return this.holidays.get(day);
  }

  /** The `n`th working day after `date` (`date` itself not counted); `n = 0` gives `date`. */
  addWorkingDays(date: string, n: number): string {
    const day = toDay('addWorkingDays', date);
    if (!Number.isInteger(n) || n < 0 || n > MAX_LIMIT_DAYS) throw new InvalidArgumentError('addWorkingDays', 'n', RULE_COUNT, n);
    return formatDate(this.addWorkingDayNumbers(day, n));
  }

  /** Working days in `(from, to]`: how many working days `to` lies after `from` (0 if not after). */
  workingDaysBetween(from: string, to: string): number {
    const a = toDay('workingDaysBetween', from);
    const b = toDay('workingDaysBetween', to, 'to');
    // Both days lie in 1900–2200 (toDay checks), so this walk is bounded.
    let count = 0;
    for (let day = a + 1; day <= b; day++) if (this.isWorkingDayNumber(day)) count++;
    return count;
  }

  /**
   * The instant a limit of `n` working days ends for something started at `startMs`: the end
   * (24:00 China time) of the `n`th working day after the day it started.
   */
  workingDaysDeadline(startMs: number, n: number): number {
    if (!isSaneInstant(startMs)) throw new InvalidArgumentError('workingDaysDeadline', 'startMs', RULE_START, startMs);
    if (!Number.isInteger(n) || n < 0 || n > MAX_LIMIT_DAYS) throw new InvalidArgumentError('workingDaysDeadline', 'n', RULE_COUNT, n);
    return startOfChinaDay(this.addWorkingDayNumbers(chinaDay(startMs), n) + 1);
  }

  /** @internal Day-number form of `isWorkingDay`. */
  isWorkingDayNumber(day: number): boolean {
    if (day < this.rangeFrom || day > this.rangeTo) this.prepareYear(day);
    if (this.holidays.has(day)) return false;
    if (this.workdays.has(day)) return true;
    const wd = weekday(day);
    return wd !== 0 && wd !== 6;
  }

  // Makes the year of `day` ready: an uncovered year gets its statutory holidays (once) or throws.
  private prepareYear(day: number): void {
    if (day >= this.rangeFrom && day <= this.rangeTo) return;
    const year = civilFromDays(day).year;
    if (!this.covered.has(year)) {
      if (this.uncoveredYears === 'throw') throw new CalendarYearMissingError(year);
      if (this.uncoveredYears === 'statutory' && !this.prepared.has(year)) {
        this.prepared.add(year);
        for (const [d, name] of statutoryHolidays(year) ?? []) this.holidays.set(d, name);
      }
    }
    this.rangeFrom = daysFromCivil(year, 1, 1);
    this.rangeTo = daysFromCivil(year + 1, 1, 1) - 1;
  }

  /** @internal Day-number form of `addWorkingDays`. */
  addWorkingDayNumbers(day: number, n: number): number {
    const key = day * 4096 + n;
    const cached = n < 4096 ? this.addCache.get(key) : undefined;
    if (cached !== undefined) return cached;
    let current = day;
    for (let left = n; left > 0; ) {
      current++;
      if (this.isWorkingDayNumber(current)) left--;
    }
    if (n < 4096) {
      if (this.addCache.size >= 10_000) this.addCache.clear();
      this.addCache.set(key, current);
    }
    return current;
  }
}

function toDay(fn: string, date: string, argument = 'date'): number {
  const day = parseDate(date);
  const year = day === day ? Number(date.slice(0, 4)) : Number.NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new InvalidArgumentError(fn, argument, RULE_DATE, date);
  return day;
}

/** A working-day calendar from a host's data (any years; e.g. the State Council notice for 2027). */
export function createWorkCalendar(years: Readonly<Record<number, CalendarYear>>, options?: WorkCalendarOptions): WorkCalendar {
  return new WorkCalendar(years, options);
}

/**
 * Mainland China's calendar with the shipped annual notices (2025, 2026); later years fall back to
 * the statutory holidays (provisional) until extended with their notice.
 */
export const chinaCalendar: WorkCalendar = new WorkCalendar(CN_HOLIDAYS);
