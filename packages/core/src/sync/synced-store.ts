import * as z from '../schema/zod.js';
import { parseArgument } from '../schema/argument.js';
import type { Localized } from '../i18n/locale.js';
import type { ApplyOptions, Collections, HistoryEntryLike, Key, RecordProblem, Store, StoreTx, WriteOptions } from '../store/types.js';
import { keyAt } from '../store/spec.js';
import { storeError } from '../store/errors.js';
import { elect, type Election } from './leader.js';
import { SYNC_TEXTS } from './messages.js';
import { openQueue, type OutboxEntry, type QueueStore } from './queue.js';
import type { SyncControl, SyncedStore, SyncRefusal, SyncSession, SyncState } from './types.js';
import type { Attachment } from '../schema/attachment.js';
import { ATTACHMENT_EVENTS, attachmentRuleOfKind } from '../attachment/rules.js';
import { sha256Of } from '../attachment/hash.js';

export interface SyncedStoreOptions {
  /** The server's address (`https://portal.example/bihuan`), without a trailing slash. */
  readonly url: string;
  /** The portal's token for the signed-in user; called again once after a 401. */
  readonly getToken: () => Promise<string> | string;
  /** The local store: the cache every widget reads, and where optimistic changes land first. */
  readonly local: Store<any>;
  readonly fetch?: typeof fetch;
  /**
   * Local collection → the server's collection, for loop collections named differently
   * (`{ orders: 'taskOrders', permits: 'eventPermits' }`). Default: every create-only (loop)
   * collection of the local store, under its own name.
   */
  readonly collections?: Readonly<Record<string, string>>;
  /** The outbox's own store (default: `<local name>:sync`, IndexedDB when present, else memory). */
  readonly queue?: Store<any>;
  /** Follow the server's live notices (default true). */
  readonly live?: boolean;
  /**
   * Where this device's attachment records and their bytes are kept (a store of
   * `attachmentStoreSpec`, as the case view's `attachmentStore`); default: the local store itself
   * when it declares an `attachments` collection. Files added there are uploaded (bytes read at
   * push time, before the events of their item, idempotent by attachment id, retried like
   * changes); files removed there are withdrawn on the server.
   */
  readonly attachments?: Store<any>;
}

const OptionsSchema = /* @__PURE__ */ z.object({
  url: z.string().check(z.regex(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, 'an http(s) address or a path')),
  getToken: z.custom<() => string | Promise<string>>((v) => typeof v === 'function', 'must be a function () => token'),
  local: z.custom<Store<any>>((v) => v !== null && typeof v === 'object' && typeof (v as Store).applyEvent === 'function' && typeof (v as Store).batch === 'function', 'must be a bihuan Store'),
  fetch: z.optional(z.custom<typeof fetch>((v) => typeof v === 'function', 'must be a fetch function')),
  collections: z.optional(z.record(z.string(), z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9-]{0,59}$/)))),
  queue: z.optional(z.custom<Store<any>>((v) => v !== null && typeof v === 'object' && typeof (v as Store).batch === 'function', 'must be a bihuan Store')),
  live: z.optional(z.boolean()),
  attachments: z.optional(z
    .custom<Store<any>>((v) => v !== null && typeof v === 'object' && typeof (v as Store).all === 'function' && typeof (v as Store).getBlob === 'function' && Object.hasOwn((v as Store).spec?.collections ?? {}, 'attachments'), 'must be a bihuan Store of attachment records (attachmentStoreSpec)')),
});

/** Whether `value` is a synced store (duck typing on `session` and `sync`, as widgets do). */
export function isSyncedStore(value: unknown): value is SyncedStore<any> {
  if (value === null || typeof value !== 'object') return false;
  try {
    const sync = (value as { sync?: unknown }).sync;
    return 'session' in value && sync !== null && typeof sync === 'object' && typeof (sync as SyncControl).state === 'function' && typeof (sync as SyncControl).subscribe === 'function';
  } catch {
    return false; // a hostile object (a throwing getter or proxy) is not a synced store
  }
}

/** A request that did not reach the server, or a 5xx: retried with backoff. */
class Transient extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
/** A batch's rehearsal ended: what it touched (nothing was written). */
class Rehearsed extends Error {
  constructor(readonly touched: { collection: string; key: Key; prior: unknown }[]) {
    super('rehearsed');
  }
}
/** A batch run met an item its plan does not name, or one changed since: planned again. */
class Replan extends Error {
  constructor() {
    super('replan');
  }
}
/** How often a batch is planned again before it gives up (`conflict`). */
const MAX_REPLANS = 8;
/** The server refused the token twice: syncing stops until `syncNow()`. */
class Unauthorized extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type ServerError = { code: string; message: Localized; path?: string };
type PushResult = { mutationId: number; ok: boolean; error?: ServerError; refusal?: { code: string; rule?: string; message: Localized } };

const BASE_DELAY = 500;
const MAX_DELAY = 30_000;
const IDLE_PULL = 15_000;
const PUSH_BATCH = 100;
const PULL_LIMIT = 500;
/** The key prefix of a write's intent in the queue store's `meta` (see `journaled`). */
const INTENT = 'intent:';
/** The key prefix of a file's state on the server in `meta`: `uploaded`, `withdrawn` or `refused` (see `sendFiles`). */
const FILE = 'file:';

/** A request body of raw bytes (an upload), with its own headers. */
class RawBody {
  constructor(
    readonly body: Blob,
    readonly headers: Record<string, string>,
  ) {}
}

/**
 * A store kept in step with a bihuan server. Reads come from `local` (the cache); a loop event
 * applied through it (`applyLoopEvent`) is applied at once with the same core, queued in the
 * outbox, and pushed; a new loop item (`put`/`add`) is created on the server the same way, by
 * its id (idempotent). One tab per browser syncs; the others see the results through the local
 * store's notices. See the README, "Working with the server".
 */
export async function createSyncedStore(options: SyncedStoreOptions): Promise<SyncedStore<any>> {
  const o = parseArgument('createSyncedStore', 'options', OptionsSchema, options) as SyncedStoreOptions;
  const local = o.local;
  const base = o.url.replace(/\/+$/, '');
  const doFetch: typeof fetch = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const queue = (o.queue as QueueStore | undefined) ?? (await openQueue(local.name));

  // Which local collections sync, and under which server name.
  const toServer = new Map<string, string>();
  if (o.collections) {
    for (const [l, s] of Object.entries(o.collections)) if (Object.hasOwn(local.spec.collections, l)) toServer.set(l, s);
  } else {
    for (const [l, spec] of Object.entries(local.spec.collections as Collections)) if (spec.createOnly) toServer.set(l, l);
  }
  const toLocal = new Map([...toServer].map(([l, s]) => [s, l]));

  // ---- the mirror of the queue store (every tab keeps one; the outbox is shared) -------------
  let outbox: OutboxEntry[] = [];
  let refusals: SyncRefusal[] = [];
  let meta = new Map<string, unknown>();
  let session: SyncSession | undefined;
  let token: string | undefined;
  let online = true;
  let syncing = false;
  let error: SyncState['error'];
  let closed = false;
  const listeners = new Set<(state: SyncState) => void>();
  /** Items with a local write under way (not yet in the outbox): a pull leaves them alone. */
  const writing = new Map<string, number>();
  /** Pulled records the local store refused, by item. */
  const problems = new Map<string, RecordProblem>();
  const itemId = (collection: string, key: unknown) => `${collection}\u0000${String(key)}`;

  let current: SyncState = { online, syncing, pending: 0, refusals: [] };
  const emit = () => {
    const lastSyncAt = meta.get('lastSyncAt') as string | undefined;
    const next: SyncState = { online, syncing, pending: outbox.length, ...(lastSyncAt ? { lastSyncAt } : {}), ...(error ? { error } : {}), refusals };
    if (
      next.online === current.online && next.syncing === current.syncing && next.pending === current.pending && next.lastSyncAt === current.lastSyncAt &&
      next.error?.code === current.error?.code && next.refusals === current.refusals
    ) return;
    current = next;
    for (const l of [...listeners]) {
      try {
        l(next);
      } catch (e) {
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  };

  async function reload(): Promise<void> {
    if (closed) return;
    const [entries, refused, metas] = await Promise.all([queue.all('outbox'), queue.all('refusals'), queue.all('meta')]);
    outbox = entries.items as OutboxEntry[];
    const list = refused.items as SyncRefusal[];
    // A new list only when something changed (a refusal came, went, or got the server's record).
    if (list.length !== refusals.length || list.some((r, i) => r.mutationId !== refusals[i]?.mutationId || (r.current === undefined) !== (refusals[i]?.current === undefined))) refusals = list;
    meta = new Map(metas.items.map((m) => [m.key as string, m.value]));
    const cached = meta.get('status') as { online?: boolean; error?: SyncState['error'] } | undefined;
    if (cached && !election?.leading) {
      online = cached.online ?? online;
      error = cached.error;
    }
    emit();
  }

  const setMeta = (key: string, value: unknown) => {
    meta.set(key, value);
    return queue.put('meta', { key, value });
  };

  // ---- talking to the server -----------------------------------------------------------------
  /** One call of `getToken` at a time: requests refused at once (the live stream and a pull) share it. */
  let asking: Promise<string> | undefined;
  function freshToken(): Promise<string> {
    asking ??= (async () => {
      let t: unknown;
      try {
        t = await o.getToken();
      } catch {
        throw new Unauthorized('unauthorized'); // the host could not sign the user in
      }
      if (typeof t !== 'string' || t.length === 0) throw new Unauthorized('unauthorized');
      token = t;
      return t;
    })().finally(() => {
      asking = undefined;
    });
    return asking;
  }

  /** One request with the bearer token; a 401 asks `getToken` once more, then gives up. */
  async function request(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    let retried = false;
    for (;;) {
      const t = token ?? (await freshToken());
      let response: Response;
      try {
        const raw = body instanceof RawBody ? body : undefined;
        response = await doFetch(`${base}${path}`, {
          method,
          headers: { authorization: `Bearer ${t}`, ...(raw ? raw.headers : body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(raw ? { body: raw.body } : body === undefined ? {} : { body: JSON.stringify(body) }),
          ...(signal ? { signal } : {}),
        });
      } catch (e) {
        if (signal?.aborted) throw e;
        throw new Transient('offline');
      }
      if (response.status === 401) {
        const code = ((await response.json().catch(() => undefined)) as { error?: ServerError } | undefined)?.error?.code;
        if (retried) throw new Unauthorized(code === 'token_expired' ? 'token_expired' : 'unauthorized');
        retried = true;
        // Ask for a new token, unless another request refused at the same time already has.
        if (token === t) token = undefined;
        continue;
      }
      if (response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        throw new Transient('server');
      }
      if (online !== true || error?.code === 'offline' || error?.code === 'server') {
        online = true;
        error = undefined;
      }
      return response;
    }
  }

  async function loadSession(): Promise<void> {
    try {
      const r = await request('GET', '/session');
      if (r.ok) {
        session = (await r.json()) as SyncSession;
        await setMeta('session', session);
        return;
      }
    } catch (e) {
      if (e instanceof Unauthorized) {
        session = undefined;
        online = true;
        error = { code: e.code, message: e.code === 'token_expired' ? SYNC_TEXTS.tokenExpired : SYNC_TEXTS.unauthorized };
        return;
      }
      if (!(e instanceof Transient)) throw e;
      online = false;
    }
    session ??= meta.get('session') as SyncSession | undefined;
  }

  /** The client id (persisted, shared by the tabs) and the next mutation id, taken in one batch. */
  async function clientId(): Promise<string> {
    return queue.batch(async (tx) => {
      const found = await tx.get('meta', 'clientId');
      if (found) return found.value as string;
      const id = `c-${globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`}`;
      await tx.put('meta', { key: 'clientId', value: id });
      return id;
    });
  }

  /** Allocates mutation ids and adds the entries to the outbox, inside a queue batch. */
  async function addToOutbox(tx: Parameters<Parameters<QueueStore['batch']>[0]>[0], entries: readonly Omit<OutboxEntry, 'mutationId' | 'queuedAt'>[]): Promise<void> {
    if (!entries.length) return;
    const at = new Date().toISOString();
    const next = await tx.get('meta', 'nextMutation');
    let n = (next?.value as number | undefined) ?? 1;
    for (const e of entries) await tx.add('outbox', clean({ ...e, mutationId: n++, queuedAt: at }) as OutboxEntry);
    await tx.put('meta', { key: 'nextMutation', value: n });
  }

  // ---- the write and its outbox entry, as one unit ------------------------------------------
  // The local store and the outbox live in two databases, and no transaction spans both. So a
  // write is journaled: (1) an intent naming the items and their records before the write goes to
  // the queue store; (2) the local write; (3) one queue batch adds the outbox entries and removes
  // the intent. A failure at (3) puts the records back as they were; a crash between (1) and (3)
  // leaves the intent, and the next open puts them back (`recover`). Either the change is on this
  // computer and in the outbox, or it is in neither.
  // A batch (`store.batch`) is journaled the same way; as its keys are known only once its body
  // has run, the body runs first in a transaction that is then given up (nothing is written), to
  // learn what it touches and what was there; then the intent; then the body again for real (see
  // `batch` below).
  type Touched = { collection: string; key: Key; prior: unknown };
  type Intent = { items: Touched[] };
  /** An intent as a store of an earlier version wrote it: one collection, keys as text. */
  type OldIntent = { collection: string; items: { key: string; prior: unknown }[] };
  const touchedOf = (intent: Intent | OldIntent): Touched[] =>
    'collection' in intent ? intent.items.map((i) => ({ collection: intent.collection, key: i.key, prior: i.prior })) : intent.items;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

  /** Puts items back as they were before an unfinished write (an absent prior: the item is removed). */
  async function undo(intent: Intent | OldIntent): Promise<void> {
    await local.batch(async (tx) => {
      for (const { collection, key, prior } of touchedOf(intent)) {
        const here = await tx.get(collection, key);
        if (same(here, prior)) continue;
        if (here !== undefined) await tx.delete(collection, key);
        if (prior !== null && prior !== undefined) await tx.add(collection, prior as never);
      }
    });
  }

  const newIntentKey = () => `${INTENT}${globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`}`;

  /**
   * Steps (2) and (3) of a journaled write whose intent is stored under `intentKey`: the local
   * write, then its outbox entries with the intent's removal in one queue batch — or, when that
   * fails, the items put back.
   */
  async function landed<T>(intentKey: string, intent: Intent, write: () => Promise<T>, entriesOf: (result: T) => Omit<OutboxEntry, 'mutationId' | 'queuedAt'>[]): Promise<T> {
    let result: T;
    try {
      result = await write();
    } catch (e) {
      await queue.delete('meta', intentKey).catch(() => undefined);
      throw e;
    }
    const entries = entriesOf(result);
    try {
      await queue.batch(async (tx) => {
        await addToOutbox(tx, entries);
        await tx.delete('meta', intentKey);
      });
    } catch (e) {
      // The outbox refused (storage full, the database closed under us): the write is undone.
      try {
        await undo(intent);
        await queue.delete('meta', intentKey);
      } catch {
        // left for the next open's recovery, which the intent still asks for
      }
      throw e;
    }
    if (entries.length) {
      await reload();
      kick();
    }
    return result;
  }

  /** Writes to the local store and queues what the write made, as one unit (see above). */
  async function journaled<T>(collection: string, keys: readonly string[], write: () => Promise<T>, entriesOf: (result: T) => Omit<OutboxEntry, 'mutationId' | 'queuedAt'>[]): Promise<T> {
    return withWriteLock('shared', async () => {
      const items: Touched[] = [];
      for (const key of new Set(keys)) items.push({ collection, key, prior: (await local.get(collection, key).catch(() => undefined)) ?? null });
      const intent: Intent = { items };
      const intentKey = newIntentKey();
      await queue.put('meta', { key: intentKey, value: intent });
      return landed(intentKey, intent, write, entriesOf);
    });
  }

  /** Undoes the writes a crash left without their outbox entries (intents still in the queue store). */
  async function recover(): Promise<void> {
    await withWriteLock('exclusive', async () => {
      const metas = await queue.all('meta');
      for (const m of metas.items) {
        const key = m.key as string;
        if (!key.startsWith(INTENT)) continue;
        await undo(m.value as Intent | OldIntent);
        await queue.delete('meta', key);
      }
    });
  }

  /**
   * Writes of every tab hold the lock `bihuan-sync-write:<name>` shared; recovery holds it alone,
   * so it never undoes a write another tab is still making (without Web Locks: no lock).
   */
  function withWriteLock<T>(mode: 'shared' | 'exclusive', run: () => Promise<T>): Promise<T> {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    if (!locks) return run();
    return locks.request(`bihuan-sync-write:${local.name}`, { mode }, run) as Promise<T>;
  }

  /** Replaces local items with the server's records (or removes them), in one local batch. */
  async function replace(collection: string, items: readonly { id: string; snapshot?: unknown }[]): Promise<void> {
    if (!items.length) return;
    const write = (list: readonly { id: string; snapshot?: unknown }[]) =>
      local.batch(async (tx) => {
        for (const item of list) {
          const here = await tx.get(collection, item.id);
          if (here && item.snapshot && sameVersion(here, item.snapshot)) continue;
          if (here) await tx.delete(collection, item.id);
          if (item.snapshot) await tx.add(collection, item.snapshot as never);
        }
      });
    try {
      await write(items);
    } catch (e) {
      if ((e as { code?: unknown })?.code !== 'invalid_record' || items.length === 1 && !items[0]!.snapshot) throw e;
      // A record this store's schema refuses (a personal field the server masked for this user's
      // role, where the schema wants a full phone or ID number): the others are kept, it is not,
      // nor the out-of-date copy of it; `sync.problems()` names it.
      for (const item of items) {
        try {
          await write([item]);
          problems.delete(itemId(collection, item.id));
        } catch (one) {
          if ((one as { code?: unknown })?.code !== 'invalid_record') throw one;
          const refused = one as { details?: { path?: string }; message?: string };
          problems.set(itemId(collection, item.id), { collection, key: item.id, path: refused.details?.path ?? '', message: refused.message ?? String(one) });
          await write([{ id: item.id }]);
        }
      }
    }
  }

  // ---- push ---------------------------------------------------------------------------------
  async function push(): Promise<void> {
    await reload();
    const cid = await clientId();
    const refused: { entry: OutboxEntry; refusal: SyncRefusal }[] = [];
    let queueNow = [...outbox].sort((a, b) => a.mutationId - b.mutationId);
    while (queueNow.length && !closed) {
      const head = queueNow[0]!;
      let results: PushResult[];
      let sent: OutboxEntry[];
      if (head.kind === 'create') {
        sent = [head];
        results = [await create(cid, head)];
      } else {
        const end = queueNow.findIndex((e, i) => i >= PUSH_BATCH || e.kind !== 'event');
        sent = queueNow.slice(0, end === -1 ? queueNow.length : end);
        // The files of these items first: an event that needs one (a settlement's scan) finds it on the server.
        await sendFiles(new Set(sent.map((e) => itemId(toServer.get(e.collection)!, e.item))));
        results = await pushEvents(cid, sent);
      }
      const done: number[] = [];
      const refusedHere: SyncRefusal[] = [];
      for (const [i, entry] of sent.entries()) {
        const r = results[i]!;
        done.push(entry.mutationId);
        if (!r.ok) {
          const refusal = refusalOf(entry, r);
          refused.push({ entry, refusal });
          refusedHere.push(refusal);
        }
      }
      // An answered change leaves the outbox and, when refused, becomes a refusal in the same
      // batch: no moment shows it neither pending nor refused (the server's record is added below).
      await queue.batch(async (tx) => {
        for (const id of done) await tx.delete('outbox', id);
        for (const r of refusedHere) await tx.put('refusals', clean(r) as never);
      });
      queueNow = queueNow.slice(sent.length);
    }
    // Files of items with no change queued (added, or removed, on their own).
    if (!closed) await sendFiles();
    if (!refused.length) return reload();
    // Roll each refused item back to the server's record, once nothing more is queued for it.
    await reload();
    const byItem = new Map<string, { entry: OutboxEntry; refusal: SyncRefusal }>();
    for (const r of refused) byItem.set(itemId(r.entry.collection, r.entry.item), r);
    const kept: SyncRefusal[] = [];
    for (const { entry, refusal } of byItem.values()) {
      const stillQueued = outbox.some((e) => e.collection === entry.collection && e.item === entry.item);
      let currentRecord: unknown;
      const r = await request('GET', `/items/${encodeURIComponent(toServer.get(entry.collection)!)}/${encodeURIComponent(entry.item)}`);
      if (r.ok) currentRecord = ((await r.json()) as { snapshot: unknown }).snapshot;
      else await r.body?.cancel().catch(() => undefined);
      if (!stillQueued) await replace(entry.collection, [{ id: entry.item, snapshot: currentRecord }]);
      kept.push(currentRecord === undefined ? refusal : { ...refusal, current: currentRecord });
    }
    for (const { refusal } of refused) if (!kept.some((k) => k.mutationId === refusal.mutationId)) kept.push(refusal);
    await queue.bulkPut('refusals', kept.map((k) => clean(k)) as never);
    await reload();
  }

  async function create(cid: string, e: OutboxEntry): Promise<PushResult> {
    const scope = session?.scope.level === 'county' && typeof (e.input as { town?: unknown })?.town === 'string' ? { town: (e.input as { town: string }).town } : undefined;
    const body = clean({ clientId: cid, mutationId: e.mutationId, id: e.item, input: e.input, at: e.event.at, note: e.event.note, attachments: e.event.attachments, scope, actor: { role: e.event.actor.role } });
    const r = await request('POST', `/items/${encodeURIComponent(toServer.get(e.collection)!)}`, body);
    const answer = (await r.json().catch(() => ({}))) as { result?: PushResult; error?: ServerError };
    if (r.ok && answer.result?.ok) return answer.result;
    return { mutationId: e.mutationId, ok: false, error: answer.error ?? answer.result?.error ?? { code: `http_${r.status}`, message: SYNC_TEXTS.refusedCreate } };
  }

  const wireEvent = (e: OutboxEntry) => ({
    mutationId: e.mutationId,
    collection: toServer.get(e.collection)!,
    item: e.item,
    baseVersion: Math.max(1, e.baseVersion),
    event: clean({ type: e.event.type, at: e.event.at, note: e.event.note, attachments: e.event.attachments, payload: e.event.payload, actor: { role: e.event.actor.role } }),
  });

  async function pushEvents(cid: string, entries: OutboxEntry[]): Promise<PushResult[]> {
    const r = await request('POST', '/push', { clientId: cid, mutations: entries.map(wireEvent) });
    const answer = (await r.json().catch(() => ({}))) as { results?: PushResult[]; error?: ServerError };
    if (r.ok && Array.isArray(answer.results) && answer.results.length === entries.length) return answer.results;
    // The batch as a whole was refused (a role the token lacks, a malformed event): alone, each
    // mutation gets its own answer, so one bad change does not hold the others up.
    if (entries.length > 1) {
      const out: PushResult[] = [];
      for (const e of entries) out.push(...(await pushEvents(cid, [e])));
      return out;
    }
    return [{ mutationId: entries[0]!.mutationId, ok: false, error: answer.error ?? { code: `http_${r.status}`, message: SYNC_TEXTS.server } }];
  }

  function refusalOf(entry: OutboxEntry, r: PushResult): SyncRefusal {
    const e = r.error ?? { code: 'refused', message: SYNC_TEXTS.server };
    const rule = r.refusal?.rule;
    const actor = entry.event.actor;
    return {
      collection: entry.collection,
      key: entry.item,
      mutationId: String(entry.mutationId),
      code: e.code,
      ...(rule ? { rule } : {}),
      message: e.message,
      event: { type: entry.event.type, actor: { id: actor.id, ...(actor.name ? { name: actor.name } : {}) } },
      at: new Date().toISOString(),
    };
  }

  // ---- files --------------------------------------------------------------------------------
  // Attachment bytes are not records: they never enter the outbox. Instead each push sends what
  // the attachment store holds and the server lacks, read at that moment: a live record without a
  // state in `meta` is uploaded (PUT, idempotent by its id: a retry after a lost answer is answered
  // with the stored record), a removed one that was uploaded is withdrawn. A network failure or a
  // 5xx stops the push (retried with backoff, like changes); 404 (the item not on the server yet)
  // leaves the file for the next push; any other refusal is kept as a refusal (`file:<id>`).
  const files: Store<any> | undefined = o.attachments ?? (Object.hasOwn(local.spec.collections, 'attachments') ? local : undefined);

  /** The server collection of an attachment's item (`dispute` → `disputes`), when that collection syncs. */
  const serverCollectionOf = (kind: string): string | undefined => toServer.get(attachmentRuleOfKind(kind)?.collection ?? kind);

  /** Sends the files still to send (of the items `only` names, as `collection\0id` on the server), oldest first. */
  async function sendFiles(only?: ReadonlySet<string>): Promise<void> {
    if (!files || files.closed) return;
    const { items } = await files.all('attachments');
    const waiting = (items as Attachment[])
      .filter((r) => {
        const state = meta.get(`${FILE}${r.id}`);
        const sc = serverCollectionOf(r.item.kind);
        if (sc === undefined || (only && !only.has(itemId(sc, r.item.id)))) return false;
        return r.removedAt === undefined ? state === undefined : state === 'uploaded';
      })
      .sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
    for (const r of waiting) {
      if (closed) return;
      await sendFile(r);
    }
  }

  async function sendFile(r: Attachment): Promise<void> {
    const path = `/items/${encodeURIComponent(serverCollectionOf(r.item.kind)!)}/${encodeURIComponent(r.item.id)}/attachments/${encodeURIComponent(r.id)}`;
    let response: Response;
    if (r.removedAt !== undefined) {
      const reason = r.removedReason ?? SYNC_TEXTS.fileWithdrawn['zh-CN'];
      response = await request('POST', `${path}/withdrawal`, { reason, at: r.removedAt, ...(r.removedBy ? { actor: { role: r.removedBy.role } } : {}) });
    } else {
      const bytes = await files!.getBlob(r.id);
      if (!bytes) return; // removed meanwhile: the next push withdraws nothing (it was never sent)
      const query = new URLSearchParams({ type: r.type, name: r.name, at: r.addedAt, role: r.addedBy.role });
      response = await request('PUT', `${path}?${query}`, new RawBody(bytes, { 'content-type': r.mediaType, 'x-bihuan-sha256': r.sha256 }));
    }
    const answer = (await response.json().catch(() => ({}))) as { error?: ServerError };
    if (response.ok || (r.removedAt !== undefined && answer.error?.code === 'attachment_removed')) {
      await setMeta(`${FILE}${r.id}`, r.removedAt === undefined ? 'uploaded' : 'withdrawn');
      return;
    }
    if (response.status === 404) return; // the item is not on the server yet: sent again next time
    const refusal: SyncRefusal = {
      collection: attachmentRuleOfKind(r.item.kind)?.collection ?? r.item.kind,
      key: r.item.id,
      mutationId: `${FILE}${r.id}`,
      code: answer.error?.code ?? `http_${response.status}`,
      message: answer.error?.message ?? SYNC_TEXTS.server,
      event: { type: r.removedAt === undefined ? '@upload' : '@withdraw', actor: { id: (r.removedBy ?? r.addedBy).id, ...((r.removedBy ?? r.addedBy).name ? { name: (r.removedBy ?? r.addedBy).name } : {}) } },
      at: new Date().toISOString(),
    };
    await queue.batch(async (tx) => {
      await tx.put('meta', { key: `${FILE}${r.id}`, value: 'refused' });
      await tx.put('refusals', refusal as never);
    });
    meta.set(`${FILE}${r.id}`, 'refused');
  }

  /** The attachment kind of a local loop collection (`disputes` → `dispute`), when its rules read files. */
  const kindOfCollection = (collection: string): string | undefined => Object.values(ATTACHMENT_EVENTS).find((r) => r.collection === collection)?.kind;

  /**
   * Copies the server's record of a file of item `key` (attachment kind `kind`) into the attachment
   * store: a new one is kept; a known one is left as it is, unless the server has withdrawn it (on
   * another device) while it is live here — then it is marked withdrawn here too (who, when) and its
   * bytes are dropped, as a withdrawal made here would. A record the store's schema refuses is not kept.
   */
  async function keepFile(record: Attachment, kind: string, key: string): Promise<void> {
    const known = (await files!.get('attachments', record.id)) as Attachment | undefined;
    if (known) {
      if (known.removedAt !== undefined || typeof record.removedAt !== 'string') return;
      const { removedReason: _reason, ...live } = known;
      const withdrawn = { ...live, removedAt: record.removedAt, ...(record.removedBy ? { removedBy: record.removedBy } : {}), ...(record.removedReason && !record.masked ? { removedReason: record.removedReason } : {}) };
      const kept = await files!
        .batch(async (tx) => {
          await tx.put('attachments', withdrawn as never);
          await tx.deleteBlob(record.id);
          return true;
        })
        .catch(() => false);
      if (kept) await setMeta(`${FILE}${record.id}`, 'withdrawn');
      return;
    }
    const ok = await files!.put('attachments', { ...record, item: { kind, id: key } } as never).then(() => true, () => false);
    if (ok) await setMeta(`${FILE}${record.id}`, record.removedAt === undefined ? 'uploaded' : 'withdrawn');
  }

  /**
   * The server's records of an item's files, asked of it directly (`keepFile` for each). A pull
   * brings every change of a file record by itself (the server's change feed); this is for a view
   * that wants one item's records now.
   */
  async function pullFiles(collection: string, key: string): Promise<Attachment[]> {
    const kind = kindOfCollection(collection) ?? collection;
    const sc = toServer.get(collection);
    if (!files || files.closed || sc === undefined) return [];
    // An item still waiting to be created on the server has no files there yet: asking would only be refused.
    const waiting = outbox.some((e) => e.kind === 'create' && e.collection === collection && e.item === key);
    const r = waiting ? undefined : await request('GET', `/items/${encodeURIComponent(sc)}/${encodeURIComponent(key)}/attachments?withdrawn=include`);
    const answer = ((await r?.json().catch(() => ({}))) ?? {}) as { items?: Attachment[] };
    if (r?.ok && Array.isArray(answer.items)) for (const record of answer.items) await keepFile(record, kind, key);
    return (await files.all('attachments', { index: 'item', equals: [kind, key] })).items as Attachment[];
  }

  /** The file records of a pull page (uploads and withdrawals, the server's item kind being its collection), kept by `keepFile`. */
  async function keepPulledFiles(records: readonly Attachment[]): Promise<void> {
    if (!files || files.closed) return;
    for (const record of records) {
      const collection = toLocal.get(record?.item?.kind);
      if (collection === undefined || typeof record.item.id !== 'string') continue;
      await keepFile(record, kindOfCollection(collection) ?? collection, record.item.id);
    }
  }

  async function fetchFile(attachmentId: string): Promise<Blob | undefined> {
    if (!files || files.closed) return undefined;
    const record = (await files.get('attachments', attachmentId)) as Attachment | undefined;
    if (!record || record.removedAt !== undefined) return undefined;
    const kept = await files.getBlob(attachmentId);
    if (kept) return kept;
    const sc = serverCollectionOf(record.item.kind);
    if (sc === undefined) return undefined;
    const r = await request('GET', `/items/${encodeURIComponent(sc)}/${encodeURIComponent(record.item.id)}/attachments/${encodeURIComponent(attachmentId)}`);
    if (!r.ok) {
      await r.body?.cancel().catch(() => undefined);
      return undefined;
    }
    const blob = new Blob([await r.arrayBuffer()], { type: record.mediaType });
    // Bytes that do not match the record are not kept (damaged on the way, or not this file).
    if ((await sha256Of(blob)) !== record.sha256) return undefined;
    await files.putBlob(attachmentId, blob);
    return blob;
  }

  // ---- pull ---------------------------------------------------------------------------------
  async function pull(): Promise<void> {
    for (;;) {
      const cursor = (meta.get('cursor') as number | undefined) ?? 0;
      const r = await request('GET', `/pull?cursor=${cursor}&limit=${PULL_LIMIT}`);
      if (!r.ok) {
        await r.body?.cancel().catch(() => undefined);
        throw new Transient('server');
      }
      const page = (await r.json()) as { items: { collection: string; id: string; version: number; snapshot: unknown }[]; attachments?: Attachment[]; cursor: number; more: boolean };
      const held = new Set(outbox.map((e) => itemId(e.collection, e.item)));
      const byCollection = new Map<string, { id: string; snapshot: unknown }[]>();
      for (const item of page.items) {
        const collection = toLocal.get(item.collection);
        if (!collection) continue;
        const id = itemId(collection, item.id);
        // An item with changes of ours still queued keeps its optimistic state: the push's answer decides.
        if (held.has(id) || writing.has(id)) continue;
        let list = byCollection.get(collection);
        if (!list) byCollection.set(collection, (list = []));
        list.push({ id: item.id, snapshot: item.snapshot });
      }
      for (const [collection, items] of byCollection) await replace(collection, items);
      // Files added or withdrawn (on any device) are changes of the same feed: their records come with the page.
      if (Array.isArray(page.attachments)) await keepPulledFiles(page.attachments);
      await setMeta('cursor', page.cursor);
      if (!page.more) return;
    }
  }

  // ---- the loop -----------------------------------------------------------------------------
  let running: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false; // after a refused token, until syncNow()

  const schedule = (ms: number) => {
    if (timer !== undefined) clearTimeout(timer);
    if (closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      kick();
    }, ms);
    (timer as unknown as { unref?: () => void }).unref?.();
  };

  async function cycle(): Promise<void> {
    syncing = true;
    emit();
    try {
      await push();
      await pull();
      failures = 0;
      online = true;
      error = undefined;
      meta.set('lastSyncAt', new Date().toISOString());
      schedule(liveUp ? IDLE_PULL * 4 : IDLE_PULL);
    } catch (e) {
      if (e instanceof Unauthorized) {
        stopped = true;
        online = true;
        error = { code: e.code, message: e.code === 'token_expired' ? SYNC_TEXTS.tokenExpired : SYNC_TEXTS.unauthorized };
      } else if (e instanceof Transient) {
        online = e.code !== 'offline';
        error = { code: e.code, message: e.code === 'offline' ? SYNC_TEXTS.offline : SYNC_TEXTS.server };
        failures++;
        // Exponential backoff with full jitter: many stations coming back at once do not stampede.
        const ceiling = Math.min(MAX_DELAY, BASE_DELAY * 2 ** Math.min(failures, 10));
        schedule(ceiling / 2 + Math.random() * (ceiling / 2));
      } else if (!closed) {
        // Anything else (the local store refused a write, it was closed under us): reported, retried.
        const text = e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
        error = { code: (e as { code?: string })?.code ?? 'failed', message: { 'zh-CN': `${SYNC_TEXTS.server['zh-CN']}（${text}）`, en: `${SYNC_TEXTS.server.en} (${text})` } };
        failures++;
        schedule(Math.min(MAX_DELAY, BASE_DELAY * 2 ** Math.min(failures, 10)));
      }
    } finally {
      syncing = false;
      if (!closed) {
        await queue.put('meta', { key: 'status', value: clean({ online, error }) }).catch(() => undefined);
        if (meta.has('lastSyncAt')) await queue.put('meta', { key: 'lastSyncAt', value: meta.get('lastSyncAt') }).catch(() => undefined);
      }
      emit();
    }
  }

  function kick(): Promise<void> {
    if (closed) return Promise.resolve();
    if (!election?.leading) {
      election?.post({ kind: 'sync' });
      return Promise.resolve();
    }
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await cycle();
      } while (again && !closed && !stopped && failures === 0);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  // ---- live notices ------------------------------------------------------------------------
  let liveUp = false;
  let liveAbort: AbortController | undefined;
  let liveFailures = 0;
  let following = false;
  async function follow(): Promise<void> {
    if (following) return;
    following = true;
    try {
      await listenLive();
    } finally {
      following = false;
    }
  }
  async function listenLive(): Promise<void> {
    while (!closed && election?.leading && o.live !== false && !stopped) {
      liveAbort = new AbortController();
      const signal = liveAbort.signal;
      try {
        const r = await request('GET', '/live', undefined, signal);
        if (!r.ok || !r.body) {
          await r.body?.cancel().catch(() => undefined);
          throw new Transient('server');
        }
        liveUp = true;
        liveFailures = 0;
        // On ": connected" the server counts this stream, so a pull then catches up on everything
        // before it and every later change comes as a notice.
        await readEvents(
          r.body,
          signal,
          (data) => {
            const cursor = (data as { cursor?: unknown }).cursor;
            if (typeof cursor === 'number' && cursor > ((meta.get('cursor') as number | undefined) ?? 0)) void kick();
          },
          () => void kick(),
        );
      } catch (e) {
        if (e instanceof Unauthorized) {
          stopped = true;
          error = { code: e.code, message: e.code === 'token_expired' ? SYNC_TEXTS.tokenExpired : SYNC_TEXTS.unauthorized };
          emit();
        }
      }
      liveUp = false;
      if (closed || !election?.leading || stopped) return;
      liveFailures++;
      const ceiling = Math.min(MAX_DELAY, BASE_DELAY * 2 ** Math.min(liveFailures, 10));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2));
        (t as unknown as { unref?: () => void }).unref?.();
      });
    }
  }

  // ---- the tabs -----------------------------------------------------------------------------
  let election: Election | undefined;
  const unsubscribeQueue = queue.subscribe((notice) => {
    if (notice.source === 'remote') {
      void reload().then(() => {
        if (election?.leading && outbox.length) void kick();
      });
    }
  });
  const onOnline = () => {
    if (election?.leading) {
      failures = 0;
      void kick();
    }
  };
  (globalThis as { addEventListener?: (t: string, l: () => void) => void }).addEventListener?.('online', onOnline);
  // A file added or removed is sent at once (by the syncing tab), not only with the next change.
  const unsubscribeFiles = files?.subscribe((notice) => {
    if (notice.kind === 'reset' || notice.changes.some((c) => c.collection === 'attachments')) void kick();
  });

  await recover();
  await reload();
  await loadSession();
  emit();
  election = elect(local.name, (leading) => {
    if (!leading) {
      liveAbort?.abort();
      return;
    }
    void kick();
    void follow();
  }, (message) => {
    if ((message as { kind?: string })?.kind === 'sync' && election?.leading) void kick();
  });

  // ---- the store ----------------------------------------------------------------------------
  const synced = (collection: string) => toServer.has(collection);

  /** The outbox entries of a write's new history entries (a loop event applied to a stored item). */
  const eventsOf = (collection: string, key: Key, entries: readonly HistoryEntryLike[]) =>
    entries.map((h) => {
      const entry = h as HistoryEntryLike & { note?: string; attachments?: string[]; payload?: unknown; actor: { id: string; role: string; name?: string; unit?: string } };
      return { kind: 'event' as const, collection, item: String(key), baseVersion: entry.seq, event: clean({ type: entry.type, at: entry.at, note: entry.note, attachments: entry.attachments, payload: entry.payload, actor: entry.actor }) as OutboxEntry['event'] };
    });

  /** The creation of a new loop item written with put/add: its id, its data as created, its first entry. */
  const creationOf = (collection: string, record: unknown) => {
    const r = record as { id?: unknown; data?: unknown; history?: (HistoryEntryLike & { note?: string; attachments?: string[]; actor: { id: string; role: string; name?: string } })[] };
    const first = r?.history?.[0];
    if (typeof r?.id !== 'string' || !first || r.history!.length !== 1) return undefined;
    return { kind: 'create' as const, collection, item: r.id, baseVersion: 0, input: r.data, event: clean({ type: first.type, at: first.at, note: first.note, attachments: first.attachments, actor: first.actor }) as OutboxEntry['event'] };
  };

  async function holding<T>(ids: string[], run: () => Promise<T>): Promise<T> {
    for (const id of ids) writing.set(id, (writing.get(id) ?? 0) + 1);
    try {
      return await run();
    } finally {
      for (const id of ids) {
        const n = (writing.get(id) ?? 1) - 1;
        if (n) writing.set(id, n);
        else writing.delete(id);
      }
    }
  }

  async function written<T>(collection: string, records: readonly unknown[], write: () => Promise<T>): Promise<T> {
    if (!synced(collection)) return write();
    const keys = records.map((r) => String((r as { id?: unknown })?.id));
    const ids = keys.map((k) => itemId(collection, k));
    return holding(ids, () => journaled(collection, keys, write, () => records.map((r) => creationOf(collection, r)).filter((c) => c !== undefined)));
  }

  /**
   * One run of a batch's body on the local store, through a transaction that notes what it
   * touches: each item's record before the batch's first write to it, and the outbox entries of
   * its writes to synced collections. With a `plan` (the intent of an earlier run), a write to an
   * item the plan does not name, or whose record has changed since, gives the run up (`Replan`).
   */
  class BatchRun {
    readonly touched = new Map<string, Touched>();
    readonly queued: Omit<OutboxEntry, 'mutationId' | 'queuedAt'>[] = [];
    syncedWrites = false;
    constructor(private readonly plan?: ReadonlyMap<string, Touched>) {}

    reset(): void {
      this.touched.clear();
      this.queued.length = 0;
      this.syncedWrites = false;
    }

    private async touch(tx: StoreTx<any>, collection: string, key: Key | undefined): Promise<void> {
      if (key === undefined) return; // no key: the store refuses the write itself
      const id = itemId(collection, JSON.stringify(key));
      if (this.touched.has(id)) return;
      const prior = (await tx.get(collection, key)) ?? null;
      const planned = this.plan?.get(id);
      if (this.plan && (!planned || !same(planned.prior, prior))) throw new Replan();
      this.touched.set(id, { collection, key, prior });
      if (synced(collection)) this.syncedWrites = true;
    }

    wrap(tx: StoreTx<any>): StoreTx<any> {
      const keyOf = (c: string, record: unknown) => {
        const spec = (local.spec.collections as Collections)[c];
        return spec ? keyAt(record, spec.key) : undefined;
      };
      const made = (c: string, record: unknown) => {
        const m = synced(c) ? creationOf(c, record) : undefined;
        if (m) this.queued.push(m);
      };
      return {
        get: (c, k) => tx.get(c, k),
        all: (c, wh) => tx.all(c, wh),
        // Attachment bytes stay on this device (they are not pushed), in the same unit as the records.
        putBlob: (i, b) => tx.putBlob(i, b),
        deleteBlob: (i) => tx.deleteBlob(i),
        delete: async (c, k) => {
          await this.touch(tx, c, k);
          return tx.delete(c, k);
        },
        put: async (c, record) => {
          await this.touch(tx, c, keyOf(c, record));
          const out = await tx.put(c, record);
          made(c, record);
          return out;
        },
        add: async (c, record) => {
          await this.touch(tx, c, keyOf(c, record));
          const out = await tx.add(c, record);
          made(c, record);
          return out;
        },
        applyEvent: async (c, k, step, opts) => {
          await this.touch(tx, c, k);
          const r = await tx.applyEvent(c, k, step, opts);
          if (r.ok && synced(c)) this.queued.push(...eventsOf(c, k, r.entries));
          return r;
        },
      };
    }
  }

  /**
   * `store.batch` on a synced store: its writes and their outbox entries as one unit, journaled
   * like a single write. A body that writes to no synced collection runs once, as on the local
   * store. One that does runs first in a transaction given up at its end (nothing is written; it
   * tells which items the batch touches and what they held), then the intent naming them is
   * stored, then the body runs again for real — and again from the start should another write
   * have changed one of those items in between. So a batch body must be a function of what it
   * reads in the transaction (as every core batch is): it may run more than once.
   */
  async function journaledBatch<T>(body: (tx: StoreTx<any>) => Promise<T>, w?: WriteOptions): Promise<T> {
    return withWriteLock('shared', async () => {
      let plan: Intent | undefined;
      for (let round = 0; round < MAX_REPLANS; round++) {
        const planned = plan ? new Map(plan.items.map((t) => [itemId(t.collection, JSON.stringify(t.key)), t])) : undefined;
        const run = new BatchRun(planned);
        const once = () =>
          local.batch(async (tx) => {
            run.reset(); // a batch body may run again after a conflict
            const result = await body(run.wrap(tx));
            // Without a plan, a body that wrote to a synced collection was a rehearsal: given up.
            if (!planned && run.syncedWrites) throw new Rehearsed([...run.touched.values()]);
            return result;
          }, w);
        try {
          if (!plan) return await once();
          const intentKey = newIntentKey();
          await queue.put('meta', { key: intentKey, value: plan });
          const ids = plan.items.filter((t) => synced(t.collection)).map((t) => itemId(t.collection, String(t.key)));
          return await holding(ids, () => landed(intentKey, plan!, once, () => run.queued));
        } catch (e) {
          if (e instanceof Rehearsed) plan = { items: e.touched };
          else if (e instanceof Replan) plan = undefined;
          else throw e;
        }
      }
      throw storeError('conflict', {}, { 'zh-CN': '批量写入期间相关记录一再被其他操作修改，未写入任何内容，请重试', en: 'the records this batch writes kept changing under it: nothing was written; try again' });
    });
  }

  const control: SyncControl & { problems(): RecordProblem[] } = {
    state: () => current,
    problems: () => [...problems.values()],
    subscribe(listener) {
      if (typeof listener !== 'function') parseArgument('subscribe', 'listener', z.custom(() => false, 'must be a function (state) => void'), listener);
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    isPending: (collection, key) => outbox.some((e) => e.collection === collection && e.item === String(key)) || writing.has(itemId(collection, key)),
    refusal: (collection, key) => [...refusals].reverse().find((r) => r.collection === collection && r.key === String(key)),
    dismiss(mutationId) {
      const id = String(mutationId);
      refusals = refusals.filter((r) => r.mutationId !== id);
      emit();
      void queue.delete('refusals', id).catch(() => undefined);
    },
    pullFiles: (collection, key) => pullFiles(parseArgument('pullFiles', 'collection', z.string().check(z.minLength(1)), collection), parseArgument('pullFiles', 'key', z.string().check(z.minLength(1)), key)).catch((e) => {
      if (e instanceof Transient || e instanceof Unauthorized) return files ? files.all('attachments').then((all) => (all.items as Attachment[]).filter((a) => a.item.id === key)) : [];
      throw e;
    }),
    fetchFile: (attachmentId) =>
      fetchFile(parseArgument('fetchFile', 'attachmentId', z.string().check(z.minLength(1)), attachmentId)).catch((e) => {
        if (e instanceof Transient || e instanceof Unauthorized) return undefined;
        throw e;
      }),
    async syncNow() {
      stopped = false;
      failures = 0;
      const refused = () => error?.code === 'unauthorized' || error?.code === 'token_expired';
      if (refused()) {
        token = undefined;
        error = undefined;
      }
      if (!session) {
        // Signed in again (after a refused token, or after clear()): the session first.
        await loadSession();
        emit();
        // Asked once more (and once after its 401): still refused, so nothing is sent.
        if (refused()) return void (stopped = true);
      }
      await election?.settled;
      if (election?.leading) void follow();
      await kick();
    },
  };

  const store: SyncedStore<any> = {
    name: local.name,
    schemaVersion: local.schemaVersion,
    spec: local.spec,
    get closed() {
      return closed || local.closed;
    },
    get session() {
      return session;
    },
    sync: control,
    get: (c, k) => local.get(c, k),
    query: (c, q) => local.query(c, q),
    all: (c, w) => local.all(c, w),
    count: (c, w) => local.count(c, w),
    history: (c, k) => local.history(c, k),
    changes: (q) => local.changes(q),
    lastSeq: () => local.lastSeq(),
    subscribe: (l) => local.subscribe(l),
    dump: () => local.dump(),
    restore: (d, r) => local.restore(d, r),
    verify: () => local.verify(),
    // Blobs stay on this device (they are not records: nothing of them goes into the outbox).
    putBlob: (i, b, w) => local.putBlob(i, b, w),
    getBlob: (i) => local.getBlob(i),
    deleteBlob: (i, w) => local.deleteBlob(i, w),
    delete: (c, k, w) => local.delete(c, k, w),
    bulkDelete: (c, k, w) => local.bulkDelete(c, k, w),
    put: (collection, record, w?: WriteOptions) => written(collection, [record], () => local.put(collection, record, w)) as never,
    add: (collection, record, w?: WriteOptions) => written(collection, [record], () => local.add(collection, record, w)) as never,
    bulkPut: (collection, records, w?: WriteOptions) => written(collection, Array.isArray(records) ? records : [], () => local.bulkPut(collection, records, w)),
    async applyEvent(collection, key, step, w?: ApplyOptions) {
      if (!synced(collection)) return local.applyEvent(collection, key, step, w);
      return holding([itemId(collection, key)], () =>
        journaled(collection, [String(key)], () => local.applyEvent(collection, key, step, w), (r) => (r.ok ? eventsOf(collection, key, r.entries) : [])),
      );
    },
    batch: (body, w?: WriteOptions) => journaledBatch(body, w),
    async clear(w?: WriteOptions) {
      // Sign-out on a shared computer: every record, the outbox, refusals, cursor, client id and session.
      liveAbort?.abort();
      if (timer !== undefined) clearTimeout(timer);
      await running?.catch(() => undefined);
      await local.clear(w);
      await queue.clear();
      outbox = [];
      refusals = [];
      problems.clear();
      meta = new Map();
      session = undefined;
      token = undefined;
      error = undefined;
      stopped = true;
      emit();
    },
    close() {
      if (closed) return;
      closed = true;
      liveAbort?.abort();
      if (timer !== undefined) clearTimeout(timer);
      election?.close();
      unsubscribeQueue();
      unsubscribeFiles?.();
      (globalThis as { removeEventListener?: (t: string, l: () => void) => void }).removeEventListener?.('online', onOnline);
      listeners.clear();
      if (!o.queue) queue.close();
      local.close();
    },
  };
  return store;
}

/** Whether a local record already is the server's version of it (same length of history). */
function sameVersion(here: unknown, there: unknown): boolean {
  const a = (here as { history?: { actor?: unknown }[] }).history;
  const b = (there as { history?: { actor?: unknown }[] }).history;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  // The same length is the same record only if the last entry is the server's own (same actor and time).
  return JSON.stringify(a[a.length - 1]) === JSON.stringify(b[b.length - 1]);
}

/** A copy without undefined fields (stores keep only what is there). */
function clean<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Reads a `text/event-stream` body, handing each event's `data` (JSON) to `onData`. */
async function readEvents(body: ReadableStream<Uint8Array>, signal: AbortSignal, onData: (data: unknown) => void, onConnected: () => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        if (lines.includes(': connected')) onConnected();
        const data = lines
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n');
        if (!data) continue;
        try {
          onData(JSON.parse(data));
        } catch {
          // not ours: ignored
        }
      }
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

