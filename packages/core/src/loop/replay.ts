import { InvalidArgumentError } from '../errors/errors.js';
import { compiledOf, type LoopDefinition } from './definition.js';
import { ReplayError } from './errors.js';
import { checkEvent } from './event.js';
import { createItem } from './snapshot.js';
import { step, type TransitionContext } from './transition.js';
import { CREATED, type HistoryEntry, type LoopEvent, type Snapshot } from './types.js';

/**
 * Rebuilds an item from its history alone: the creation entry, then every event through the same
 * transition. The result equals the snapshot the history came from (deadlines included, given the
 * same calendar). Throws `ReplayError` if an entry is refused or lands elsewhere than it says.
 */
export function replay<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  history: readonly HistoryEntry<NoInfer<S>, NoInfer<E>, NoInfer<R>>[],
  context?: TransitionContext<C>,
): Snapshot<S, D, E, R> {
  const compiled = compiledOf(def, 'replay');
  if (!Array.isArray(history) || history.length === 0) {
    throw new InvalidArgumentError('replay', 'history', { 'zh-CN': '必须是非空的历史数组', en: 'must be a non-empty history array' }, history);
  }
  const first = history[0]!;
  const created = isObject(first) ? (first.payload as { id?: unknown; data?: unknown } | undefined) : undefined;
  if (!isObject(first) || first.type !== CREATED || !created || typeof created !== 'object' || typeof created.id !== 'string') {
    throw new ReplayError(0, { 'zh-CN': `第一条必须是 ${CREATED}，并带有 { id, data }`, en: `the first entry must be ${CREATED} carrying { id, data }` });
  }
  let snapshot: Snapshot = createItem(
    def,
    { id: created.id, data: created.data as D, actor: first.actor, at: first.at, note: first.note, attachments: first.attachments },
    context,
  );
  for (let i = 1; i < history.length; i++) {
    const entry = history[i]!;
    if (!isObject(entry)) throw new ReplayError(i, { 'zh-CN': '不是一条历史记录', en: 'is not a history entry' });
    const event: { -readonly [K in keyof LoopEvent]: LoopEvent[K] } = { type: entry.type, actor: entry.actor, at: entry.at };
    if (entry.payload !== undefined) event.payload = entry.payload;
    if (entry.note !== undefined) event.note = entry.note;
    if (entry.attachments !== undefined) event.attachments = entry.attachments;
    const result = step(def, compiled, snapshot, event, checkEvent('replay', event), context);
    if (!result.ok) throw new ReplayError(i, result.reason.message);
    if (result.snapshot.state !== entry.to || snapshot.state !== entry.from) {
      throw new ReplayError(i, { 'zh-CN': `应从 ${entry.from} 到 ${entry.to}，重放得到 ${snapshot.state} → ${result.snapshot.state}`, en: `says ${entry.from} → ${entry.to}, replays as ${snapshot.state} → ${result.snapshot.state}` });
    }
    snapshot = result.snapshot;
  }
  return snapshot as Snapshot<S, D, E, R>;
}

/** A history entry (or its payload) is an object; anything else is refused by its position, never read. */
function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object';
}
