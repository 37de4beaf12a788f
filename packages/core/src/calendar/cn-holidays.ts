/**
 * Mainland China public holidays and make-up working days (调休上班), copied from
 * /work/shared/calendars/cn-holidays.json so that they ship inside the package.
 * Source: State Council General Office notices on holiday arrangements for 2025 (published
 * 2024-11-12) and 2026 (published 2025-11-04). `holidays` are days off, by festival; `workdays`
 * are weekend days that are working days. Every other Saturday and Sunday is a rest day.
 */
import type { CalendarYear } from './work-calendar.js';

export const CN_HOLIDAYS = {
  2025: {
    holidays: {
      "元旦 New Year": ["2025-01-01"],
      "春节 Spring Festival": ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04"],
      "清明节 Qingming": ["2025-04-04", "2025-04-05", "2025-04-06"],
      "劳动节 Labour Day": ["2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05"],
      "端午节 Dragon Boat": ["2025-05-31", "2025-06-01", "2025-06-02"],
      "国庆节、中秋节 National Day and Mid-Autumn": ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08"],
    },
    workdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  2026: {
    holidays: {
      "元旦 New Year": ["2026-01-01", "2026-01-02", "2026-01-03"],
      "春节 Spring Festival": ["2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"],
      "清明节 Qingming": ["2026-04-04", "2026-04-05", "2026-04-06"],
      "劳动节 Labour Day": ["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05"],
      "端午节 Dragon Boat": ["2026-06-19", "2026-06-20", "2026-06-21"],
      "中秋节 Mid-Autumn": ["2026-09-25", "2026-09-26", "2026-09-27"],
      "国庆节 National Day": ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
    },
    workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
} as const satisfies Readonly<Record<number, CalendarYear>>;
