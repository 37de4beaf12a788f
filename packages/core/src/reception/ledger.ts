import { InvalidArgumentError } from '../errors/errors.js';
import { createItem } from '../loop/snapshot.js';
import type { Actor } from '../loop/types.js';
import { formatRate } from '../rate/rate.js';
import { momentMs, type Moment, overdue } from '../loop/deadlines.js';
import { type ReceptionItem, type ReceptionRole, type ReceptionState, receptionLoop } from './definition.js';
import { type ReceptionIntake, ReceptionIntakeSchema } from './schema.js';
import { parseArgument } from '../schema/argument.js';
import { checkReceptionItems, RECEPTION_STATES } from './items.js';
import { chinaDay, formatDate, parseDate, parseInstant } from '../calendar/instant.js';
import type { Period } from '../calendar/period.js';
import { comparePeriods, countChange, itemsOfPeriod, periodArgument, rateChange, type CountChange, type PeriodComparison } from '../loop/as-of.js';


export interface CollectIssueInput {
  readonly id: string;
  readonly intake: ReceptionIntake;
  readonly actor: Actor<ReceptionRole>;
  readonly at: string;
}

/** How long after its reception day an issue may still be entered (days). */
export const RECEPTION_LATE_ENTRY_DAYS = 366;

/**
 * 收集: a new reception-day issue from what the firm raised, validated. It is collected on or after
 * its reception day (`sessionDate`, China time), and at most `RECEPTION_LATE_ENTRY_DAYS` after it.
 */
export function collectIssue(input: CollectIssueInput): ReceptionItem {
  const intake = parseArgument('collectIssue', 'input.intake', ReceptionIntakeSchema, input?.intake);
  const atMs = typeof input.at === 'string' ? parseInstant(input.at) : Number.NaN;
  if (!Number.isNaN(atMs)) {
    const day = chinaDay(atMs);
    const session = parseDate(intake.sessionDate);
    if (session > day || session < day - RECEPTION_LATE_ENTRY_DAYS) {
      throw new InvalidArgumentError(
        'collectIssue',
        'input.intake.sessionDate',
        { 'zh-CN': `必须在收集日 ${formatDate(day)} 当天或之前、且不早于 ${RECEPTION_LATE_ENTRY_DAYS} 天`, en: `must be on or before the day it is collected (${formatDate(day)}), and at most ${RECEPTION_LATE_ENTRY_DAYS} days before` },
        intake.sessionDate,
      );
    }
  }
  const data = { ...intake, department: null, dueDate: null, result: null, ratings: [], reopened: 0, supervisions: 0 };
  return createItem(receptionLoop, { id: input.id, data, actor: input.actor, at: input.at });
}

export interface ReceptionSummary {
  /** Issues collected. */
  readonly collected: number;
  /** Written off. */
  readonly closed: number;
  /** `formatRate(closed, collected)`: the source's 6 of 23 → "26.09%". */
  readonly closedRate: string;
  /** Not closed: still on the supervision ledger. */
  readonly onSupervisionLedger: number;
  /** Issues rated at least once. */
  readonly rated: number;
  /** Issues whose latest rating is satisfied or basically satisfied. */
  readonly satisfied: number;
  /** `formatRate(satisfied, rated)`; "—" before any rating. */
  readonly satisfactionRate: string;
  /** Issues reopened at least once (dissatisfied, or reopened after write-off). */
  readonly reopened: number;
  /**
   * On the supervision ledger (督办台账) past their due date at `now`: assigned or in handling
   * after 24:00 China time of `dueDate` (0 without `now`).
   */
  readonly overdue: number;
  readonly firms: number;
  readonly byState: Readonly<Record<ReceptionState, number>>;
}

/**
 * The reception day's figures. Satisfaction counts each issue once, by its latest rating: an issue
 * first rated dissatisfied and then satisfied after rework counts as satisfied. With `now`, the
 * issues still with their department past the due date are counted as `overdue`.
 */
export function summarizeReception(items: readonly ReceptionItem[], now?: Moment): ReceptionSummary {
  if (now !== undefined) momentMs('summarizeReception', 'now', now);
  checkReceptionItems('summarizeReception', items);
  const byState = Object.fromEntries(RECEPTION_STATES.map((s) => [s, 0])) as Record<ReceptionState, number>;
  let rated = 0;
  let satisfied = 0;
  let reopened = 0;
  let late = 0;
  const firms = new Set<string>();
  for (const item of items) {
    byState[item.state as ReceptionState]++;
    firms.add(item.data.firm);
    const last = item.data.ratings[item.data.ratings.length - 1];
    if (last) {
      rated++;
      if (last.satisfaction !== 'dissatisfied') satisfied++;
    }
    if (item.data.reopened > 0) reopened++;
    // The engine's overdue, as 督办台账 (overdueReceptionIssues) counts it: one rule for both.
    if (now !== undefined && overdue(item, now)) late++;
  }
  return {
    collected: items.length,
    closed: byState.closed,
    closedRate: formatRate(byState.closed, items.length),
    onSupervisionLedger: items.length - byState.closed,
    rated,
    satisfied,
    satisfactionRate: formatRate(satisfied, rated),
    reopened,
    overdue: late,
    firms: firms.size,
    byState,
  };
}

/** A period's reception-day figures beside the previous period's and last year's, with the changes. */
export interface ReceptionPeriodReport extends PeriodComparison<ReceptionSummary> {
  // `summary`: The issues collected in the period as they stood at its end; `overdue` counts those past due then.
  /** `formatChange` of the issues collected (环比, 同比). */
  readonly collected: CountChange;
  /** `formatPoints` of the share written off. */
  readonly closedRate: CountChange;
  /** `formatPoints` of the satisfaction rate. */
  readonly satisfactionRate: CountChange;
}

/** The issues collected within a period, each as it stood at the period's end (from its history). */
export function receptionOfPeriod(items: readonly ReceptionItem[], period: Period | string): ReceptionItem[] {
  summarizeReception(items);
  return itemsOfPeriod(receptionLoop, items, periodArgument('receptionOfPeriod', 'period', period));
}

/**
 * The reception day's figures by period: the issues collected in the period as they stood at its
 * end (overdue at its end), against the previous period and the same period last year.
 */
export function summarizeReceptionPeriod(items: readonly ReceptionItem[], period: Period | string): ReceptionPeriodReport {
  summarizeReception(items);
  const p = periodArgument('summarizeReceptionPeriod', 'period', period);
  const c = comparePeriods(p, (q) => summarizeReception(itemsOfPeriod(receptionLoop, items, q), q.endMs));
  return {
    ...c,
    collected: countChange(c, (s) => s.collected),
    closedRate: rateChange(c, (s) => [s.closed, s.collected]),
    satisfactionRate: rateChange(c, (s) => [s.satisfied, s.rated]),
  };
}
