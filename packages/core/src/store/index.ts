export { StoreError, type StoreErrorCode, type StoreErrorDetails } from './errors.js';
export { defineStore, schemaVersionOf, fingerprintOf, compareKeys } from './spec.js';
export { createMemoryStore, createMemoryBacking, type MemoryBacking, type MemoryStoreOptions } from './memory.js';
export { createIndexedDbStore, type IndexedDbStoreOptions } from './indexeddb.js';
export type {
  Key,
  KeyPath,
  IndexSpec,
  CollectionSpec,
  Collections,
  Migration,
  StoreSpec,
  Actor,
  ChangeOp,
  ChangeEntry,
  StoreNotice,
  StoreStatusEvent,
  RecordProblem,
  Where,
  QueryOptions,
  Page,
  Listed,
  WriteOptions,
  HistoryEntryLike,
  HistoryRow,
  StepResult,
  ApplyResult,
  StoreDump,
  RecordOf,
  InputOf,
  Store,
} from './types.js';
export { applyLoopEvent, loopCollection } from './loop-event.js';
