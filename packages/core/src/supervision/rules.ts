// The supervision order's rules (督办单), each with its own `rule` name, in zh-CN and English.
import { chinaDay, formatDate, parseDate, parseInstant, startOfChinaDay } from '../calendar/instant.js';
import { type Localized, L } from '../i18n/locale.js';
import type { Verdict } from '../loop/refusal.js';
import type { Rejection } from '../schema/result.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import type { SupervisionOrder } from './schema.js';

/** The latest a supervision order may be due: this many days after it is issued or re-issued. */
export const SUPERVISION_MAX_DUE_DAYS = 90;

/**
 * Where the supervision order's rules are listed: every `rule` its refusals name. Issuing
 * (`issueSupervisionOrder`): `target_not_overdue`, `target_unknown_chain`, `issuer_level`,
 * `one_open_order`, `due_after_issue`, `due_within_window`; in the loop: `addressee_only` (only the
 * body it is addressed to answers), `issuer_only` (only the issuing body re-issues, closes or
 * withdraws), and `due_after_issue` / `due_within_window` for a re-issue's new due day.
 */
export const SUPERVISION_RULES = {
  target_not_overdue: L('督办只针对已升级或已超期的事项', 'a supervision order is issued on an escalated or overdue item'),
  target_unknown_chain: L('被督办事项所属闭环须有逐级升级链', 'the supervised item’s loop has an escalation chain'),
  issuer_level: L('督办由事项所在层级或更高一级发出，承办层级不能督办自己', 'a supervision order comes from the item’s level or above, never from the handling level itself'),
  one_open_order: L('同一事项只有一份未办结的督办单：不满意请重新督办', 'one open supervision order per item: re-issue it when the answer falls short'),
  due_after_issue: L('反馈期限不早于督办当天', 'the answer is due no earlier than the day the order is issued'),
  due_within_window: L(`反馈期限不超过督办后 ${SUPERVISION_MAX_DUE_DAYS} 天`, `the answer is due at most ${SUPERVISION_MAX_DUE_DAYS} days after the order`),
  addressee_only: L('只有被督办单位反馈（actor.unit）', 'only the body the order is addressed to answers (actor.unit)'),
  issuer_only: L('只有发出督办的单位重新督办、办结或撤销（actor.unit）', 'only the issuing body re-issues, closes or withdraws the order (actor.unit)'),
} as const satisfies Record<string, Localized>;
export type SupervisionRule = keyof typeof SUPERVISION_RULES;

type Fit = true | Rejection;
type OrderSnapshot = Snapshot<string, SupervisionOrder>;

export const refuse = (rule: SupervisionRule, field: string, zh: string, en: string): Rejection => ({ rule, field, message: L(zh, en) });

/** The instant a due day runs out: 24:00 China time of that day. */
export function dueMs(dueDate: string): number {
  return startOfChinaDay(parseDate(dueDate) + 1);
}

/** Rules `due_after_issue` and `due_within_window`, for a due day set at `at`. */
export function dueDateFits(at: string, dueDate: string, field = 'dueDate'): Fit {
  const day = chinaDay(parseInstant(at));
  const due = parseDate(dueDate);
  if (due < day) return refuse('due_after_issue', field, `反馈期限 ${dueDate} 早于督办日 ${formatDate(day)}`, `the due day ${dueDate} is before the day of the order (${formatDate(day)})`);
  if (due > day + SUPERVISION_MAX_DUE_DAYS) return refuse('due_within_window', field, `反馈期限 ${dueDate} 超出督办后 ${SUPERVISION_MAX_DUE_DAYS} 天`, `the due day ${dueDate} is more than ${SUPERVISION_MAX_DUE_DAYS} days after the order`);
  return true;
}

/** Rule `addressee_only`: the actor acts for the body the order is addressed to. */
export function addresseeOnly(s: OrderSnapshot, e: LoopEvent): Verdict {
  if (e.actor.unit === s.data.addressee) return true;
  return refuse('addressee_only', 'actor.unit', `本督办单发给 ${s.data.addressee}，${e.actor.unit ?? e.actor.id} 不能代为反馈`, `this order is addressed to ${s.data.addressee}: ${e.actor.unit ?? e.actor.id} cannot answer it`);
}

/** Rule `issuer_only`: the actor acts for the body that issued the order. */
export function issuerOnly(s: OrderSnapshot, e: LoopEvent): Verdict {
  if (e.actor.unit === s.data.issuedBy) return true;
  return refuse('issuer_only', 'actor.unit', `本督办单由 ${s.data.issuedBy} 发出，${e.actor.unit ?? e.actor.id} 不能重新督办、办结或撤销`, `${s.data.issuedBy} issued this order: ${e.actor.unit ?? e.actor.id} cannot re-issue, close or withdraw it`);
}
