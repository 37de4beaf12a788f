// The event-permit ledger (大型活动报备台账) by period: the filings of a week, month, quarter,
// year or date range as they stood at its end, beside the previous period and last year's.
import { InvalidArgumentError } from '../errors/errors.js';
import type { Period } from '../calendar/period.js';
import { comparePeriods, countChange, itemsOfPeriod, periodArgument, rateChange, type CountChange, type PeriodComparison } from '../loop/as-of.js';
import { eventPermitLoop, type EventPermitItem } from './definition.js';
import { summarizeEventPermits, type EventPermitSummary } from './filing.js';

/** A period's permit figures beside the previous period's and last year's, with the changes. */
export interface EventPermitPeriodReport extends PeriodComparison<EventPermitSummary> {
  // `summary`: the filings made in the period, each as it stood at the period's end; `overdue` counts the reviews past their limit then.
  /** `formatChange` of the filings made (环比, 同比). */
  readonly filings: CountChange;
  /** `formatChange` of the events held. */
  readonly held: CountChange;
  /** `formatPoints` of the share held without incident (safe rate). */
  readonly safeRate: CountChange;
  /** `formatChange` of the reviews overdue at the period's end. */
  readonly overdue: CountChange;
}

/**
 * The filings made within a period (filed from its start to before its end), each as it stood at
 * the period's end, read from its own history: a plan approved after the month ended is still
 * under review in that month's ledger. Every filing is checked as `summarizeEventPermits` checks it.
 */
export function permitsOfPeriod(items: readonly EventPermitItem[], period: Period | string): EventPermitItem[] {
  summarizeEventPermits(items);
  return itemsOfPeriod(eventPermitLoop, items, periodArgument('permitsOfPeriod', 'period', period));
}

/**
 * 报备台账 by period: the filings made in the period as they stood at its end, against the
 * previous period (环比) and the same period last year (同比).
 */
export function summarizeEventPermitsPeriod(items: readonly EventPermitItem[], period: Period | string): EventPermitPeriodReport {
  if (!Array.isArray(items)) throw new InvalidArgumentError('summarizeEventPermitsPeriod', 'items', { 'zh-CN': '必须是活动报备快照的数组', en: 'must be an array of event-filing snapshots' }, items);
  summarizeEventPermits(items);
  const p = periodArgument('summarizeEventPermitsPeriod', 'period', period);
  const c = comparePeriods(p, (q) => summarizeEventPermits(itemsOfPeriod(eventPermitLoop, items, q), q.endMs));
  return {
    ...c,
    filings: countChange(c, (s) => s.filings),
    held: countChange(c, (s) => s.held),
    safeRate: rateChange(c, (s) => [s.heldSafely, s.held]),
    overdue: countChange(c, (s) => s.overdue),
  };
}
