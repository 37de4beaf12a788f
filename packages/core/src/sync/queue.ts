import * as z from '../schema/zod.js';
import { defineStore } from '../store/spec.js';
import { createMemoryStore } from '../store/memory.js';
import { createIndexedDbStore } from '../store/indexeddb.js';
import type { Store, StoreSpec } from '../store/types.js';

/**
 * The synced store's own bookkeeping, kept in a second local store beside the host's (named
 * `<local name>:sync`, IndexedDB when the page has it): the outbox of changes not yet accepted,
 * the refusals not yet dismissed, and `meta` (client id, next mutation id, pull cursor, cached
 * session, last sync). A second store, not a collection in the host's: the host's declaration
 * stays its own, and `clear()` empties both.
 */
function schemas() {
  const actor = z.object({ id: z.string().check(z.minLength(1)), role: z.string().check(z.minLength(1)), name: z.optional(z.string()), unit: z.optional(z.string()) });
  const entry = z.object({
    mutationId: z.int().check(z.gte(1)),
    /** `create`: POST /items/:collection; `event`: one event in POST /push. */
    kind: z.enum(['create', 'event']),
    collection: z.string().check(z.minLength(1)),
    item: z.string().check(z.minLength(1)),
    /** The version the event was decided on (0 for a creation). */
    baseVersion: z.int().check(z.gte(0)),
    event: z.object({ type: z.string().check(z.minLength(1)), at: z.string().check(z.minLength(1)), note: z.optional(z.string()), attachments: z.optional(z.array(z.string())), payload: z.optional(z.unknown()), actor }),
    input: z.optional(z.unknown()),
    queuedAt: z.string(),
  });
  const refusal = z.object({
    mutationId: z.string().check(z.minLength(1)),
    collection: z.string(),
    key: z.string(),
    code: z.string(),
    rule: z.optional(z.string()),
    message: z.object({ 'zh-CN': z.string(), en: z.string() }),
    event: z.object({ type: z.string(), actor: z.object({ id: z.string(), name: z.optional(z.string()) }) }),
    current: z.optional(z.unknown()),
    at: z.string(),
  });
  const meta = z.object({ key: z.string().check(z.minLength(1)), value: z.unknown() });
  return { entry, refusal, meta };
}

let built: ReturnType<typeof schemas> | undefined;
const schemasOnce = () => (built ??= schemas());

export type OutboxEntry = z.output<ReturnType<typeof schemas>['entry']>;

export function queueSpec(localName: string) {
  const s = schemasOnce();
  return defineStore({
    name: `${localName}:sync`,
    collections: {
      outbox: { schema: s.entry, key: 'mutationId' },
      refusals: { schema: s.refusal, key: 'mutationId' },
      meta: { schema: s.meta, key: 'key' },
    },
  });
}

export type QueueStore = Store<ReturnType<typeof queueSpec>['collections']>;

/** The queue store for a local store: IndexedDB when the platform has it, else memory. */
export async function openQueue(localName: string): Promise<QueueStore> {
  const spec = queueSpec(localName) as StoreSpec<ReturnType<typeof queueSpec>['collections']>;
  const g = globalThis as { indexedDB?: IDBFactory };
  return g.indexedDB ? createIndexedDbStore(spec) : createMemoryStore(spec);
}
