// The double closed loop (整改 + 问责) and the problem list (问题清单 / 立行立改 / 整改台账).
export {
  FINDING_SOURCES,
  TRACKS,
  ACCOUNTABILITY_MEASURES,
  FindingSchema,
  RectificationSchema,
  AccountabilitySchema,
  StartPayloadSchema,
  EvidencePayloadSchema,
  OpinionPayloadSchema,
  DecisionPayloadSchema,
  type FindingSource,
  type Track,
  type FindingInput,
  type Finding,
  type RectificationInput,
  type Rectification,
  type Accountability,
  type AccountabilityMeasure,
  type StartPayload,
  type EvidencePayload,
  type OpinionPayload,
  type DecisionPayload,
} from './schema.js';
export {
  RECTIFICATION_LOOP_ID,
  ACCOUNTABILITY_LOOP_ID,
  UNVERIFIED_STATES,
  rectificationLoop,
  accountabilityLoop,
  type RectificationLoop,
  type RectificationState,
  type RectificationEvent,
  type RectificationRole,
  type RectificationItem,
  type AccountabilityLoop,
  type AccountabilityState,
  type AccountabilityItem,
} from './definition.js';
export { findingsOf, openRectifications, type FindingsOptions, type OpenRectificationsInput } from './problem-list.js';
export {
  isRectificationOverdue,
  sortRectificationLedger,
  summarizeRectification,
  accountabilityIdFor,
  sweepOverdue,
  rectificationCsvColumns,
  type RectificationSummary,
  type OverdueSweep,
} from './ledger.js';
export { RECTIFICATION_STORE_NAME, rectificationStoreSpec, openOverdueAccountability, type RectificationStoreSpec, type RectificationStore } from './store.js';
export { exampleRectificationItems } from './examples.js';
