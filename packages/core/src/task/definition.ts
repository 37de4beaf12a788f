import { InvalidArgumentError } from '../errors/errors.js';
import { defineLoop, type EventOf, type RoleOf, type SnapshotOf } from '../loop/definition.js';
import { type Verdict, firstRefusal, guardRefusal } from '../loop/refusal.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { chinaDay, parseInstant } from '../calendar/instant.js';
import { rosterArg } from './catalog.js';
import { dueDayOfInstant } from './due.js';
import { checkFeedback } from './feedback.js';
import { checkEvidencePhotos, type Attachment } from '../schema/attachment.js';
import { presenceRefusal } from './presence.js';
import { escalationEvents, ESCALATION_CHAINS, SYSTEM_ROLE } from '../loop/escalation.js';
import {
  type FeedbackPayload,
  FeedbackPayloadSchema,
  type ReassignPayload,
  ReassignPayloadSchema,
  type Roster,
  type TaskOrderData,
  TaskOrderDataSchema,
  type TaskReasonPayload,
  TaskReasonPayloadSchema,
  type UrgePayload,
  UrgePayloadSchema,
} from './schema.js';

export const TASK_LOOP_ID = 'task-order';

/** States where the order is still the officer's to do. */
export const OPEN_TASK_STATES = ['dispatched', 'returned'] as const;

type OrderSnapshot = Snapshot<string, TaskOrderData>;
const stamp = (e: LoopEvent) => ({ at: e.at, by: e.actor.id });

export interface TaskLoopOptions {
  readonly calendar?: WorkCalendar;
}

/**
 * What the task loop's guards read besides the order: the roster, so that `reassign` hands an
 * order only to an officer on it (rule `on_roster`). `reassignOnLeave` always passes it; a host
 * calling `transition` itself passes `{ roster }` too (replay needs it not: it was checked then).
 */
export interface TaskLoopContext {
  readonly roster?: Roster;
  /**
   * The order's attachments (`listAttachments` of `{ kind: 'taskOrder', id }`): when given, each
   * evidence field's references name attachments of this order (`evidence_not_attached`), at least
   * one of them a photo (`photos_required`).
   */
  readonly attachments?: readonly Attachment[];
}

const ORDER_FIELDS = ['community', 'station', 'county'] as const;

/** Rule `assignee_only`: an officer acts only on the order assigned to them. */
function assigneeOnly(s: OrderSnapshot, e: LoopEvent, what: { zh: string; en: string }): Verdict {
  return e.actor.id === s.data.officer ? true : guardRefusal('assignee_only', `任务派给了 ${s.data.officer}，只能由其${what.zh}`, `the order is assigned to ${s.data.officer}; only they may ${what.en}`);
}

/**
 * Rule `not_own_order`: nobody decides on an order of their own — the officer it is assigned to
 * (or who fed it back) never verifies, returns, cancels or, as a supervisor, exempts it.
 */
function notOwnOrder(s: OrderSnapshot, e: LoopEvent): Verdict {
  if (e.actor.id !== s.data.officer && e.actor.id !== s.data.feedback?.by) return true;
  return guardRefusal('not_own_order', `${e.actor.id} 是该任务的承办民警，不能对自己的任务作出核验、退回、撤销或不适用的决定`, `${e.actor.id} is the officer of this order and cannot verify, return, cancel or exempt their own order`);
}

/**
 * The task-order loop (下单—反馈—督导): dispatched → fed back → verified, or returned with a reason
 * and fed back again; exempt (not applicable, with a reason) and cancelled end it too. Urging
 * (督导) and reassignment are recorded on the order without changing its state. Orders are due at
 * `data.due` (from the template's due rule), not by a stage limit.
 *
 * Who and to whom (refusal code `guard_failed`, with its `rule`):
 * - `assignee_only`: an officer feeds back, or marks not applicable, only the order assigned to them;
 * - `may_be_not_applicable`: an officer marks it not applicable only where the template allows it;
 * - `not_own_order`: the order's officer (or whoever fed it back) never verifies, returns, cancels
 *   or — as a supervisor — exempts it: supervisors (city and county offices) decide on others' orders;
 * - `other_officer`, `community_kept`: a reassignment names another officer and never changes the
 *   order's community, station or county;
 * - `on_roster`: a reassignment goes only to an officer on the roster from its day to the order's
 *   due day (with `{ roster }` in the context; `reassignOnLeave` passes it). Dispatch keeps the
 *   same rule (`dispatchMonth` skips, `dispatchOnEvent` throws `TaskOrderRefusal`).
 * - escalation by rule (`escalate`, by the `system` role or a supervisor; chain station → county bureau → city bureau): `not_overdue`, `already_escalated`, `escalation_deadline`, `escalation_top`, `escalation_from_level`, `escalation_next_level` (`ESCALATION_RULES`, `@bihuan/core/loop`).
 */
export function createTaskOrderLoop(options: TaskLoopOptions = {}) {
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('createTaskOrderLoop', 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  return defineLoop({
    id: TASK_LOOP_ID,
    version: 1,
    label: { 'zh-CN': '社区警务任务 派发—反馈—督导', en: 'Community-policing task: dispatch → feedback → supervision' },
    calendar: options.calendar,
    deadline: (s) => (s.state === 'dispatched' || s.state === 'returned' ? s.data.due : undefined), // the engine's overdue/dueSoon read data.due
    data: TaskOrderDataSchema,
    initial: 'dispatched',
    creators: ['dispatcher', 'supervisor'],
    roles: {
      officer: { label: { 'zh-CN': '社区民警', en: 'community officer' } },
      supervisor: { label: { 'zh-CN': '督导人员', en: 'supervisor' } },
      dispatcher: { label: { 'zh-CN': '派单系统', en: 'dispatcher' } },
      ...SYSTEM_ROLE,
    },
    states: {
      dispatched: { label: { 'zh-CN': '已派发', en: 'dispatched' } },
      fedBack: { label: { 'zh-CN': '已反馈', en: 'fed back' } },
      returned: { label: { 'zh-CN': '已退回', en: 'returned' } },
      verified: { label: { 'zh-CN': '已核验', en: 'verified' }, final: true },
      exempt: { label: { 'zh-CN': '不适用', en: 'exempt' }, final: true },
      cancelled: { label: { 'zh-CN': '已撤销', en: 'cancelled' }, final: true },
    },
    events: {
      feedback: {
        label: { 'zh-CN': '反馈', en: 'feed back' },
        from: ['dispatched', 'returned'],
        to: 'fedBack',
        roles: ['officer'],
        payload: FeedbackPayloadSchema,
        guard(s: OrderSnapshot, e: LoopEvent, c: TaskLoopContext | undefined, p: FeedbackPayload): Verdict {
          const own = assigneeOnly(s, e, { zh: '反馈', en: 'feed back' });
          if (own !== true) return own;
          const check = checkFeedback(s.data.template.done, p.values);
          if (!check.ok) return { rule: check.reason.rule, field: check.reason.field, message: check.reason.message };
          if (!c?.attachments) return true;
          for (const f of s.data.template.done) {
            const refs = check.values[f.id];
            if (f.kind !== 'evidence' || !Array.isArray(refs)) continue;
            const photos = checkEvidencePhotos(s.id, `values.${f.id}`, refs, c.attachments);
            if (photos !== true) return { rule: photos.rule, field: photos.field, message: photos.message };
          }
          return true;
        },
        apply: (data: TaskOrderData, p: FeedbackPayload, e: LoopEvent): TaskOrderData => {
          const check = checkFeedback(data.template.done, p.values);
          return { ...data, feedback: { values: check.ok ? { ...check.values } : {}, ...stamp(e) } };
        },
      },
      verify: {
        label: { 'zh-CN': '核验通过', en: 'verify' },
        from: ['fedBack'],
        to: 'verified',
        roles: ['supervisor'],
        guard: (s: OrderSnapshot, e: LoopEvent): Verdict => notOwnOrder(s, e),
      },
      return: {
        label: { 'zh-CN': '退回重办', en: 'return' },
        from: ['fedBack'],
        to: 'returned',
        roles: ['supervisor'],
        payload: TaskReasonPayloadSchema,
        guard: (s: OrderSnapshot, e: LoopEvent): Verdict => notOwnOrder(s, e),
        apply: (data: TaskOrderData): TaskOrderData => ({ ...data, returns: data.returns + 1 }),
      },
      exempt: {
        label: { 'zh-CN': '标记不适用', en: 'mark not applicable' },
        from: ['dispatched', 'returned'],
        to: 'exempt',
        roles: ['officer', 'supervisor'],
        payload: TaskReasonPayloadSchema,
        // The officer it is assigned to (where the template allows it), or a supervisor who is not
        // that officer: marking another officer's order not applicable takes it out of their rate.
        guard(s: OrderSnapshot, e: LoopEvent): Verdict {
          if (e.actor.role !== 'officer') return notOwnOrder(s, e);
          return firstRefusal(
            () => assigneeOnly(s, e, { zh: '标记不适用', en: 'mark it not applicable' }),
            () => s.data.template.mayBeNotApplicable || guardRefusal('may_be_not_applicable', '该任务不能由民警标记为不适用', 'this task may not be marked not applicable by an officer'),
          );
        },
        apply: (data: TaskOrderData, p: TaskReasonPayload, e: LoopEvent): TaskOrderData => ({ ...data, exemption: { reason: p.reason, ...stamp(e) } }),
      },
      cancel: {
        label: { 'zh-CN': '撤销', en: 'cancel' },
        from: ['dispatched', 'returned', 'fedBack'],
        to: 'cancelled',
        roles: ['supervisor', 'dispatcher'],
        payload: TaskReasonPayloadSchema,
        guard: (s: OrderSnapshot, e: LoopEvent): Verdict => notOwnOrder(s, e),
        apply: (data: TaskOrderData, p: TaskReasonPayload, e: LoopEvent): TaskOrderData => ({ ...data, cancellation: { reason: p.reason, ...stamp(e) } }),
      },
      urge: {
        label: { 'zh-CN': '督导', en: 'urge' },
        from: ['dispatched', 'returned'],
        to: (_p, s) => s.state,
        roles: ['supervisor'],
        payload: UrgePayloadSchema,
        apply: (data: TaskOrderData, p: UrgePayload, e: LoopEvent): TaskOrderData => ({ ...data, urgings: [...data.urgings, { instruction: p.instruction, ...stamp(e) }] }),
      },
      reassign: {
        label: { 'zh-CN': '改派', en: 'reassign' },
        from: ['dispatched', 'returned'],
        to: (_p, s) => s.state,
        roles: ['supervisor', 'dispatcher'],
        payload: ReassignPayloadSchema,
        // The order changes hands, never place: its community (and that community's station and
        // county) stay; the new officer must be on the roster now and on the order's due day.
        guard(s: OrderSnapshot, e: LoopEvent, c: TaskLoopContext | undefined, p: ReassignPayload): Verdict {
          if (p.officer === s.data.officer) return guardRefusal('other_officer', '改派对象与原承办人相同', 'the order is already assigned to that officer', 'officer');
          for (const key of ORDER_FIELDS) {
            const value = p[key];
            if (value !== undefined && value !== s.data[key]) {
              return guardRefusal('community_kept', `改派只换承办人，不改任务所属的${key === 'community' ? '社区' : key === 'station' ? '派出所' : '区县'}（${s.data[key]}）`, `a reassignment changes the officer, never the order's ${key} (${s.data[key]})`, key);
            }
          }
          if (c?.roster !== undefined) {
            const roster = rosterArg('transition', 'context.roster', c.roster);
            const gap = presenceRefusal(roster, p.officer, chinaDay(parseInstant(e.at)), dueDayOfInstant(parseInstant(s.data.due)));
            if (gap) return gap;
          }
          return true;
        },
        apply: (data: TaskOrderData, p: ReassignPayload, e: LoopEvent): TaskOrderData => ({
          ...data,
          officer: p.officer,
          reassignments: [...data.reassignments, { from: data.officer, to: p.officer, reason: p.reason, ...stamp(e) }],
        }),
      },
      // Escalation by rule (超期升级): an overdue order goes up station → county bureau → city bureau.
      ...escalationEvents({ from: OPEN_TASK_STATES, roles: ['system', 'supervisor'] as const, chain: ESCALATION_CHAINS.police }),
    },
  });
}

/** The task-order loop with mainland China's calendar. */
export const taskOrderLoop = /* @__PURE__ */ createTaskOrderLoop();
export type TaskOrderLoop = typeof taskOrderLoop;
/** The order's states (spelled out: the definition's `to` functions widen the inferred type). */
export type TaskOrderState = 'dispatched' | 'fedBack' | 'returned' | 'verified' | 'exempt' | 'cancelled';
export type TaskOrderEvent = EventOf<TaskOrderLoop>;
export type TaskOrderRole = RoleOf<TaskOrderLoop>;
/** A task order: a snapshot of the task-order loop. */
export type TaskOrder = SnapshotOf<TaskOrderLoop>;
