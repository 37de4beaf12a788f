// The supervision order (督办单): issued by a higher level on an escalated or overdue item → answered → closed or re-issued.
export {
  SupervisionTargetSchema,
  SupervisionResponseSchema,
  SupervisionReissueSchema,
  SupervisionOrderSchema,
  AnswerPayloadSchema as SupervisionAnswerPayloadSchema,
  ReissuePayloadSchema as SupervisionReissuePayloadSchema,
  ClosePayloadSchema as SupervisionClosePayloadSchema,
  WithdrawPayloadSchema as SupervisionWithdrawPayloadSchema,
  type SupervisionTarget,
  type SupervisionResponse,
  type SupervisionReissue,
  type SupervisionOrder,
  type AnswerPayload as SupervisionAnswerPayload,
  type ReissuePayload as SupervisionReissuePayload,
  type ClosePayload as SupervisionClosePayload,
  type WithdrawPayload as SupervisionWithdrawPayload,
} from './schema.js';
export { SUPERVISION_LOOP_ID, SUPERVISION_OPEN_STATES, supervisionLoop, type SupervisionLoop, type SupervisionState, type SupervisionEvent, type SupervisionRole, type SupervisionItem } from './definition.js';
export { SUPERVISION_RULES, SUPERVISION_MAX_DUE_DAYS, type SupervisionRule } from './rules.js';
export { issueSupervisionOrder, type IssueSupervisionOrderInput } from './issue.js';
export { summarizeSupervision, summarizeSupervisionPeriod, supervisionOrdersOfPeriod, supervisionOrdersFor, supervisionPeriodReport, type SupervisionSummary, type SupervisionPeriodReport } from './ledger.js';
export { SUPERVISION_STATE_LABELS, SUPERVISED_LOOP_LABELS } from './labels.js';
export { SUPERVISION_STORE_NAME, supervisionStoreSpec, type SupervisionStoreSpec, type SupervisionStore } from './store.js';
