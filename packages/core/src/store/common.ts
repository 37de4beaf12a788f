// What the memory and IndexedDB stores do alike, whatever holds their data: one place for the
// logic of the `Store` interface that does not depend on the storage underneath.
import { listArg, writeOptionsArg } from './args.js';
import { encodeCursor, fingerprintOf, resolveCollections, schemaVersionOf, validateOut, type ResolvedCollection } from './spec.js';
import type { Actor, Collections, HistoryEntryLike, Key, Page, RecordProblem, Store, StoreSpec, WriteOptions } from './types.js';

/** A store's batch write: validates every record, then writes them all or none. */
export type WriteAll = (collection: string, records: readonly unknown[], opts: WriteOptions | undefined, create: boolean) => Promise<unknown[]>;

/** What a store's spec declares, as the store works with it: the collections, the schema version and its fingerprint. */
export function declared(spec: StoreSpec): { cols: ReadonlyMap<string, ResolvedCollection>; version: number; fingerprint: string } {
  return { cols: resolveCollections(spec), version: schemaVersionOf(spec), fingerprint: fingerprintOf(spec) };
}

/** What every store writes alike: the one-record writes, through its batch write and `bulkDelete`. */
type RecordWrites = 'put' | 'add' | 'bulkPut' | 'delete';

/**
 * A store: its name, version and spec, whether it is closed, the one-record writes (through the
 * store's batch write and its `bulkDelete`), and the rest of its methods as the store gives them.
 */
export function storeOf<C extends Collections>(spec: StoreSpec<C>, version: number, closed: () => boolean, write: WriteAll, methods: Omit<Store<C>, 'name' | 'schemaVersion' | 'spec' | 'closed' | RecordWrites>): Store<C> {
  const store: Store<C> = {
    name: spec.name,
    schemaVersion: version,
    spec,
    get closed() {
      return closed();
    },
    ...recordWrites<C>(write, (collection, keys, opts) => store.bulkDelete(collection, keys, opts)),
    ...methods,
  };
  return store;
}

function recordWrites<C extends Collections>(write: WriteAll, bulkDelete: Store<C>['bulkDelete']): Pick<Store<C>, RecordWrites> {
  return {
    async put(collection, record, opts) {
      return (await write(collection, [record], writeOptionsArg('put', opts), false))[0] as never;
    },
    async add(collection, record, opts) {
      return (await write(collection, [record], writeOptionsArg('add', opts), true))[0] as never;
    },
    async bulkPut(collection, records, opts) {
      listArg('bulkPut', 'records', records);
      return (await write(collection, records, writeOptionsArg('bulkPut', opts), false)).length;
    },
    async delete(collection, key, opts) {
      return (await bulkDelete(collection, [key], opts)) === 1;
    },
  };
}

/** Who an event's change-log entry names: the write's actor, else the event's sender, else the store's. */
export function eventActor(opts: WriteOptions | undefined, entries: readonly HistoryEntryLike[], fallback: Actor | undefined): Actor | undefined {
  return opts?.actor ?? entries[entries.length - 1]?.actor ?? fallback;
}

/**
 * One page of a query from the rows read (up to one past the limit, which says whether a next
 * page exists): the cursor points after the page's last row.
 */
export function pageOf(rows: readonly { pk: Key; ik: Key | undefined; value: unknown }[], limit: number, indexed: boolean, out: (value: unknown) => unknown): Page<never> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const cursor = rows.length > limit && last ? encodeCursor({ primaryKey: last.pk, ...(indexed ? { indexKey: last.ik } : {}) }) : null;
  return { items: page.map((r) => out(r.value)), problems: [], cursor } as unknown as Page<never>;
}

/** Every stored record checked against its collection's schema (`verify`). */
export function verifyRecords(collections: Iterable<[ResolvedCollection, Iterable<unknown>]>): { checked: number; problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  let checked = 0;
  for (const [c, values] of collections) {
    for (const value of values) {
      checked++;
      const r = validateOut(c, value);
      if (!r.ok) problems.push(r.problem);
    }
  }
  return { checked, problems };
}

/** A stored record's history in sequence order (none for a record without one). */
export function historyOf(value: unknown, copy: <T>(v: T) => T): HistoryEntryLike[] {
  const history = (value as { history?: unknown } | undefined)?.history;
  return Array.isArray(history) ? copy(history as HistoryEntryLike[]).sort((x, y) => x.seq - y.seq) : [];
}
