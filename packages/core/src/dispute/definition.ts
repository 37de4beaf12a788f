import { InvalidArgumentError } from '../errors/errors.js';
import { defineLoop, type LoopDefinition, type EventOf, type RoleOf, type SnapshotOf, type StateOf, type TimeLimit } from '../loop/definition.js';
import type { GuardRefusal } from '../loop/refusal.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import { defaultDepartmentRegistry, type DepartmentRegistry } from './departments.js';
import {
  type Dispute,
  DisputeSchema,
  type FollowUp,
  FollowUpSchema,
  MediatePayloadSchema,
  type MediatePayload,
  MergePayloadSchema,
  type MergePayload,
  ReasonPayloadSchema,
  type ReasonPayload,
  ReferralSchema,
  type Referral,
  RoutePayloadSchema,
  type RoutePayload,
  SettlementSchema,
  type Settlement,
  SupervisePayloadSchema,
  type SupervisePayload,
} from './schema.js';

export const DISPUTE_LOOP_ID = 'dispute';

/** What the host may pass to transitions of the dispute loop. */
export interface DisputeContext {
  /** Replaces the definition's working-day calendar for this call. */
  readonly calendar?: WorkCalendar;
  /** Replaces the definition's department registry for this call. */
  readonly registry?: DepartmentRegistry;
  /** Lets `merge` check that the original exists in the host's ledger. */
  readonly disputeExists?: (id: string) => boolean;
}

/** Stage limits (defaults are illustrative; the source states none). */
export interface DisputeLimits {
  readonly received: TimeLimit;
  readonly routed: TimeLimit;
  readonly mediating: TimeLimit;
  readonly followUp: TimeLimit;
  readonly pendingWriteOff: TimeLimit;
}

export const DEFAULT_DISPUTE_LIMITS: DisputeLimits = {
  received: { workingDays: 1 },
  routed: { workingDays: 2 },
  mediating: { days: 30 },
  followUp: { workingDays: 10 },
  pendingWriteOff: { workingDays: 3 },
};

export interface DisputeLoopOptions {
  readonly registry?: DepartmentRegistry;
  readonly limits?: Partial<DisputeLimits>;
  readonly calendar?: WorkCalendar;
}

type DisputeSnapshot = Snapshot<string, Dispute>;
type Verdict = true | GuardRefusal;

const refusal = (rule: string, zh: string, en: string, field?: string): GuardRefusal => (field ? { rule, field, message: { 'zh-CN': zh, en } } : { rule, message: { 'zh-CN': zh, en } });

/**
 * A shallow copy of a dispute record, written out: an object spread of a record this size costs
 * hundreds of nanoseconds on V8, a literal a few. TypeScript insists on every field.
 */
function copy(d: Dispute): Dispute {
  return {
    title: d.title,
    category: d.category,
    description: d.description,
    channel: d.channel,
    town: d.town,
    community: d.community,
    parties: d.parties,
    reportedBy: d.reportedBy,
    routing: d.routing,
    mediation: d.mediation,
    outcome: d.outcome,
    followUps: d.followUps,
    withdrawal: d.withdrawal,
    mergedInto: d.mergedInto,
    reopened: d.reopened,
    supervisions: d.supervisions,
  };
}

function withChanges(data: Dispute, changes: Partial<Dispute>): Dispute {
  return Object.assign(copy(data), changes);
}

function isParty(parties: Dispute['parties'], id: string): boolean {
  for (const party of parties) if (party.id === id) return true;
  return false;
}

/** A follow-up passes when the agreement is kept (or there was none) and the party is not dissatisfied. */
export function followUpPassed(followUp: FollowUp): boolean {
  if (followUp === null || typeof followUp !== 'object') throw new InvalidArgumentError('followUpPassed', 'followUp', { 'zh-CN': '必须是回访记录', en: 'must be a follow-up record' }, followUp);
  return followUp.agreementKept !== false && followUp.satisfaction !== 'dissatisfied';
}

/**
 * The dispute loop of the comprehensive-governance centre: 受理 accept → 分流 route → 调解 mediate →
 * 回访 follow up → 销号 write off, with referral, withdrawal, merging of duplicates, supervision
 * and reopening. Pass a registry, stage limits or a calendar to adapt it to a centre.
 */
export function createDisputeLoop(options: DisputeLoopOptions = {}) {
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('createDisputeLoop', 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  const registryFor = (context: DisputeContext | undefined) => context?.registry ?? options.registry ?? defaultDepartmentRegistry;
  const limits = { ...DEFAULT_DISPUTE_LIMITS, ...options.limits };
  const open = ['received', 'routed', 'mediating', 'followUp', 'pendingWriteOff'] as const;

  const loop = defineLoop({
    id: DISPUTE_LOOP_ID,
    version: 1,
    label: { 'zh-CN': '矛盾纠纷 受理—分流—调解—回访—销号', en: 'Dispute: accept → route → mediate → follow up → write off' },
    calendar: options.calendar,
    data: DisputeSchema,
    initial: 'received',
    creators: ['intakeClerk', 'supervisor'],
    roles: {
      intakeClerk: { label: { 'zh-CN': '受理员', en: 'intake clerk' } },
      mediator: { label: { 'zh-CN': '调解员', en: 'mediator' } },
      departmentLiaison: { label: { 'zh-CN': '部门联络员', en: 'department liaison' } },
      supervisor: { label: { 'zh-CN': '中心负责人', en: 'centre supervisor' } },
    },
    states: {
      received: { label: { 'zh-CN': '已受理', en: 'accepted' }, limit: limits.received },
      routed: { label: { 'zh-CN': '已分流', en: 'routed' }, limit: limits.routed },
      mediating: { label: { 'zh-CN': '调解中', en: 'in mediation' }, limit: limits.mediating },
      followUp: { label: { 'zh-CN': '待回访', en: 'awaiting follow-up' }, limit: limits.followUp },
      pendingWriteOff: { label: { 'zh-CN': '待销号', en: 'awaiting write-off' }, limit: limits.pendingWriteOff },
      closed: { label: { 'zh-CN': '已销号', en: 'written off' }, final: true },
      withdrawn: { label: { 'zh-CN': '已撤回', en: 'withdrawn' }, final: true },
      merged: { label: { 'zh-CN': '已合并', en: 'merged as duplicate' }, final: true },
    },
    events: {
      route: {
        label: { 'zh-CN': '分流', en: 'route' },
        from: ['received', 'routed'],
        to: 'routed',
        roles: ['intakeClerk', 'supervisor'],
        payload: RoutePayloadSchema,
        guard(_s: DisputeSnapshot, _e: LoopEvent, context: DisputeContext | undefined, p: RoutePayload): Verdict {
          const registry = registryFor(context);
          const departments = p.departments;
          // Plain loops: this guard runs on every routing, and the lists are a handful long.
          for (const id of departments) {
            if (!registry.has(id)) return refusal('department_known', `部门 ${id} 不在本中心的部门名录中`, `department ${id} is not in the centre's registry`, 'departments');
          }
          for (let i = 1; i < departments.length; i++) {
            for (let j = 0; j < i; j++) if (departments[j] === departments[i]) return refusal('departments_distinct', '同一部门不能重复分流', 'a department is listed twice', 'departments');
          }
          if (p.joint && departments.length < 2) return refusal('joint_needs_two', '联合调解至少需要两个单位', 'joint mediation needs at least two bodies', 'departments');
          if (p.lead !== null && !departments.includes(p.lead)) return refusal('lead_routed', '牵头单位必须在分流部门之中', 'the lead must be one of the routed departments', 'lead');
          return true;
        },
        apply(data: Dispute, p: RoutePayload): Dispute {
          const next = copy(data);
          next.routing = { departments: p.departments, joint: p.joint, lead: p.lead };
          return next;
        },
      },
      mediate: {
        label: { 'zh-CN': '开始调解', en: 'start mediation' },
        from: ['routed'],
        to: 'mediating',
        roles: ['mediator', 'departmentLiaison'],
        payload: MediatePayloadSchema,
        apply(data: Dispute, p: MediatePayload, e: LoopEvent): Dispute {
          const next = copy(data);
          next.mediation = { mode: p.mode, mediators: p.mediators.length ? p.mediators : [e.actor.id] };
          return next;
        },
      },
      settle: {
        label: { 'zh-CN': '达成和解协议', en: 'record settlement' },
        from: ['mediating'],
        to: 'followUp',
        roles: ['mediator', 'departmentLiaison'],
        payload: SettlementSchema,
        guard(s: DisputeSnapshot, _e: LoopEvent, _c: unknown, p: Settlement): Verdict {
          const parties = s.data.parties;
          const consented = p.consentedBy;
          for (const party of parties) {
            if (!consented.includes(party.id)) return refusal('all_parties_consent', `当事人 ${party.id} 尚未同意协议`, `party ${party.id} has not consented`, 'consentedBy');
          }
          for (const pid of consented) {
            if (!isParty(parties, pid)) return refusal('consent_by_party', `${pid} 不是本纠纷的当事人`, `${pid} is not a party to this dispute`, 'consentedBy');
          }
          return true;
        },
        apply(data: Dispute, p: Settlement): Dispute {
          const next = copy(data);
          next.outcome = { kind: 'settled', settlement: p };
          return next;
        },
      },
      refer: {
        label: { 'zh-CN': '调解不成，移送', en: 'refer (unresolved)' },
        from: ['mediating'],
        to: 'followUp',
        roles: ['mediator', 'departmentLiaison', 'supervisor'],
        payload: ReferralSchema,
        apply(data: Dispute, p: Referral): Dispute {
          const next = copy(data);
          next.outcome = { kind: 'referred', referral: p };
          return next;
        },
      },
      recordFollowUp: {
        label: { 'zh-CN': '回访', en: 'record follow-up' },
        from: ['followUp'],
        // A broken agreement or a dissatisfied party reopens mediation.
        to: (p: FollowUp) => (followUpPassed(p) ? 'pendingWriteOff' : 'mediating'),
        roles: ['intakeClerk', 'mediator'],
        payload: FollowUpSchema,
        guard(s: DisputeSnapshot, _e: LoopEvent, _c: unknown, p: FollowUp): Verdict {
          const settled = s.data.outcome?.kind === 'settled';
          if (settled && p.agreementKept === null) return refusal('agreement_checked', '已达成协议的纠纷，回访必须核实协议履行情况', 'a settled dispute’s follow-up must check whether the agreement is kept', 'agreementKept');
          if (!settled && p.agreementKept !== null) return refusal('no_agreement', '移送的纠纷没有和解协议可核实', 'a referred dispute has no agreement to check', 'agreementKept');
          return true;
        },
        apply: (data: Dispute, p: FollowUp, e: LoopEvent): Dispute => {
          const passed = followUpPassed(p);
          const record: Dispute['followUps'][number] = { method: p.method, agreementKept: p.agreementKept, satisfaction: p.satisfaction, at: e.at, by: e.actor.id, passed };
          if (p.findings !== undefined) record.findings = p.findings;
          const followUps = data.followUps.slice();
          followUps.push(record);
          const next = copy(data);
          next.followUps = followUps;
          if (!passed) {
            next.outcome = null;
            next.reopened = data.reopened + 1;
          }
          return next;
        },
      },
      writeOff: {
        label: { 'zh-CN': '销号', en: 'write off' },
        from: ['pendingWriteOff'],
        to: 'closed',
        roles: ['supervisor'],
        guard(s: DisputeSnapshot): Verdict {
          const last = s.data.followUps[s.data.followUps.length - 1];
          return last?.passed ? true : refusal('follow_up_passed', '销号前必须有合格的回访记录', 'writing off needs a passing follow-up record');
        },
      },
      withdraw: {
        label: { 'zh-CN': '申请人撤回', en: 'withdraw (by the applicant)' },
        from: ['received', 'routed', 'mediating'],
        to: 'withdrawn',
        roles: ['intakeClerk', 'mediator', 'supervisor'],
        payload: ReasonPayloadSchema,
        apply: (data: Dispute, p: ReasonPayload): Dispute => withChanges(data, { withdrawal: { reason: p.reason } }),
      },
      merge: {
        label: { 'zh-CN': '合并重复件', en: 'merge as duplicate' },
        from: ['received', 'routed'],
        to: 'merged',
        roles: ['intakeClerk', 'supervisor'],
        payload: MergePayloadSchema,
        guard(s: DisputeSnapshot, _e: LoopEvent, context: DisputeContext | undefined, p: MergePayload): Verdict {
          if (p.into === s.id) return refusal('merge_into_other', '不能合并到自身', 'cannot merge a dispute into itself', 'into');
          if (context?.disputeExists && !context.disputeExists(p.into)) return refusal('original_exists', `原件 ${p.into} 不存在`, `the original ${p.into} does not exist`, 'into');
          return true;
        },
        apply: (data: Dispute, p: MergePayload): Dispute => withChanges(data, { mergedInto: { id: p.into, reason: p.reason } }),
      },
      supervise: {
        label: { 'zh-CN': '督办', en: 'supervise' },
        from: [...open],
        to: (_p, s) => s.state,
        roles: ['supervisor'],
        payload: SupervisePayloadSchema,
        apply: (data: Dispute, _p: SupervisePayload): Dispute => withChanges(data, { supervisions: data.supervisions + 1 }),
      },
      reopen: {
        label: { 'zh-CN': '重新启动调解', en: 'reopen mediation' },
        from: ['closed'],
        to: 'mediating',
        roles: ['supervisor'],
        payload: ReasonPayloadSchema,
        reopen: true,
        apply: (data: Dispute): Dispute => withChanges(data, { outcome: null, reopened: data.reopened + 1 }),
      },
    },
  });
  // TypeScript does not infer the context type from the guards' parameters: state it.
  return loop as typeof loop extends LoopDefinition<infer S, infer E, infer R, infer D, unknown, infer P> ? LoopDefinition<S, E, R, D, DisputeContext, P> : never;
}

/** The dispute loop with the source's registry, default stage limits and China's calendar. */
export const disputeLoop = createDisputeLoop();
export type DisputeLoop = typeof disputeLoop;
export type DisputeState = StateOf<DisputeLoop>;
export type DisputeEvent = EventOf<DisputeLoop>;
export type DisputeRole = RoleOf<DisputeLoop>;
export type DisputeItem = SnapshotOf<DisputeLoop>;
