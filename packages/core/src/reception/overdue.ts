import { InvalidArgumentError } from '../errors/errors.js';
import { type Moment, momentMs, overdue } from '../loop/deadlines.js';
import { RECEPTION_LOOP_ID, receptionLoop, type ReceptionItem } from './definition.js';
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
  if (!Array.isArray(items)) throw new InvalidArgumentError('overdueReceptionIssues', 'items', { 'zh-CN': '必须是接待日问题快照数组', en: 'must be an array of reception-day snapshots' }, items);
  momentMs('overdueReceptionIssues', 'now', now);
  const ids: string[] = [];
  const seen = new Set<string>();
  const byDepartment: Record<string, number> = {};
  items.forEach((item: ReceptionItem, i) => {
    if (!item || typeof item !== 'object' || item.loop?.id !== RECEPTION_LOOP_ID || typeof item.id !== 'string' || !item.data || typeof item.data !== 'object') {
      throw new InvalidArgumentError('overdueReceptionIssues', `items[${i}]`, { 'zh-CN': '必须是接待日闭环的快照', en: 'must be a snapshot of the reception-day loop' }, item);
    }
    if (seen.has(item.id)) throw new InvalidArgumentError('overdueReceptionIssues', `items[${i}].id`, { 'zh-CN': '重复：每个问题只能列一次', en: 'repeats: list each issue once' }, item.id);
    seen.add(item.id);
    if (!overdue(item, now)) return;
    ids.push(item.id);
    const department = item.data.department ?? '';
    byDepartment[department] = (byDepartment[department] ?? 0) + 1;
  });
  return { overdue: ids.length, ids, byDepartment };
}

/**
 * 督办台账 at the end of a period: the issues overdue as they stood at `period.endMs` (each read from
 * its own history), by department — last month's supervision ledger, not today's.
 */
export function overdueReceptionIssuesAt(items: readonly ReceptionItem[], period: Period | string): ReceptionOverdue {
  const p = periodArgument('overdueReceptionIssuesAt', 'period', period);
  overdueReceptionIssues(items, p.endMs); // checks every item (and that none repeats)
  const then: ReceptionItem[] = [];
  for (const item of items) {
    const was = snapshotAsOf(receptionLoop, item, p.endMs);
    if (was !== undefined) then.push(was);
  }
  return overdueReceptionIssues(then, p.endMs);
}
