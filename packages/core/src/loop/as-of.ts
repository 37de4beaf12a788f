/**
 * Items "as they stood at the end of a period": each item's state and data at an instant, read
 * from its own history — not today's state. An item created at or after the instant did not yet
 * exist (undefined); an item with no event since is itself; any other is replayed from the part of
 * its history before the instant, through the same loop (deadlines included).
 */
import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { parseInstant } from '../calendar/instant.js';
import { parsePeriod, previousPeriod, samePeriodLastYear, type Period } from '../calendar/period.js';
import { formatChange, formatPoints } from '../rate/change.js';
import type { RatePair } from '../rate/rate.js';
import type { LoopDefinition } from './definition.js';
import { replay } from './replay.js';
import type { TransitionContext } from './transition.js';
import type { Snapshot } from './types.js';

const PERIOD_WORDS: Localized = { 'zh-CN': '必须是统计期（Period）或其键，如 2026-W49、2026-12、2026-Q4、2026 或 2026-12-01..2026-12-07', en: 'must be a Period or its key, such as 2026-W49, 2026-12, 2026-Q4, 2026 or 2026-12-01..2026-12-07' };

/** A `Period` or its key, checked (`InvalidArgumentError` naming `argument` otherwise). */
export function periodArgument(fn: string, argument: string, period: unknown): Period {
  const key = typeof period === 'string' ? period : period && typeof period === 'object' && typeof (period as Period).key === 'string' ? (period as Period).key : undefined;
  if (key === undefined) throw new InvalidArgumentError(fn, argument, PERIOD_WORDS, period);
  try {
    return parsePeriod(key);
  } catch {
    throw new InvalidArgumentError(fn, argument, PERIOD_WORDS, period);
  }
}

/**
 * The item as it stood just before `endMs` (epoch ms): undefined if it was created at or after it.
 * Its history is in order, so the entries before `endMs` are a prefix.
 */
export function snapshotAsOf<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  item: Snapshot<S, D, E, R>,
  endMs: number,
  context?: TransitionContext<C>,
): Snapshot<S, D, E, R> | undefined {
  const history = item.history;
  let k = history.length;
  while (k > 0 && !(parseInstant(history[k - 1]!.at) < endMs)) k--;
  if (k === 0) return undefined;
  if (k === history.length) return item;
  return replay(def, history.slice(0, k), context);
}

/**
 * The items accepted within the period (created from `startMs` to before `endMs`), each as it stood
 * at the period's end.
 */
export function itemsOfPeriod<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  items: readonly Snapshot<S, D, E, R>[],
  period: Period,
  context?: TransitionContext<C>,
): Snapshot<S, D, E, R>[] {
  const out: Snapshot<S, D, E, R>[] = [];
  for (const item of items) {
    const created = parseInstant(item.createdAt);
    if (!(created >= period.startMs && created < period.endMs)) continue;
    const then = snapshotAsOf(def, item, period.endMs, context);
    if (then !== undefined) out.push(then);
  }
  return out;
}

/** A count's change against the previous period and the same period last year (`formatChange`). */
export interface CountChange {
  readonly previous: string;
  readonly lastYear: string;
}

/** A period's figures beside the previous period's and the same period's last year. */
export interface PeriodComparison<T> {
  readonly period: Period;
  /** The period's own figures. */
  readonly summary: T;
  /** The period just before (环比). */
  readonly previous: { readonly period: Period; readonly summary: T };
  /** The same period a year earlier (同比). */
  readonly lastYear: { readonly period: Period; readonly summary: T };
}

/** The figures of a period, of the one before and of the same one a year earlier. */
export function comparePeriods<T>(period: Period, figuresOf: (p: Period) => T): PeriodComparison<T> {
  const previous = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  return { period, summary: figuresOf(period), previous: { period: previous, summary: figuresOf(previous) }, lastYear: { period: lastYear, summary: figuresOf(lastYear) } };
}

/** The change of a count: `formatChange` against the previous period and against last year. */
export function countChange<T>(c: PeriodComparison<T>, count: (figures: T) => number): CountChange {
  const now = count(c.summary);
  return { previous: formatChange(now, count(c.previous.summary), { signDisplay: 'always' }), lastYear: formatChange(now, count(c.lastYear.summary), { signDisplay: 'always' }) };
}

/** The change of a rate in percentage points: `formatPoints` against the previous period and last year. */
export function rateChange<T>(c: PeriodComparison<T>, pair: (figures: T) => RatePair): CountChange {
  const now = pair(c.summary);
  return { previous: formatPoints(now, pair(c.previous.summary), { signDisplay: 'always' }), lastYear: formatPoints(now, pair(c.lastYear.summary), { signDisplay: 'always' }) };
}
