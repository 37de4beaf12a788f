import { type Moment, momentMs, overdue } from '../loop/deadlines.js';
import { receptionLoop, type ReceptionItem } from './definition.js';
import { checkReceptionItems } from './items.js';
import type { Period } from '../calendar/period.js';
import { periodArgument, snapshotAsOf } from '../loop/as-of.js';

/** The supervision ledger's overdue part (督办台账): issues past their due date, by department. */
export interface ReceptionOverdue {
  /** Issues assigned or being handled whose due date has ended (24:00 China time) by `now`. */
  readonly overdue: number;
  /** Their ids, in the order given. */
  readonly ids: readonly string[];
  /** Overdue issues per handling department. */
  readonly byDepartment: Readonly<Record<string, number>>;
}

/**
 * 督办台账: the reception-day issues overdue at `now` — the engine's `overdue` on each issue's
 * deadline, which the loop sets from `data.dueDate` while the issue is assigned or being handled
 * (fed back, rated or written off: not overdue). `now` is passed in: the engine never reads the clock.
 */
export function overdueReceptionIssues(items: readonly ReceptionItem[], now: Moment): ReceptionOverdue {
  checkReceptionItems('overdueReceptionIssues', items, true);
  return countOverdue(items, momentMs('overdueReceptionIssues', 'now', now));
}

function countOverdue(items: readonly ReceptionItem[], now: Moment): ReceptionOverdue {
  const ids: string[] = [];
  const byDepartment: Record<string, number> = {};
  for (const item of items) {
    if (!overdue(item, now)) continue;
    ids.push(item.id);
    const department = item.data.department ?? '';
    byDepartment[department] = (byDepartment[department] ?? 0) + 1;
  }
  return { overdue: ids.length, ids, byDepartment };
}

/**
 * 督办台账 at the end of a period: the issues overdue as they stood at `period.endMs` (each read from
 * its own history), by department — last month's supervision ledger, not today's.
 */
export function overdueReceptionIssuesAt(items: readonly ReceptionItem[], period: Period | string): ReceptionOverdue {
  const p = periodArgument('overdueReceptionIssuesAt', 'period', period);
  checkReceptionItems('overdueReceptionIssuesAt', items, true);
  const then: ReceptionItem[] = [];
  for (const item of items) {
    const was = snapshotAsOf(receptionLoop, item, p.endMs);
    if (was !== undefined) then.push(was);
  }
  return countOverdue(then, p.endMs);
}
