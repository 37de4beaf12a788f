// Moments and the questions asked of a stage deadline already counted (is it overdue, is it due
// soon, how long is left): no calendar and no schema, so a ledger that marks overdue rows loads
// them without the working-day calendars (deadlines.ts counts deadlines and re-exports these).
import { InvalidArgumentError } from '../errors/errors.js';
import { DAY_MS, parseInstant } from '../calendar/instant.js';
import { isSaneInstant, MAX_LIMIT_HOURS, MAX_YEAR, MIN_YEAR } from '../schema/bounds.js';
import type { Snapshot } from './types.js';

const RULE_MOMENT = {
  'zh-CN': `必须是 ${MIN_YEAR}–${MAX_YEAR} 年间带时区的 ISO 时间、Date 或毫秒数`,
  en: `must be an ISO instant with offset, a Date or epoch milliseconds within ${MIN_YEAR}–${MAX_YEAR}`,
};

/** A moment: an ISO 8601 instant with an offset, a Date, or milliseconds since the epoch. */
export type Moment = string | Date | number;

/** Milliseconds of a moment, or an `InvalidArgumentError` naming the argument. */
export function momentMs(fn: string, argument: string, moment: Moment): number {
  const ms = typeof moment === 'string' ? parseInstant(moment) : moment instanceof Date ? moment.getTime() : typeof moment === 'number' ? moment : Number.NaN;
  if (!isSaneInstant(ms)) throw new InvalidArgumentError(fn, argument, RULE_MOMENT, moment);
  return ms;
}

function deadlineMs(fn: string, snapshot: Pick<Snapshot, 'deadline'>): number | undefined {
  if (snapshot === null || typeof snapshot !== 'object') {
    throw new InvalidArgumentError(fn, 'snapshot', { 'zh-CN': '必须是快照对象', en: 'must be a snapshot' }, snapshot);
  }
  if (snapshot.deadline === undefined) return undefined;
  return momentMs(fn, 'snapshot.deadline', snapshot.deadline);
}

/** Milliseconds left until the current stage's deadline (negative once passed); undefined without one. */
export function timeLeft(snapshot: Pick<Snapshot, 'deadline'>, now: Moment): number | undefined {
  const deadline = deadlineMs('timeLeft', snapshot);
  return deadline === undefined ? undefined : deadline - momentMs('timeLeft', 'now', now);
}

/** Whether the current stage's deadline has come (at the deadline instant the time is up). */
export function overdue(snapshot: Pick<Snapshot, 'deadline'>, now: Moment): boolean {
  const deadline = deadlineMs('overdue', snapshot);
  return deadline !== undefined && momentMs('overdue', 'now', now) >= deadline;
}

/** A span for `dueSoon`: any of hours, minutes and calendar days, added together. */
export interface Within {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
}

function withinMs(within: Within): number {
  const ok =
    within !== null &&
    typeof within === 'object' &&
    (within.days !== undefined || within.hours !== undefined || within.minutes !== undefined) &&
    [within.days, within.hours, within.minutes].every((v) => v === undefined || (typeof v === 'number' && v >= 0 && v <= MAX_LIMIT_HOURS * 60));
  if (!ok) {
    throw new InvalidArgumentError('dueSoon', 'within', { 'zh-CN': '必须是 { days?, hours?, minutes? }，且为非负数', en: 'must be { days?, hours?, minutes? } with numbers not below 0' }, within);
  }
  return (within.days ?? 0) * DAY_MS + (within.hours ?? 0) * 3_600_000 + (within.minutes ?? 0) * 60_000;
}

/** Whether the deadline is still ahead but no further than `within` (the alarm-style reminder). */
export function dueSoon(snapshot: Pick<Snapshot, 'deadline'>, now: Moment, within: Within): boolean {
  const deadline = deadlineMs('dueSoon', snapshot);
  const span = withinMs(within);
  if (deadline === undefined) return false;
  const left = deadline - momentMs('dueSoon', 'now', now);
  return left > 0 && left <= span;
}
