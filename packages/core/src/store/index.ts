export { StoreError, type StoreErrorCode, type StoreErrorDetails } from './errors.js';
export { defineStore, schemaVersionOf, fingerprintOf, compareKeys, recordVersion } from './spec.js';
export { MAX_SEQ } from './channel.js';
export { readBlob, type StoredBlob, type BlobBytes } from './blobs.js';
export { createMemoryStore, createMemoryBacking, type MemoryBacking, type MemoryStoreOptions } from './memory.js';
export { createLazyIndexedDbStore, defineStoreOutline, type StoreOutline } from './reader.js';
export { createIndexedDbStore, deleteIndexedDbStore, BLOBS_LAYOUT_OFFSET, type IndexedDbStoreOptions } from './indexeddb.js';
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
  ApplyOptions,
  StaleVersion,
  TxApplyResult,
  StoreTx,
  RestoreOptions,
  RestoreSummary,
  VerifyReport,
  ChangeCheck,
  HistoryEntryLike,
  HistoryRow,
  StepResult,
  ApplyResult,
  StoreDump,
  RecordOf,
  InputOf,
  Store,
} from './types.js';
export { applyLoopEvent, applyLoopEventIn, loopCollection, loopChangeCheck, type LoopApplyRefusal } from './loop-event.js';
export { itemAttachments, type AttachmentSource } from './item-attachments.js';
