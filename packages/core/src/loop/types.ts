/** The plain-JSON shapes the engine reads and writes. */

/**
 * Who sent an event: an actor id of the host's choosing, the role they act in, and — where a rule
 * needs it — the body they act for (`unit`: a department, a unit being assessed, a firm) and their
 * name. Rules that name a person or a body compare against these (a liaison mediates only for
 * their own department; an assessor never evaluates their own unit).
 */
export interface Actor<R extends string = string> {
  readonly id: string;
  readonly role: R;
  readonly unit?: string;
  readonly name?: string;
}

/**
 * Something that happened to an item. `at` is an ISO 8601 instant with an offset, supplied by the
 * caller: the engine never reads the clock. `attachments` are references (file ids, URLs).
 */
export interface LoopEvent<E extends string = string, R extends string = string> extends LoopEventBase<E, R> {
  readonly payload?: unknown;
}

/** An event without its payload: what every event type has in common. */
export interface LoopEventBase<E extends string = string, R extends string = string> {
  readonly type: E;
  readonly actor: Actor<R>;
  readonly at: string;
  readonly note?: string;
  readonly attachments?: readonly string[];
}

/**
 * An event of a loop, typed per event type: `payload` is what that type's schema takes (its
 * `z.input`), absent for types that take none. `P` maps event types to payload types. A missing
 * payload is left to the engine, which refuses it (`field_missing`) as always.
 */
export type TypedLoopEvent<E extends string, R extends string, P extends { readonly [K in E]?: unknown }> = {
  [K in E]: LoopEventBase<K, R> & ([P[K]] extends [undefined] ? { readonly payload?: undefined } : { readonly payload?: P[K] });
}[E];

/**
 * What `transition` and `applyLoopEvent` accept for an argument of type `Ev`. An event of one
 * type must carry that type's payload. Its payload is left to the engine's run-time check (which
 * refuses a bad one naming the field) only when it is untyped — `unknown`, say a host's parsed
 * JSON — or when `Ev`'s `type` is a union of several event types, which no static check can pair
 * with their payloads.
 */
export type AcceptedLoopEvent<Ev, E extends string, R extends string, P extends { readonly [K in E]?: unknown }> = [Ev] extends [{ readonly type: infer K }]
  ? IsUnion<K> extends true
    ? UntypedLoopEvent<E, R>
    : [Ev] extends [{ readonly payload?: infer X }]
      ? 'payload' extends keyof Ev
        ? {} | null extends X
          ? UntypedLoopEvent<E, R>
          : TypedLoopEvent<E, R, P>
        : TypedLoopEvent<E, R, P>
      : TypedLoopEvent<E, R, P>
  : TypedLoopEvent<E, R, P>;

type UntypedLoopEvent<E extends string, R extends string> = LoopEventBase<E, R> & { readonly payload?: unknown };
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/** The type of the first history entry, which records the item's creation and initial data. */
export const CREATED = '@create';
export type Created = typeof CREATED;

/** One accepted event, as stored. `seq` counts from 0 (the creation). */
export interface HistoryEntry<S extends string = string, E extends string = string, R extends string = string> {
  readonly seq: number;
  readonly type: E | Created;
  readonly actor: Actor<R>;
  readonly at: string;
  readonly from: S | null;
  readonly to: S;
  readonly note?: string;
  readonly attachments?: readonly string[];
  readonly payload?: unknown;
}

/** An item's state, as plain JSON. `deadline` is the current stage's (absent without a limit). */
export interface Snapshot<S extends string = string, D = unknown, E extends string = string, R extends string = string> {
  readonly loop: { readonly id: string; readonly version: number };
  readonly id: string;
  readonly state: S;
  readonly data: D;
  readonly history: readonly HistoryEntry<S, E, R>[];
  readonly deadline?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
