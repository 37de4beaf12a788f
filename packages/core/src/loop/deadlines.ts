import { InvalidArgumentError } from '../errors/errors.js';
import { chinaDay, DAY_MS, formatInstant, parseDate, parseInstant, startOfChinaDay } from '../calendar/instant.js';
import { chinaCalendar, WorkCalendar } from '../calendar/work-calendar.js';
import { parseArgument } from '../schema/argument.js';
import { isSaneInstant, MAX_LIMIT_HOURS, MAX_YEAR, MIN_YEAR } from '../schema/bounds.js';
import { timeLimit } from '../schema/fields.js';
import type { CompiledLoop, TimeLimit } from './definition.js';
import { LoopDefinitionError } from './errors.js';
import { remembered } from './remembered.js';
import type { Snapshot } from './types.js';

// Deadlines repeat (many items enter the same stage on the same day): keep their text, boundedly.
const instantText = remembered(formatInstant, 4096);

/**
 * When a stage entered at `startMs` must be done: `hours` exactly, `days` and `workingDays` at the
 * end (24:00 China time) of the last day, counting from the day after entry.
 */
export function deadlineFor(limit: TimeLimit, startMs: number, calendar: WorkCalendar = chinaCalendar): string {
  const checked = parseArgument('deadlineFor', 'limit', timeLimit, limit);
  if (!isSaneInstant(startMs)) throw new InvalidArgumentError('deadlineFor', 'startMs', RULE_MS, startMs);
  if (!(calendar instanceof WorkCalendar)) throw new InvalidArgumentError('deadlineFor', 'calendar', { 'zh-CN': '必须是 WorkCalendar', en: 'must be a WorkCalendar' }, calendar);
  return deadlineAt(checked, startMs, calendar);
}

// `deadlineFor` without the checks, for limits a loop definition has already checked.
function deadlineAt(limit: TimeLimit, startMs: number, calendar: WorkCalendar): string {
  if ('workingDays' in limit) return instantText(calendar.workingDaysDeadline(startMs, limit.workingDays));
  if ('days' in limit) return instantText(startOfChinaDay(chinaDay(startMs) + limit.days + 1));
  return instantText(startMs + Math.round(limit.hours * 3_600_000));
}

/**
 * @internal `deadlineFor` with the limit's kind decided once (for a definition's states). A
 * day-based deadline depends only on the China day of entry and the calendar, and items enter a
 * stage on the same few days: each state keeps the texts of recent days, indexed by day number.
 */
export function deadlineFunction(limit: TimeLimit): (startMs: number, calendar: WorkCalendar) => string {
  if ('hours' in limit) return (startMs, calendar) => deadlineAt(limit, startMs, calendar);
  const SLOTS = 64;
  const days = new Float64Array(SLOTS).fill(Number.NaN);
  const texts = new Array<string>(SLOTS).fill('');
  let memoCalendar: WorkCalendar | undefined;
  return (startMs, calendar) => {
    const day = chinaDay(startMs);
    if (calendar !== memoCalendar) {
      memoCalendar = calendar;
      days.fill(Number.NaN);
    }
    const slot = day & (SLOTS - 1);
    if (days[slot] !== day) {
      days[slot] = day;
      texts[slot] = deadlineAt(limit, startMs, calendar);
    }
    return texts[slot]!;
  };
}

/**
 * @internal A definition's `deadline` hook, with its answer checked: an instant within the
 * kernel's years as given, a `YYYY-MM-DD` date as the instant its day ends (24:00 China time),
 * nothing as undefined. Anything else is a fault of the definition (`LoopDefinitionError`).
 */
export function deadlineHook(loopId: string, hook: (snapshot: Snapshot) => unknown): (snapshot: Snapshot) => string | undefined {
  return (snapshot) => {
    const value = hook(snapshot);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') {
      if (value.length === 10) {
        const day = parseDate(value);
        if (day === day && isSaneInstant(startOfChinaDay(day))) return instantText(startOfChinaDay(day + 1));
      } else if (isSaneInstant(parseInstant(value))) return value;
    }
    throw new LoopDefinitionError(loopId, {
      'zh-CN': `deadline 函数必须返回带时区的 ISO 时间、YYYY-MM-DD 日期或空值，实际返回了 ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value}`,
      en: `the deadline function must return an ISO instant with offset, a YYYY-MM-DD date or nothing; it returned ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value}`,
    });
  };
}

/**
 * @internal The deadline of an item that has just been created or changed (`next`, without its
 * deadline yet): none in a final state; the definition's hook when it names one; the previous
 * one on a self-transition (a note or a supervision does not buy time); else the stage's limit
 * from the moment of entry.
 */
export function nextDeadline(compiled: CompiledLoop, next: Snapshot, previous: Snapshot | undefined, atMs: number, calendar: WorkCalendar): string | undefined {
  const state = compiled.states.get(next.state)!;
  if (state.final) return undefined;
  if (compiled.deadline !== undefined) {
    const hooked = compiled.deadline(next);
    if (hooked !== undefined) return hooked;
  }
  if (previous !== undefined && previous.state === next.state) return previous.deadline;
  return state.deadline === undefined ? undefined : state.deadline(atMs, calendar);
}

const RULE_MS = { 'zh-CN': `必须是 ${MIN_YEAR}–${MAX_YEAR} 年间的毫秒时间戳`, en: `must be epoch milliseconds within ${MIN_YEAR}–${MAX_YEAR}` };

// Moments and the questions asked of a deadline (overdue, due soon) live in due.ts: a list that only
// marks overdue rows needs them without the calendars that count deadlines.
export { type Moment, momentMs, timeLeft, overdue, type Within, dueSoon } from './due.js';
