// Working-day calendars (China time, holidays and make-up working days), instants and dates.
export { CN_HOLIDAYS } from './cn-holidays.js';
export {
  WorkCalendar,
  CalendarYearMissingError,
  createWorkCalendar,
  chinaCalendar,
  type CalendarYear,
  type UncoveredYearPolicy,
  type WorkCalendarOptions,
} from './work-calendar.js';
export { CHINA_OFFSET_MS, parseInstant, formatInstant, parseDate, formatDate, chinaDay, startOfChinaDay } from './instant.js';
