import { InvalidArgumentError } from '../errors/errors.js';
import { type Moment, momentMs, overdue } from '../loop/deadlines.js';
import { RECEPTION_LOOP_ID, type ReceptionItem } from './definition.js';

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
