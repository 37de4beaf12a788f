// The closed-loop engine: definitions, transitions, snapshots, replay, deadlines.
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
} from './definition.js';
export { CREATED, type Actor as LoopActor, type LoopEvent, type LoopEventBase, type TypedLoopEvent, type AcceptedLoopEvent, type HistoryEntry, type Snapshot, type Created } from './types.js';
export { REFUSAL_CODES, type Refusal, type RefusalCode, type GuardRefusal } from './refusal.js';
export { refusalMessage, type RefusalMessageParts } from './messages.js';
export { LoopDefinitionError, MalformedEventError, LoopMismatchError, SnapshotLoadError, ReplayError, type SnapshotLoadErrorCode } from './errors.js';
export { transition, availableEvents, type TransitionResult, type TransitionContext } from './transition.js';
export { createItem, loadSnapshot, snapshotSchema, historyEntrySchema, isoInstant, type CreateItemInput, type SnapshotMigration, type LoadSnapshotOptions } from './snapshot.js';
export { replay } from './replay.js';
export { checkAgainstHistory, HistoryMismatchError, type HistoryMismatch } from './history-check.js';
export { deadlineProvisional, recomputeDeadlines } from './recompute.js';
export { deadlineFor } from './deadlines.js';
export { overdue, dueSoon, timeLeft, type Moment, type Within } from './due.js';
export { maskSnapshot } from './mask.js';
export { HandlerSchema, AssignHandlerPayloadSchema, ReassignHandlerPayloadSchema, HANDLER_RULES, handlerOf, handledBy, type Handler, type AssignHandlerPayload, type ReassignHandlerPayload } from './handler.js';
export type { CountChange, PeriodComparison } from './as-of.js';
export {
  ESCALATION_CHAINS,
  ESCALATION_CHAIN_OF_LOOP,
  ESCALATION_RULES,
  ESCALATE_EVENT,
  OVERDUE_RULE,
  SYSTEM_ROLE,
  EscalatePayloadSchema,
  RECTIFICATION_OVERDUE_DEADLINE,
  escalationsOf,
  escalationLevelOf,
  escalationsDueAt,
  overdueDeadlineOf,
  nextLevel,
  levelLabel,
  chainOfLoop,
  type EscalationLevel,
  type EscalationChain,
  type EscalationChainId,
  type EscalatePayload,
  type EscalationRule,
  type EscalationRecord,
  type OverdueDeadline,
  type DueEscalation,
  type EscalationsDueOptions,
  type SystemRole,
  type RolesOfItems,
} from './escalation.js';
