// Working-day calendars (China time, holidays and make-up working days), instants and dates.
export { CN_HOLIDAYS } from './cn-holidays.js';
export {
  WorkCalendar,
  CalendarYearMissingError,
  createWorkCalendar,
  chinaCalendar,
  type CalendarYear,
  type UncoveredYearPolicy,
  type CalendarYearBasis,
  type WorkCalendarOptions,
} from './work-calendar.js';
export { statutoryHolidays, lunarFestivals, STATUTORY_NAMES, STATUTORY_FIRST_YEAR, STATUTORY_LAST_YEAR, type LunarFestivals } from './statutory.js';
export { CHINA_OFFSET_MS, parseInstant, formatInstant, parseDate, formatDate, chinaDay, startOfChinaDay } from './instant.js';
export { PERIOD_KINDS, periodOf, parsePeriod, periodRange, previousPeriod, samePeriodLastYear, periodsBetween, inPeriod, type Period, type PeriodKind } from './period.js';
export { periodKey } from './period-key.js';
