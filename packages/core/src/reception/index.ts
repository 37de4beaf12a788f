// The reception-day loop (企业家接待日): collect → assign → supervise → feed back → rate → write off.
export { ReceptionIntakeSchema, RatingSchema, ReceptionIssueSchema, AssignPayloadSchema, RatePayloadSchema, SupervisePayloadSchema as ReceptionSupervisePayloadSchema, ReopenPayloadSchema as ReceptionReopenPayloadSchema, type ReceptionIntake, type Rating, type ReceptionIssue, type AssignPayload, type RatePayload, type SupervisePayload as ReceptionSupervisePayload, type ReopenPayload as ReceptionReopenPayload } from './schema.js';
export {
  RECEPTION_LOOP_ID,
  RECEPTION_OPEN_STATES,
  RECEPTION_MAX_DUE_DAYS,
  receptionLoop,
  type ReceptionLoop,
  type ReceptionState,
  type ReceptionEvent,
  type ReceptionRole,
  type ReceptionItem,
} from './definition.js';
export { RECEPTION_LATE_ENTRY_DAYS, collectIssue, summarizeReception, receptionOfPeriod, summarizeReceptionPeriod, type CollectIssueInput, type ReceptionSummary, type ReceptionPeriodReport } from './ledger.js';
export { overdueReceptionIssues, overdueReceptionIssuesAt, type ReceptionOverdue } from './overdue.js';
export { RECEPTION_STORE_NAME, receptionStoreSpec, type ReceptionStoreSpec, type ReceptionStore } from './store.js';
export { receptionNoticesFor, notifyReceptionStep } from './notices.js';
