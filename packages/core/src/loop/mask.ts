import type * as z from '../schema/zod.js';
import { maskRecord } from '../privacy/privacy.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { compiledOf, type LoopDefinition } from './definition.js';
import { CREATED, type HistoryEntry, type Snapshot } from './types.js';

/**
 * A copy of a snapshot for views and exports with every personal field masked: in its data, in the
 * creation entry's data, and in each event payload whose schema marks personal fields.
 */
export function maskSnapshot<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  snapshot: Snapshot<S, D, E, R>,
): Snapshot<S, D, E, R> {
  const compiled = compiledOf(def, 'maskSnapshot');
  if (snapshot === null || typeof snapshot !== 'object' || !Array.isArray(snapshot.history)) {
    throw new InvalidArgumentError('maskSnapshot', 'snapshot', { 'zh-CN': '必须是该闭环的快照', en: 'must be a snapshot of this loop' }, snapshot);
  }
  const data = def.data as z.ZodType<D>;
  const history = snapshot.history.map((entry): HistoryEntry<S, E, R> => {
    if (entry.payload === undefined) return entry;
    if (entry.type === CREATED) {
      const created = entry.payload as { id: string; data: D };
      return { ...entry, payload: { id: created.id, data: maskRecord(data, created.data) } };
    }
    const schema = compiled.events.get(entry.type)?.payload;
    return schema ? { ...entry, payload: maskRecord(schema, entry.payload) } : entry;
  });
  return { ...snapshot, data: maskRecord(data, snapshot.data), history };
}
