import type { Localized } from '../i18n/locale.js';

/**
 * A business refusal outside a loop transition (a filing outside its window, a second filing for
 * one event, an assist by a volunteer who has left): a value, never an exception. `rule` is for
 * programs, `message` for people, `field` names the input at fault.
 */
export interface Rejection {
  readonly rule: string;
  readonly message: Localized;
  readonly field?: string;
}

/** Either what was asked for, or why not. */
export type Decision<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: Rejection };

/** A refusal with its rule, texts and (optionally) the field at fault. */
export function rejection(rule: string, zh: string, en: string, field?: string): Rejection {
  return field === undefined ? { rule, message: { 'zh-CN': zh, en } } : { rule, field, message: { 'zh-CN': zh, en } };
}

/** `{ ok: false, reason }` for a refusal. */
export function refused(rule: string, zh: string, en: string, field?: string): { readonly ok: false; readonly reason: Rejection } {
  return { ok: false, reason: rejection(rule, zh, en, field) };
}
