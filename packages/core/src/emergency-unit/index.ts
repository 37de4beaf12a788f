export {
  UNIT_KINDS,
  UNIT_STANDARD,
  RESPONSE_STAGES,
  UnitMemberSchema,
  EmergencyUnitSchema,
  ResponseTimesSchema,
  ResponseOutcomeSchema,
  UnitResponseSchema,
  type UnitKind,
  type StandardItem,
  type UnitMember,
  type EmergencyUnit,
  type EmergencyUnitInput,
  type ResponseStage,
  type ResponseTimes,
  type ResponseOutcome,
  type UnitResponse,
  type UnitResponseInput,
} from './schema.js';
export { RESPONSE_STANDARD, judgeResponse, missingStandard, type StageVerdict, type ResponseJudgement } from './standard.js';
export { registerUnit, recordResponse, summarizeEmergencyUnits, type OnTime, type EmergencyUnitSummary } from './registry.js';
export { emergencyUnitStore, type EmergencyUnitCollections } from './store.js';
export { recordResponseIn } from './operations.js';
