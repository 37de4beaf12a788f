import type { PropertyDeclarations, TemplateResult, nothing } from 'lit';
import type { Snapshot } from '@bihuan/core/loop';
import type { Collections, RecordOf, StoreSpec } from '@bihuan/core/store';
import { idGuard, nowGuard, roleGuard, storeGuard } from './guard.js';
import { LoopActions, type LoopActionsHost, type LoopActionsOptions } from './loop-actions.js';
import type { ViewerActor } from './session.js';
import { StoreController, replaceById, type StoreHost } from './store-controller.js';

/** The properties every loop list takes: its store, the local viewer (a role of the loop, an id, a unit) and the clock. */
export const loopListProperties = (loop: () => { readonly roles: object }): PropertyDeclarations => ({
  store: { attribute: false, guard: storeGuard },
  viewerRole: { type: String, attribute: 'viewer-role', guard: roleGuard(loop, true) },
  viewerId: { type: String, attribute: 'viewer-id', guard: idGuard },
  viewerUnit: { type: String, attribute: 'viewer-unit', guard: idGuard },
  now: { guard: nowGuard },
});

export interface LoopListOptions<N extends string> extends Omit<LoopActionsOptions, 'write' | 'applied'> {
  readonly collection: N;
  /** Who acts: the session's actor on a synced store, the widget's viewer-* otherwise. */
  readonly viewer: () => ViewerActor;
  /** The moment an action is recorded at. */
  readonly now: () => number;
}

/**
 * A list widget's items of one loop, from its store: loaded (again on every change the store
 * announces, here or in another tab), with the rows' actions. The widget's own writes reload
 * nothing: the accepted snapshot takes its row's place at once. Both controllers ask the host to
 * render when the items change.
 */
export class LoopList<C extends Collections, N extends keyof C & string, T extends Snapshot = RecordOf<C, N> & Snapshot> {
  private held: readonly T[] | undefined;
  /**
   * The items as last loaded or written; undefined until the first load, and again while another
   * store is being bound (the rows of a store read before are not this one's).
   */
  get items(): readonly T[] | undefined {
    return this.storeController.loading ? undefined : this.held;
  }
  readonly storeController: StoreController<C>;
  readonly actions: LoopActions;

  constructor(
    private readonly host: StoreHost<C> & LoopActionsHost,
    spec: StoreSpec<C>,
    private readonly options: LoopListOptions<N>,
  ) {
    this.storeController = new StoreController(host, spec, async (store) => {
      this.held = (await store.all(options.collection as never)).items as unknown as readonly T[];
    });
    this.actions = new LoopActions(host, {
      ...options,
      write: (action) => this.storeController.write(action as never),
      applied: (snapshot) => this.replace(snapshot as T),
    });
  }

  /**
   * A row's action buttons. By default they are offered only on a row as it stands now: a row
   * taken from a past period is not one of the items, and is read only.
   */
  rowActions(item: T, title: string, role: string = this.items?.includes(item) ? this.options.viewer().role : ''): TemplateResult | typeof nothing {
    return this.actions.render(item, title, role, this.host.store ?? this.storeController.store, this.options.viewer, this.options.now);
  }

  /** Puts a written item in its place (or adds it), as the store now holds it. */
  replace(item: T): void {
    this.held = replaceById(this.held ?? [], item);
  }
}
