import { defineLoop, type EventOf, type RoleOf, type SnapshotOf, type StateOf } from '../loop/definition.js';
import { type Verdict, firstRefusal, guardRefusal } from '../loop/refusal.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import { chinaDay, formatDate, parseDate, parseInstant } from '../calendar/instant.js';
import { AssignPayloadSchema, type AssignPayload, RatePayloadSchema, type RatePayload, type ReceptionIssue, ReceptionIssueSchema, ReopenPayloadSchema, type ReopenPayload, ResultPayloadSchema, SupervisePayloadSchema, type SupervisePayload } from './schema.js';
import { handlerEvents, handlerOnly } from '../loop/handler.js';
import { escalationEvents, ESCALATION_CHAINS, SYSTEM_ROLE } from '../loop/escalation.js';
import { L } from '../i18n/locale.js';

export const RECEPTION_LOOP_ID = 'reception-day';

/** Not closed: on the supervision ledger (督办台账). */
export const RECEPTION_OPEN_STATES = ['collected', 'assigned', 'handling', 'fedBack', 'rated'] as const;

/** The latest a reception issue may be due: this many days after it is assigned (a year). */
export const RECEPTION_MAX_DUE_DAYS = 366;

type IssueSnapshot = Snapshot<string, ReceptionIssue>;

/**
 * Rule `own_firm`: only the firm that raised the issue rates it — the actor's `unit` is that firm
 * (`data.firm`); not the host, not another firm.
 */
function ownFirm(s: IssueSnapshot, e: LoopEvent): Verdict {
  if (e.actor.unit === s.data.firm) return true;
  return {
    rule: 'own_firm',
    field: 'actor.unit',
    message: L(
      e.actor.unit === undefined ? `满意度只能由提出问题的企业 ${s.data.firm} 评价：请注明评价人所属企业（actor.unit）` : `满意度只能由提出问题的企业 ${s.data.firm} 评价，${e.actor.unit} 不能代为评价`,
      e.actor.unit === undefined ? `only the firm that raised the issue, ${s.data.firm}, rates it: name the rater's firm (actor.unit)` : `only the firm that raised the issue, ${s.data.firm}, rates it; ${e.actor.unit} cannot`,
    ),
  };
}

/**
 * Rule `assigned_department`: only the department the issue was assigned to handles it and feeds
 * back; once a handler (承办人) is named, only that person of the department does (`handler_only`).
 */
function assignedDepartment(s: IssueSnapshot, e: LoopEvent): Verdict {
  return firstRefusal(
    () => handlerOnly(s, e, ['department']),
    () =>
      (e.actor.unit !== undefined && e.actor.unit === s.data.department) ||
      guardRefusal('assigned_department', `该问题交办给 ${s.data.department ?? '—'}，只能由该部门办理和反馈（actor.unit）`, `the issue is assigned to ${s.data.department ?? '—'}; only that department handles it and feeds back (actor.unit)`, 'actor.unit'),
  );
}

/**
 * Rules `due_after_assignment` and `due_within_window`: the due date is not before the day the
 * issue is assigned (China time), and at most `RECEPTION_MAX_DUE_DAYS` after it.
 */
function dueDateFits(e: LoopEvent, p: Pick<AssignPayload, 'dueDate'>): Verdict {
  const day = chinaDay(parseInstant(e.at));
  const due = parseDate(p.dueDate);
  if (due < day) return { rule: 'due_after_assignment', field: 'dueDate', message: L(`办理期限 ${p.dueDate} 早于交办日 ${formatDate(day)}`, `the due date ${p.dueDate} is before the day it is assigned (${formatDate(day)})`) };
  if (due > day + RECEPTION_MAX_DUE_DAYS) {
    return { rule: 'due_within_window', field: 'dueDate', message: L(`办理期限 ${p.dueDate} 超出交办后 ${RECEPTION_MAX_DUE_DAYS} 天`, `the due date ${p.dueDate} is more than ${RECEPTION_MAX_DUE_DAYS} days after the assignment`) };
  }
  return true;
}

/**
 * The reception-day loop (S15, Beibei's monthly entrepreneur reception day): issues are collected
 * → assigned to a department → handled under supervision → the result fed back → satisfaction
 * rated → written off. A "dissatisfied" rating reopens the handling; a written-off issue may be
 * reopened too.
 *
 * Who and when: only the assigned department (`actor.unit`) handles and feeds back
 * (`assigned_department`); only the firm that raised the issue (`actor.unit` = `data.firm`) rates it
 * (`own_firm`; the host never does); the due date lies from the day of assignment to
 * `RECEPTION_MAX_DUE_DAYS` after it (`due_after_assignment`, `due_within_window`), and so does a
 * new due date given with a 督办 (`supervise`) or a reopening (`reopen`). The named
 * handler (承办人, `assignHandler` / `reassignHandler` with a reason): once named, only the handler
 * acts for the department (`handler_only`; the host is not bound); the handler works in the
 * assigned department (`handler_in_body`), is named by it or the host (`handler_assigned_by_body`),
 * once (`handler_assigned`), then reassigned (`handler_missing`, `handler_same`). An issue past its
 * due date: escalation by rule (`escalate`, by the `system` role or the host; chain centre → sub-district → county): `not_overdue`, `already_escalated`, `escalation_deadline`, `escalation_top`, `escalation_from_level`, `escalation_next_level` (`ESCALATION_RULES`, `@bihuan/core/loop`).
 */
export const receptionLoop = /* @__PURE__ */ defineLoop({
  id: RECEPTION_LOOP_ID,
  version: 1,
  label: L('企业家接待日 收集—交办—督办—反馈—评价—销号', 'Reception day: collect → assign → supervise → feed back → rate → write off'),
  data: ReceptionIssueSchema,
  deadline: (s) => (s.state === 'assigned' || s.state === 'handling' ? s.data.dueDate : null), // due at 24:00 of dueDate: the engine's overdue/dueSoon
  // Its instruction and reason payloads are the rectification loop's schemas, parsed by its parsers.
  initial: 'collected',
  creators: ['host'],
  roles: {
    host: { label: L('接待领导/牵头部门', 'reception host') },
    department: { label: L('承办部门', 'handling department') },
    firm: { label: L('企业', 'firm') },
    ...SYSTEM_ROLE,
  },
  states: {
    collected: { label: L('已收集', 'collected') },
    assigned: { label: L('已交办', 'assigned') },
    handling: { label: L('督办中', 'handling under supervision') },
    fedBack: { label: L('已反馈', 'result fed back') },
    rated: { label: L('已评价', 'rated') },
    closed: { label: L('已销号', 'written off'), final: true },
  },
  events: {
    assign: {
      label: L('交办', 'assign'),
      from: ['collected'],
      to: 'assigned',
      roles: ['host'],
      payload: AssignPayloadSchema,
      guard: (_s: IssueSnapshot, e: LoopEvent, _c: unknown, p: AssignPayload): Verdict => dueDateFits(e, p),
      apply: (d: ReceptionIssue, p: AssignPayload): ReceptionIssue => ({ ...d, department: p.department, dueDate: p.dueDate }),
    },
    handle: { label: L('开始办理', 'start handling'), from: ['assigned'], to: 'handling', roles: ['department'], guard: (s: IssueSnapshot, e: LoopEvent): Verdict => assignedDepartment(s, e) },
    supervise: {
      label: L('督办', 'supervise'),
      from: ['assigned', 'handling'],
      to: (_p, s) => s.state,
      roles: ['host'],
      payload: SupervisePayloadSchema,
      // A new due date is optional: set, it is the department's new deadline (so an issue escalated for
      // missing the first may escalate again, from the level reached, if it misses this one too).
      guard: (_s: IssueSnapshot, e: LoopEvent, _c: unknown, p: SupervisePayload): Verdict => (p.dueDate === undefined ? true : dueDateFits(e, { dueDate: p.dueDate })),
      apply: (d: ReceptionIssue, p: SupervisePayload): ReceptionIssue => ({ ...d, supervisions: d.supervisions + 1, dueDate: p.dueDate ?? d.dueDate }),
    },
    feedBack: {
      label: L('反馈结果', 'feed back the result'),
      from: ['handling'],
      to: 'fedBack',
      roles: ['department'],
      payload: ResultPayloadSchema,
      guard: (s: IssueSnapshot, e: LoopEvent): Verdict => assignedDepartment(s, e),
      apply: (d: ReceptionIssue, p: { result: string }): ReceptionIssue => ({ ...d, result: p.result }),
    },
    rate: {
      label: L('满意度评价', 'rate satisfaction'),
      from: ['fedBack'],
      // Dissatisfaction reopens the handling.
      to: (p: RatePayload) => (p.satisfaction === 'dissatisfied' ? 'handling' : 'rated'),
      roles: ['firm'],
      payload: RatePayloadSchema,
      guard: (s: IssueSnapshot, e: LoopEvent): Verdict => ownFirm(s, e),
      apply: (d: ReceptionIssue, p: RatePayload, e: LoopEvent): ReceptionIssue => {
        const rating: ReceptionIssue['ratings'][number] = { satisfaction: p.satisfaction, at: e.at };
        if (p.comment !== undefined) rating.comment = p.comment;
        const dissatisfied = p.satisfaction === 'dissatisfied';
        return { ...d, ratings: [...d.ratings, rating], reopened: d.reopened + (dissatisfied ? 1 : 0), result: dissatisfied ? null : d.result };
      },
    },
    writeOff: { label: L('销号', 'write off'), from: ['rated'], to: 'closed', roles: ['host'] },
    reopen: {
      label: L('重新督办', 'reopen'),
      from: ['closed'],
      to: 'handling',
      roles: ['host'],
      reopen: true,
      payload: ReopenPayloadSchema,
      guard: (_s: IssueSnapshot, e: LoopEvent, _c: unknown, p: ReopenPayload): Verdict => (p.dueDate === undefined ? true : dueDateFits(e, { dueDate: p.dueDate })),
      apply: (d: ReceptionIssue, p: ReopenPayload): ReceptionIssue => ({ ...d, reopened: d.reopened + 1, result: null, dueDate: p.dueDate ?? d.dueDate }),
    },
    // Escalation by rule (超期升级): an overdue issue goes up centre → sub-district → county.
    ...escalationEvents({ from: ['assigned', 'handling'] as const, roles: ['system', 'host'] as const, chain: ESCALATION_CHAINS.governance }),
    // The named handler (承办人) inside the assigned department.
    ...handlerEvents({ from: ['assigned', 'handling', 'fedBack', 'rated'] as const, bodyRoles: ['department'] as const, supervisorRoles: ['host'] as const, bodiesOf: (d: ReceptionIssue) => (d.department === null ? [] : [d.department]) }),
  },
});
export type ReceptionLoop = typeof receptionLoop;
export type ReceptionState = StateOf<ReceptionLoop>;
export type ReceptionEvent = EventOf<ReceptionLoop>;
export type ReceptionRole = RoleOf<ReceptionLoop>;
export type ReceptionItem = SnapshotOf<ReceptionLoop>;
