import { InvalidArgumentError } from '../errors/errors.js';
import { timeSpan } from '../schema/fields.js';
import { MAX_LIMIT_DAYS } from '../schema/bounds.js';
import type { Localized } from '../i18n/locale.js';
import { DAY_MS, parseInstant, startOfChinaDay } from '../calendar/instant.js';
import { chinaCalendar, WorkCalendar } from '../calendar/work-calendar.js';
import { type Moment, momentMs } from '../loop/deadlines.js';
import type { TaskOrder } from './definition.js';
import { dueDayOfInstant } from './due.js';

/** A span of time for reminders: exact hours, calendar days or working days. */
export type ReminderSpan = { readonly hours: number } | { readonly days: number } | { readonly workingDays: number };

/**
 * When the alarms (闹铃式提醒) ring. `before` lists due-soon alarms from the earliest to the last:
 * alarm level i + 1 rings once the i-th span before the due moment has begun. The due moment itself
 * rings the first overdue level (`before.length + 1`); `after` lists the escalations beyond it, each
 * one level higher.
 *
 * How spans count: `{ hours: h }` exactly; `{ days: d }` from 00:00 China time of the d-th day before
 * the due day (0: the due day itself), or to 24:00 of the d-th day after it; `{ workingDays: n }`
 * the same in working days of `calendar` (holidays skipped, make-up working days counted). Orders
 * are due at 24:00 of their due day.
 */
export interface ReminderPolicy {
  readonly before: readonly ReminderSpan[];
  readonly after: readonly ReminderSpan[];
  readonly calendar?: WorkCalendar;
}

/** Three working days ahead, then the last working day; overdue at the due moment, escalated after 3 and 7 working days. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { before: [{ workingDays: 3 }, { workingDays: 1 }], after: [{ workingDays: 3 }, { workingDays: 7 }] };

export interface Reminder {
  readonly order: string;
  readonly officer: string;
  readonly kind: 'dueSoon' | 'overdue';
  /** 1 for the earliest due-soon alarm; higher is more urgent. */
  readonly level: number;
  readonly due: string;
  readonly title: Localized;
  readonly category: string;
  /** Times a supervisor urged this order. */
  readonly urgings: number;
}

export interface OfficerReminders {
  readonly officer: string;
  /** The most urgent alarm's level. */
  readonly level: number;
  readonly dueSoon: number;
  readonly overdue: number;
  /** Most urgent first, then the earliest due. */
  readonly alarms: readonly Reminder[];
}

function bad(argument: string, zh: string, en: string, value: unknown): never {
  throw new InvalidArgumentError('reminders', argument, { 'zh-CN': zh, en }, value);
}

function spanArg(argument: string, span: unknown): ReminderSpan {
  if (!timeSpan.safeParse(span).success) bad(argument, `必须是 { hours }、{ days } 或 { workingDays } 之一，不小于 0（天数至多 ${MAX_LIMIT_DAYS}）`, `must be one of { hours }, { days }, { workingDays }, not below 0 (at most ${MAX_LIMIT_DAYS} days)`, span);
  return span as ReminderSpan;
}

function policyArg(policy: unknown): { before: ReminderSpan[]; after: ReminderSpan[]; calendar: WorkCalendar } {
  const p = policy as ReminderPolicy | null;
  if (p === null || typeof p !== 'object' || !Array.isArray(p.before) || !Array.isArray(p.after)) bad('policy', '必须是 { before: [...], after: [...] }', 'must be { before: [...], after: [...] }', policy);
  const calendar = p.calendar ?? chinaCalendar;
  if (!(calendar instanceof WorkCalendar)) bad('policy.calendar', '必须是 WorkCalendar', 'must be a WorkCalendar', p.calendar);
  return { before: p.before.map((s, i) => spanArg(`policy.before[${i}]`, s)), after: p.after.map((s, i) => spanArg(`policy.after[${i}]`, s)), calendar };
}

function workingDaysBack(calendar: WorkCalendar, day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0; ) if (calendar.isWorkingDayNumber(--d)) left--;
  return d;
}

/** The moment a due-soon span opens, for an order due at `due` (ms). */
function opensAt(span: ReminderSpan, due: number, calendar: WorkCalendar): number {
  if ('hours' in span) return due - span.hours * 3_600_000;
  const dueDay = dueDayOfInstant(due);
  if ('days' in span) return startOfChinaDay(dueDay - span.days);
  return startOfChinaDay(workingDaysBack(calendar, dueDay, span.workingDays));
}

/** The moment an escalation span is reached, for an order due at `due` (ms). */
function escalatesAt(span: ReminderSpan, due: number, calendar: WorkCalendar): number {
  if ('hours' in span) return due + span.hours * 3_600_000;
  if ('days' in span) return due + span.days * DAY_MS;
  return span.workingDays === 0 ? due : startOfChinaDay(calendar.addWorkingDayNumbers(dueDayOfInstant(due), span.workingDays) + 1);
}

/**
 * The alarms of open orders (dispatched or returned) at `now`, per officer: due-soon alarms in
 * escalating levels as the due moment nears, overdue alarms from the due moment itself (at the
 * due instant an order is overdue), escalating further after it. Pure: the clock is `now`.
 * Officers with the most urgent alarms come first.
 */
export function reminders(orders: readonly TaskOrder[], now: Moment, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): OfficerReminders[] {
  if (!Array.isArray(orders)) bad('orders', '必须是任务单数组', 'must be an array of task orders', orders);
  const nowMs = momentMs('reminders', 'now', now);
  const { before, after, calendar } = policyArg(policy);
  // Orders share due moments: the level at `now` is worked out once per due moment.
  const levels = new Map<number, number>();
  const levelAt = (due: number): number => {
    let level = levels.get(due);
    if (level === undefined) {
      level = 0;
      if (nowMs >= due) {
        level = before.length + 1;
        after.forEach((span, i) => {
          if (nowMs >= escalatesAt(span, due, calendar)) level = Math.max(level!, before.length + 2 + i);
        });
      } else {
        before.forEach((span, i) => {
          if (nowMs >= opensAt(span, due, calendar)) level = Math.max(level!, i + 1);
        });
      }
      levels.set(due, level);
    }
    return level;
  };

  const byOfficer = new Map<string, Reminder[]>();
  orders.forEach((o, i) => {
    if (!o || typeof o !== 'object' || !o.data || typeof o.data.officer !== 'string') bad(`orders[${i}]`, '必须是社区警务任务单', 'must be a task order', o);
    if (o.state !== 'dispatched' && o.state !== 'returned') return;
    const due = parseInstant(o.data.due);
    if (Number.isNaN(due)) bad(`orders[${i}].data.due`, '必须是带时区的 ISO 时间', 'must be an ISO instant with offset', o.data.due);
    const level = levelAt(due);
    if (level === 0) return;
    const alarm: Reminder = {
      order: o.id,
      officer: o.data.officer,
      kind: level > before.length ? 'overdue' : 'dueSoon',
      level,
      due: o.data.due,
      title: o.data.template.title,
      category: o.data.template.category,
      urgings: o.data.urgings.length,
    };
    const list = byOfficer.get(alarm.officer);
    if (list) list.push(alarm);
    else byOfficer.set(alarm.officer, [alarm]);
  });

  const out: OfficerReminders[] = [];
  for (const [officer, alarms] of byOfficer) {
    alarms.sort((a, b) => b.level - a.level || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || (a.order < b.order ? -1 : 1));
    const overdue = alarms.filter((a) => a.kind === 'overdue').length;
    out.push({ officer, level: alarms[0]!.level, dueSoon: alarms.length - overdue, overdue, alarms });
  }
  return out.sort((a, b) => b.level - a.level || b.overdue - a.overdue || (a.officer < b.officer ? -1 : 1));
}
