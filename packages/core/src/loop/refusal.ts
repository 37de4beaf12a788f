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

/** What a guard answers: `true` lets the event through, anything else is the refusal. */
export type Verdict = true | GuardRefusal;

/** A guard's refusal by `rule`, in both languages, naming the `field` at fault where there is one. */
export const guardRefusal = (rule: string, zh: string, en: string, field?: string): GuardRefusal => (field ? { rule, field, message: { 'zh-CN': zh, en } } : { rule, message: { 'zh-CN': zh, en } });

/**
 * A guard made of checks taken in order: the first refusal wins and the checks after it are not
 * run (a later one may rely on what an earlier one made sure of); `true` when none refuses.
 */
export function firstRefusal(...checks: readonly (() => Verdict)[]): Verdict {
  for (const check of checks) {
    const verdict = check();
    if (verdict !== true) return verdict;
  }
  return true;
}
