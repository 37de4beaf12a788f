import type { Snapshot } from '@bihuan/core/loop';
import type { Collections, RecordOf, StoreSpec } from '@bihuan/core/store';
import { LoopActions, type LoopActionsHost, type LoopActionsOptions } from './loop-actions.js';
import { StoreController, replaceById, type StoreHost } from './store-controller.js';

/**
 * A list widget's items of one loop, from its store: loaded (again on every change the store
 * announces, here or in another tab), with the rows' actions. The widget's own writes reload
 * nothing: the accepted snapshot takes its row's place at once. Both controllers ask the host to
 * render when the items change.
 */
export class LoopList<C extends Collections, N extends keyof C & string, T extends Snapshot = RecordOf<C, N> & Snapshot> {
  /** The items as last loaded or written; undefined until the first load. */
  items: readonly T[] | undefined;
  readonly storeController: StoreController<C>;
  readonly actions: LoopActions;

  constructor(host: StoreHost<C> & LoopActionsHost, spec: StoreSpec<C>, options: Omit<LoopActionsOptions, 'write' | 'applied'> & { readonly collection: N }) {
    this.storeController = new StoreController(host, spec, async (store) => {
      this.items = (await store.all(options.collection as never)).items as unknown as readonly T[];
    });
    this.actions = new LoopActions(host, {
      ...options,
      write: (action) => this.storeController.write(action as never),
      applied: (snapshot) => this.replace(snapshot as T),
    });
  }

  /** Puts a written item in its place (or adds it), as the store now holds it. */
  replace(item: T): void {
    this.items = replaceById(this.items ?? [], item);
  }
}
