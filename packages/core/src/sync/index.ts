// Offline-first sync with a bihuan server: the local store as a cache, an outbox, live notices.
export { createSyncedStore, isSyncedStore, type SyncedStoreOptions } from './synced-store.js';
export type { SyncScope, SyncSession, SyncRefusal, SyncState, SyncControl, SyncedStore } from './types.js';
export { SYNC_TEXTS } from './messages.js';
