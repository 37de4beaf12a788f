import { defineLoop, type EventOf, type RoleOf, type SnapshotOf, type StateOf } from '../loop/definition.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import { chinaDay, parseDate, parseInstant } from '../calendar/instant.js';
import { rejection } from '../schema/result.js';
import { escalationEvents, ESCALATION_CHAINS, SYSTEM_ROLE } from '../loop/escalation.js';
import { type EventOutcome, EventOutcomeSchema, type EventPermit, EventPermitSchema, ReasonSchema, type ReasonInput, type SecurityPlan, SecurityPlanSchema } from './schema.js';

export const EVENT_PERMIT_LOOP_ID = 'event-permit';

type PermitSnapshot = Snapshot<string, EventPermit>;

/** The China-time day number of an event's `at`. */
const dayOf = (e: LoopEvent) => chinaDay(parseInstant(e.at));

/** A guard refusing an event on or after the event date: decisions come before the event. */
function beforeEvent(rule: string, zh: string, en: string) {
  return (s: PermitSnapshot, e: LoopEvent) =>
    dayOf(e) < parseDate(s.data.eventDate) ? true : rejection(rule, `活动定于 ${s.data.eventDate} 举办，${zh}须在活动日之前`, `the event is on ${s.data.eventDate}: ${en} must come before that day`, 'at');
}

/**
 * A large event's permit: 已报备 filed → 审查中 under review → 方案已批准 plan approved → 已举办
 * held → 已销号 closed; or refused, or withdrawn by the organizer, or 已失效 expired (the event
 * date came while the filing was still undecided).
 *
 * Rules (each refusal is `guard_failed` with this `rule`):
 * - `accept_before_event`: a filing is accepted for review before the event date, never on or after it.
 * - `plan_required`: approval needs the event's one security plan (一活动一方案).
 * - `approve_before_event`: the plan is approved before the event date; an approval on the day or
 *   after the fact is refused (and one found in stored history never counts as held safely:
 *   `summarizeEventPermits`).
 * - `event_not_yet`: the outcome is recorded from the event date on.
 * - `expire_after_event`: an undecided filing (filed, under review) expires from the event date
 *   on, not before; `lapsedFilings` lists those due to expire. An expired filing is an end of the
 *   loop and is never counted as held.
 * - escalation by rule (`escalate`, by the `system` role or no one else; chain station → county → city): `not_overdue`, `already_escalated`, `escalation_deadline`, `escalation_top`, `escalation_from_level`, `escalation_next_level` (`ESCALATION_RULES`, `@bihuan/core/loop`): a review past its 7
 *   working days goes up.
 * Review (审查中) takes at most 7 working days (the 2007 regulations, art. 12: "7日内"), counted
 * on the China working-day calendar, so that a review begun before National Day is not eaten by it.
 */
export const eventPermitLoop = /* @__PURE__ */ defineLoop({
  id: EVENT_PERMIT_LOOP_ID,
  version: 1,
  label: { 'zh-CN': '大型活动安全许可 一活动一报备一方案', en: 'Large-event permit: one event, one filing, one plan' },
  data: EventPermitSchema,
  initial: 'filed',
  creators: ['organizer', 'reviewer'],
  roles: {
    organizer: { label: { 'zh-CN': '主办方', en: 'organizer' } },
    reviewer: { label: { 'zh-CN': '公安审批民警', en: 'police reviewer' } },
    ...SYSTEM_ROLE,
  },
  states: {
    filed: { label: { 'zh-CN': '已报备', en: 'filed' } },
    underReview: { label: { 'zh-CN': '审查中', en: 'under review' }, limit: { workingDays: 7 } },
    planApproved: { label: { 'zh-CN': '方案已批准', en: 'plan approved' } },
    held: { label: { 'zh-CN': '已举办', en: 'event held' } },
    closed: { label: { 'zh-CN': '已销号', en: 'closed' }, final: true },
    refused: { label: { 'zh-CN': '不予许可', en: 'refused' }, final: true },
    withdrawn: { label: { 'zh-CN': '已撤回', en: 'withdrawn' }, final: true },
    expired: { label: { 'zh-CN': '已失效（活动日前未审结）', en: 'expired (undecided by the event date)' }, final: true },
  },
  events: {
    accept: {
      label: { 'zh-CN': '受理审查', en: 'accept for review' },
      from: ['filed'],
      to: 'underReview',
      roles: ['reviewer'],
      guard: beforeEvent('accept_before_event', '受理审查', 'acceptance for review'),
    },
    submitPlan: {
      label: { 'zh-CN': '提交安保方案', en: 'submit security plan' },
      from: ['filed', 'underReview'],
      to: (_p, s) => s.state,
      roles: ['organizer', 'reviewer'],
      payload: SecurityPlanSchema,
      // One event, one plan: a revised plan replaces the plan, and is counted.
      apply: (data: EventPermit, p: SecurityPlan): EventPermit => ({ ...data, plan: p, planRevisions: data.planRevisions + (data.plan ? 1 : 0) }),
    },
    approve: {
      label: { 'zh-CN': '批准安保方案', en: 'approve the plan' },
      from: ['underReview'],
      to: 'planApproved',
      roles: ['reviewer'],
      guard: (s: PermitSnapshot, e: LoopEvent) =>
        s.data.plan ? beforeEvent('approve_before_event', '批准安保方案', 'approval of the plan')(s, e) : rejection('plan_required', '批准前必须有安保方案（一活动一方案）', 'approval needs the event’s security plan (one event, one plan)', 'plan'),
    },
    refuse: {
      label: { 'zh-CN': '不予许可', en: 'refuse' },
      from: ['filed', 'underReview'],
      to: 'refused',
      roles: ['reviewer'],
      payload: ReasonSchema,
      apply: (data: EventPermit, p: ReasonInput): EventPermit => ({ ...data, refusal: p }),
    },
    withdraw: {
      label: { 'zh-CN': '撤回申报', en: 'withdraw' },
      from: ['filed', 'underReview', 'planApproved'],
      to: 'withdrawn',
      roles: ['organizer', 'reviewer'],
      payload: ReasonSchema,
      apply: (data: EventPermit, p: ReasonInput): EventPermit => ({ ...data, withdrawal: p }),
    },
    recordHeld: {
      label: { 'zh-CN': '登记举办情况', en: 'record the event held' },
      from: ['planApproved'],
      to: 'held',
      roles: ['reviewer'],
      payload: EventOutcomeSchema,
      guard: (s: PermitSnapshot, e: LoopEvent) =>
        dayOf(e) >= parseDate(s.data.eventDate)
          ? true
          : rejection('event_not_yet', `活动定于 ${s.data.eventDate} 举办，此前不能登记举办情况`, `the event is on ${s.data.eventDate}; it cannot be recorded as held before then`, 'at'),
      apply: (data: EventPermit, p: EventOutcome): EventPermit => ({ ...data, outcome: p }),
    },
    close: {
      label: { 'zh-CN': '销号', en: 'close' },
      from: ['held'],
      to: 'closed',
      roles: ['reviewer'],
    },
    expire: {
      label: { 'zh-CN': '逾期失效', en: 'expire' },
      from: ['filed', 'underReview'],
      to: 'expired',
      roles: ['reviewer'],
      guard: (s: PermitSnapshot, e: LoopEvent) =>
        dayOf(e) >= parseDate(s.data.eventDate)
          ? true
          : rejection('expire_after_event', `活动定于 ${s.data.eventDate} 举办，此前报备仍可审结，不能作失效处理`, `the event is on ${s.data.eventDate}: until then the filing can still be decided and does not expire`, 'at'),
    },
    // Escalation by rule (超期升级): a review past its 7 working days goes up station → county → city.
    ...escalationEvents({ from: ['underReview'] as const, roles: ['system'] as const, chain: ESCALATION_CHAINS.police }),
  },
});

export type EventPermitLoop = typeof eventPermitLoop;
export type EventPermitState = StateOf<EventPermitLoop>;
export type EventPermitEvent = EventOf<EventPermitLoop>;
export type EventPermitRole = RoleOf<EventPermitLoop>;
export type EventPermitItem = SnapshotOf<EventPermitLoop>;
