import { InvalidArgumentError } from '../errors/errors.js';
import { parseArgument } from '../schema/argument.js';
import * as z from '../schema/zod.js';
import { calendarDate, code, id, instant, shortText, text } from '../schema/fields.js';
import { accepted, type Result } from '../schema/result.js';
import { parseInstant } from '../calendar/instant.js';
import { createItem } from '../loop/snapshot.js';
import type { Actor, Snapshot } from '../loop/types.js';
import { chainOfLoop, escalationLevelOf, escalationsOf, levelLabel, overdueDeadlineOf, type EscalationChain } from '../loop/escalation.js';
import { SUPERVISION_LOOP_ID, supervisionLoop, type SupervisionItem } from './definition.js';
import { dueDateFits, refuse } from './rules.js';

const IssueInputSchema = /* @__PURE__ */ z.object({
  id,
  /** The issuing level, in the target's chain (`ESCALATION_CHAINS`). */
  level: code,
  /** The body issuing it (the actor's unit by default). */
  issuedBy: z.optional(id),
  /** The lower body that must answer. */
  addressee: id,
  instruction: text,
  dueDate: calendarDate,
  title: z.optional(shortText),
  at: instant,
});

export interface IssueSupervisionOrderInput {
  readonly id: string;
  /** The item supervised: a snapshot of any escalating loop (dispute, task order, reception issue …). */
  readonly target: Snapshot;
  readonly level: string;
  readonly issuedBy?: string;
  readonly addressee: string;
  readonly instruction: string;
  readonly dueDate: string;
  /** What to call the item in lists (its title by default, when it has one). */
  readonly title?: string;
  readonly actor: Actor;
  readonly at: string;
  /** The chain of the target's loop, when it is not a built-in one. */
  readonly chain?: EscalationChain;
}

const TARGET_RULE = { 'zh-CN': '必须是闭环快照（被督办的事项）', en: 'must be a loop snapshot (the item supervised)' };

/**
 * Issues a supervision order (督办单) on an item, from a higher level, with its own due day and a
 * required answer. Refused, as a value naming its rule: the item is neither escalated (and still
 * open) nor overdue at `at` (`target_not_overdue`); its loop has no chain (`target_unknown_chain`);
 * the issuing level is not above the handling level or below the level the item was escalated to
 * (`issuer_level`); an open order on the item exists (`one_open_order`: re-issue it); the due day
 * is before the day of issue or too far (`due_after_issue`, `due_within_window`). `existing` are
 * the orders already issued (any items; those of other targets are ignored).
 */
export function issueSupervisionOrder(input: IssueSupervisionOrderInput, existing: readonly SupervisionItem[] = []): Result<SupervisionItem> {
  if (input === null || typeof input !== 'object') throw new InvalidArgumentError('issueSupervisionOrder', 'input', { 'zh-CN': '必须是对象', en: 'must be an object' }, input);
  const i = parseArgument('issueSupervisionOrder', 'input', IssueInputSchema, { id: input.id, level: input.level, issuedBy: input.issuedBy, addressee: input.addressee, instruction: input.instruction, dueDate: input.dueDate, title: input.title, at: input.at });
  const target = input.target;
  if (target === null || typeof target !== 'object' || target.loop === null || typeof target.loop !== 'object' || typeof target.loop.id !== 'string' || typeof target.id !== 'string' || !Array.isArray(target.history)) {
    throw new InvalidArgumentError('issueSupervisionOrder', 'input.target', TARGET_RULE, target);
  }
  if (!Array.isArray(existing)) throw new InvalidArgumentError('issueSupervisionOrder', 'existing', { 'zh-CN': '必须是督办单快照数组', en: 'must be an array of supervision-order snapshots' }, existing);
  const actor = input.actor;
  if (actor === null || typeof actor !== 'object' || typeof actor.id !== 'string' || actor.id.length === 0) throw new InvalidArgumentError('issueSupervisionOrder', 'input.actor', { 'zh-CN': '必须是 { id, role, unit? }', en: 'must be { id, role, unit? }' }, actor);
  const issuedBy = i.issuedBy ?? actor.unit;
  if (issuedBy === undefined) throw new InvalidArgumentError('issueSupervisionOrder', 'input.issuedBy', { 'zh-CN': '必须写明督办单位（或 actor.unit）', en: 'must name the issuing body (or give actor.unit)' }, undefined);

  const chain = input.chain ?? chainOfLoop(target.loop.id);
  if (chain === undefined) return { ok: false, reason: refuse('target_unknown_chain', 'target', `闭环 ${target.loop.id} 没有逐级升级链，不能督办`, `loop ${target.loop.id} has no escalation chain: its items are not supervised this way` ) };
  const atMs = parseInstant(i.at);
  const due = overdueDeadlineOf(target);
  const escalated = escalationsOf(target).length > 0;
  const overdueNow = due !== undefined && atMs >= parseInstant(due);
  if (!overdueNow && !(escalated && due !== undefined)) {
    return { ok: false, reason: refuse('target_not_overdue', 'target', `${target.id} 既未升级也未超期（或已办结），不能督办`, `${target.id} is neither escalated nor overdue (or has ended): no supervision order` ) };
  }
  const levels = chain.levels.map((l) => l.id);
  const at = levels.indexOf(i.level);
  const current = levels.indexOf(escalationLevelOf(target, chain));
  if (at < Math.max(1, current)) {
    const need = levelLabel(chain, levels[Math.max(1, current)]!);
    return { ok: false, reason: refuse('issuer_level', 'level', `督办须由${need['zh-CN']}或更高一级发出，${i.level} 不能督办`, `the order must come from the ${need.en} or above; ${i.level} cannot issue it` ) };
  }
  for (const order of existing) {
    if (order?.loop?.id !== SUPERVISION_LOOP_ID) continue;
    if (order.data.target.loop === target.loop.id && order.data.target.id === target.id && (order.state === 'issued' || order.state === 'answered')) {
      return { ok: false, reason: refuse('one_open_order', 'target', `${target.id} 已有未办结的督办单 ${order.id}：请在其上重新督办`, `${target.id} already has an open supervision order, ${order.id}: re-issue that one` ) };
    }
  }
  const fits = dueDateFits(i.at, i.dueDate);
  if (fits !== true) return { ok: false, reason: fits };
  const title = i.title ?? titleOf(target);
  const data = {
    target: title === undefined ? { loop: target.loop.id, id: target.id } : { loop: target.loop.id, id: target.id, title },
    chain: chain.id,
    level: i.level,
    issuedBy,
    addressee: i.addressee,
    instruction: i.instruction,
    dueDate: i.dueDate,
    responses: [],
    reissues: [],
    closing: null,
    withdrawal: null,
  };
  return accepted(createItem(supervisionLoop, { id: i.id, data, actor: actor as Actor<'issuer'>, at: i.at }));
}

/** A title the target carries in its data (a dispute's, an issue's), clipped to a list's length. */
function titleOf(target: Snapshot): string | undefined {
  const data = target.data as { title?: unknown; name?: unknown } | undefined;
  const t = typeof data?.title === 'string' ? data.title : typeof data?.name === 'string' ? data.name : undefined;
  return t === undefined || t.trim() === '' ? undefined : t.trim().slice(0, 200);
}
