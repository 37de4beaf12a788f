import { InvalidArgumentError } from '../errors/errors.js';
import { chinaDay, civilFromDays, parseInstant } from '../calendar/instant.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { compiledOf, type LoopDefinition } from './definition.js';
import { nextDeadline } from './deadlines.js';
import { calendarOf } from './transition.js';
import { trust } from './trusted.js';
import { checkWholeSnapshot } from './history-check.js';
import type { Snapshot } from './types.js';

const RULE_CALENDAR = { 'zh-CN': '必须是 WorkCalendar（如 chinaCalendar.extend(…) 所得）', en: 'must be a WorkCalendar (chinaCalendar.extend(…), say)' };

// When the item entered its current stage: the last change of state, or its creation.
function stageStart(snapshot: Snapshot): string {
  const history = snapshot.history;
  for (let i = history.length - 1; i > 0; i--) if (history[i]!.from !== history[i]!.to) return history[i]!.at;
  return history[0]!.at;
}

function calendarArg(fn: string, calendar: unknown, required: boolean): WorkCalendar | undefined {
  if (calendar === undefined && !required) return undefined;
  if (!(calendar instanceof WorkCalendar)) throw new InvalidArgumentError(fn, 'calendar', RULE_CALENDAR, calendar);
  return calendar;
}

/**
 * Whether the item's deadline rests on a year counted without its annual notice (the statutory
 * fallback of `WorkCalendar`, or weekdays alone): then it is provisional, and may move once the
 * State Council publishes that year's arrangement (make-up working days, longer breaks). A
 * deadline of calendar days or hours never is. `calendar` is the one the deadline was counted
 * with (the definition's, else mainland China's). When the notice arrives, extend the calendar
 * and call `recomputeDeadlines`.
 */
export function deadlineProvisional<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  snapshot: Snapshot<S, D, E, R>,
  calendar?: WorkCalendar,
): boolean {
  const compiled = compiledOf(def, 'deadlineProvisional');
  const cal = calendarArg('deadlineProvisional', calendar, false) ?? calendarOf(def, undefined);
  // It reads the whole history (where the stage began), not only the data `transition` needs.
  const item = checkWholeSnapshot(def as never, snapshot as Snapshot, 'deadlineProvisional');
  if (item.deadline === undefined) return false;
  const limit = compiled.states.get(item.state)?.limit;
  const hooked = compiled.deadline?.(item);
  if (hooked === undefined && !(limit !== undefined && 'workingDays' in limit)) return false;
  // The days counted run from the stage's start to the deadline's day (due at 24:00: the day before).
  const from = civilFromDays(chinaDay(parseInstant(stageStart(item)))).year;
  const to = civilFromDays(chinaDay(parseInstant(item.deadline) - 1)).year;
  for (let year = Math.min(from, to); year <= Math.max(from, to); year++) if (cal.isFallbackYear(year)) return true;
  return false;
}

/**
 * The item with its deadline counted again on `calendar` — for when a year's notice arrives and the
 * host extends its calendar (`chinaCalendar.extend({ 2027: … })`). The stage's limit runs from the
 * moment the item entered its state, as `transition` counts it; a deadline the definition reads
 * from the item's data (its `deadline` hook) is read again. Pure: returns the same snapshot when
 * nothing changes (so `result !== snapshot` says what to write back), else a new one.
 */
export function recomputeDeadlines<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  snapshot: Snapshot<S, D, E, R>,
  calendar: WorkCalendar,
): Snapshot<S, D, E, R> {
  const compiled = compiledOf(def, 'recomputeDeadlines');
  const cal = calendarArg('recomputeDeadlines', calendar, true)!;
  const item = checkWholeSnapshot(def as never, snapshot as Snapshot, 'recomputeDeadlines');
  const deadline = nextDeadline(compiled, item, undefined, parseInstant(stageStart(item)), cal);
  if (deadline === item.deadline) return snapshot;
  const { deadline: _old, ...rest } = item as Snapshot<S, D, E, R>;
  return trust(deadline === undefined ? rest : { ...rest, deadline }) as Snapshot<S, D, E, R>;
}
