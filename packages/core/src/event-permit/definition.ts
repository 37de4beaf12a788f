import { defineLoop, type EventOf, type RoleOf, type SnapshotOf, type StateOf } from '../loop/definition.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import { chinaDay, parseDate, parseInstant } from '../calendar/instant.js';
import { rejection } from '../schema/result.js';
import { type EventOutcome, EventOutcomeSchema, type EventPermit, EventPermitSchema, ReasonSchema, type ReasonInput, type SecurityPlan, SecurityPlanSchema } from './schema.js';

export const EVENT_PERMIT_LOOP_ID = 'event-permit';

type PermitSnapshot = Snapshot<string, EventPermit>;

/**
 * A large event's permit: 已报备 filed → 审查中 under review → 方案已批准 plan approved → 已举办
 * held → 已销号 closed; or refused, or withdrawn by the organizer. Approval needs the event's one
 * security plan; the event's outcome can be recorded from its date on. Review takes at most 7
 * days (the 2007 regulations, art. 12).
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
  },
  states: {
    filed: { label: { 'zh-CN': '已报备', en: 'filed' } },
    underReview: { label: { 'zh-CN': '审查中', en: 'under review' }, limit: { days: 7 } },
    planApproved: { label: { 'zh-CN': '方案已批准', en: 'plan approved' } },
    held: { label: { 'zh-CN': '已举办', en: 'event held' } },
    closed: { label: { 'zh-CN': '已销号', en: 'closed' }, final: true },
    refused: { label: { 'zh-CN': '不予许可', en: 'refused' }, final: true },
    withdrawn: { label: { 'zh-CN': '已撤回', en: 'withdrawn' }, final: true },
  },
  events: {
    accept: {
      label: { 'zh-CN': '受理审查', en: 'accept for review' },
      from: ['filed'],
      to: 'underReview',
      roles: ['reviewer'],
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
      guard: (s: PermitSnapshot) => (s.data.plan ? true : rejection('plan_required', '批准前必须有安保方案（一活动一方案）', 'approval needs the event’s security plan (one event, one plan)', 'plan')),
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
        chinaDay(parseInstant(e.at)) >= parseDate(s.data.eventDate)
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
  },
});

export type EventPermitLoop = typeof eventPermitLoop;
export type EventPermitState = StateOf<EventPermitLoop>;
export type EventPermitEvent = EventOf<EventPermitLoop>;
export type EventPermitRole = RoleOf<EventPermitLoop>;
export type EventPermitItem = SnapshotOf<EventPermitLoop>;
