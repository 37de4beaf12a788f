// Every widget class, importable without registering any tag (to register under other names, or
// to extend). Registration lives in each component's define.ts.
// First, before lit is evaluated: a page whose CSP refuses lit's Trusted Types policy still loads.
import './internal/trusted-types.js';
export { BihuanElement, type ProblemDetail } from './internal/bihuan-element.js';
export { defineElement } from './internal/define.js';
export { LocaleController, nearestLang } from './internal/locale-controller.js';
export { VERSION } from './internal/version.js';
export { BhRateCard, type BhRateCardEventMap } from './components/rate-card/rate-card.component.js';
export { BhRateTrend, type BhRateTrendEventMap, type RateTrendPoint, type RateTrendSeries, type RateTrendReference } from './components/rate-trend/rate-trend.component.js';
export { StoreController, defaultStore, onDefaultStoreStatus, type StoreHost } from './internal/store-controller.js';
export { BhDisputeIntake, emptyIntakeDraft, intakeOf, type IntakeDraft, type PartyDraft, type DisputeAcceptedDetail, type IntakeRefusedDetail, type DisputeEndedDetail, type EndAtIntake, type BhDisputeIntakeEventMap } from './components/dispute-intake/dispute-intake.component.js';
export { BhDisputeLedger, type LedgerView, type LedgerSort, type LedgerSortKey, type DisputeOpenDetail, type BhDisputeLedgerEventMap } from './components/dispute-ledger/dispute-ledger.component.js';
export { BhDisputeCase, type DisputeTransitionDetail, type DisputeRefusedDetail, type BhDisputeCaseEventMap } from './components/dispute-case/dispute-case.component.js';
export { BhEventPermits, type PermitChangeDetail, type BhEventPermitsEventMap } from './components/event-permits/event-permits.component.js';
export { BhEmergencyUnits, type UnitResponseDetail, type BhEmergencyUnitsEventMap } from './components/emergency-units/emergency-units.component.js';
export { BhVolunteerLog, type AssistLoggedDetail, type BhVolunteerLogEventMap } from './components/volunteer-log/volunteer-log.component.js';
export { BhBusinessLiaison, type LiaisonChangeDetail, type BhBusinessLiaisonEventMap } from './components/business-liaison/business-liaison.component.js';
export { BhJobFair, type IntentionFiledDetail, type BhJobFairEventMap } from './components/job-fair/job-fair.component.js';
export { BhLawQuiz, type QuizFinishedDetail, type BhLawQuizEventMap } from './components/law-quiz/law-quiz.component.js';
export { BhTaskChecklist, type TaskFeedbackDetail, type BhTaskChecklistEventMap } from './components/task-checklist/task-checklist.component.js';
export { BhTaskSupervision, type TaskUrgeDetail, type BhTaskSupervisionEventMap } from './components/task-supervision/task-supervision.component.js';
export { BhLawReportScorecard, type ScoreDraft, type ScoresSubmittedDetail, type BhLawReportScorecardEventMap } from './components/law-report-scorecard/law-report-scorecard.component.js';
export { BhRectificationLedger, type RectificationTransitionDetail, type RectificationRefusedDetail, type BhRectificationLedgerEventMap } from './components/rectification-ledger/rectification-ledger.component.js';
export { BhReceptionIssues, type ReceptionTransitionDetail, type ReceptionRefusedDetail, type BhReceptionIssuesEventMap } from './components/reception-issues/reception-issues.component.js';
export { BhSupervisionOrders, type SupervisionIssuedDetail, type SupervisionTransitionDetail, type SupervisionRefusedDetail, type BhSupervisionOrdersEventMap } from './components/supervision-orders/supervision-orders.component.js';
export { BhSyncStatus, type BhSyncStatusEventMap } from './components/sync-status/sync-status.component.js';
export { BhAttachments, type AttachmentDetail, type AttachmentOpenedDetail, type BhAttachmentsEventMap } from './components/attachments/attachments.component.js';
export { BhPrintDocument, PRINT_DOCUMENTS, type PrintDocumentKind, type BhPrintDocumentEventMap, type LawReportRecord } from './components/print-document/print-document.component.js';
export { BhNoticeLog, readNotice, recipientLabel, type BhNoticeLogEventMap } from './components/notice-log/notice-log.component.js';
export type {
  AddTypedListener,
  BihuanElementEventMap,
  BihuanEventMaps,
  BihuanEvents,
  ElementEventMap,
  ExportDetail,
  LoopRefusedDetail,
  LoopTransitionDetail,
  RemoveTypedListener,
  TypedListener,
} from './events.js';
