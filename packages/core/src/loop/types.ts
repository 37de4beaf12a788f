/** The plain-JSON shapes the engine reads and writes. */

/** Who sent an event: an actor id of the host's choosing, and the role they act in. */
export interface Actor<R extends string = string> {
  readonly id: string;
  readonly role: R;
}

/**
 * Something that happened to an item. `at` is an ISO 8601 instant with an offset, supplied by the
 * caller: the engine never reads the clock. `attachments` are references (file ids, URLs).
 */
export interface LoopEvent<E extends string = string, R extends string = string> {
  readonly type: E;
  readonly actor: Actor<R>;
  readonly at: string;
  readonly payload?: unknown;
  readonly note?: string;
  readonly attachments?: readonly string[];
}

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
