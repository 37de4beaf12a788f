import { InvalidArgumentError } from '../errors/errors.js';
import { parseArgument } from '../schema/argument.js';
import { chinaDay, daysFromCivil, formatDate, formatInstant, parseInstant, startOfChinaDay } from '../calendar/instant.js';
import { chinaCalendar, WorkCalendar } from '../calendar/work-calendar.js';
import { type DueRule, type DueRuleInput, DueRuleSchema, monthText } from './schema.js';

/** Year and month (1–12) of a `YYYY-MM` text. */
export function monthParts(month: string): { year: number; month: number } {
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

function daysIn(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

function stepToWorking(calendar: WorkCalendar, day: number, step: 1 | -1): number {
  let d = day;
  while (!calendar.isWorkingDayNumber(d)) d += step;
  return d;
}

/** @internal The due day (China day number) of a month-based rule. */
export function dueDayOf(rule: DueRule, year: number, month: number, calendar: WorkCalendar): number {
  const first = daysFromCivil(year, month, 1);
  const last = first + daysIn(year, month) - 1;
  switch (rule.kind) {
    case 'dayOfMonth': {
      const day = Math.min(first + rule.day - 1, last);
      if (rule.ifNotWorkingDay === 'keep' || calendar.isWorkingDayNumber(day)) return day;
      return stepToWorking(calendar, day, rule.ifNotWorkingDay === 'before' ? -1 : 1);
    }
    case 'lastDay':
      return last;
    case 'lastWorkingDay':
      return stepToWorking(calendar, last, -1);
    case 'workingDay': {
      // The nth working day; a month with fewer gives its last working day.
      let found = 0;
      let lastWorking = first;
      for (let d = first; d <= last; d++) {
        if (!calendar.isWorkingDayNumber(d)) continue;
        lastWorking = d;
        if (++found === rule.n) return d;
      }
      return lastWorking;
    }
    case 'withinWorkingDays':
      throw new InvalidArgumentError('taskDue', 'rule.kind', { 'zh-CN': '为 withinWorkingDays 时须给出事件时间 eventAt', en: 'withinWorkingDays needs the event time (eventAt)' }, rule.kind);
  }
}

/** The month a quarter ends in, for a month of that quarter. */
export function quarterEnd(month: string): string {
  const { year, month: m } = monthParts(month);
  return `${year}-${String(Math.ceil(m / 3) * 3).padStart(2, '0')}`;
}

export type DueWhen = { readonly month: string } | { readonly eventAt: string };

const RULE_WHEN = { 'zh-CN': '必须是 { month: "YYYY-MM" } 或 { eventAt: 带时区的 ISO 时间 }', en: 'must be { month: "YYYY-MM" } or { eventAt: an ISO instant with offset }' };

/**
 * When an order under `rule` is due: the end (24:00 China time) of its due day, as an ISO instant.
 * Month rules take the month it falls due in; `withinWorkingDays` takes the event's time. Working
 * days come from `calendar` (mainland China's by default, with its holidays and make-up days).
 */
export function taskDue(rule: DueRuleInput, when: DueWhen, calendar: WorkCalendar = chinaCalendar): string {
  const parsed = { data: parseArgument('taskDue', 'rule', DueRuleSchema, rule) };
  if (!(calendar instanceof WorkCalendar)) throw new InvalidArgumentError('taskDue', 'calendar', { 'zh-CN': '必须是 WorkCalendar', en: 'must be a WorkCalendar' }, calendar);
  if (when === null || typeof when !== 'object') throw new InvalidArgumentError('taskDue', 'when', RULE_WHEN, when);
  if (parsed.data.kind === 'withinWorkingDays') {
    const at = 'eventAt' in when ? parseInstant(when.eventAt) : Number.NaN;
    if (Number.isNaN(at)) throw new InvalidArgumentError('taskDue', 'when.eventAt', RULE_WHEN, (when as { eventAt?: unknown }).eventAt);
    return formatInstant(calendar.workingDaysDeadline(at, parsed.data.n));
  }
  const month = 'month' in when ? when.month : undefined;
  if (!monthText.safeParse(month).success) throw new InvalidArgumentError('taskDue', 'when.month', RULE_WHEN, month);
  const { year, month: m } = monthParts(month!);
  return formatInstant(startOfChinaDay(dueDayOf(parsed.data, year, m, calendar) + 1));
}

/** @internal The China day an instant due at 24:00 belongs to (the due day itself). */
export function dueDayOfInstant(dueMs: number): number {
  return chinaDay(dueMs - 1);
}

/**
 * The due day (`YYYY-MM-DD`, China time) of an order due at `due`: orders are due at 24:00, which
 * is already the next day's 00:00 — people read the day before it.
 */
export function dueDayText(due: string): string {
  const ms = typeof due === 'string' ? parseInstant(due) : Number.NaN;
  if (Number.isNaN(ms)) throw new InvalidArgumentError('dueDayText', 'due', { 'zh-CN': '必须是带时区的 ISO 8601 时间', en: 'must be an ISO 8601 instant with an offset' }, due);
  return formatDate(dueDayOfInstant(ms));
}
