import { InvalidArgumentError } from '../errors/errors.js';
import { parseArgument } from '../schema/argument.js';
import { timeLimit } from '../schema/fields.js';
import { chinaCalendar } from '../calendar/work-calendar.js';
import { deadlineFunction } from '../loop/deadlines.js';
import { defineLoop, type LoopDefinition, type EventOf, type RoleOf, type SnapshotOf, type StateOf, type TimeLimit } from '../loop/definition.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import type { Localized } from '../i18n/locale.js';
import { maskName } from '../privacy/privacy.js';
import { defaultDepartmentRegistry, type DepartmentRegistry } from './departments.js';
import {
  type Dispute,
  DisputeSchema,
  DuplicateLinkPayloadSchema,
  type DuplicateLinkPayload,
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
  DeclinePayloadSchema,
  type DeclinePayload,
  TransferPayloadSchema,
  type TransferPayload,
} from './schema.js';
import { dateInCase, followUpInterval, liaisonOfRoutedBody, panelMember, writeOffByOther } from './rules.js';
import { type Verdict, firstRefusal, guardRefusal } from '../loop/refusal.js';
import { handlerEvents, HANDLER_RULES } from '../loop/handler.js';
import { ATTACHMENT_RULES, checkAgreementScan, type Attachment } from '../schema/attachment.js';
import { DISPUTE_LOOP_ID, DISPUTE_ROLE_LABELS, DISPUTE_STATE_LABELS } from './labels.js';
import { escalationEvents, ESCALATION_CHAINS, ESCALATION_RULES, SYSTEM_ROLE } from '../loop/escalation.js';

export { DISPUTE_LOOP_ID };

/** The roles that act for a routed body: bound by `handler_only` once a handler is named (in `panelMember`, `liaisonOfRoutedBody`). */
export const DISPUTE_BODY_ROLES = ['mediator', 'departmentLiaison'] as const;

/** What the host may pass to transitions of the dispute loop. */
export interface DisputeContext {
  /** Replaces the definition's working-day calendar for this call. */
  readonly calendar?: WorkCalendar;
  /** Replaces the definition's department registry for this call. */
  readonly registry?: DepartmentRegistry;
  /** Lets `merge` check that the original exists in the host's ledger. */
  readonly disputeExists?: (id: string) => boolean;
  /**
   * The host's ledger, by id: lets `merge` refuse a cycle, a chain and a closed original, and
   * `linkDuplicate` / `unmerge` check the other side. `applyDisputeEvent` always passes it.
   */
  readonly findDispute?: (id: string) => Snapshot<string, Dispute> | undefined;
  /**
   * The dispute's attachments (`listAttachments` of `{ kind: 'dispute', id }`): when given, a
   * settlement needs a signed agreement scan among them (`agreement_scan_required`), and the
   * settlement's `document` names it.
   */
  readonly attachments?: readonly Attachment[];
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

/**
 * How long after a settlement its follow-up may come (the follow-up checks the agreement is being
 * kept, so it waits to see): a week by default. Counted like a stage limit (`days` end at 24:00
 * China time of the last day): settled on Tuesday 09-30, followed up from 10-08 on.
 */
export const DEFAULT_FOLLOW_UP_AFTER: TimeLimit = { days: 7 };

export interface DisputeLoopOptions {
  readonly registry?: DepartmentRegistry;
  readonly limits?: Partial<DisputeLimits>;
  readonly calendar?: WorkCalendar;
  /** The least time between a settlement and its follow-up (`DEFAULT_FOLLOW_UP_AFTER`: 7 days). */
  readonly followUpAfter?: TimeLimit;
}

/**
 * Where the dispute loop's rules are listed: every `rule` a `guard_failed` refusal of this loop
 * can name, with what it asks, in zh-CN and English. Who may act: `liaison_unit_missing`,
 * `liaison_unit_routed`, `mediator_on_panel`, `write_off_by_other`; when: `date_after_acceptance`,
 * `date_not_after_event`, `follow_up_interval`; on what: the rest (routing, consent, follow-up,
 * and the merge rules). The named handler (承办人): once one is named, only they act for the body
 * among mediators and liaisons (`handler_only`; supervisors and intake clerks are not bound); a
 * handler works in a routed body (`handler_in_body`), is named by that body or a supervisor
 * (`handler_assigned_by_body`), is assigned once (`handler_assigned`) and then reassigned with a
 * reason (`handler_missing`, `handler_same`). Escalation by rule (`escalate`, by the `system` role or a
 * supervisor; centre → sub-district → county): `not_overdue`, `already_escalated`,
 * `escalation_deadline`, `escalation_top`, `escalation_from_level`, `escalation_next_level`.
 */
export const DISPUTE_RULES = {
  liaison_unit_missing: { 'zh-CN': '部门联络员须注明所代表的部门（actor.unit）', en: 'a department liaison names the body they act for (actor.unit)' },
  liaison_unit_routed: { 'zh-CN': '部门联络员只为本纠纷已分流到的部门开始调解', en: 'a liaison starts mediation only for a body the dispute is routed to' },
  mediator_on_panel: { 'zh-CN': '协议、移送、回访及调解中撤回，只能由调解员名单中的人办理', en: 'settling, referring, following up and withdrawing in mediation are for the listed mediators' },
  write_off_by_other: { 'zh-CN': '回访人不能为同一纠纷销号', en: 'whoever followed up does not also write off' },
  date_after_acceptance: { 'zh-CN': '协议、移送日期不早于受理日', en: 'settlement and referral dates are not before acceptance' },
  date_not_after_event: { 'zh-CN': '协议、移送日期不晚于记录当天', en: 'settlement and referral dates are not after the day they are recorded' },
  follow_up_interval: { 'zh-CN': '回访在协议达成一段时间之后（followUpAfter）', en: 'a follow-up comes a while after the settlement (followUpAfter)' },
  department_known: { 'zh-CN': '分流部门在名录中', en: 'routed bodies are in the registry' },
  departments_distinct: { 'zh-CN': '分流部门不重复', en: 'routed bodies are distinct' },
  joint_needs_two: { 'zh-CN': '联合调解至少两个单位', en: 'joint mediation needs two bodies' },
  lead_routed: { 'zh-CN': '牵头单位在分流部门之中', en: 'the lead is a routed body' },
  all_parties_consent: { 'zh-CN': '每个当事人都同意协议', en: 'every party consents' },
  consent_by_party: { 'zh-CN': '只有当事人能同意协议', en: 'only parties consent' },
  agreement_scan_required: ATTACHMENT_RULES.agreement_scan_required,
  agreement_checked: { 'zh-CN': '回访核实协议履行', en: 'a settled dispute’s follow-up checks the agreement' },
  no_agreement: { 'zh-CN': '移送的纠纷无协议可核实', en: 'a referred dispute has no agreement to check' },
  follow_up_passed: { 'zh-CN': '销号前有合格回访', en: 'write-off needs a passing follow-up' },
  merge_into_other: { 'zh-CN': '不能合并到自身', en: 'no merging into itself' },
  original_exists: { 'zh-CN': '原件存在', en: 'the original exists' },
  merge_cycle: { 'zh-CN': '不能互相合并（A→B 后 B→A）', en: 'no merge cycles (A→B then B→A)' },
  merge_chain: { 'zh-CN': '不能合并到已被合并的件', en: 'no merging into a case that is itself merged' },
  original_open: { 'zh-CN': '原件未销号、未撤回', en: 'the original is not written off or withdrawn' },
  duplicates_attached: { 'zh-CN': '已有重复件并入的纠纷不能再被合并', en: 'a case holding duplicates is not merged away' },
  duplicate_listed: { 'zh-CN': '同一重复件只关联一次', en: 'a duplicate is linked once' },
  duplicate_not_listed: { 'zh-CN': '只能解除已关联的重复件', en: 'only a linked duplicate can be released' },
  duplicate_merged_here: { 'zh-CN': '关联的重复件须已并入本件', en: 'a linked duplicate is merged into this case' },
  // Decline and referral at intake (`decline`, `transfer`).
  decline_detail: { 'zh-CN': '不予受理理由为“其他”时须写明具体理由', en: 'declining for "other" states the reason in words (detail)' },
  decline_litigation_advice: { 'zh-CN': '因已诉讼或仲裁不予受理时，须告知申请人受理机关（advice）', en: 'declining for litigation or arbitration tells the applicant which body has it (advice)' },
  transfer_outside_centre: { 'zh-CN': '直接移交的对象是中心以外的单位（中心内部门请分流）', en: 'a direct referral goes to a body outside the centre (route to the centre’s own departments)' },
  // The named handler (承办人): `handler_only` binds mediators and liaisons once a handler is named.
  ...HANDLER_RULES,
  // Escalation (超期升级, centre → sub-district → county): by the `system` role or a supervisor.
  ...ESCALATION_RULES,
} as const satisfies Record<string, { readonly 'zh-CN': string; readonly en: string }>;
export type DisputeRule = keyof typeof DISPUTE_RULES;

/** Events that write the original's side of a merge: sent only with the duplicate's `merge` / `unmerge`, by `applyDisputeEvent`. */
export const DISPUTE_LINK_EVENTS = ['linkDuplicate', 'unlinkDuplicate'] as const;

type DisputeSnapshot = Snapshot<string, Dispute>;
const FINAL_STATES: readonly string[] = ['closed', 'withdrawn', 'merged', 'declined', 'transferred'];

/** The merge rules that the records themselves can tell, and those that need the ledger. */
function mergeVerdict(s: DisputeSnapshot, context: DisputeContext | undefined, into: string): Verdict {
  if (into === s.id) return guardRefusal('merge_into_other', '不能合并到自身', 'cannot merge a dispute into itself', 'into');
  const duplicates = s.data.duplicates ?? [];
  if (duplicates.some((d) => d.id === into)) return guardRefusal('merge_cycle', `${into} 已作为重复件并入本件，不能再反向合并`, `${into} is merged into this dispute as a duplicate: merging back would make a cycle`, 'into');
  if (duplicates.length > 0) return guardRefusal('duplicates_attached', `本件已有重复件（${duplicates.map((d) => d.id).join('、')}）并入，不能再被合并`, `duplicates (${duplicates.map((d) => d.id).join(', ')}) are merged into this dispute: it cannot be merged away`, 'into');
  if (context?.disputeExists && !context.disputeExists(into)) return guardRefusal('original_exists', `原件 ${into} 不存在`, `the original ${into} does not exist`, 'into');
  if (context?.findDispute) {
    const original = context.findDispute(into);
    if (original === undefined) return guardRefusal('original_exists', `原件 ${into} 不存在`, `the original ${into} does not exist`, 'into');
    if (original.data.mergedInto?.id === s.id) return guardRefusal('merge_cycle', `${into} 已并入本件，不能再反向合并`, `${into} is merged into this dispute: merging back would make a cycle`, 'into');
    if (original.state === 'merged') return guardRefusal('merge_chain', `${into} 本身已并入 ${original.data.mergedInto?.id ?? '其他件'}，请合并到最终原件`, `${into} is itself merged into ${original.data.mergedInto?.id ?? 'another case'}: merge into the final original`, 'into');
    if (FINAL_STATES.includes(original.state)) return guardRefusal('original_open', `原件 ${into} 已${original.state === 'closed' ? '销号' : '撤回'}，不能再并入`, `the original ${into} is ${original.state === 'closed' ? 'written off' : 'withdrawn'}: nothing can be merged into it`, 'into');
  }
  return true;
}

/** The state a merged duplicate was in when it was merged. */
function stateBeforeMerge(s: DisputeSnapshot): string {
  for (let i = s.history.length - 1; i >= 0; i--) {
    const entry = s.history[i]!;
    if (entry.type === 'merge' && entry.from !== null) return entry.from;
  }
  return 'received';
}

/**
 * A shallow copy of a dispute record, written out: an object spread of a record this size costs
 * hundreds of nanoseconds on V8, a literal a few. TypeScript insists on every field.
 */
function copy(d: Dispute): Dispute {
  const next: Dispute = {
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
    duplicates: d.duplicates,
    reopened: d.reopened,
    supervisions: d.supervisions,
    hotline: d.hotline ?? null,
    declined: d.declined ?? null,
    transfer: d.transfer ?? null,
  };
  // Kept only where named: a record written before handlers keeps its shape. Added after the
  // literal, not spread into it: spreading even an empty object took as long as the rest of the copy.
  if (d.handler !== undefined) next.handler = d.handler;
  return next;
}

function withChanges(data: Dispute, changes: Partial<Dispute>): Dispute {
  return Object.assign(copy(data), changes);
}

/**
 * A party as a refusal names them: their side and their name, masked (申请人陈** / the applicant
 * 陈**), never their id — a refusal is read by whoever pressed the button, not only by those who
 * may see parties' personal data.
 */
function partyNamed(party: Dispute['parties'][number]): Localized {
  const name = maskName(party.name);
  return party.side === 'applicant' ? { 'zh-CN': `申请人${name}`, en: `the applicant ${name}` } : { 'zh-CN': `被申请人${name}`, en: `the respondent ${name}` };
}

const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

function isParty(parties: Dispute['parties'], id: string): boolean {
  for (const party of parties) if (party.id === id) return true;
  return false;
}

/** Rules `all_parties_consent` and `consent_by_party`: every party consents, and only parties do. */
function consentOfAll(s: DisputeSnapshot, p: Settlement): Verdict {
  const parties = s.data.parties;
  const consented = p.consentedBy;
  for (const party of parties) {
    if (!consented.includes(party.id)) {
      const who = partyNamed(party);
      return guardRefusal('all_parties_consent', `${who['zh-CN']}尚未同意协议`, `${who.en} has not consented`, 'consentedBy');
    }
  }
  for (const [i, pid] of consented.entries()) {
    if (!isParty(parties, pid)) return guardRefusal('consent_by_party', `第 ${i + 1} 位同意人不是本纠纷的当事人`, `the ${ordinal(i + 1)} person consenting is not a party to this dispute`, 'consentedBy');
  }
  return true;
}

/** Rules `agreement_checked` and `no_agreement`: a follow-up checks the agreement when, and only when, there is one. */
function agreementChecked(s: DisputeSnapshot, p: FollowUp): Verdict {
  const settled = s.data.outcome?.kind === 'settled';
  if (settled && p.agreementKept === null) return guardRefusal('agreement_checked', '已达成协议的纠纷，回访必须核实协议履行情况', 'a settled dispute’s follow-up must check whether the agreement is kept', 'agreementKept');
  if (!settled && p.agreementKept !== null) return guardRefusal('no_agreement', '移送的纠纷没有和解协议可核实', 'a referred dispute has no agreement to check', 'agreementKept');
  return true;
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
  const followUpAfter = options.followUpAfter === undefined ? DEFAULT_FOLLOW_UP_AFTER : (parseArgument('createDisputeLoop', 'options.followUpAfter', timeLimit, options.followUpAfter) as TimeLimit);
  const earliestFollowUp = deadlineFunction(followUpAfter);
  const calendarFor = (context: { readonly calendar?: WorkCalendar } | undefined) => context?.calendar ?? options.calendar ?? chinaCalendar;
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
      intakeClerk: { label: DISPUTE_ROLE_LABELS.intakeClerk },
      mediator: { label: DISPUTE_ROLE_LABELS.mediator },
      departmentLiaison: { label: DISPUTE_ROLE_LABELS.departmentLiaison },
      supervisor: { label: DISPUTE_ROLE_LABELS.supervisor },
      ...SYSTEM_ROLE,
    },
    states: {
      received: { label: DISPUTE_STATE_LABELS.received, limit: limits.received },
      routed: { label: DISPUTE_STATE_LABELS.routed, limit: limits.routed },
      mediating: { label: DISPUTE_STATE_LABELS.mediating, limit: limits.mediating },
      followUp: { label: DISPUTE_STATE_LABELS.followUp, limit: limits.followUp },
      pendingWriteOff: { label: DISPUTE_STATE_LABELS.pendingWriteOff, limit: limits.pendingWriteOff },
      closed: { label: DISPUTE_STATE_LABELS.closed, final: true },
      withdrawn: { label: DISPUTE_STATE_LABELS.withdrawn, final: true },
      merged: { label: DISPUTE_STATE_LABELS.merged, final: true },
      declined: { label: DISPUTE_STATE_LABELS.declined, final: true },
      transferred: { label: DISPUTE_STATE_LABELS.transferred, final: true },
    },
    events: {
      route: {
        label: { 'zh-CN': '分流', en: 'route' },
        from: ['received', 'routed'],
        to: 'routed',
        roles: ['intakeClerk', 'supervisor'],
        payload: RoutePayloadSchema,
        // Re-routing to a body not routed before starts the stage afresh, for the new body.
        restartsLimit: (p: RoutePayload, s: DisputeSnapshot) => p.departments.some((id) => !(s.data.routing?.departments.includes(id) ?? false)),
        guard(_s: DisputeSnapshot, _e: LoopEvent, context: DisputeContext | undefined, p: RoutePayload): Verdict {
          const registry = registryFor(context);
          const departments = p.departments;
          // Plain loops: this guard runs on every routing, and the lists are a handful long.
          for (const id of departments) {
            if (!registry.has(id)) return guardRefusal('department_known', `部门 ${id} 不在本中心的部门名录中`, `department ${id} is not in the centre's registry`, 'departments');
          }
          for (let i = 1; i < departments.length; i++) {
            for (let j = 0; j < i; j++) if (departments[j] === departments[i]) return guardRefusal('departments_distinct', '同一部门不能重复分流', 'a department is listed twice', 'departments');
          }
          if (p.joint && departments.length < 2) return guardRefusal('joint_needs_two', '联合调解至少需要两个单位', 'joint mediation needs at least two bodies', 'departments');
          if (p.lead !== null && !departments.includes(p.lead)) return guardRefusal('lead_routed', '牵头单位必须在分流部门之中', 'the lead must be one of the routed departments', 'lead');
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
        guard: (s: DisputeSnapshot, e: LoopEvent): Verdict => liaisonOfRoutedBody(s, e),
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
        guard: (s: DisputeSnapshot, e: LoopEvent, c: DisputeContext | undefined, p: Settlement): Verdict =>
          firstRefusal(
            () => panelMember(s, e),
            () => dateInCase(s, e, p.date, 'date'),
            () => consentOfAll(s, p),
            () => (c?.attachments ? checkAgreementScan(s.id, p.document, c.attachments) : true),
          ),
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
        guard: (s: DisputeSnapshot, e: LoopEvent, _c: unknown, p: Referral): Verdict =>
          firstRefusal(
            () => panelMember(s, e),
            () => dateInCase(s, e, p.date, 'date'),
          ),
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
        guard: (s: DisputeSnapshot, e: LoopEvent, context: DisputeContext | undefined, p: FollowUp): Verdict =>
          firstRefusal(
            () => panelMember(s, e),
            () => agreementChecked(s, p),
            () => followUpInterval(s, e, followUpAfter, earliestFollowUp, calendarFor(context)),
          ),
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
        guard(s: DisputeSnapshot, e: LoopEvent): Verdict {
          const last = s.data.followUps[s.data.followUps.length - 1];
          return last?.passed ? writeOffByOther(s, e) : guardRefusal('follow_up_passed', '销号前必须有合格的回访记录', 'writing off needs a passing follow-up record');
        },
      },
      withdraw: {
        label: { 'zh-CN': '申请人撤回', en: 'withdraw (by the applicant)' },
        from: ['received', 'routed', 'mediating'],
        to: 'withdrawn',
        roles: ['intakeClerk', 'mediator', 'supervisor'],
        payload: ReasonPayloadSchema,
        // A mediator records a withdrawal only on a dispute whose panel they sit on.
        guard: (s: DisputeSnapshot, e: LoopEvent): Verdict => panelMember(s, e),
        apply: (data: Dispute, p: ReasonPayload): Dispute => withChanges(data, { withdrawal: { reason: p.reason } }),
      },
      merge: {
        label: { 'zh-CN': '合并重复件', en: 'merge as duplicate' },
        from: ['received', 'routed'],
        to: 'merged',
        roles: ['intakeClerk', 'supervisor'],
        payload: MergePayloadSchema,
        guard: (s: DisputeSnapshot, _e: LoopEvent, context: DisputeContext | undefined, p: MergePayload): Verdict => mergeVerdict(s, context, p.into),
        apply: (data: Dispute, p: MergePayload): Dispute => withChanges(data, { mergedInto: { id: p.into, reason: p.reason } }),
      },
      unmerge: {
        label: { 'zh-CN': '撤销合并', en: 'undo merge' },
        from: ['merged'],
        // Back where it was when merged (accepted or routed); that stage's limit starts afresh.
        to: (_p: ReasonPayload, s: DisputeSnapshot) => stateBeforeMerge(s) as 'received',
        roles: ['supervisor'],
        payload: ReasonPayloadSchema,
        reopen: true,
        guard(s: DisputeSnapshot, _e: LoopEvent, context: DisputeContext | undefined): Verdict {
          const into = s.data.mergedInto?.id;
          const original = into === undefined ? undefined : context?.findDispute?.(into);
          if (original !== undefined && FINAL_STATES.includes(original.state)) {
            return guardRefusal('original_open', `原件 ${into} 已结束（${original.state}），请先重新启动原件再撤销合并`, `the original ${into} has ended (${original.state}): reopen it before undoing the merge`, 'mergedInto');
          }
          return true;
        },
        apply: (data: Dispute): Dispute => withChanges(data, { mergedInto: null }),
      },
      linkDuplicate: {
        label: { 'zh-CN': '关联重复件', en: 'link a duplicate' },
        from: [...open],
        to: (_p, s) => s.state,
        roles: ['intakeClerk', 'supervisor'],
        payload: DuplicateLinkPayloadSchema,
        guard(s: DisputeSnapshot, _e: LoopEvent, context: DisputeContext | undefined, p: DuplicateLinkPayload): Verdict {
          if (p.duplicate === s.id) return guardRefusal('merge_into_other', '不能把自身关联为重复件', 'a dispute cannot be its own duplicate', 'duplicate');
          if ((s.data.duplicates ?? []).some((d) => d.id === p.duplicate)) return guardRefusal('duplicate_listed', `${p.duplicate} 已关联为重复件`, `${p.duplicate} is already linked as a duplicate`, 'duplicate');
          if (s.data.mergedInto !== null) return guardRefusal('merge_chain', '本件已并入其他件，不能再接收重复件', 'this dispute is itself merged: it takes no duplicates', 'duplicate');
          const duplicate = context?.findDispute?.(p.duplicate);
          if (context?.findDispute && (duplicate === undefined || duplicate.data.mergedInto?.id !== s.id)) {
            return guardRefusal('duplicate_merged_here', `${p.duplicate} 未并入本件`, `${p.duplicate} is not merged into this dispute`, 'duplicate');
          }
          return true;
        },
        apply: (data: Dispute, p: DuplicateLinkPayload): Dispute => withChanges(data, { duplicates: [...(data.duplicates ?? []), { id: p.duplicate, reason: p.reason }] }),
      },
      unlinkDuplicate: {
        label: { 'zh-CN': '解除重复件关联', en: 'release a duplicate' },
        from: [...open],
        to: (_p, s) => s.state,
        roles: ['supervisor'],
        payload: DuplicateLinkPayloadSchema,
        guard(s: DisputeSnapshot, _e: LoopEvent, _c: unknown, p: DuplicateLinkPayload): Verdict {
          if (!(s.data.duplicates ?? []).some((d) => d.id === p.duplicate)) return guardRefusal('duplicate_not_listed', `${p.duplicate} 不是本件的重复件`, `${p.duplicate} is not a duplicate of this dispute`, 'duplicate');
          return true;
        },
        apply: (data: Dispute, p: DuplicateLinkPayload): Dispute => withChanges(data, { duplicates: (data.duplicates ?? []).filter((d) => d.id !== p.duplicate) }),
      },
      supervise: {
        label: { 'zh-CN': '督办', en: 'supervise' },
        from: [...open],
        to: (_p, s) => s.state,
        roles: ['supervisor'],
        payload: SupervisePayloadSchema,
        apply: (data: Dispute, _p: SupervisePayload): Dispute => withChanges(data, { supervisions: data.supervisions + 1 }),
      },
      // Decline and referral at intake: before mediation, the centre says no, or hands it on.
      decline: {
        label: { 'zh-CN': '不予受理', en: 'decline' },
        from: ['received'],
        to: 'declined',
        roles: ['intakeClerk', 'supervisor'],
        payload: DeclinePayloadSchema,
        guard(_s: DisputeSnapshot, _e: LoopEvent, _c: unknown, p: DeclinePayload): Verdict {
          if (p.reason === 'other' && p.detail === undefined) return guardRefusal('decline_detail', '理由为“其他”时请写明具体理由', 'state the reason in words when it is "other"', 'detail');
          if ((p.reason === 'inLitigation' || p.reason === 'inArbitration') && p.advice === undefined) {
            return guardRefusal('decline_litigation_advice', '请写明已受理此事的法院或仲裁机构，以便告知申请人', 'name the court or arbitration body that has the matter, to tell the applicant', 'advice');
          }
          return true;
        },
        apply: (data: Dispute, p: DeclinePayload, e: LoopEvent): Dispute => withChanges(data, { declined: { ...p, at: e.at, by: e.actor.id } }),
      },
      transfer: {
        label: { 'zh-CN': '直接移交', en: 'refer elsewhere' },
        from: ['received', 'routed'],
        to: 'transferred',
        roles: ['intakeClerk', 'supervisor'],
        payload: TransferPayloadSchema,
        guard(s: DisputeSnapshot, e: LoopEvent, context: DisputeContext | undefined, p: TransferPayload): Verdict {
          const registry = registryFor(context);
          const to = p.to.trim();
          if (registry.has(to) || registry.departments.some((d) => d.name['zh-CN'] === to || d.name.en === to)) {
            return guardRefusal('transfer_outside_centre', `${to} 是本中心的部门，请分流而不是移交`, `${to} is one of the centre's departments: route to it instead of referring`, 'to');
          }
          return dateInCase(s, e, p.date, 'date');
        },
        apply: (data: Dispute, p: TransferPayload, e: LoopEvent): Dispute => withChanges(data, { transfer: { ...p, at: e.at, by: e.actor.id } }),
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
      // The named handler (承办人): assigned inside a routed body, reassigned with a reason.
      // Escalation by rule (超期升级): an overdue stage goes up centre → sub-district → county.
      ...escalationEvents({ from: open, roles: ['system', 'supervisor'] as const, chain: ESCALATION_CHAINS.governance }),
      ...handlerEvents({ from: ['routed', 'mediating', 'followUp', 'pendingWriteOff'] as const, bodyRoles: DISPUTE_BODY_ROLES, supervisorRoles: ['supervisor'] as const, bodiesOf: (d: Dispute) => d.routing?.departments ?? [] }),
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
