import type { LoopDefinition } from '../loop/definition.js';
import type { Refusal } from '../loop/refusal.js';
import { snapshotSchema } from '../loop/snapshot.js';
import { transition, type TransitionContext } from '../loop/transition.js';
import type { AcceptedLoopEvent, LoopEvent, LoopEventBase, Snapshot } from '../loop/types.js';
import type { ApplyResult, CollectionSpec, Collections, IndexSpec, KeyPath, Store, WriteOptions } from './types.js';

/**
 * A collection for a loop's items: the loop's own snapshot schema, keyed by item id, indexed by
 * state, deadline and last update, plus the host's indexes into `data` (e.g. `{ unit: 'data.unit' }`).
 */
export function loopCollection<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  indexes: Readonly<Record<string, KeyPath | IndexSpec>> = {},
): CollectionSpec<ReturnType<typeof snapshotSchema<S, E, R, D, C>>> {
  return {
    schema: snapshotSchema(def),
    key: 'id',
    indexes: { state: 'state', deadline: 'deadline', updatedAt: 'updatedAt', ...indexes },
  };
}

/**
 * Applies one loop event to a stored item, atomically: reads the snapshot, runs the engine's pure
 * `transition`, and writes the new snapshot, its history entry and a change-log entry in one
 * transaction. A refusal writes nothing and is returned as `{ ok: false, reason }`; a malformed
 * event or a snapshot of another loop throws the engine's error, also writing nothing.
 */
export function applyLoopEvent<Cs extends Collections, S extends string, E extends string, R extends string, D, C, P extends { readonly [K in E]?: unknown }, Ev extends LoopEventBase<NoInfer<E>, NoInfer<R>>>(
  store: Store<Cs>,
  collection: keyof Cs & string,
  def: LoopDefinition<S, E, R, D, C, P>,
  id: string,
  event: Ev & AcceptedLoopEvent<Ev, NoInfer<E>, NoInfer<R>, NoInfer<P>>,
  context?: TransitionContext<C>,
  options: WriteOptions = {},
): Promise<ApplyResult<Snapshot<S, D, E, R>, Refusal>> {
  return store.applyEvent(collection, id, (current) => transition(def, current as Snapshot<S, D, E, R>, event as LoopEvent as never, context) as never, {
    actor: event.actor,
    ...options,
  }) as Promise<ApplyResult<Snapshot<S, D, E, R>, Refusal>>;
}
