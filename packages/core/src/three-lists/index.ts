// The three lists (三个清单) of a police station: duties, tasks and the negative list.
export {
  DutySchema,
  DutyListSchema,
  NegativeRuleSchema,
  NegativeListSchema,
  IntakeCheckSchema,
  type Duty,
  type DutyList,
  type DutyListInput,
  type NegativeRule,
  type NegativeList,
  type NegativeListInput,
  type IntakeCheck,
} from './schema.js';
export { NegativeListRefusal, loadDutyList, loadNegativeList, checkNegativeList, threeLists, type NegativeListVerdict, type ThreeLists } from './three-lists.js';
export { THREE_LISTS_STORE_NAME, threeListsStoreSpec, type ThreeListsStoreSpec, type ThreeListsStore } from './store.js';
