import type { Localized } from '../i18n/locale.js';

/** Why `transition` refused an event: a code to switch on. */
export type RefusalCode =
  | 'unknown_event'
  | 'not_allowed_in_state'
  | 'role_not_allowed'
  | 'field_missing'
  | 'field_invalid'
  | 'out_of_order'
  | 'guard_failed';

export const REFUSAL_CODES: readonly RefusalCode[] = [
  'unknown_event',
  'not_allowed_in_state',
  'role_not_allowed',
  'field_missing',
  'field_invalid',
  'out_of_order',
  'guard_failed',
];

/**
 * A business refusal, returned as a value. `field` names the payload field at fault
 * (`settlement.terms`, `departments[1]`); `rule` the guard's or schema's rule that refused.
 */
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: Localized;
  readonly event: string;
  readonly state: string;
  readonly field?: string;
  readonly rule?: string;
}

/** What a guard returns when it refuses: a text, or a text with the rule's name and a field. */
export type GuardRefusal = Localized | { readonly rule: string; readonly message: Localized; readonly field?: string };
