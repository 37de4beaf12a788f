/**
 * @bihuan/core — closed-loop domain logic for grassroots governance. No DOM: the same rules run
 * in a portal's pages and on its server.
 */
export { LOCALES, DEFAULT_LOCALE, resolveLocale, type Locale, type Localized } from './i18n/locale.js';
export { BihuanError, InvalidArgumentError } from './errors/errors.js';
export {
  type Fraction,
  type Count,
  compareFractions,
  fractionToNumber,
} from './rate/fraction.js';
export { type Rounding, type DigitsOptions } from './rate/round.js';
export {
  NO_VALUE,
  shareOf,
  changeOf,
  pointsBetween,
  formatRate,
  formatChange,
  formatPoints,
  formatFraction,
  type RatePair,
  type RateFormatOptions,
  type ChangeFormatOptions,
  type PointsFormatOptions,
} from './rate/rate.js';
export {
  type PersonalKind,
  personal,
  personalData,
  personalKindOf,
  maskPhone,
  maskIdNumber,
  maskName,
  maskAddress,
  maskPersonal,
  maskRecord,
} from './privacy/privacy.js';
export * from './store/index.js';
export * from './export/index.js';

// Working-day calendars (China time, holidays and make-up working days).
export { CN_HOLIDAYS } from './calendar/cn-holidays.js';
export {
  WorkCalendar,
  CalendarYearMissingError,
  createWorkCalendar,
  chinaCalendar,
  type CalendarYear,
  type UncoveredYearPolicy,
  type WorkCalendarOptions,
} from './calendar/work-calendar.js';
export { CHINA_OFFSET_MS, parseInstant, formatInstant, parseDate, formatDate, chinaDay, startOfChinaDay } from './calendar/instant.js';

// The closed-loop engine.
export {
  defineLoop,
  isFinal,
  reopenEvents,
  type LoopDefinition,
  type AnyLoopDefinition,
  type LoopSpec,
  type StateSpec,
  type EventSpec,
  type RoleSpec,
  type TimeLimit,
  type StateOf,
  type EventOf,
  type RoleOf,
  type DataOf,
  type ContextOf,
  type SnapshotOf,
  type PayloadsOf,
  type PayloadInputs,
  type LoopEventOf,
} from './loop/definition.js';
export { CREATED, type Actor as LoopActor, type LoopEvent, type LoopEventBase, type TypedLoopEvent, type AcceptedLoopEvent, type HistoryEntry, type Snapshot, type Created } from './loop/types.js';
export { REFUSAL_CODES, type Refusal, type RefusalCode, type GuardRefusal } from './loop/refusal.js';
export { refusalMessage, type RefusalMessageParts } from './loop/messages.js';
export { LoopDefinitionError, MalformedEventError, LoopMismatchError, SnapshotLoadError, ReplayError, type SnapshotLoadErrorCode } from './loop/errors.js';
export { transition, availableEvents, type TransitionResult, type TransitionContext } from './loop/transition.js';
export { createItem, loadSnapshot, snapshotSchema, historyEntrySchema, isoInstant, type CreateItemInput, type SnapshotMigration } from './loop/snapshot.js';
export { replay } from './loop/replay.js';
export { deadlineFor, overdue, dueSoon, timeLeft, type Moment, type Within } from './loop/deadlines.js';
export { maskSnapshot } from './loop/mask.js';

// The dispute loop (受理—分流—调解—回访—销号).
export {
  PRESENCES,
  DepartmentSchema,
  DEFAULT_DEPARTMENTS,
  createDepartmentRegistry,
  defaultDepartmentRegistry,
  type Presence,
  type Department,
  type DepartmentInput,
  type DepartmentRegistry,
} from './dispute/departments.js';
export {
  DISPUTE_CATEGORIES,
  DEFAULT_ROUTING_RULES,
  RoutingRuleSchema,
  suggestRouting,
  type DisputeCategory,
  type RoutingRule,
  type RoutingRuleInput,
  type RoutingSuggestion,
} from './dispute/routing.js';
export {
  CHANNELS,
  REFERRAL_TARGETS,
  FOLLOW_UP_METHODS,
  SATISFACTION,
  PartySchema,
  SettlementSchema,
  ReferralSchema,
  FollowUpSchema,
  FollowUpRecordSchema,
  OutcomeSchema,
  DisputeIntakeSchema,
  DisputeSchema,
  RoutePayloadSchema,
  MediatePayloadSchema,
  ReasonPayloadSchema,
  MergePayloadSchema,
  SupervisePayloadSchema,
  type Channel,
  type ReferralTarget,
  type Satisfaction,
  type Party,
  type Settlement,
  type Referral,
  type FollowUp,
  type FollowUpRecord,
  type Outcome,
  type DisputeIntake,
  type Dispute,
  type RoutePayload,
  type MediatePayload,
  type ReasonPayload,
  type MergePayload,
  type SupervisePayload,
} from './dispute/schema.js';
export {
  DISPUTE_LOOP_ID,
  DEFAULT_DISPUTE_LIMITS,
  createDisputeLoop,
  disputeLoop,
  followUpPassed,
  type DisputeContext,
  type DisputeLimits,
  type DisputeLoopOptions,
  type DisputeLoop,
  type DisputeState,
  type DisputeEvent,
  type DisputeRole,
  type DisputeItem,
} from './dispute/definition.js';
export { acceptDispute, type AcceptDisputeInput } from './dispute/intake.js';
export { LedgerFilterSchema, queryLedger, summarizeLedger, countLedgerBy, isResolved, type LedgerFilter, type LedgerSummary } from './dispute/ledger.js';
export { DISPUTE_STORE_NAME, disputeCollections, createDisputeStoreSpec, disputeStoreSpec, type DisputeCollections, type DisputeStore } from './dispute/store.js';
export {
  DISPUTE_CATEGORY_LABELS,
  CHANNEL_LABELS,
  PRESENCE_LABELS,
  REFERRAL_TARGET_LABELS,
  FOLLOW_UP_METHOD_LABELS,
  SATISFACTION_LABELS,
  MEDIATION_MODE_LABELS,
  DISPUTE_PERSONAL_DATA_ROLES,
  maySeePersonalData,
} from './dispute/labels.js';
export { checkIntake, type IntakeValidation, type IntakeIssue } from './dispute/intake-check.js';

// Accountability evaluation of law reports (述法评议), the rectification/accountability double loop
// with the problem list, and the reception-day loop.
export * from './evaluation/index.js';

// Business refusals outside a transition, and argument checks shared by the domains below.
export { rejection, type Rejection, type Decision } from './rules/rejection.js';
// Large-event permits (一活动一报备一方案), minimum emergency units (1-3-5), volunteer police.
export * from './event-permit/index.js';
export * from './emergency-unit/index.js';
export * from './volunteer/index.js';

// Service to business (一企一警一助理, 一窗通办), the job fair before release, the legal-education quiz.
export * from './business/index.js';
export * from './job-fair/index.js';
export * from './quiz/index.js';

// The community-policing task loop (下单—反馈—督导) and the three lists (三个清单).
export * from './task/index.js';
export * from './three-lists/index.js';
export * from './rectification/index.js';
export * from './reception/index.js';
