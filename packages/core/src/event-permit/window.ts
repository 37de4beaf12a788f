import * as z from '../schema/zod.js';
import { civilFromDays, daysFromCivil, formatDate, parseDate } from '../calendar/instant.js';
import { parseArgument } from '../schema/argument.js';
import { refused, type Rejection } from '../schema/result.js';
import { isoDate } from './schema.js';

/**
 * When filings for an event are accepted. The source: permits for large events are accepted
 * "6 months ahead" (提前6个月受理). Read as: the filing date may be no earlier than the event date
 * minus 6 calendar months — the same day of the month, or that month's last day when it has no
 * such day (event 2026-08-31 → from 2026-02-28). The window closes `closesDaysBefore` days before
 * the event: 20 by default, from the national Regulations on the Safety Management of Large-Scale
 * Mass Activities (2007, art. 11: apply 20 days before the event); the source states no closing.
 */
export interface FilingWindowOptions {
  /** Calendar months before the event date when filings open (default 6). */
  readonly opensMonthsBefore?: number;
  /** Days before the event date when filings close (default 20; at least 1). */
  readonly closesDaysBefore?: number;
}

export const FilingWindowOptionsSchema = z.strictObject({
    opensMonthsBefore: z._default(z.int().check(z.gte(1), z.lte(60)), 6),
    closesDaysBefore: z._default(z.int().check(z.gte(1), z.lte(365)), 20),
  });

export interface FilingWindow {
  /** First day a filing is accepted (YYYY-MM-DD, China time). */
  readonly opens: string;
  /** Last day a filing is accepted. */
  readonly closes: string;
}

function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
}

/** The day `months` calendar months before a day number, clamped to the end of a shorter month. */
function monthsBefore(day: number, months: number): number {
  const { year, month, day: dom } = civilFromDays(day);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(dom, daysInMonth(y, m)));
}

/** The days on which a filing for an event on `eventDate` is accepted. */
export function filingWindow(eventDate: string, options: FilingWindowOptions = {}): FilingWindow {
  const date = parseArgument('filingWindow', 'eventDate', isoDate, eventDate);
  const o = parseArgument('filingWindow', 'options', FilingWindowOptionsSchema, options);
  const day = parseDate(date);
  return { opens: formatDate(monthsBefore(day, o.opensMonthsBefore)), closes: formatDate(day - o.closesDaysBefore) };
}

/** Whether a filing made on `filedOn` for an event on `eventDate` is in its window; why not if not. */
export function checkFilingWindow(
  eventDate: string,
  filedOn: string,
  options: FilingWindowOptions = {},
): { readonly ok: true; readonly window: FilingWindow } | { readonly ok: false; readonly reason: Rejection; readonly window: FilingWindow } {
  const window = filingWindow(eventDate, options);
  const day = parseArgument('checkFilingWindow', 'filedOn', isoDate, filedOn);
  const months = options.opensMonthsBefore ?? 6;
  if (day < window.opens) {
    return { ...refused('filing_too_early', `活动日期 ${eventDate}，最早可于 ${window.opens} 申报（提前 ${months} 个月受理），${day} 过早`, `the event is on ${eventDate}: filings open on ${window.opens} (${months} months ahead); ${day} is too early`, 'eventDate'), window };
  }
  if (day > window.closes) {
    return { ...refused('filing_too_late', `活动日期 ${eventDate}，申报截止于 ${window.closes}，${day} 已逾期`, `the event is on ${eventDate}: filings closed on ${window.closes}; ${day} is too late`, 'eventDate'), window };
  }
  return { ok: true, window };
}
