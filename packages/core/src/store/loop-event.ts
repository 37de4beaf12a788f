import * as z from '../schema/zod.js';
import { LOOP_INDEXES } from './structure.js';
import { parseInstant } from '../calendar/instant.js';
import { compiledOf, type AnyLoopDefinition, type LoopDefinition } from '../loop/definition.js';
import { checkEvent } from '../loop/event.js';
import { indexesArg } from './spec.js';
import type { Refusal } from '../loop/refusal.js';
import { historyEntrySchema, isoInstant, snapshotSchema } from '../loop/snapshot.js';
import { step, transition, type TransitionContext, type TransitionResult } from '../loop/transition.js';
import { createMark } from '../loop/trusted.js';
import { CREATED, type AcceptedLoopEvent, type HistoryEntry, type LoopEvent, type LoopEventBase, type Snapshot } from '../loop/types.js';
import { storeArg, txArg, writeOptionsArg } from './args.js';
import { FreshStep } from './copy.js';
import type { ApplyOptions, ApplyResult, WriteOptions, ChangeCheck, CollectionSpec, Collections, IndexSpec, KeyPath, StaleVersion, Store, StoreTx, TxApplyResult } from './types.js';

const FIELDS = new Set(['loop', 'id', 'state', 'data', 'history', 'deadline', 'createdAt', 'updatedAt']);

/**
 * Snapshots the engine's step just made inside `applyLoopEvent` (module-private: nothing
 * else can mark one). The engine checked the event — the only new input — and built the rest from
 * the stored snapshot, which was valid when written; so such a result is checked for its shape of
 * change only, not parsed again (`verify()` still parses everything on demand). Not the engine's
 * own trusted set (`loop/trusted.ts`): that also holds snapshots a caller had checked, and a step
 * that changed one of those in place must still be checked whole.
 */
const engineMade = /* @__PURE__ */ createMark();

function engineStep<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  event: LoopEvent<NoInfer<E>, NoInfer<R>>,
  context: TransitionContext<C> | undefined,
) {
  return (current: unknown) => {
    // A stored record was validated when it was written (a store validates once, at its boundary;
    // `verify()` re-checks on demand), so the engine need not check its data again: a snapshot of
    // this loop goes straight to the engine's step once the event is checked. Anything else goes
    // through `transition`, which refuses it with the engine's own error.
    const s = current as Snapshot<S, D, E, R> | null;
    // Anything that is not a loop definition is refused here with the engine's typed error.
    const compiled = compiledOf(def, 'transition');
    let r: TransitionResult;
    if (s !== null && typeof s === 'object' && s.loop !== null && typeof s.loop === 'object' && s.loop.id === def.id && s.loop.version === def.version && Array.isArray(s.history)) {
      r = step(def as AnyLoopDefinition, compiled, s as Snapshot, event as LoopEvent, checkEvent('transition', event), context);
    } else r = transition(def, s as Snapshot<S, D, E, R>, event, context);
    if (!r.ok) return r as never;
    engineMade.add(r.snapshot);
    return new FreshStep(r.snapshot) as never;
  };
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, prefix: string): { ok: false; path: string; message: string } {
  const issue = error.issues[0]!;
  return { ok: false, path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'), message: issue.message };
}

/**
 * Validates a loop snapshot made from a stored (valid) one by appending history, checking only
 * what the step added or changed: the new history entries, the data when it is a new object, and
 * the rules that tie them together (the snapshot schema's own rules, for the new entries). Any
 * other shape of change (an old entry replaced, the id or creation changed, unknown fields) is
 * checked whole with the snapshot schema, so that this refuses exactly what the schema refuses.
 */
export function loopChangeCheck<S extends string, E extends string, R extends string, D, C>(def: LoopDefinition<S, E, R, D, C>) {
  compiledOf(def, 'loopChangeCheck');
  const whole = snapshotSchema(def);
  const entrySchema = historyEntrySchema(def);
  const full = (next: unknown): ChangeCheck => {
    const r = z.safeParse(whole, next);
    return r.success ? { ok: true, value: r.data } : firstIssue(r.error, '');
  };
  return (nextRaw: unknown, prevRaw: unknown): ChangeCheck => {
    const next = nextRaw as Snapshot | null;
    const prev = prevRaw as Snapshot;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) return full(next);
    const history = next.history;
    const before = prev.history;
    if (next.loop !== prev.loop || next.id !== prev.id || next.createdAt !== prev.createdAt || !Array.isArray(history) || history.length <= before.length) return full(next);
    for (let i = 0; i < before.length; i++) if (history[i] !== before[i]) return full(next);
    if (engineMade.has(next) && history.length === before.length + 1 && next.loop.id === def.id && next.loop.version === def.version) {
      // The engine appended one entry for an event it checked: the chain rules hold by construction,
      // and its snapshot has only the snapshot's own fields.
      const entry = history[before.length]!;
      if (entry.seq !== before.length || entry.from !== before[before.length - 1]!.to || entry.to !== next.state || entry.at !== next.updatedAt) return full(next);
      return { ok: true, value: next };
    }
    for (const k in next) if (Object.hasOwn(next, k) && !FIELDS.has(k)) return full(next);
    if (typeof next.state !== 'string' || !Object.hasOwn(def.states, next.state)) return { ok: false, path: 'state', message: 'not a state of this loop' };
    let data: unknown = next.data;
    if (data !== prev.data) {
      const r = z.safeParse(def.data, data);
      if (!r.success) return firstIssue(r.error, 'data');
      data = r.data;
    }
    const added: HistoryEntry[] = [];
    let previous = before[before.length - 1]!;
    for (let i = before.length; i < history.length; i++) {
      const r = z.safeParse(entrySchema, history[i]);
      if (!r.success) return firstIssue(r.error, `history.${i}`);
      const entry = r.data as HistoryEntry;
      if (entry.seq !== i) return { ok: false, path: `history.${i}.seq`, message: `seq must be ${i}` };
      if (entry.type === CREATED) return { ok: false, path: `history.${i}.type`, message: `only the first entry may be ${CREATED}` };
      if (entry.from !== previous.to) return { ok: false, path: `history.${i}.from`, message: `from must be ${previous.to}` };
      if (parseInstant(entry.at) < parseInstant(previous.at)) return { ok: false, path: `history.${i}.at`, message: 'entries must be in time order' };
      added.push(entry);
      previous = entry;
    }
    if (previous.to !== next.state) return { ok: false, path: 'state', message: `state must be ${previous.to}, where the history ends` };
    if (previous.at !== next.updatedAt) return { ok: false, path: 'updatedAt', message: 'must be the time of the last history entry' };
    if (next.deadline !== undefined && !isoInstant.safeParse(next.deadline).success) return { ok: false, path: 'deadline', message: 'must be an ISO 8601 instant with an offset' };
    if (def.states[next.state as S]?.final && next.deadline !== undefined) return { ok: false, path: 'deadline', message: 'a final state has no deadline' };
    const out: Record<string, unknown> = { loop: prev.loop, id: prev.id, state: next.state, data, history: [...before, ...added] };
    if (next.deadline !== undefined) out.deadline = next.deadline;
    out.createdAt = prev.createdAt;
    out.updatedAt = next.updatedAt;
    return { ok: true, value: out };
  };
}

/**
 * A collection for a loop's items: the loop's own snapshot schema, keyed by item id, indexed by
 * state, deadline and last update, plus the host's indexes into `data` (e.g. `{ unit: 'data.unit' }`).
 * Items are created once (`put` of an existing id is refused) and then change only through events;
 * an event's result is validated for what it changed.
 */
export function loopCollection<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  indexes: Readonly<Record<string, KeyPath | IndexSpec>> = {},
): CollectionSpec<ReturnType<typeof snapshotSchema<S, E, R, D, C>>> {
  compiledOf(def, 'loopCollection');
  indexesArg('loopCollection', indexes);
  let check: ((next: unknown, prev: unknown) => ChangeCheck) | undefined;
  return {
    schema: snapshotSchema(def),
    key: 'id',
    indexes: { ...LOOP_INDEXES, ...indexes },
    createOnly: true,
    validateChange: (next, prev) => (check ??= loopChangeCheck(def))(next, prev),
  };
}

/** The one method `applyLoopEvent` calls on a store (a list made once, not on every event). */
const APPLY_EVENT = ['applyEvent'] as const;

/** The refusal of a loop event: the engine's, or a stale version (named with the event). */
export type LoopApplyRefusal = Refusal | StaleVersion;

const named = <T>(result: T, type: string): T => {
  const r = result as { ok: boolean; reason?: StaleVersion };
  return r.ok || r.reason?.code !== 'stale_version' ? result : ({ ok: false, reason: { ...r.reason, event: type } } as T);
};

/**
 * Applies one loop event to a stored item, atomically: reads the snapshot, runs the engine's pure
 * `transition`, and writes the new snapshot (its history included) and a change-log entry `event`
 * in one transaction. A refusal writes nothing and is returned as `{ ok: false, reason }`; a
 * malformed event or a snapshot of another loop throws the engine's error, also writing nothing.
 *
 * `options.expectedVersion` is the version the caller decided on (`recordVersion(snapshot)` of
 * the snapshot it showed): when the item changed since, the event is refused with
 * `stale_version` and nothing is written. Without it the engine decides on the current state.
 */
export function applyLoopEvent<
  Cs extends Collections,
  S extends string,
  E extends string,
  R extends string,
  D,
  C,
  P extends { readonly [K in E]?: unknown },
  Ev extends LoopEventBase<NoInfer<E>, NoInfer<R>>,
  O extends ApplyOptions = WriteOptions,
>(
  store: Store<Cs>,
  collection: keyof Cs & string,
  def: LoopDefinition<S, E, R, D, C, P>,
  id: string,
  event: Ev & AcceptedLoopEvent<Ev, NoInfer<E>, NoInfer<R>, NoInfer<P>>,
  context?: TransitionContext<C>,
  options?: O,
): Promise<ApplyResult<Snapshot<S, D, E, R>, O extends { expectedVersion: number } ? LoopApplyRefusal : Refusal>> {
  storeArg('applyLoopEvent', store, APPLY_EVENT);
  // Read field by field: the change log's actor defaults to the event's, once the engine checked it.
  const o = writeOptionsArg('applyLoopEvent', options);
  const applied = store.applyEvent(collection, id, engineStep(def as never, event as LoopEvent as never, context), o);
  // Only a version the caller expected can come back stale, to be named with the event.
  return (o.expectedVersion === undefined ? applied : applied.then((r) => named(r, event?.type))) as never;
}

/** `applyLoopEvent` inside a batch (`store.batch(async (tx) => …)`): written with the batch. */
export function applyLoopEventIn<Cs extends Collections, S extends string, E extends string, R extends string, D, C>(
  tx: StoreTx<Cs>,
  collection: keyof Cs & string,
  def: LoopDefinition<S, E, R, D, C>,
  id: string,
  event: LoopEvent<NoInfer<E>, NoInfer<R>>,
  context?: TransitionContext<C>,
  options: { readonly expectedVersion?: number } = {},
): Promise<TxApplyResult<Snapshot<S, D, E, R>, LoopApplyRefusal>> {
  txArg('applyLoopEventIn', tx, APPLY_EVENT);
  const o = writeOptionsArg('applyLoopEventIn', options);
  return tx.applyEvent(collection, id, engineStep(def, event, context), o.expectedVersion === undefined ? {} : { expectedVersion: o.expectedVersion }).then((r) => named(r, event?.type)) as Promise<TxApplyResult<Snapshot<S, D, E, R>, LoopApplyRefusal>>;
}
