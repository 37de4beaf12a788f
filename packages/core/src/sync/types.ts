import type { Localized } from '../i18n/locale.js';
import type { Collections, Store } from '../store/types.js';

/** Where the signed-in user works, as the server's session says: the deepest level their token names. */
export interface SyncScope {
  readonly level: 'city' | 'county' | 'town' | 'community';
  /** The path of names from the city down (`示例市/东区/甲镇`): unique across a city. */
  readonly id: string;
  /** The deepest level's own name (`甲镇`). */
  readonly name?: string;
}

/** The signed-in user as the server knows them (`GET /session`): widgets take the actor from here. */
export interface SyncSession {
  readonly actor: { id: string; name?: string; roles: readonly string[]; unit?: string };
  readonly scope: SyncScope;
  /** When the token the session came from expires (ISO 8601). */
  readonly expiresAt?: string;
}

/** A change the server refused: kept (and shown) until dismissed; the item was rolled back to `current`. */
export interface SyncRefusal {
  readonly collection: string;
  readonly key: string;
  readonly mutationId: string;
  /** The engine's refusal code (`not_allowed_in_state`, `guard_failed` …) or the server's (`not_found` …). */
  readonly code: string;
  /** The guard's rule, for `guard_failed`. */
  readonly rule?: string;
  readonly message: Localized;
  readonly event: { type: string; actor: { id: string; name?: string } };
  /** The server's current record (undefined when the item is gone or out of the user's scope). */
  readonly current?: unknown;
  /** When the refusal arrived (ISO 8601). */
  readonly at: string;
}

export interface SyncState {
  /** The last request reached the server (and the platform says it is online). */
  readonly online: boolean;
  /** A push or pull is under way. */
  readonly syncing: boolean;
  /** Changes made here and not yet accepted by the server. */
  readonly pending: number;
  readonly lastSyncAt?: string;
  readonly error?: { code: string; message: Localized };
  readonly refusals: readonly SyncRefusal[];
}

export interface SyncControl {
  state(): SyncState;
  /** Called on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: SyncState) => void): () => void;
  /** Whether the item has a change made here that the server has not accepted yet. */
  isPending(collection: string, key: string): boolean;
  /** The last refusal for that item, until dismissed. */
  refusal(collection: string, key: string): SyncRefusal | undefined;
  dismiss(mutationId: string): void;
  /** Pushes and pulls now (in the tab that syncs; elsewhere asks that tab to). */
  syncNow(): Promise<void>;
  /**
   * The server's attachment records of one item (added by anyone) into the attachment store, and
   * the records there (including this device's own), asked of the server now. Every pull brings
   * the records of files added or withdrawn since the last (they are changes in the server's
   * feed), so this is only for a view that wants one item's records at once. Bytes are not
   * fetched: see `fetchFile`.
   * Without an attachment store, or offline, it answers the local records.
   */
  pullFiles?(collection: string, key: string): Promise<readonly unknown[]>;
  /**
   * The bytes of an attachment whose record the attachment store holds but whose bytes it does
   * not (someone else's file): fetched from the server, checked against the record's SHA-256,
   * kept as the store's blob and returned; undefined when the server has none to give.
   */
  fetchFile?(attachmentId: string): Promise<Blob | undefined>;
}

/** A store whose loop items are kept in step with a bihuan server. */
export interface SyncedStore<C extends Collections = Collections> extends Store<C> {
  readonly session: SyncSession | undefined;
  readonly sync: SyncControl;
}
