// A stand-in for `createSyncedStore` (`@bihuan/core/sync`) in stories and browser tests: a memory
// store with the contract's `session` and `sync`, whose sync state the story or test sets. It talks
// to no server; the end-to-end tests (test/sync-e2e/) use the real one.
import type { Store } from '@bihuan/core';
import type { SessionLike, SyncControlLike, SyncRefusalLike, SyncStateLike } from '../../packages/widgets/src/internal/session.js';

export interface FakeSync extends SyncControlLike {
  /** Changes the state and tells the listeners, as the sync loop does. */
  set(patch: Partial<SyncStateLike>): void;
  /** Marks an item as having an event not yet accepted (or accepted, with `false`). */
  setPending(collection: string, key: string, pending: boolean): void;
  /** Keeps a refusal from the server, as the sync loop does when it is refused. */
  refuse(refusal: SyncRefusalLike): void;
  /** How many times `syncNow` was asked for. */
  readonly asked: number;
}

export type FakeSyncedStore<S extends Store> = S & { readonly session: SessionLike | undefined; readonly sync: FakeSync };

/** Wraps `local` into a synced store signed in as `session` (or signed out, with undefined). */
export function fakeSyncedStore<S extends Store>(local: S, session: SessionLike | undefined, initial: Partial<SyncStateLike> = {}): FakeSyncedStore<S> {
  let state: SyncStateLike = { online: true, syncing: false, pending: 0, refusals: [], ...initial };
  const listeners = new Set<(s: SyncStateLike) => void>();
  const pending = new Set<string>();
  const keyOf = (collection: string, key: string) => `${collection}\u0000${key}`;
  let asked = 0;
  const tell = () => listeners.forEach((l) => l(state));
  const sync: FakeSync = {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    isPending: (collection, key) => pending.has(keyOf(collection, key)),
    refusal: (collection, key) => [...state.refusals].reverse().find((r) => r.collection === collection && r.key === key),
    dismiss(mutationId) {
      state = { ...state, refusals: state.refusals.filter((r) => r.mutationId !== mutationId) };
      tell();
    },
    async syncNow() {
      asked++;
      state = { ...state, lastSyncAt: '2025-11-20T10:00:00+08:00' };
      tell();
    },
    set(patch) {
      state = { ...state, ...patch };
      tell();
    },
    setPending(collection, key, on) {
      if (on) pending.add(keyOf(collection, key));
      else pending.delete(keyOf(collection, key));
      state = { ...state, pending: pending.size };
      tell();
    },
    refuse(refusal) {
      state = { ...state, refusals: [...state.refusals, refusal] };
      tell();
    },
    get asked() {
      return asked;
    },
  };
  return new Proxy(local, {
    get(target, prop) {
      if (prop === 'session') return session;
      if (prop === 'sync') return sync;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    has: (target, prop) => prop === 'session' || prop === 'sync' || Reflect.has(target, prop),
  }) as FakeSyncedStore<S>;
}

/** Sessions of the people in the stories and tests. */
export const SESSIONS = {
  clerkA: { actor: { id: 'clerk-li', name: '李娜', roles: ['intakeClerk'], unit: 'town-a' }, scope: { level: 'town', id: 'town-a', name: '站前街道' } },
  mediator: { actor: { id: 'mediator-wang', name: '王强', roles: ['mediator'] }, scope: { level: 'town', id: 'town-a', name: '站前街道' } },
  mediator2: { actor: { id: 'mediator-zhao', name: '赵敏', roles: ['mediator'] }, scope: { level: 'town', id: 'town-a', name: '站前街道' } },
  supervisor: { actor: { id: 'head-gao', name: '高峰', roles: ['supervisor'] }, scope: { level: 'county', id: 'county-zx', name: '振兴区' } },
  viewer: { actor: { id: 'guest-sun', name: '孙立', roles: ['auditor'] }, scope: { level: 'town', id: 'town-a', name: '站前街道' } },
} satisfies Record<string, SessionLike>;
