import { type Collections, type Store, type StoreSpec, createMemoryStore, defineStore } from '@bihuan/core';

/**
 * A memory store of `spec`, filled with `records` per collection (in the order given); the widget
 * hears the writes and reloads. Stories never touch the reader's IndexedDB.
 */
export function seededStore<C extends Collections>(spec: StoreSpec<C>, records: { readonly [N in keyof C]?: readonly unknown[] } = {}): Store<C> {
  const store = createMemoryStore(spec);
  void (async () => {
    for (const [name, list] of Object.entries(records) as [keyof C & string, readonly unknown[] | undefined][]) {
      if (list?.length) await store.bulkPut(name, list as never);
    }
  })();
  return store;
}

/** A store with none of a widget's collections: the widget shows the refusal in place. */
export function unrelatedStore(): Store {
  return createMemoryStore(defineStore({ name: 'unrelated', collections: {} }) as StoreSpec);
}
