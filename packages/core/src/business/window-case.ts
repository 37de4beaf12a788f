import * as z from '../schema/zod.js';
import { id, personName } from '../schema/fields.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { parseInstant } from '../calendar/instant.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { formatRate } from '../rate/rate.js';
import { parseArgument } from '../schema/argument.js';
import { defineLoop, type LoopDefinition, type SnapshotOf } from '../loop/definition.js';
import { overdue, momentMs, type Moment } from '../loop/deadlines.js';
import { createItem } from '../loop/snapshot.js';
import { transition, type TransitionContext, type TransitionResult } from '../loop/transition.js';
import type { Actor, LoopEvent } from '../loop/types.js';
import { type OneWindowMatterInput, OneWindowMatterSchema } from './schema.js';

export const WINDOW_CASE_LOOP_ID = 'one-window-case';

const reason = z.object({ reason: z.string().check(z.minLength(1), z.maxLength(1000), z.regex(/\S/, 'must not be blank')) });

export const WindowCaseSchema = z.object({
  matterId: id,
  matter: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The matter's limit in working days when the case was accepted. */
  limit: z.number().check(z.positive(), z.lte(366)),
  /** The key firm applying, if any. */
  firmId: z.nullable(id),
  applicant: personName,
  outcome: z.nullable(z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('done'), onTime: z.boolean() }),
      z.object({ kind: z.literal('refused'), reason: z.string().check(z.maxLength(2000)) }),
      z.object({ kind: z.literal('withdrawn'), reason: z.string().check(z.maxLength(2000)) }),
    ])),
  /** Times the applicant was asked for missing materials (补正). */
  supplements: z.int().check(z.gte(0)),
});
export type WindowCase = z.output<typeof WindowCaseSchema>;

const MaterialsSchema = z.object({ missing: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1)) });

function build(days: number, calendar: WorkCalendar | undefined) {
  return defineLoop({
    id: WINDOW_CASE_LOOP_ID,
    version: 1,
    label: { 'zh-CN': '一窗通办 受理—办结', en: 'One-window case: accept → complete' },
    calendar,
    data: WindowCaseSchema,
    initial: 'accepted',
    creators: ['clerk'],
    roles: {
      clerk: { label: { 'zh-CN': '窗口人员', en: 'window clerk' } },
      supervisor: { label: { 'zh-CN': '督办人员', en: 'supervisor' } },
    },
    states: {
      // The limit runs from complete materials: a request for more stops it, a resubmission restarts it.
      accepted: { label: { 'zh-CN': '办理中', en: 'in progress' }, limit: { workingDays: days } },
      awaitingMaterials: { label: { 'zh-CN': '待补正材料', en: 'awaiting materials' } },
      done: { label: { 'zh-CN': '已办结', en: 'completed' }, final: true },
      refused: { label: { 'zh-CN': '不予办理', en: 'refused' }, final: true },
      withdrawn: { label: { 'zh-CN': '已撤回', en: 'withdrawn' }, final: true },
    },
    events: {
      requestMaterials: {
        label: { 'zh-CN': '一次性告知补正', en: 'request missing materials' },
        from: ['accepted'],
        to: 'awaitingMaterials',
        roles: ['clerk'],
        payload: MaterialsSchema,
        apply: (d: WindowCase): WindowCase => ({ ...d, supplements: d.supplements + 1 }),
      },
      resubmit: { label: { 'zh-CN': '材料补齐', en: 'materials complete' }, from: ['awaitingMaterials'], to: 'accepted', roles: ['clerk'] },
      complete: {
        label: { 'zh-CN': '办结', en: 'complete' },
        from: ['accepted'],
        to: 'done',
        roles: ['clerk'],
        apply: (d: WindowCase, _p: unknown, e: LoopEvent, s): WindowCase => ({
          ...d,
          outcome: { kind: 'done', onTime: s.deadline === undefined || parseInstant(e.at) < parseInstant(s.deadline) },
        }),
      },
      refuse: {
        label: { 'zh-CN': '不予办理', en: 'refuse' },
        from: ['accepted'],
        to: 'refused',
        roles: ['clerk', 'supervisor'],
        payload: reason,
        apply: (d: WindowCase, p: { reason: string }): WindowCase => ({ ...d, outcome: { kind: 'refused', reason: p.reason } }),
      },
      withdraw: {
        label: { 'zh-CN': '申请人撤回', en: 'withdraw' },
        from: ['accepted', 'awaitingMaterials'],
        to: 'withdrawn',
        roles: ['clerk'],
        payload: reason,
        apply: (d: WindowCase, p: { reason: string }): WindowCase => ({ ...d, outcome: { kind: 'withdrawn', reason: p.reason } }),
      },
      supervise: { label: { 'zh-CN': '督办', en: 'supervise' }, from: ['accepted'], to: 'accepted', roles: ['supervisor'] },
    },
  });
}

export type WindowCaseLoop = ReturnType<typeof build>;
export type WindowCaseItem = SnapshotOf<WindowCaseLoop>;

const cache = new Map<number, WindowCaseLoop>();

/**
 * The one-window case loop for a matter's limit. The limit counts whole working days: a limit
 * with a fraction (4.9) ends with the working day it falls in (the 5th). Every such loop shares
 * one id and snapshot shape, so that one collection holds the cases of every matter.
 */
export function windowCaseLoop(limit: number, calendar?: WorkCalendar): WindowCaseLoop {
  if (typeof limit !== 'number' || !(limit > 0) || limit > 366) {
    throw new InvalidArgumentError('windowCaseLoop', 'limit', { 'zh-CN': '必须是大于 0、不超过 366 的工作日数', en: 'must be a number of working days above 0 and at most 366' }, limit);
  }
  const days = Math.ceil(Math.round(limit * 100) / 100);
  if (calendar !== undefined) return build(days, calendar);
  let def = cache.get(days);
  if (!def) cache.set(days, (def = build(days, undefined)));
  return def;
}

export interface AcceptWindowCaseInput {
  readonly id: string;
  readonly matter: OneWindowMatterInput;
  readonly applicant: string;
  readonly firmId?: string | null;
  readonly actor: Actor<'clerk'>;
  readonly at: string;
  readonly note?: string;
}

/** 受理: a case of a one-window matter, due within the matter's limit in working days. */
export function acceptWindowCase(input: AcceptWindowCaseInput, context?: TransitionContext): WindowCaseItem {
  if (input === null || typeof input !== 'object') throw new InvalidArgumentError('acceptWindowCase', 'input', { 'zh-CN': '必须是对象', en: 'must be an object' }, input);
  const matter = parseArgument('acceptWindowCase', 'input.matter', OneWindowMatterSchema, input.matter);
  const data = { matterId: matter.id, matter: matter.name, limit: matter.limit, firmId: input.firmId ?? null, applicant: input.applicant, outcome: null, supplements: 0 };
  const def = windowCaseLoop(matter.limit);
  return createItem(def, { id: input.id, data, actor: input.actor, at: input.at, ...(input.note === undefined ? {} : { note: input.note }) }, context);
}

/** `transition` with the loop of the case's own limit. */
export function windowCaseTransition(item: WindowCaseItem, event: LoopEvent<string, string>, context?: TransitionContext): TransitionResult {
  if (item === null || typeof item !== 'object' || item.loop?.id !== WINDOW_CASE_LOOP_ID) {
    throw new InvalidArgumentError('windowCaseTransition', 'item', { 'zh-CN': '必须是一窗通办事项的快照', en: 'must be a one-window case snapshot' }, item);
  }
  const def = windowCaseLoop(item.data?.limit) as unknown as LoopDefinition;
  return transition(def, item as never, event, context);
}

export interface WindowCaseSummary {
  readonly cases: number;
  readonly done: number;
  readonly onTime: number;
  /** `formatRate(onTime, done)`: completed within the limit. */
  readonly onTimeRate: string;
  readonly open: number;
  /** Open and past the limit at `now` (0 without `now`). */
  readonly overdue: number;
}

/** The cases in figures: completed, on time, open and overdue. */
export function windowCaseSummary(items: readonly WindowCaseItem[], now?: Moment): WindowCaseSummary {
  if (!Array.isArray(items)) throw new InvalidArgumentError('windowCaseSummary', 'items', { 'zh-CN': '必须是一窗通办事项数组', en: 'must be an array of one-window cases' }, items);
  items.forEach((item, i) => {
    if (!item || item.loop?.id !== WINDOW_CASE_LOOP_ID || !item.data) {
      throw new InvalidArgumentError('windowCaseSummary', `items[${i}]`, { 'zh-CN': '必须是一窗通办事项的快照', en: 'must be a one-window case snapshot' }, item);
    }
  });
  const nowMs = now === undefined ? undefined : momentMs('windowCaseSummary', 'now', now);
  let done = 0;
  let onTime = 0;
  let open = 0;
  let late = 0;
  for (const item of items) {
    const o = item.data.outcome;
    if (o?.kind === 'done') {
      done++;
      if (o.onTime) onTime++;
    } else if (o === null) {
      open++;
      if (nowMs !== undefined && overdue(item, nowMs)) late++;
    }
  }
  return { cases: items.length, done, onTime, onTimeRate: formatRate(onTime, done), open, overdue: late };
}
