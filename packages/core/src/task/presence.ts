import { BihuanError } from '../errors/errors.js';
import { formatDate } from '../calendar/instant.js';
import type { Rejection } from '../schema/result.js';
import type { Officer, Roster } from './schema.js';

/**
 * Orders go only to people who are there (rule `on_roster`): an officer is handed an order — by
 * the monthly dispatch, an on-event dispatch or a reassignment — only when the roster has them on
 * the day it is handed over (`from` ≤ that day) and still has them on the order's due day (`until`
 * ≥ it, or ≥ the hand-over day for an order already past due). `startDay` and `dueDay` are China
 * day numbers. Returns the refusal, or `undefined` when the officer is there.
 */
export function presenceRefusal(roster: Roster, officerId: string, startDay: number, dueDay: number): Rejection | undefined {
  const officer = roster.officers.find((o) => o.id === officerId);
  if (officer === undefined) {
    return { rule: 'on_roster', field: 'officer', message: { 'zh-CN': `名册 ${roster.id} 中没有民警 ${officerId}`, en: `officer ${officerId} is not on roster ${roster.id}` } };
  }
  return officerAbsence(officer, startDay, dueDay);
}

/** `presenceRefusal` for an officer record at hand. */
export function officerAbsence(officer: Officer, startDay: number, dueDay: number): Rejection | undefined {
  const start = formatDate(startDay);
  const due = formatDate(Math.max(startDay, dueDay));
  if (officer.from !== undefined && officer.from > start) {
    return { rule: 'on_roster', field: 'officer', message: { 'zh-CN': `${officer.name}（${officer.id}）${officer.from} 才到岗，${start} 不能接收任务`, en: `${officer.id} joins the roster on ${officer.from}: no order on ${start}` } };
  }
  if (officer.until !== undefined && officer.until < due) {
    return { rule: 'on_roster', field: 'officer', message: { 'zh-CN': `${officer.name}（${officer.id}）在名册上至 ${officer.until}，不能接收 ${due} 到期的任务`, en: `${officer.id} is on the roster until ${officer.until}: no order due on ${due}` } };
  }
  return undefined;
}

/**
 * A task-order function refused what it was asked (an on-event order for an officer not on the
 * roster, say): `code` is `guard_failed` as in the loop, `rule` names the rule, `field` the input.
 */
export class TaskOrderRefusal extends BihuanError {
  readonly rule: string;
  readonly field: string | undefined;
  constructor(refusal: Rejection) {
    super('guard_failed', refusal.message);
    this.name = 'TaskOrderRefusal';
    this.rule = refusal.rule;
    this.field = refusal.field;
  }
}
