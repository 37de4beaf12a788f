export { EVENT_KINDS, SecurityPlanSchema, OrganizerSchema, EventApplicationSchema, EventIdentitySchema, EventOutcomeSchema, EventPermitSchema, ReasonSchema as EventReasonSchema, type EventKind, type SecurityPlan, type EventApplication, type EventOutcome, type EventPermit } from './schema.js';
export { filingWindow, checkFilingWindow, FilingWindowOptionsSchema, type FilingWindow, type FilingWindowOptions } from './window.js';
export { EVENT_PERMIT_LOOP_ID, eventPermitLoop, type EventPermitLoop, type EventPermitState, type EventPermitEvent, type EventPermitRole, type EventPermitItem } from './definition.js';
export { eventKeyOf, fileEventPermit, filingStands, eventHeld, summarizeEventPermits, lapsedFilings, type FileEventPermitInput, type EventPermitSummary } from './filing.js';
export { eventPermitStore, type EventPermitCollections } from './store.js';
export { fileEventPermitIn } from './operations.js';
export { permitsOfPeriod, summarizeEventPermitsPeriod, type EventPermitPeriodReport } from './ledger.js';
