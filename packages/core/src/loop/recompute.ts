import { InvalidArgumentError } from '../errors/errors.js';
import { chinaDay, civilFromDays, parseInstant } from '../calendar/instant.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { compiledOf, type LoopDefinition } from './definition.js';
import { nextDeadline } from './deadlines.js';
import { calendarOf, checkSnapshot } from './transition.js';
import { isTrusted, trust } from './trusted.js';
import { snapshotSchema } from './snapshot.js';
import { parseArgument } from '../schema/argument.js';
import type { Snapshot } from './types.js';

const RULE_CALENDAR = { 'zh-CN': '必须是 WorkCalendar（如 chinaCalendar.extend(…) 所得）', en: 'must be a WorkCalendar (chinaCalendar.extend(…), say)' };

// When the item entered its current stage: the last change of state, or its creation.
function stageStart(snapshot: Snapshot): string {
  const history = snapshot.history;
  for (let i = history.length - 1; i > 0; i--) if (history[i]!.from !== history[i]!.to) return history[i]!.at;
  return history[0]!.at;
}

// These read the whole history (where the stage began), not only the data `transition` needs: an
// item the engine did not make or check is checked whole, with its snapshot schema.
function checkWhole(def: Parameters<typeof checkSnapshot>[0], snapshot: Snapshot, fn: string): void {
  const trusted = isTrusted(snapshot as object);
  checkSnapshot(def, snapshot, fn);
  if (!trusted) parseArgument(fn, 'snapshot', snapshotSchema(def as never) as never, snapshot);
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
  checkWhole(def as never, snapshot as Snapshot, 'deadlineProvisional');
  if (snapshot.deadline === undefined) return false;
  const limit = compiled.states.get(snapshot.state)?.limit;
  const hooked = compiled.deadline?.(snapshot as Snapshot);
  if (hooked === undefined && !(limit !== undefined && 'workingDays' in limit)) return false;
  // The days counted run from the stage's start to the deadline's day (due at 24:00: the day before).
  const from = civilFromDays(chinaDay(parseInstant(stageStart(snapshot as Snapshot)))).year;
  const to = civilFromDays(chinaDay(parseInstant(snapshot.deadline) - 1)).year;
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
  checkWhole(def as never, snapshot as Snapshot, 'recomputeDeadlines');
  const deadline = nextDeadline(compiled, snapshot as Snapshot, undefined, parseInstant(stageStart(snapshot as Snapshot)), cal);
  if (deadline === snapshot.deadline) return snapshot;
  const { deadline: _old, ...rest } = snapshot;
  return trust(deadline === undefined ? rest : { ...rest, deadline }) as Snapshot<S, D, E, R>;
}
