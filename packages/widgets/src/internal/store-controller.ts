import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BihuanError } from '@bihuan/core/schema';
import { stopHearing } from './stop-hearing.js';
import { type ChangeEntry, type Collections, type Store, type StoreNotice, type StoreOutline, type StoreSpec, type StoreStatusEvent, createLazyIndexedDbStore } from '@bihuan/core/store';

// One default store per database name, shared by every widget on the page.
const defaults = new Map<string, Promise<Store>>();
const statusListeners = new Set<(event: StoreStatusEvent & { store: string }) => void>();

/** A store's full spec, or its outline (name, version, structure and where the full spec loads from). */
export type SpecOrOutline<C extends Collections> = StoreSpec<C> | StoreOutline<C>;
const isOutline = <C extends Collections>(spec: SpecOrOutline<C>): spec is StoreOutline<C> => typeof (spec as StoreOutline<C>).load === 'function';

/**
 * The store a widget uses when the host gives none: IndexedDB (shared by every widget on the page
 * that declares the same database), or an in-memory store where IndexedDB is missing (a server-side
 * render, a locked-down browser; its module is loaded only then). A widget that only reads gives
 * the outline: the store's write side and the full spec load with the first write, whichever
 * widget makes it. Status events (an upgrade blocked by another tab …) reach
 * `onDefaultStoreStatus` listeners.
 */
export function defaultStore<C extends Collections>(spec: SpecOrOutline<C>): Promise<Store<C>> {
  let store = defaults.get(spec.name);
  if (!store) {
    const onEvent = (event: StoreStatusEvent) => statusListeners.forEach((l) => l({ ...event, store: spec.name }));
    const outline: StoreOutline<C> = isOutline(spec) ? spec : { name: spec.name, version: 1 + (spec.migrations?.length ?? 0), collections: spec.collections, load: () => Promise.resolve(spec) };
    store = globalThis.indexedDB
      ? createLazyIndexedDbStore(outline, { onEvent })
      : Promise.all([import('./memory-fallback.js'), outline.load()]).then(([{ createMemoryStore }, full]) => createMemoryStore(full));
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

/**
 * The attribute by which a page says it gives a store-backed widget its store itself: the widget
 * then waits for `store` instead of opening the default one (read when the widget connects).
 */
export const NO_DEFAULT_STORE = 'no-default-store';

export interface StoreHost<C extends Collections> extends ReactiveControllerHost, HTMLElement {
  /** A store injected by the host page; when absent the default IndexedDB store is used. */
  store?: Store<C>;
}

/**
 * Binds a widget to its store: resolves the host's `store` (or the default), loads the widget's
 * data, and reloads whenever the store changes — here, or in another tab of the same origin.
 * `error` holds what went wrong, for the widget to show in place.
 *
 * A write the widget makes itself goes through `write()`: the widget shows the write's result at
 * once (the accepted snapshot), and the store's notice of that very change does not load and
 * validate everything again. Notices that arrive while a load runs are folded into one more load.
 */
export class StoreController<C extends Collections> implements ReactiveController {
  store: Store<C> | undefined;
  loading = true;
  error: unknown;

  private bound: Store<C> | undefined;
  private unsubscribe: (() => void) | undefined;
  private generation = 0;
  private connected = false;
  /** Writes of this widget under way, and the local notices heard meanwhile (maybe their own). */
  private writing = 0;
  private held: StoreNotice[] = [];
  /** Change-log sequence numbers of this widget's own writes whose notice may still come. */
  private readonly own = new Set<number>();
  /** The load running now, and whether another was asked for meanwhile. */
  private running: Promise<void> | undefined;
  private runningFor: Store<C> | undefined;
  private again = false;

  constructor(
    private readonly host: StoreHost<C>,
    private readonly spec: SpecOrOutline<C>,
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
    this.stopListening();
    this.bound = undefined;
  }

  hostUpdate(): void {
    // The host swapped its `store` property: bind the new one.
    if (this.connected && this.host.store && this.host.store !== this.bound) void this.bind();
  }

  /** Loads again (another item or period chosen, say). */
  async reload(): Promise<void> {
    if (this.store) await this.run(this.store);
  }

  /**
   * Runs a write of the widget's own (`applyLoopEvent`, `applyEvent` …) and resolves to its
   * result, which the widget shows itself. The store's notice of this change reloads nothing; a
   * change made meanwhile by someone else (another widget, another tab) still reloads.
   */
  async write<T>(action: (store: Store<C>) => Promise<T>): Promise<T> {
    const store = this.store;
    if (!store) throw new BihuanError('store_not_open', { 'zh-CN': '存储尚未打开，请稍候再试。', en: 'The store is not open yet; try again in a moment.' });
    this.writing++;
    let result: T | undefined;
    try {
      result = await action(store);
      return result;
    } finally {
      this.writing--;
      const change = ownChange(result);
      if (change) this.own.add(change.seq);
      if (this.writing === 0) {
        const held = this.held;
        this.held = [];
        for (const notice of held) this.hear(store, notice);
      }
    }
  }

  /** Stops hearing the bound store. */
  private stopListening(): void {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    stopHearing(unsubscribe);
  }

  private hear(store: Store<C>, notice: StoreNotice): void {
    if (notice.source === 'local' && this.writing > 0) {
      this.held.push(notice);
      return;
    }
    if (notice.kind === 'changes' && notice.source === 'local' && notice.changes.every((c) => this.own.has(c.seq))) {
      for (const c of notice.changes) this.own.delete(c.seq);
      return;
    }
    void this.run(store);
  }

  private async bind(): Promise<void> {
    const generation = ++this.generation;
    this.stopListening();
    this.loading = true;
    this.host.requestUpdate();
    try {
      // `no-default-store`: the page gives the store (once signed in, say). Until it does the widget
      // says it is reading, and never opens this browser's own database, whose records may be
      // another user's or a stale copy.
      if (this.host.store === undefined && this.host.hasAttribute(NO_DEFAULT_STORE)) {
        this.store = this.bound = undefined;
        return;
      }
      const store = this.host.store ?? (await defaultStore(this.spec));
      if (generation !== this.generation || !this.connected) return;
      for (const name of Object.keys(this.spec.collections)) {
        if (!Object.hasOwn(store.spec.collections, name)) {
          throw new BihuanError('store_mismatch', {
            'zh-CN': `所给的存储没有此组件需要的“${name}”集合：请传入用 ${this.spec.name} 的定义创建的存储。`,
            en: `The store given has no "${name}" collection, which this widget needs: pass a store made with the ${this.spec.name} definition.`,
          });
        }
      }
      this.store = store;
      this.bound = store;
      this.own.clear();
      this.held = [];
      const unsubscribe: unknown = store.subscribe((notice) => this.hear(store, notice));
      this.unsubscribe = typeof unsubscribe === 'function' ? (unsubscribe as () => void) : undefined;
      // A host's store that answers with a promise (rejected, say) is broken: show it, never leave the rejection to the page.
      if (typeof (unsubscribe as PromiseLike<unknown> | undefined)?.then === 'function') {
        (unsubscribe as PromiseLike<unknown>).then(undefined, (error: unknown) => {
          if (generation !== this.generation) return;
          this.error = error;
          this.host.requestUpdate();
        });
      }
      await this.run(store);
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
      this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** Loads now, or once more after the load under way (however many notices came meanwhile). */
  private run(store: Store<C>): Promise<void> {
    if (this.running) {
      if (this.runningFor !== store) return this.running.then(() => this.run(store));
      this.again = true;
      return this.running;
    }
    const running = (async () => {
      try {
        do {
          this.again = false;
          await this.load1(store);
        } while (this.again && this.store === store);
      } finally {
        this.running = this.runningFor = undefined;
      }
    })();
    this.running = running;
    this.runningFor = store;
    return running;
  }

  private async load1(store: Store<C>): Promise<void> {
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

/** The list with `next` in place of the item of the same id: how a widget shows its own accepted write. */
export function replaceById<T extends { readonly id: string }>(list: readonly T[], next: T): T[] {
  return list.map((item) => (item.id === next.id ? next : item));
}

/** The change-log entry of an accepted `applyEvent` result, if that is what `result` is. */
function ownChange(result: unknown): ChangeEntry | undefined {
  const r = result as { ok?: unknown; change?: ChangeEntry } | undefined;
  return r && r.ok === true && typeof r.change?.seq === 'number' ? r.change : undefined;
}
