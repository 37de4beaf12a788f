import type { WorkCalendar } from '../calendar/work-calendar.js';
import type * as z from '../schema/zod.js';
import type { Localized } from '../i18n/locale.js';
import type { BlobBytes, StoredBlob } from './blobs.js';

/** An IndexedDB-compatible key: numbers, strings, dates, and arrays of them. */
export type Key = string | number | Date | readonly Key[];

/** A field name (dotted for nested fields) or several, for a compound key. */
export type KeyPath = string | readonly string[];

export interface IndexSpec {
  readonly path: KeyPath;
  readonly unique?: boolean;
}

/**
 * One collection, declared as data: its record schema, the record's key path and the fields it is
 * queried by (state, owner, unit, period, due date …).
 */
export interface CollectionSpec<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly key: KeyPath;
  /** index name → field path (or `{ path, unique }`). */
  readonly indexes?: Readonly<Record<string, KeyPath | IndexSpec>>;
  /**
   * Records are created once and then change only through events (loop items): `put`/`add` of a
   * key that exists is refused (`exists`) instead of silently replacing the record.
   */
  readonly createOnly?: boolean;
  /**
   * Validates a changed record against the stored one it was made from (which was valid when it
   * was written), checking only what changed; returns the record to store. Must refuse exactly
   * what `schema` refuses. `loopCollection` gives one for loop snapshots; without it the whole
   * record is parsed with `schema`.
   */
  readonly validateChange?: (next: unknown, previous: unknown) => ChangeCheck;
}

/** What `validateChange` decided: the record to store, or the first failing path and why. */
export type ChangeCheck = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly path: string; readonly message: string };

export type Collections = Readonly<Record<string, CollectionSpec>>;

/**
 * A step of the schema history. Version n + 1 is reached by migration n (index 0 takes version 1 to
 * 2). Structure (new collections and indexes, dropped ones) follows the declaration by itself; a
 * migration transforms records written by the previous version, and may drop them (return null).
 */
export interface Migration {
  readonly description: string;
  readonly transform?: Readonly<Record<string, (record: unknown) => unknown>>;
}

export interface StoreSpec<C extends Collections = Collections> {
  /** The database name (one per portal and tenant). */
  readonly name: string;
  readonly collections: C;
  readonly migrations?: readonly Migration[];
}

/** Who made a change (the same shape as a loop actor). */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

export type ChangeOp = 'put' | 'delete' | 'event';

/**
 * One entry of the change log: one write call (a batch is one entry listing its keys), with a
 * sequence number that only grows, so that a host can later sync from a known point.
 */
export interface ChangeEntry {
  readonly seq: number;
  readonly collection: string;
  readonly op: ChangeOp;
  readonly keys: readonly Key[];
  /** ISO 8601 instant of the write. */
  readonly at: string;
  readonly actor?: Actor;
}

/** What a subscriber hears: changes made here ('local') or in another tab ('remote'). */
export type StoreNotice =
  | { readonly kind: 'changes'; readonly source: 'local' | 'remote'; readonly changes: readonly ChangeEntry[] }
  /** The whole store was replaced (backup import); reload everything. */
  | { readonly kind: 'reset'; readonly source: 'local' | 'remote' };

/** A status the host should know about (show a banner, ask to close other tabs, reload). */
export interface StoreStatusEvent {
  readonly type: 'blocked' | 'versionchange' | 'closed';
  readonly message: Localized;
}

/** A record that could not be read back: its key, the failing field path and why. */
export interface RecordProblem {
  readonly collection: string;
  readonly key?: Key;
  readonly path: string;
  readonly message: string;
}

/** Selects records by an index (or the primary key when `index` is omitted). */
export interface Where {
  readonly index?: string;
  readonly equals?: Key;
  readonly gt?: Key;
  readonly gte?: Key;
  readonly lt?: Key;
  readonly lte?: Key;
}

export interface QueryOptions extends Where {
  /** Page size (default 100). */
  readonly limit?: number;
  /** The `cursor` of the previous page. */
  readonly cursor?: string | null;
  readonly reverse?: boolean;
}

/** One page of records that passed validation, the problems found, and the next page's cursor. */
export interface Page<T> {
  readonly items: T[];
  readonly problems: RecordProblem[];
  /** null when this is the last page. */
  readonly cursor: string | null;
}

/** All records of a collection that passed validation, and the problems found. */
export interface Listed<T> {
  readonly items: T[];
  readonly problems: RecordProblem[];
}

export interface WriteOptions {
  readonly actor?: Actor;
  /** Aborting it rolls the whole write back. */
  readonly signal?: AbortSignal;
}

/** Options of one event applied to a stored item. */
export interface ApplyOptions extends WriteOptions {
  /**
   * The record's version the caller decided on (`recordVersion(snapshot)`: the number of history
   * entries it had). When the stored record has another version, nothing is written and the
   * result is `{ ok: false, reason: StaleVersion }`. Without it, the step runs on whatever is
   * stored when the transaction starts (it is re-decided on the current state).
   */
  readonly expectedVersion?: number;
}

/** The refusal of an event decided on a version of the record that is no longer the stored one. */
export interface StaleVersion {
  readonly code: 'stale_version';
  readonly message: Localized;
  /** The event's type, when known. */
  readonly event: string;
  /** The stored record's state, when it has one. */
  readonly state: string;
  readonly expectedVersion: number;
  readonly currentVersion: number;
}

/** The loop engine's history entry, as far as the store needs it. */
export interface HistoryEntryLike {
  readonly seq: number;
  readonly type: string;
  readonly actor: Actor;
  readonly at: string;
}

/** A record that carries its own history (a loop snapshot). */
export interface WithHistory {
  readonly history: readonly HistoryEntryLike[];
}

export type StepResult<T, R> = { readonly ok: true; readonly snapshot: T } | { readonly ok: false; readonly reason: R };

/** Result of an atomic event apply: the new record and the history entries it added, or the refusal. */
export type ApplyResult<T, R> =
  | { readonly ok: true; readonly snapshot: T; readonly entries: HistoryEntryLike[]; readonly change: ChangeEntry }
  | { readonly ok: false; readonly reason: R };

/** An event applied inside a batch: as `ApplyResult`, the change entry comes with the batch's commit. */
export type TxApplyResult<T, R> =
  | { readonly ok: true; readonly snapshot: T; readonly entries: HistoryEntryLike[] }
  | { readonly ok: false; readonly reason: R };

/**
 * A dump of the whole store, in key order: what backups are made of. The history of an item lives
 * in its record (a loop snapshot's `history`); `history` rows are only read from dumps made by
 * earlier versions, checked, and never written.
 */
export interface StoreDump {
  readonly name: string;
  readonly schemaVersion: number;
  readonly collections: Readonly<Record<string, readonly unknown[]>>;
  readonly changes: readonly ChangeEntry[];
  /** @deprecated Dumps of earlier versions only: checked, then ignored (the snapshot is the history). */
  readonly history?: readonly HistoryRow[];
}

export interface RestoreOptions {
  /**
   * Allow a dump with no records at all to replace a store that holds records (a restore always
   * replaces everything; an empty dump would wipe the store). Default false: refused.
   */
  readonly allowEmpty?: boolean;
  /**
   * Check every loop item against its own history (`checkAgainstHistory`: its data, state and
   * deadline must be what the history gives), refusing the backup naming the first item and field
   * that differ. Default on; `{ calendar }` when the deadlines were counted on a host's calendar
   * (`chinaCalendar.extend(…)`); `false` to skip it (a backup made before a loop's rules changed).
   */
  readonly checkHistory?: boolean | { readonly calendar?: WorkCalendar };
}

/** What a restore did: it always replaces the whole store (never merges). */
export interface RestoreSummary {
  readonly mode: 'replace';
  /** Records written, per collection. */
  readonly records: Readonly<Record<string, number>>;
  /** Change-log entries written. */
  readonly changes: number;
}

/** What `verify()` found: every stored record re-validated against its schema. */
export interface VerifyReport {
  readonly checked: number;
  readonly problems: RecordProblem[];
}

/** A history entry of an item, as dumps of earlier versions listed it. */
export interface HistoryRow {
  readonly collection: string;
  readonly key: Key;
  readonly seq: number;
  readonly entry: HistoryEntryLike;
}

type Name<C> = keyof C & string;
export type RecordOf<C extends Collections, N extends keyof C> = z.output<C[N]['schema']>;
export type InputOf<C extends Collections, N extends keyof C> = z.input<C[N]['schema']>;

/**
 * The reads and writes of one batch (`store.batch`): every read sees the batch's own writes, and
 * the writes land together or not at all. Inside a batch, await only these calls (a batch that
 * awaits anything else, or calls the store itself, fails and writes nothing).
 */
export interface StoreTx<C extends Collections = Collections> {
  get<N extends Name<C>>(collection: N, key: Key): Promise<RecordOf<C, N> | undefined>;
  all<N extends Name<C>>(collection: N, where?: Where): Promise<RecordOf<C, N>[]>;
  /** Writes a record (refused with `exists` in a create-only collection when the key exists). */
  put<N extends Name<C>>(collection: N, record: InputOf<C, N>): Promise<RecordOf<C, N>>;
  /** Creates a record; refused with `exists` when the key exists. */
  add<N extends Name<C>>(collection: N, record: InputOf<C, N>): Promise<RecordOf<C, N>>;
  delete<N extends Name<C>>(collection: N, key: Key): Promise<boolean>;
  applyEvent<N extends Name<C>, R>(
    collection: N,
    key: Key,
    step: (current: RecordOf<C, N>) => StepResult<RecordOf<C, N>, R>,
    options?: { readonly expectedVersion?: number },
  ): Promise<TxApplyResult<RecordOf<C, N>, R | StaleVersion>>;
  /**
   * Keeps a blob under `id` with the batch's records (replacing one with that id): both are kept or
   * neither. Its bytes are read before the batch (`await readBlob(file)`): a batch awaits only its own calls.
   */
  putBlob(id: string, blob: BlobBytes): Promise<StoredBlob>;
  /** Deletes the blob kept under `id` with the batch's records; false when there was none. */
  deleteBlob(id: string): Promise<boolean>;
}

/**
 * The store every widget and loop uses. Records are validated with their collection's schema on
 * the way in (refused whole with a typed error naming the failing path), on restore and by
 * `verify()`; a read trusts what this store wrote (the database's version and declared structure
 * were checked when it opened). Every write is one transaction.
 */
export interface Store<C extends Collections = Collections> {
  readonly name: string;
  readonly schemaVersion: number;
  readonly spec: StoreSpec<C>;

  get<N extends Name<C>>(collection: N, key: Key): Promise<RecordOf<C, N> | undefined>;
  /** Writes a record (replacing one with its key, except in a create-only collection: `exists`). */
  put<N extends Name<C>>(collection: N, record: InputOf<C, N>, options?: WriteOptions): Promise<RecordOf<C, N>>;
  /** Creates a record; refused with `exists` when the key exists. */
  add<N extends Name<C>>(collection: N, record: InputOf<C, N>, options?: WriteOptions): Promise<RecordOf<C, N>>;
  /** All records in one transaction; one refused record refuses the batch. */
  bulkPut<N extends Name<C>>(collection: N, records: readonly InputOf<C, N>[], options?: WriteOptions): Promise<number>;
  /** Deletes one record; false when there was none. */
  delete<N extends Name<C>>(collection: N, key: Key, options?: WriteOptions): Promise<boolean>;
  /** Deletes the records with these keys in one transaction (missing ones are ignored); returns how many existed. */
  bulkDelete<N extends Name<C>>(collection: N, keys: readonly Key[], options?: WriteOptions): Promise<number>;
  /** One page of records in index order. */
  query<N extends Name<C>>(collection: N, options?: QueryOptions): Promise<Page<RecordOf<C, N>>>;
  /** Every record that matches, in index order. */
  all<N extends Name<C>>(collection: N, where?: Where): Promise<Listed<RecordOf<C, N>>>;
  count<N extends Name<C>>(collection: N, where?: Where): Promise<number>;

  /**
   * Atomically reads the record, runs `step` on it (pure: the loop engine's transition), and
   * writes the new record (its history included) and a change-log entry `event` — all or
   * nothing. A refusal (the step's, or `stale_version`) writes nothing and comes back as a value.
   */
  applyEvent<N extends Name<C>, R>(
    collection: N,
    key: Key,
    step: (current: RecordOf<C, N>) => StepResult<RecordOf<C, N>, R>,
    options?: ApplyOptions,
  ): Promise<ApplyResult<RecordOf<C, N>, R | StaleVersion>>;
  /**
   * Several reads and writes over any collections in one transaction, all or nothing: when `body`
   * throws (or rejects), nothing it wrote is kept and the error comes back. The change log gets one
   * entry per collection and kind of write, and subscribers one notice.
   */
  batch<T>(body: (tx: StoreTx<C>) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** The item's history: its record's `history`, in sequence order ([] when there is none). */
  history(collection: Name<C>, key: Key): Promise<HistoryEntryLike[]>;

  /** Change-log entries after `after` (exclusive), oldest first. */
  changes(options?: { after?: number; limit?: number }): Promise<ChangeEntry[]>;
  lastSeq(): Promise<number>;
  /** Listens to changes made here and in other tabs; returns the unsubscribe function. */
  subscribe(listener: (notice: StoreNotice) => void): () => void;

  /** Every record (raw: nothing is lost) and change, in key order. */
  dump(): Promise<StoreDump>;
  /**
   * Replaces the whole store (never merges) with a dump of this schema version, in one
   * transaction, after checking everything it will write: every record, every change-log entry
   * (sequence numbers positive, rising, below 2^48), legacy history rows. Any refusal
   * (`invalid_backup`) writes nothing and leaves the store as it was, writable.
   */
  restore(dump: StoreDump, options?: RestoreOptions): Promise<RestoreSummary>;
  /** Re-validates every stored record (reads trust the store; this is the explicit check). */
  verify(): Promise<VerifyReport>;
  /**
   * Deletes every record and the change log, in one transaction (sign-out on a shared computer);
   * the store stays open and usable. To remove the database itself, see `deleteIndexedDbStore`.
   */
  clear(options?: WriteOptions): Promise<void>;

  /**
   * Keeps a blob (an attachment's bytes) under `id`, replacing one with that id. Blobs are not
   * records: they are not in the change log, in dumps or in backups; `clear()` deletes them too.
   */
  putBlob(id: string, blob: Blob, options?: WriteOptions): Promise<StoredBlob>;
  /** The blob kept under `id` (an equal copy: same bytes and media type), or undefined. */
  getBlob(id: string): Promise<Blob | undefined>;
  /** Deletes the blob kept under `id`; false when there was none. */
  deleteBlob(id: string, options?: WriteOptions): Promise<boolean>;

  close(): void;
  readonly closed: boolean;
}
