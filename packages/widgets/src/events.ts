// The events the widgets fire, typed for hosts. Each widget class declares its own map (e.g.
// `BhDisputeIntakeEventMap`, beside the class) and narrows `addEventListener` to it, so that
// `intake.addEventListener('bh-dispute-accepted', (e) => e.detail.id)` needs no cast and a
// misspelled name does not compile. Every `bh-*` event bubbles and is composed, so each is also
// added to the global `HTMLElementEventMap` below: a listener on any ancestor gets its detail typed.
import type { ProblemDetail } from './internal/bihuan-element.js';
import type { ExportDetail } from './internal/csv-download.js';
import type { LoopRefusedDetail, LoopTransitionDetail } from './internal/loop-actions.js';
import type { BhBusinessLiaisonEventMap } from './components/business-liaison/business-liaison.component.js';
import type { BhDisputeCaseEventMap } from './components/dispute-case/dispute-case.component.js';
import type { BhDisputeIntakeEventMap } from './components/dispute-intake/dispute-intake.component.js';
import type { BhDisputeLedgerEventMap } from './components/dispute-ledger/dispute-ledger.component.js';
import type { BhEmergencyUnitsEventMap } from './components/emergency-units/emergency-units.component.js';
import type { BhEventPermitsEventMap } from './components/event-permits/event-permits.component.js';
import type { BhJobFairEventMap } from './components/job-fair/job-fair.component.js';
import type { BhLawQuizEventMap } from './components/law-quiz/law-quiz.component.js';
import type { BhLawReportScorecardEventMap } from './components/law-report-scorecard/law-report-scorecard.component.js';
import type { BhRateCardEventMap } from './components/rate-card/rate-card.component.js';
import type { BhRateTrendEventMap } from './components/rate-trend/rate-trend.component.js';
import type { BhReceptionIssuesEventMap } from './components/reception-issues/reception-issues.component.js';
import type { BhSupervisionOrdersEventMap } from './components/supervision-orders/supervision-orders.component.js';
import type { BhRectificationLedgerEventMap } from './components/rectification-ledger/rectification-ledger.component.js';
import type { BhSyncStatusEventMap } from './components/sync-status/sync-status.component.js';
import type { BhAttachmentsEventMap } from './components/attachments/attachments.component.js';
import type { BhPrintDocumentEventMap } from './components/print-document/print-document.component.js';
import type { BhNoticeLogEventMap } from './components/notice-log/notice-log.component.js';
import type { BhTaskChecklistEventMap } from './components/task-checklist/task-checklist.component.js';
import type { BhTaskSupervisionEventMap } from './components/task-supervision/task-supervision.component.js';
import type { BhVolunteerLogEventMap } from './components/volunteer-log/volunteer-log.component.js';

export type { ProblemDetail, ExportDetail, LoopRefusedDetail, LoopTransitionDetail };

/** The events every widget fires (from its base class). */
export interface BihuanElementEventMap {
  /** The widget could not render or store what it was given; it shows the problem in place. */
  'bh-problem': CustomEvent<ProblemDetail>;
}

/** A widget's own events, plus the standard DOM events (other widgets' `bh-*` events left out). */
export type ElementEventMap<M> = M & Omit<HTMLElementEventMap, keyof M | `bh-${string}`>;

/** A listener for one event, as a function (`this` is the element) or an object with `handleEvent`. */
export type TypedListener<Self, E> = ((this: Self, event: E) => unknown) | { handleEvent(event: E): unknown };

/** `addEventListener` narrowed to an element's events: an unknown name does not compile. */
export type AddTypedListener<Self, M> = <K extends keyof ElementEventMap<M>>(
  type: K,
  listener: TypedListener<Self, ElementEventMap<M>[K]>,
  options?: boolean | AddEventListenerOptions,
) => void;

/** `removeEventListener` narrowed like `AddTypedListener`. */
export type RemoveTypedListener<Self, M> = <K extends keyof ElementEventMap<M>>(
  type: K,
  listener: TypedListener<Self, ElementEventMap<M>[K]>,
  options?: boolean | EventListenerOptions,
) => void;

/** Every widget's event map, by tag. */
export interface BihuanEventMaps {
  'bh-business-liaison': BhBusinessLiaisonEventMap;
  'bh-dispute-case': BhDisputeCaseEventMap;
  'bh-dispute-intake': BhDisputeIntakeEventMap;
  'bh-dispute-ledger': BhDisputeLedgerEventMap;
  'bh-emergency-units': BhEmergencyUnitsEventMap;
  'bh-event-permits': BhEventPermitsEventMap;
  'bh-job-fair': BhJobFairEventMap;
  'bh-law-quiz': BhLawQuizEventMap;
  'bh-law-report-scorecard': BhLawReportScorecardEventMap;
  'bh-rate-card': BhRateCardEventMap;
  'bh-rate-trend': BhRateTrendEventMap;
  'bh-reception-issues': BhReceptionIssuesEventMap;
  'bh-supervision-orders': BhSupervisionOrdersEventMap;
  'bh-rectification-ledger': BhRectificationLedgerEventMap;
  'bh-task-checklist': BhTaskChecklistEventMap;
  'bh-task-supervision': BhTaskSupervisionEventMap;
  'bh-sync-status': BhSyncStatusEventMap;
  'bh-attachments': BhAttachmentsEventMap;
  'bh-print-document': BhPrintDocumentEventMap;
  'bh-notice-log': BhNoticeLogEventMap;
  'bh-volunteer-log': BhVolunteerLogEventMap;
}

type AllMaps = BihuanEventMaps[keyof BihuanEventMaps];
type KeysOf<M> = M extends unknown ? keyof M : never;
type EventIn<M, K> = M extends unknown ? (K extends keyof M ? M[K] : never) : never;

/**
 * Every `bh-*` event by name, as an ancestor receives it: where two widgets fire the same name
 * (`bh-dispute-refused` from the intake and from the case) the detail is either one's.
 */
export type BihuanEvents = {
  [K in KeysOf<AllMaps>]: EventIn<AllMaps, K>;
};

// In the map every element, the document and the window share, so that a listener on any
// ancestor (`document.addEventListener('bh-problem', …)`) gets the detail typed.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends BihuanEvents {}
}
