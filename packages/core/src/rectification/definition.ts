import { defineLoop, type EventOf, type RoleOf, type SnapshotOf, type StateOf } from '../loop/definition.js';
import { type Verdict, firstRefusal, guardRefusal } from '../loop/refusal.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import { handlerEvents, handlerOnly } from '../loop/handler.js';
import { escalationEvents, ESCALATION_CHAINS, RECTIFICATION_OVERDUE_DEADLINE, SYSTEM_ROLE } from '../loop/escalation.js';
import { chinaDay, formatDate, parseDate, parseInstant, startOfChinaDay } from '../calendar/instant.js';
import { L } from '../i18n/locale.js';
import {
  type Accountability,
  AccountabilityPayloadSchema,
  type AccountabilityPayload,
  AccountabilitySchema,
  DecisionPayloadSchema,
  type DecisionPayload,
  EvidencePayloadSchema,
  type EvidencePayload,
  InstructionPayloadSchema,
  OpinionPayloadSchema,
  type OpinionPayload,
  OutcomePayloadSchema,
  type Rectification,
  RectificationSchema,
  ReasonPayloadSchema,
  type ReasonPayload,
  StartPayloadSchema,
  type StartPayload,
} from './schema.js';

export const RECTIFICATION_LOOP_ID = 'rectification';
export const ACCOUNTABILITY_LOOP_ID = 'accountability';

/** States in which an item still awaits verification: past its deadline there, it answers for it. */
export const UNVERIFIED_STATES = ['open', 'inProgress', 'submitted'] as const;

/** The instant a rectification deadline (a China date) runs out: 24:00 China time of that day. */
export function dueInstantMs(deadline: string): number {
  return startOfChinaDay(parseDate(deadline) + 1);
}

type ItemSnapshot = Snapshot<string, Rectification>;

/**
 * Rule `owner_unit`: an owner acts only on an item of their own unit (`actor.unit` = `data.unit`);
 * once a handler (承办人) is named, only that person of the unit does (`handler_only`).
 */
function ownerOfItem(s: ItemSnapshot, e: LoopEvent): Verdict {
  return firstRefusal(
    () => handlerOnly(s, e, ['owner']),
    () =>
      e.actor.role !== 'owner' ||
      e.actor.unit === s.data.unit ||
      guardRefusal('owner_unit', `该事项的责任单位是 ${s.data.unit}，只有该单位的责任人可以整改（actor.unit）`, `the item is ${s.data.unit}'s: only its owner may act on it (actor.unit)`, 'actor.unit'),
  );
}

/**
 * Rules `not_own_verifier` and `independent_verifier`: the owner never verifies (or returns) their
 * own rectification — a verifier is neither the named owner (by id or name) nor anyone who acted on
 * the item as its owner — and a verifier who names a unit is not of the responsible unit.
 */
function independentVerifier(s: ItemSnapshot, e: LoopEvent): Verdict {
  const { id, unit } = e.actor;
  if (ownsItem(s, e)) return { rule: 'not_own_verifier', field: 'actor.id', message: L(`${id} 是该事项的整改责任人，不能核验自己的整改`, `${id} owns this item and cannot verify their own rectification`) };
  if (unit !== undefined && unit === s.data.unit) {
    return { rule: 'independent_verifier', field: 'actor.unit', message: L(`核验人须来自责任单位 ${s.data.unit} 之外`, `the verifier must come from outside the responsible unit ${s.data.unit}`) };
  }
  return true;
}

/** Whether the actor is the item's owner: its named owner (by id or name), or who acted as its owner. */
function ownsItem(s: ItemSnapshot, e: LoopEvent): boolean {
  const { id, name } = e.actor;
  return id === s.data.owner || name === s.data.owner || s.history.some((h) => h.actor.role === 'owner' && h.actor.id === id);
}

/** Rule `not_own_item`: the owner, acting as the supervising office, never writes off their own item. */
function notOwnItem(s: ItemSnapshot, e: LoopEvent): Verdict {
  if (!ownsItem(s, e)) return true;
  return { rule: 'not_own_item', field: 'actor.id', message: L(`${e.actor.id} 是该事项的整改责任人，不能为自己的整改销号`, `${e.actor.id} owns this item and cannot write off their own rectification`) };
}

/**
 * Rule `fix_at_once_window`: 立行立改 is done within `data.fixAtOnceDays` days of the item's
 * listing (China days) and by its deadline; later it is rectification, entered in the ledger.
 */
function fixedAtOnce(s: ItemSnapshot, e: LoopEvent): Verdict {
  const day = chinaDay(parseInstant(e.at));
  const last = Math.min(chinaDay(parseInstant(s.createdAt)) + s.data.fixAtOnceDays, parseDate(s.data.deadline));
  if (day <= last) return true;
  return {
    rule: 'fix_at_once_window',
    field: 'fixAtOnceDays',
    message: L(`立行立改须在 ${formatDate(last)} 前完成（列入清单后 ${s.data.fixAtOnceDays} 天内且不晚于整改期限）；逾期请列入整改台账`, `fixing at once must be done by ${formatDate(last)} (within ${s.data.fixAtOnceDays} days of listing, and by the deadline); later, enter it in the ledger`),
  };
}


/**
 * The rectification loop (整改), half of the "double closed loop": an item found by the
 * evaluation or on the problem list is either fixed at once (立行立改: closed with evidence, no
 * ledger entry) or entered in the rectification ledger with measures, then open → in progress →
 * submitted → verified → written off, or returned to the owner. An item still unverified after its
 * deadline opens an accountability record (`holdAccountable`, the other half).
 *
 * Who and when: an owner acts only on their unit's items (`owner_unit`); the owner never verifies
 * or returns their own work, and a verifier naming a unit is not of the responsible one
 * (`not_own_verifier`, `independent_verifier`); 立行立改 only within `data.fixAtOnceDays` of the
 * listing and by the deadline (`fix_at_once_window`); the owner never writes off their own item
 * (`not_own_item`); accountability only after the deadline (`past_deadline`), once
 * (`accountability_once`), and never decided or dismissed by whoever answers for it
 * (`not_own_accountability`, in the accountability loop). The named handler (承办人,
 * `assignHandler` / `reassignHandler` with a reason): once named, only the handler acts as owner
 * (`handler_only`; the supervising office is not bound); the handler works in the responsible unit
 * (`handler_in_body`), is named by it or the supervising office (`handler_assigned_by_body`), once
 * (`handler_assigned`), then reassigned (`handler_missing`, `handler_same`). An item unverified past
 * the end of `data.deadline`: escalation by rule (`escalate`, by the `system` role or the supervising office; chain unit → supervising office → party committee): `not_overdue`, `already_escalated`, `escalation_deadline`, `escalation_top`, `escalation_from_level`, `escalation_next_level` (`ESCALATION_RULES`, `@bihuan/core/loop`).
 */
export const rectificationLoop = /* @__PURE__ */ defineLoop({
  id: RECTIFICATION_LOOP_ID,
  version: 1,
  label: L('整改 立行立改 / 整改台账—核验—销号', 'Rectification: fix at once, or ledger → verify → write off'),
  data: RectificationSchema,
  initial: 'open',
  creators: ['supervisor'],
  roles: {
    owner: { label: L('整改责任人', 'owner') },
    verifier: { label: L('核验人', 'verifier') },
    supervisor: { label: L('督办部门', 'supervising office') },
    ...SYSTEM_ROLE,
  },
  states: {
    open: { label: L('待整改', 'open') },
    inProgress: { label: L('整改中', 'in progress') },
    submitted: { label: L('待核验', 'submitted') },
    verified: { label: L('已核验', 'verified') },
    writtenOff: { label: L('已销号', 'written off'), final: true },
  },
  events: {
    start: {
      label: L('列入整改台账', 'enter in the ledger'),
      from: ['open'],
      to: 'inProgress',
      roles: ['owner', 'supervisor'],
      payload: StartPayloadSchema,
      guard: (s: ItemSnapshot, e: LoopEvent): Verdict => ownerOfItem(s, e),
      apply: (d: Rectification, p: StartPayload): Rectification => ({ ...d, measures: p.measures, track: 'ledger' }),
    },
    fixAtOnce: {
      label: L('立行立改', 'fix at once'),
      from: ['open'],
      to: 'writtenOff',
      roles: ['owner', 'supervisor'],
      payload: EvidencePayloadSchema,
      guard(s: ItemSnapshot, e: LoopEvent): Verdict {
        const own = ownerOfItem(s, e);
        return own === true ? fixedAtOnce(s, e) : own;
      },
      apply: (d: Rectification, p: EvidencePayload): Rectification => ({ ...d, evidence: [...d.evidence, ...p.evidence], track: 'fixedAtOnce' }),
    },
    submit: {
      label: L('提交整改材料', 'submit for verification'),
      from: ['inProgress'],
      to: 'submitted',
      roles: ['owner'],
      payload: EvidencePayloadSchema,
      guard: (s: ItemSnapshot, e: LoopEvent): Verdict => ownerOfItem(s, e),
      apply: (d: Rectification, p: EvidencePayload): Rectification => ({ ...d, evidence: [...d.evidence, ...p.evidence] }),
    },
    verify: {
      label: L('核验通过', 'verify'),
      from: ['submitted'],
      to: 'verified',
      roles: ['verifier'],
      payload: OpinionPayloadSchema,
      guard: (s: ItemSnapshot, e: LoopEvent): Verdict => independentVerifier(s, e),
      apply: (d: Rectification, p: OpinionPayload, e: LoopEvent): Rectification => ({ ...d, verification: { opinion: p.opinion, by: e.actor.id, at: e.at } }),
    },
    giveBack: {
      label: L('退回重改', 'return'),
      from: ['submitted'],
      to: 'inProgress',
      roles: ['verifier'],
      payload: ReasonPayloadSchema,
      guard: (s: ItemSnapshot, e: LoopEvent): Verdict => independentVerifier(s, e),
      apply: (d: Rectification, p: ReasonPayload, e: LoopEvent): Rectification => ({ ...d, returns: [...d.returns, { reason: p.reason, by: e.actor.id, at: e.at }] }),
    },
    writeOff: { label: L('销号', 'write off'), from: ['verified'], to: 'writtenOff', roles: ['supervisor'], guard: (s: ItemSnapshot, e: LoopEvent): Verdict => notOwnItem(s, e) },
    supervise: {
      label: L('督办', 'supervise'),
      from: [...UNVERIFIED_STATES],
      to: (_p, s) => s.state,
      roles: ['supervisor'],
      payload: InstructionPayloadSchema,
      apply: (d: Rectification): Rectification => ({ ...d, supervisions: d.supervisions + 1 }),
    },
    holdAccountable: {
      label: L('启动问责', 'open accountability'),
      from: [...UNVERIFIED_STATES],
      to: (_p, s) => s.state,
      roles: ['supervisor'],
      payload: AccountabilityPayloadSchema,
      guard(s: ItemSnapshot, e: LoopEvent): Verdict {
        if (s.data.accountability !== null) return { rule: 'accountability_once', message: L('该事项已启动问责', 'accountability is already open for this item') };
        if (parseInstant(e.at) < dueInstantMs(s.data.deadline)) {
          return { rule: 'past_deadline', field: 'deadline', message: L(`整改期限 ${s.data.deadline} 未到，不能问责`, `the deadline ${s.data.deadline} has not passed: no accountability yet`) };
        }
        return true;
      },
      apply: (d: Rectification, p: AccountabilityPayload, e: LoopEvent): Rectification => ({ ...d, accountability: { id: p.accountabilityId, openedAt: e.at } }),
    },
    // Escalation by rule (超期升级): unverified past `data.deadline`, unit → office → committee.
    ...escalationEvents({ from: UNVERIFIED_STATES, roles: ['system', 'supervisor'] as const, chain: ESCALATION_CHAINS.rectification, deadlineOf: RECTIFICATION_OVERDUE_DEADLINE }),
    // The named handler (承办人) inside the responsible unit.
    ...handlerEvents({ from: UNVERIFIED_STATES, bodyRoles: ['owner'] as const, supervisorRoles: ['supervisor'] as const, bodiesOf: (d: Rectification) => [d.unit] }),
  },
});
export type RectificationLoop = typeof rectificationLoop;
export type RectificationState = StateOf<RectificationLoop>;
export type RectificationEvent = EventOf<RectificationLoop>;
export type RectificationRole = RoleOf<RectificationLoop>;
export type RectificationItem = SnapshotOf<RectificationLoop>;

/**
 * Rule `not_own_accountability`: whoever answers for the item (its owner, by id or name, or anyone
 * of its unit) never decides on, or dismisses, their own accountability.
 */
function notAnswerable(s: Snapshot<string, Accountability>, e: LoopEvent): Verdict {
  const { id, name, unit } = e.actor;
  if (id !== s.data.owner && name !== s.data.owner && unit !== s.data.unit) return true;
  return { rule: 'not_own_accountability', field: 'actor', message: L(`${s.data.unit} ${s.data.owner} 是被问责方，不能对本事项的问责作出决定或免予问责`, `${s.data.owner} of ${s.data.unit} answers for this item and cannot decide on or dismiss its accountability`) };
}

/** The accountability loop (问责): opened → decided → closed, or dismissed with a reason. */
export const accountabilityLoop = /* @__PURE__ */ defineLoop({
  id: ACCOUNTABILITY_LOOP_ID,
  version: 1,
  label: L('问责 启动—决定—办结', 'Accountability: open → decide → close'),
  data: AccountabilitySchema,
  initial: 'open',
  roles: { supervisor: { label: L('纪检监察/考评部门', 'discipline and assessment office') } },
  states: {
    open: { label: L('已启动问责', 'opened') },
    decided: { label: L('已作出问责决定', 'decided') },
    closed: { label: L('已办结', 'closed'), final: true },
    dismissed: { label: L('免予问责', 'dismissed'), final: true },
  },
  events: {
    decide: {
      label: L('作出问责决定', 'decide'),
      from: ['open'],
      to: 'decided',
      roles: ['supervisor'],
      payload: DecisionPayloadSchema,
      guard: (s: Snapshot<string, Accountability>, e: LoopEvent): Verdict => notAnswerable(s, e),
      apply: (d: Accountability, p: DecisionPayload): Accountability => ({ ...d, decision: { measure: p.measure, basis: p.basis } }),
    },
    close: {
      label: L('办结', 'close'),
      from: ['decided'],
      to: 'closed',
      roles: ['supervisor'],
      payload: OutcomePayloadSchema,
      apply: (d: Accountability, p: { outcome: string }): Accountability => ({ ...d, outcome: p.outcome }),
    },
    dismiss: {
      label: L('免予问责', 'dismiss'),
      from: ['open'],
      to: 'dismissed',
      roles: ['supervisor'],
      payload: ReasonPayloadSchema,
      guard: (s: Snapshot<string, Accountability>, e: LoopEvent): Verdict => notAnswerable(s, e),
      apply: (d: Accountability, p: ReasonPayload): Accountability => ({ ...d, outcome: p.reason }),
    },
  },
});
export type AccountabilityLoop = typeof accountabilityLoop;
export type AccountabilityState = StateOf<AccountabilityLoop>;
export type AccountabilityItem = SnapshotOf<AccountabilityLoop>;
