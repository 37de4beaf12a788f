import { InvalidArgumentError } from '../errors/errors.js';
import { defineLoop, type EventOf, type RoleOf, type SnapshotOf } from '../loop/definition.js';
import type { GuardRefusal } from '../loop/refusal.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { checkFeedback } from './feedback.js';
import {
  type FeedbackPayload,
  FeedbackPayloadSchema,
  type ReassignPayload,
  ReassignPayloadSchema,
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
type Verdict = true | GuardRefusal;
const refusal = (rule: string, zh: string, en: string, field?: string): GuardRefusal => (field ? { rule, field, message: { 'zh-CN': zh, en } } : { rule, message: { 'zh-CN': zh, en } });
const stamp = (e: LoopEvent) => ({ at: e.at, by: e.actor.id });

export interface TaskLoopOptions {
  readonly calendar?: WorkCalendar;
}

/**
 * The task-order loop (下单—反馈—督导): dispatched → fed back → verified, or returned with a reason
 * and fed back again; exempt (not applicable, with a reason) and cancelled end it too. Urging
 * (督导) and reassignment are recorded on the order without changing its state. Orders are due at
 * `data.due` (from the template's due rule), not by a stage limit.
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
        guard(s: OrderSnapshot, e: LoopEvent, _c: unknown, p: FeedbackPayload): Verdict {
          if (e.actor.id !== s.data.officer) return refusal('assignee_only', `任务派给了 ${s.data.officer}，只能由其反馈`, `the order is assigned to ${s.data.officer}; only they may feed back`);
          const check = checkFeedback(s.data.template.done, p.values);
          return check.ok ? true : { rule: check.reason.rule, field: check.reason.field, message: check.reason.message };
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
      },
      return: {
        label: { 'zh-CN': '退回重办', en: 'return' },
        from: ['fedBack'],
        to: 'returned',
        roles: ['supervisor'],
        payload: TaskReasonPayloadSchema,
        apply: (data: TaskOrderData): TaskOrderData => ({ ...data, returns: data.returns + 1 }),
      },
      exempt: {
        label: { 'zh-CN': '标记不适用', en: 'mark not applicable' },
        from: ['dispatched', 'returned'],
        to: 'exempt',
        roles: ['officer', 'supervisor'],
        payload: TaskReasonPayloadSchema,
        guard(s: OrderSnapshot, e: LoopEvent): Verdict {
          if (e.actor.role === 'officer' && !s.data.template.mayBeNotApplicable) return refusal('may_be_not_applicable', '该任务不能由民警标记为不适用', 'this task may not be marked not applicable by an officer');
          return true;
        },
        apply: (data: TaskOrderData, p: TaskReasonPayload, e: LoopEvent): TaskOrderData => ({ ...data, exemption: { reason: p.reason, ...stamp(e) } }),
      },
      cancel: {
        label: { 'zh-CN': '撤销', en: 'cancel' },
        from: ['dispatched', 'returned', 'fedBack'],
        to: 'cancelled',
        roles: ['supervisor', 'dispatcher'],
        payload: TaskReasonPayloadSchema,
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
        guard(s: OrderSnapshot, _e: LoopEvent, _c: unknown, p: ReassignPayload): Verdict {
          return p.officer === s.data.officer ? refusal('other_officer', '改派对象与原承办人相同', 'the order is already assigned to that officer', 'officer') : true;
        },
        apply: (data: TaskOrderData, p: ReassignPayload, e: LoopEvent): TaskOrderData => ({
          ...data,
          officer: p.officer,
          station: p.station,
          county: p.county,
          community: p.community,
          reassignments: [...data.reassignments, { from: data.officer, to: p.officer, reason: p.reason, ...stamp(e) }],
        }),
      },
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
