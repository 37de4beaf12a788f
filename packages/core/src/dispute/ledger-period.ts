// The ledger by period, apart from the ledger's lists and counts: reading each dispute as it stood
// at a period's end replays its history through the dispute loop, so this needs the loop's
// definition, which a page that only lists disputes does without.
import { disputeLoop, type DisputeContext, type DisputeItem, type DisputeLoop } from './definition.js';
import type { Period } from '../calendar/period.js';
import { comparePeriods, countChange, itemsOfPeriod, periodArgument, rateChange, type CountChange, type PeriodComparison } from '../loop/as-of.js';
import { checkItems, summarizeLedger, type LedgerSummary } from './ledger.js';

/**
 * The disputes accepted within a period, each as it stood at the period's end (`period.endMs`),
 * read from its own history: a dispute settled after the month ended counts as open in that month.
 * Pass the loop the items were made with (`createDisputeLoop(…)`) when it is not the default.
 */
export function ledgerOfPeriod(items: readonly DisputeItem[], period: Period | string, loop: DisputeLoop = disputeLoop, context?: DisputeContext): DisputeItem[] {
  checkItems('ledgerOfPeriod', items);
  return itemsOfPeriod(loop, items, periodArgument('ledgerOfPeriod', 'period', period), context);
}

/** A period's ledger figures beside the previous period's and last year's, with the changes. */
export interface LedgerPeriodReport extends PeriodComparison<LedgerSummary> {
  // `summary`: The period's disputes as they stood at its end; `overdue` counts those past their stage deadline then.
  /** `formatChange` of the disputes accepted: against the previous period and the same period last year. */
  readonly accepted: CountChange;
  /** `formatChange` of the disputes resolved. */
  readonly resolved: CountChange;
  /** `formatPoints` of the resolution rate (percentage points). */
  readonly resolutionRate: CountChange;
}

/**
 * 台账 by period: the disputes accepted in the period as they stood at its end, against the
 * previous period (环比) and the same period last year (同比).
 */
export function summarizeLedgerPeriod(items: readonly DisputeItem[], period: Period | string, loop: DisputeLoop = disputeLoop, context?: DisputeContext): LedgerPeriodReport {
  checkItems('summarizeLedgerPeriod', items);
  const p = periodArgument('summarizeLedgerPeriod', 'period', period);
  const c = comparePeriods(p, (q) => summarizeLedger(itemsOfPeriod(loop, items, q, context), q.endMs));
  return {
    ...c,
    accepted: countChange(c, (s) => s.accepted),
    resolved: countChange(c, (s) => s.resolved),
    resolutionRate: rateChange(c, (s) => [s.resolved, s.accepted]),
  };
}
