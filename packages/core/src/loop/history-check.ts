import { BihuanError, clip, describe } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import type { Rejection, Result } from '../schema/result.js';
import { type AnyLoopDefinition, compiledOf, type LoopDefinition } from './definition.js';
import { checkEvent } from './event.js';
import { createItem, snapshotSchema } from './snapshot.js';
import { isTrusted, trust } from './trusted.js';
import { parseArgument } from '../schema/argument.js';
import type * as z from '../schema/zod.js';
import { checkSnapshot, step, type TransitionContext } from './transition.js';
import { firstDifference } from './difference.js';
import { CREATED, type LoopEvent, type Snapshot } from './types.js';

/**
 * Why a stored item does not agree with its own history. `rule` is `history_mismatch` (the data,
 * state or deadline differ from what the history gives: `field` names the first part that differs,
 * `data.followUps`, `deadline` …) or `history_unreplayable` (an entry cannot be applied at all:
 * `field` is `history.N…`). `item` is the item's id.
 */
export interface HistoryMismatch extends Rejection {
  readonly rule: 'history_mismatch' | 'history_unreplayable';
  readonly item: string;
  readonly field: string;
}

/** An item whose stored data contradicts its history, thrown by hosts that prefer exceptions. */
export class HistoryMismatchError extends BihuanError {
  readonly item: string;
  readonly field: string;
  constructor(reason: HistoryMismatch) {
    super(reason.rule, reason.message);
    this.name = 'HistoryMismatchError';
    this.item = reason.item;
    this.field = reason.field;
  }
}

/**
 * @internal `checkSnapshot` for a function that reads the whole snapshot, its history too: one the
 * engine did not make (or a store did not just validate) is read whole by its snapshot schema, and
 * returned as that schema reads it.
 */
export function checkWholeSnapshot(def: AnyLoopDefinition, snapshot: Snapshot, fn: string): Snapshot {
  const trusted = snapshot !== null && typeof snapshot === 'object' && isTrusted(snapshot);
  const checked = checkSnapshot(def, snapshot, fn);
  return trusted ? checked : trust(parseArgument(fn, 'snapshot', snapshotSchema(def as never) as z.ZodType, snapshot) as Snapshot);
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function mismatch(rule: HistoryMismatch['rule'], item: string, field: string, texts: Localized): { ok: false; reason: HistoryMismatch } {
  return { ok: false, reason: { rule, item, field, message: texts } };
}

/**
 * Whether a stored item agrees with its own history: its state, data, deadline and times must be
 * what `replay(history)` gives. The history's events are applied as they were accepted — payloads
 * checked with the loop's schemas, guards not run again (the rules of the day may have changed,
 * and the host's context is not at hand) — with the calendar of `context` (the definition's, else
 * mainland China's). A snapshot whose follow-ups were emptied, or whose deadline was moved to
 * 2099, is refused here, naming the item and the first field that differs.
 *
 * Returns `{ ok: true, value }` with the replayed snapshot, or `{ ok: false, reason }`. A snapshot
 * that is not one of this loop's at all throws, as `transition` does.
 */
export function checkAgainstHistory<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  given: Snapshot<S, D, E, R>,
  context?: TransitionContext<C>,
): Result<Snapshot<S, D, E, R>, HistoryMismatch> {
  const compiled = compiledOf(def, 'checkAgainstHistory');
  // Its history is what is replayed, and what is compared is the snapshot as its schema reads it.
  const snapshot = checkWholeSnapshot(def as AnyLoopDefinition, given as Snapshot, 'checkAgainstHistory') as Snapshot<S, D, E, R>;
  const item = snapshot.id;
  const history = snapshot.history;
  const unreplayable = (i: number, why: Localized, field = `history[${i}]`) =>
    mismatch('history_unreplayable', item, field, {
      'zh-CN': `事项 ${clip(item, 60)} 的历史第 ${i} 条无法重放（${field}）：${why['zh-CN']}`,
      en: `item ${clip(item, 60)}: history entry ${i} cannot be replayed (${field}): ${why.en}`,
    });
  const first = history[0];
  const created = first?.payload as { id?: unknown; data?: unknown } | undefined;
  if (!first || first.type !== CREATED || !created || created.id !== item) {
    return unreplayable(0, { 'zh-CN': `第一条必须是 ${CREATED}，带有本事项的 { id, data }`, en: `the first entry must be ${CREATED} carrying this item's { id, data }` });
  }
  let current: Snapshot;
  let i = 0;
  try {
    current = createItem(def, { id: item, data: created.data as D, actor: first.actor, at: first.at, note: first.note, attachments: first.attachments }, context) as Snapshot;
    for (i = 1; i < history.length; i++) {
      const entry = history[i]!;
      const event: { -readonly [K in keyof LoopEvent]: LoopEvent[K] } = { type: entry.type, actor: entry.actor, at: entry.at };
      if (entry.payload !== undefined) event.payload = entry.payload;
      if (entry.note !== undefined) event.note = entry.note;
      if (entry.attachments !== undefined) event.attachments = entry.attachments;
      const result = step(def, compiled, current, event, checkEvent('checkAgainstHistory', event), context, false);
      if (!result.ok) return unreplayable(i, result.reason.message, result.reason.field === undefined ? `history[${i}]` : `history[${i}].payload.${result.reason.field}`);
      if (current.state !== entry.from || result.snapshot.state !== entry.to) {
        return unreplayable(i, { 'zh-CN': `记为 ${entry.from} → ${entry.to}，重放得到 ${current.state} → ${result.snapshot.state}`, en: `says ${entry.from} → ${entry.to}, replays as ${current.state} → ${result.snapshot.state}` }, `history[${i}].to`);
      }
      current = result.snapshot;
    }
  } catch (error) {
    const why = error instanceof BihuanError ? error.texts : { 'zh-CN': '该条内容无法应用', en: 'its content cannot be applied' };
    return unreplayable(i, why);
  }
  for (const field of ['state', 'data', 'deadline', 'createdAt', 'updatedAt'] as const) {
    const differs = firstDifference(snapshot[field], current[field], field);
    if (differs !== undefined) {
      const stored = describe(valueAt(snapshot, differs));
      const replayed = describe(valueAt(current, differs));
      return mismatch('history_mismatch', item, differs, {
        'zh-CN': `事项 ${clip(item, 60)} 的 ${differs} 与其历史记录不符（存储为 ${describe(valueAt(snapshot, differs), 'zh-CN')}，按历史应为 ${describe(valueAt(current, differs), 'zh-CN')}）`,
        en: `item ${clip(item, 60)}: ${differs} does not match its history (stored ${stored}, the history gives ${replayed})`,
      });
    }
  }
  return { ok: true, value: current as Snapshot<S, D, E, R> };
}
