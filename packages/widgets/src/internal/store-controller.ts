import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Collections, type Store, type StoreSpec, type StoreStatusEvent, createIndexedDbStore, createMemoryStore } from '@bihuan/core/store';

// One default store per database name, shared by every widget on the page.
const defaults = new Map<string, Promise<Store>>();
const statusListeners = new Set<(event: StoreStatusEvent & { store: string }) => void>();

/**
 * The store a widget uses when the host gives none: IndexedDB (shared by every widget on the page
 * that declares the same spec), or an in-memory store where IndexedDB is missing (a server-side
 * render, a locked-down browser). Status events (an upgrade blocked by another tab …) reach
 * `onDefaultStoreStatus` listeners.
 */
export function defaultStore<C extends Collections>(spec: StoreSpec<C>): Promise<Store<C>> {
  let store = defaults.get(spec.name);
  if (!store) {
    store = globalThis.indexedDB
      ? createIndexedDbStore(spec, { onEvent: (event) => statusListeners.forEach((l) => l({ ...event, store: spec.name })) })
      : Promise.resolve(createMemoryStore(spec));
    // A failed open is not cached: the next widget tries again (after the other tab closed, say).
    store.catch(() => defaults.delete(spec.name));
    defaults.set(spec.name, store as Promise<Store>);
  }
  return store as Promise<Store<C>>;
}

/** Hears the default stores' status events; returns the unsubscribe function. */
export function onDefaultStoreStatus(listener: (event: StoreStatusEvent & { store: string }) => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

export interface StoreHost<C extends Collections> extends ReactiveControllerHost, HTMLElement {
  /** A store injected by the host page; when absent the default IndexedDB store is used. */
  store?: Store<C>;
}

/**
 * Binds a widget to its store: resolves the host's `store` (or the default), loads the widget's
 * data, and reloads whenever the store changes — here, or in another tab of the same origin.
 * `error` holds what went wrong, for the widget to show in place.
 */
export class StoreController<C extends Collections> implements ReactiveController {
  store: Store<C> | undefined;
  loading = true;
  error: unknown;

  private bound: Store<C> | undefined;
  private unsubscribe: (() => void) | undefined;
  private generation = 0;
  private connected = false;

  constructor(
    private readonly host: StoreHost<C>,
    private readonly spec: StoreSpec<C>,
    private readonly load: (store: Store<C>) => Promise<void>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    void this.bind();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.bound = undefined;
  }

  hostUpdate(): void {
    // The host swapped its `store` property: bind the new one.
    if (this.connected && this.host.store && this.host.store !== this.bound) void this.bind();
  }

  /** Loads again (after a write the widget made itself, say). */
  async reload(): Promise<void> {
    if (this.store) await this.run(this.store);
  }

  private async bind(): Promise<void> {
    const generation = ++this.generation;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const store = this.host.store ?? (await defaultStore(this.spec));
      if (generation !== this.generation || !this.connected) return;
      for (const name of Object.keys(this.spec.collections)) {
        if (!(name in store.spec.collections)) throw new Error(`store "${store.name}" has no collection "${name}"`);
      }
      this.store = store;
      this.bound = store;
      this.unsubscribe = store.subscribe(() => void this.run(store));
      await this.run(store);
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  private async run(store: Store<C>): Promise<void> {
    const generation = this.generation;
    try {
      await this.load(store);
      if (generation !== this.generation) return;
      this.error = undefined;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
    }
    this.loading = false;
    this.host.requestUpdate();
  }
}
