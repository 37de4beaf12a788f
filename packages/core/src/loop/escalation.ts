/**
 * Escalation by rule (逐级上报): an item left overdue goes up one level of its chain — a police
 * task order from the station to the county bureau to the city bureau; a dispute or a reception
 * issue from the centre to the sub-district (街道/乡镇) to the county. It is a loop event of the
 * item's own loop (`escalate`), a self-transition that changes neither the state nor the deadline
 * (escalating buys no time), and its record is the history entry: who (the actor), by what rule,
 * from which level to which, when, and the deadline that was missed.
 *
 * One helper for every loop: `escalationEvents(options)` gives the event to spread into a loop's
 * `events`; `escalationsDueAt(items, at)` finds, for any mix of items, what is due to escalate at a
 * moment and writes the events that apply it. The rules (refusal `guard_failed` with its `rule`):
 * - `not_overdue`: only an item whose deadline has come escalates;
 * - `already_escalated`: the same missed deadline escalates once (a new stage, a new deadline may
 *   escalate again, from the level reached);
 * - `escalation_deadline`: the record names the deadline the item actually missed;
 * - `escalation_top`: an item at the top of its chain goes no higher (issue a 督办 instead);
 * - `escalation_from_level`, `escalation_next_level`: from the level the item is at, to the next one.
 * Only the loop's `system` role (the rule run by the host's scheduler) and its supervising role may
 * escalate (the engine's `role_not_allowed` otherwise).
 */
import * as z from '../schema/zod.js';
import { code, instant } from '../schema/fields.js';
import { checkArray } from '../schema/argument.js';
import { type Localized, L } from '../i18n/locale.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { CHINA_OFFSET_MS, formatInstant, parseDate, parseInstant, startOfChinaDay } from '../calendar/instant.js';
import { isSaneInstant } from '../schema/bounds.js';
import { type Moment, momentMs } from './deadlines.js';
import type { GuardRefusal, Verdict } from './refusal.js';
import type { Actor, LoopEvent, Snapshot } from './types.js';
import { SYSTEM_ROLE } from './system-role.js';

/** One level of a chain: an id a program keys on, and its name. */
export interface EscalationLevel {
  readonly id: string;
  readonly label: Localized;
}

/** The levels an item goes up through, lowest first. */
export interface EscalationChain {
  readonly id: string;
  readonly label: Localized;
  readonly levels: readonly EscalationLevel[];
}

/**
 * The chains the source describes. `police`: community-policing task orders (S1: "city and county
 * headquarters watch progress … and supervise") and large-event permit reviews (S3, police work) go
 * station → county bureau → city bureau. `governance`: disputes (S8–S11: the centre, the 9
 * towns/sub-districts, the county's five-level video network) and reception-day issues (S15) go
 * centre → sub-district (街道/乡镇) → county. `rectification`: the source states no chain for the
 * double closed loop (S12, S15: "each level compiles a problem list"); by default an item goes from
 * the responsible unit to the supervising office to the party committee that evaluates. Hosts pass
 * their own chains where theirs differ.
 */
export const ESCALATION_CHAINS = {
  police: {
    id: 'police',
    label: L('公安：派出所—县（区）局—市局', 'Police: station → county bureau → city bureau'),
    levels: [
      { id: 'station', label: L('派出所', 'police station') },
      { id: 'county', label: L('县（区）公安局', 'county police bureau') },
      { id: 'city', label: L('市公安局', 'city police bureau') },
    ],
  },
  governance: {
    id: 'governance',
    label: L('综治：综治中心—街道（乡镇）—县（区）', 'Governance: centre → sub-district (town) → county'),
    levels: [
      { id: 'centre', label: L('综治中心', 'governance centre') },
      { id: 'subDistrict', label: L('街道（乡镇）', 'sub-district (town)') },
      { id: 'county', label: L('县（区）', 'county (district)') },
    ],
  },
  rectification: {
    id: 'rectification',
    label: L('整改：责任单位—督办部门—党委', 'Rectification: responsible unit → supervising office → party committee'),
    levels: [
      { id: 'unit', label: L('责任单位', 'responsible unit') },
      { id: 'office', label: L('督办部门', 'supervising office') },
      { id: 'committee', label: L('党委（考评）', 'party committee (evaluating)') },
    ],
  },
} as const satisfies Record<string, EscalationChain>;
export type EscalationChainId = keyof typeof ESCALATION_CHAINS;

/** Which chain each loop's items go up by (loop id → chain). */
export const ESCALATION_CHAIN_OF_LOOP: Readonly<Record<string, EscalationChainId>> = {
  'task-order': 'police',
  'event-permit': 'police',
  dispute: 'governance',
  'reception-day': 'governance',
  rectification: 'rectification',
};

/** The event type every loop uses for escalation. */
export const ESCALATE_EVENT = 'escalate';

/** The rule a scheduler's escalation names by default: the item's deadline has passed. */
export const OVERDUE_RULE = 'overdue';

export { SYSTEM_ROLE };

/**
 * `escalate`: from which level to which, the deadline that was missed, and by what rule (`overdue`
 * unless a host names its own). The actor and the time are the event's.
 */
export const EscalatePayloadSchema = /* @__PURE__ */ z.object({ from: code, to: code, deadline: instant, rule: z._default(code, OVERDUE_RULE) });
export type EscalatePayload = z.output<typeof EscalatePayloadSchema>;

/** The escalation rules, each with what it asks (listed with each loop's rules). */
export const ESCALATION_RULES = {
  not_overdue: L('只有超期未办结的事项才能升级', 'only an item past its deadline escalates'),
  already_escalated: L('同一次超期只升级一次', 'the same missed deadline escalates once'),
  escalation_deadline: L('升级记录写明本件实际超过的期限', 'the record names the deadline the item actually missed'),
  escalation_top: L('已在最高一级：请督办，不能再升级', 'already at the top level: issue a supervision order instead'),
  escalation_from_level: L('从本件当前所在的层级升级', 'escalate from the level the item is at'),
  escalation_next_level: L('逐级升级：只升到上一级', 'one level at a time: to the next level up'),
} as const satisfies Record<string, Localized>;
export type EscalationRule = keyof typeof ESCALATION_RULES;

/** An escalation as recorded in the item's history. */
export interface EscalationRecord {
  /** The history entry's sequence number. */
  readonly seq: number;
  readonly at: string;
  readonly by: Actor;
  readonly rule: string;
  readonly from: string;
  readonly to: string;
  /** The deadline the item had missed. */
  readonly deadline: string;
}

const refuse = (rule: EscalationRule, field: string, zh: string, en: string): GuardRefusal => ({ rule, field, message: L(zh, en) });

/** A China-time `YYYY-MM-DD HH:mm` reading of an instant, for messages. */
function chinaTime(ms: number): string {
  return formatInstant(ms + CHINA_OFFSET_MS).slice(0, 16).replace('T', ' ');
}

/** The escalations in an item's history, oldest first (none for an item never escalated). */
export function escalationsOf(item: Pick<Snapshot, 'history'>): EscalationRecord[] {
  if (item === null || typeof item !== 'object' || !Array.isArray(item.history)) {
    throw new InvalidArgumentError('escalationsOf', 'item', L('必须是闭环快照', 'must be a loop snapshot'), item);
  }
  const out: EscalationRecord[] = [];
  for (const entry of item.history) {
    if (entry?.type !== ESCALATE_EVENT) continue;
    const p = entry.payload as Partial<EscalatePayload> | undefined;
    if (!p || typeof p.from !== 'string' || typeof p.to !== 'string' || typeof p.deadline !== 'string') continue;
    out.push({ seq: entry.seq, at: entry.at, by: entry.actor, rule: typeof p.rule === 'string' ? p.rule : OVERDUE_RULE, from: p.from, to: p.to, deadline: p.deadline });
  }
  return out;
}

const CHAIN_RULE = L('必须是升级链 { id, label, levels: [{ id, label }…] }（见 ESCALATION_CHAINS）', 'must be an escalation chain { id, label, levels: [{ id, label }…] } (see ESCALATION_CHAINS)');

/** Checks a chain argument (an `InvalidArgumentError` naming it otherwise). */
function checkChain(fn: string, argument: string, chain: unknown): asserts chain is EscalationChain {
  const c = chain as EscalationChain | null | undefined;
  const ok = c !== null && typeof c === 'object' && Array.isArray(c.levels) && c.levels.length > 0 && c.levels.length <= 20 && c.levels.every((l) => l !== null && typeof l === 'object' && typeof l.id === 'string' && l.label !== null && typeof l.label === 'object');
  if (!ok) throw new InvalidArgumentError(fn, argument, CHAIN_RULE, chain);
}

/** The level an item is at in `chain`: the last escalation's, or the chain's first. */
export function escalationLevelOf(item: Pick<Snapshot, 'history'>, chain: EscalationChain): string {
  checkChain('escalationLevelOf', 'chain', chain);
  const records = escalationsOf(item);
  return records.length ? records[records.length - 1]!.to : chain.levels[0]!.id;
}

/** The level above `level` in `chain`; undefined at the top (or for a level not in the chain). */
export function nextLevel(chain: EscalationChain, level: string): string | undefined {
  checkChain('nextLevel', 'chain', chain);
  if (typeof level !== 'string') throw new InvalidArgumentError('nextLevel', 'level', L('必须是层级编号', 'must be a level id'), level);
  const i = chain.levels.findIndex((l) => l.id === level);
  return i < 0 ? undefined : chain.levels[i + 1]?.id;
}

/** A level's name in a chain (its id when the chain does not have it). */
export function levelLabel(chain: EscalationChain, level: string): Localized {
  checkChain('levelLabel', 'chain', chain);
  if (typeof level !== 'string') throw new InvalidArgumentError('levelLabel', 'level', L('必须是层级编号', 'must be a level id'), level);
  return chain.levels.find((l) => l.id === level)?.label ?? L(level, level);
}

/** The chain a loop's items go up by (`ESCALATION_CHAIN_OF_LOOP`), or undefined. */
export function chainOfLoop(loopId: string): EscalationChain | undefined {
  if (typeof loopId !== 'string') throw new InvalidArgumentError('chainOfLoop', 'loopId', L('必须是闭环编号', 'must be a loop id'), loopId);
  const id = Object.hasOwn(ESCALATION_CHAIN_OF_LOOP, loopId) ? ESCALATION_CHAIN_OF_LOOP[loopId] : undefined;
  return id === undefined ? undefined : ESCALATION_CHAINS[id];
}

/** Whether an item's deadline `deadline` has already been escalated (compared as instants). */
function escalatedFor(item: Pick<Snapshot, 'history'>, deadlineMs: number): boolean {
  return escalationsOf(item).some((r) => parseInstant(r.deadline) === deadlineMs);
}

/**
 * How a loop reads the deadline whose passing escalates an item: the engine's `snapshot.deadline`
 * by default; a loop whose due moment is in its data and not the engine's (a rectification item's
 * `data.deadline`) names it. Returns an instant, or undefined when nothing is due.
 */
export type OverdueDeadline = (snapshot: Snapshot<string, never>) => string | undefined;

const engineDeadline: OverdueDeadline = (s) => s.deadline;

export interface EscalationOptions<S extends string, R extends string> {
  /** The states in which an item may escalate (its open states). */
  readonly from: readonly S[];
  /** The roles that may escalate: the loop's `system` role and its supervising role. */
  readonly roles: readonly R[];
  /** The chain its items go up by. */
  readonly chain: EscalationChain;
  /** Where the missed deadline is read (the engine's deadline by default). */
  readonly deadlineOf?: OverdueDeadline;
}

function escalateVerdict(s: Snapshot, e: LoopEvent, p: EscalatePayload, chain: EscalationChain, deadlineOf: OverdueDeadline): Verdict {
  const due = deadlineOf(s as Snapshot<string, never>);
  const dueMs = due === undefined ? Number.NaN : parseInstant(due);
  const atMs = parseInstant(e.at);
  if (!isSaneInstant(dueMs)) return refuse('not_overdue', 'deadline', '本件没有办理期限，不会超期，不能升级', 'this item has no deadline, so it is never overdue: it cannot escalate');
  if (atMs < dueMs) return refuse('not_overdue', 'deadline', `本件期限为 ${chinaTime(dueMs)}，尚未超期，不能升级`, `this item is due ${chinaTime(dueMs)} and not yet overdue: it cannot escalate`);
  if (escalatedFor(s, dueMs)) return refuse('already_escalated', 'deadline', `本件超过期限 ${chinaTime(dueMs)} 已升级过，同一次超期不再升级`, `this item was already escalated for missing ${chinaTime(dueMs)}: the same overdue escalates once`);
  if (parseInstant(p.deadline) !== dueMs) return refuse('escalation_deadline', 'deadline', `本件超过的期限是 ${chinaTime(dueMs)}，不是 ${p.deadline}`, `the deadline this item missed is ${chinaTime(dueMs)}, not ${p.deadline}`);
  const level = escalationLevelOf(s, chain);
  const next = nextLevel(chain, level);
  const name = levelLabel(chain, level);
  if (next === undefined) return refuse('escalation_top', 'to', `本件已在${name['zh-CN']}（最高一级），不能再升级，请督办`, `this item is already at the ${name.en}, the top level: issue a supervision order instead`);
  if (p.from !== level) return refuse('escalation_from_level', 'from', `本件当前在${name['zh-CN']}（${level}），不在 ${p.from}`, `this item is at the ${name.en} (${level}), not at ${p.from}`);
  if (p.to !== next) {
    const up = levelLabel(chain, next);
    return refuse('escalation_next_level', 'to', `逐级升级：${name['zh-CN']}的上一级是${up['zh-CN']}（${next}），不是 ${p.to}`, `one level at a time: above the ${name.en} is the ${up.en} (${next}), not ${p.to}`);
  }
  return true;
}

/**
 * The `escalate` event of a loop (升级), to spread into its `events`: a self-transition that keeps
 * the state and the deadline; its record is the history entry (`escalationsOf`).
 */
export function escalationEvents<S extends string, R extends string>(options: EscalationOptions<S, R>) {
  const deadlineOf = options.deadlineOf ?? engineDeadline;
  const chain = options.chain;
  return {
    escalate: {
      label: L('超期升级', 'escalate (overdue)'),
      from: options.from,
      to: <T extends string>(_p: unknown, s: { readonly state: T }): T => s.state,
      roles: options.roles,
      payload: EscalatePayloadSchema,
      // The payload is read off the event (the engine has parsed it before any guard runs): a guard
      // that names no context parameter leaves each loop's own context type as it is.
      guard: (s: Snapshot, e: LoopEvent): Verdict => escalateVerdict(s, e, e.payload as EscalatePayload, chain, deadlineOf),
    },
  } as const;
}

/** The role a host's scheduler escalates in (`system`, in every escalating loop's roles). */
export type SystemRole = keyof typeof SYSTEM_ROLE;

/** The roles of a loop's snapshots (the actors of their history); `string` for untyped snapshots. */
export type RolesOfItems<I> = I extends Snapshot<string, unknown, string, infer R> ? R : never;

/**
 * One escalation due at a moment: the item, the levels, the missed deadline, and the event to send.
 * The event's actor is in role `R` (`system` unless the options name another actor), so the event
 * goes to `transition` or `applyLoopEvent` of the item's loop as it is, without a cast.
 */
export interface DueEscalation<R extends string = SystemRole> {
  readonly loop: string;
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly deadline: string;
  readonly event: { readonly type: typeof ESCALATE_EVENT; readonly actor: Actor<R>; readonly at: string; readonly payload: EscalatePayload };
}

export interface EscalationsDueOptions<R extends string = SystemRole> {
  /** Who escalates (the host's scheduler by default: `{ id: 'system', role: 'system' }`); a role of the items' loops. */
  readonly actor?: Actor<R>;
  /** The rule the records name (`overdue` by default). */
  readonly rule?: string;
  /** Chains by loop id, for loops other than the built-in ones or to replace theirs. */
  readonly chains?: Readonly<Record<string, EscalationChain>>;
  /** Missed deadlines by loop id, for loops whose due moment is not the engine's deadline. */
  readonly deadlines?: Readonly<Record<string, OverdueDeadline>>;
}

const DEFAULT_ACTOR: Actor<SystemRole> = { id: 'system', role: 'system' };

/**
 * The built-in loop whose missed deadline is not the engine's: a rectification item is due at the
 * end (24:00 China time) of its `data.deadline` while it awaits verification (open, in progress,
 * submitted) — the moment from which it also answers for it (`holdAccountable`).
 */
export const RECTIFICATION_OVERDUE_DEADLINE: OverdueDeadline = (s) => {
  const d = (s.data as { deadline?: unknown } | undefined)?.deadline;
  if (!['open', 'inProgress', 'submitted'].includes(s.state) || typeof d !== 'string') return undefined;
  const day = parseDate(d);
  return day === day ? formatInstant(startOfChinaDay(day + 1)) : undefined;
};

const BUILT_IN_DEADLINES: Readonly<Record<string, OverdueDeadline>> = { rectification: RECTIFICATION_OVERDUE_DEADLINE };

/**
 * The deadline whose passing makes an item overdue (and escalates it): the engine's deadline, or
 * for a rectification item the end of its `data.deadline` while unverified; `deadlines` names it
 * for a host's own loops. Undefined when nothing is due (an item at an end of its loop).
 */
export function overdueDeadlineOf(item: Snapshot, deadlines?: Readonly<Record<string, OverdueDeadline>>): string | undefined {
  if (item === null || typeof item !== 'object' || item.loop === null || typeof item.loop !== 'object' || typeof item.loop.id !== 'string') throw new InvalidArgumentError('overdueDeadlineOf', 'item', ITEMS_RULE_ONE, item);
  if (deadlines !== undefined && (deadlines === null || typeof deadlines !== 'object')) throw new InvalidArgumentError('overdueDeadlineOf', 'deadlines', L('必须是 { 闭环编号: 函数 }', 'must be { loopId: function }'), deadlines);
  const loopId = item.loop.id;
  const own = deadlines && Object.hasOwn(deadlines, loopId) ? deadlines[loopId] : undefined;
  if (own !== undefined && typeof own !== 'function') throw new InvalidArgumentError('overdueDeadlineOf', `deadlines.${loopId}`, L('必须是函数', 'must be a function'), own);
  const deadlineOf = own ?? (Object.hasOwn(BUILT_IN_DEADLINES, loopId) ? BUILT_IN_DEADLINES[loopId] : undefined) ?? engineDeadline;
  return deadlineOf(item as Snapshot<string, never>);
}

const ITEMS_RULE_ONE = L('必须是闭环快照', 'must be a loop snapshot');
const ITEMS_RULE = L('必须是闭环快照数组', 'must be an array of loop snapshots');

/**
 * What is due to escalate at `at`, for any mix of items (task orders, disputes, reception issues,
 * permits under review, rectification items): each open item whose deadline has come, that has not
 * been escalated for that deadline, and is not at the top of its chain, with the `escalate` event
 * that applies it (send it with `transition` or `applyLoopEvent`). Items of loops without a chain
 * are left out. The events' actor is typed in its role (`system` by default, or one of the items'
 * loops' roles): they go to `transition` or `applyLoopEvent` without a cast. Pure: `at` is passed in; the same items and moment give the same answer, and once
 * the events are applied the answer for the same moment is empty.
 */
export function escalationsDueAt<I extends Snapshot, R extends RolesOfItems<I> | SystemRole = SystemRole>(items: readonly I[], at: Moment, options: EscalationsDueOptions<R> = {}): DueEscalation<R>[] {
  checkArray('escalationsDueAt', 'items', items);
  const atMs = momentMs('escalationsDueAt', 'at', at);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('escalationsDueAt', 'options', L('必须是对象', 'must be an object'), options);
  const actor = (options.actor ?? DEFAULT_ACTOR) as Actor<R>;
  if (actor === null || typeof actor !== 'object' || typeof actor.id !== 'string' || actor.id.length === 0 || typeof actor.role !== 'string' || actor.role.length === 0) {
    throw new InvalidArgumentError('escalationsDueAt', 'options.actor', L('必须是 { id, role }', 'must be { id, role }'), actor);
  }
  const rule = options.rule === undefined ? OVERDUE_RULE : options.rule;
  if (!code.safeParse(rule).success) throw new InvalidArgumentError('escalationsDueAt', 'options.rule', L('必须是规则名（字母、数字、_ . -）', 'must be a rule name (letters, digits, _ . -)'), rule);
  const atText = formatInstant(atMs);
  const out: DueEscalation<R>[] = [];
  items.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || item.loop === null || typeof item.loop !== 'object' || typeof item.loop.id !== 'string' || typeof item.id !== 'string' || typeof item.state !== 'string' || !Array.isArray(item.history)) {
      throw new InvalidArgumentError('escalationsDueAt', `items[${i}]`, ITEMS_RULE, item);
    }
    const loopId = item.loop.id;
    const chain = (options.chains && Object.hasOwn(options.chains, loopId) ? options.chains[loopId] : undefined) ?? chainOfLoop(loopId);
    if (chain === undefined) return;
    const due = overdueDeadlineOf(item, options.deadlines);
    if (due === undefined) return;
    const dueMs = typeof due === 'string' ? parseInstant(due) : Number.NaN;
    if (!isSaneInstant(dueMs)) throw new InvalidArgumentError('escalationsDueAt', `items[${i}].deadline`, L('必须是带时区的 ISO 时间', 'must be an ISO instant with an offset'), due);
    if (atMs < dueMs || escalatedFor(item, dueMs)) return;
    const from = escalationLevelOf(item, chain);
    const to = nextLevel(chain, from);
    if (to === undefined) return;
    out.push({ loop: loopId, id: item.id, from, to, deadline: due, event: { type: ESCALATE_EVENT, actor, at: atText, payload: { from, to, deadline: due, rule } } });
  });
  return out;
}
