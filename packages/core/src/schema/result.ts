import type { Localized } from '../i18n/locale.js';

/**
 * A business refusal (a filing outside its window, a second filing for one event, an assist by a
 * volunteer who has left, an event a loop does not allow): a value, never an exception. `rule` is
 * for programs, `message` for people, `field` names the input at fault. Every domain refuses with
 * this shape or an extension of it (the loop engine's `Refusal` adds its code, event and state).
 */
export interface Rejection {
  readonly rule: string;
  readonly message: Localized;
  readonly field?: string;
}

/** Either what was asked for, or why not: the one result shape of every domain. */
export type Result<T, R extends Rejection = Rejection> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: R };

/** @deprecated The same as `Result`. */
export type Decision<T> = Result<T>;

/** A refusal with its rule, texts and (optionally) the field at fault. */
export function rejection(rule: string, zh: string, en: string, field?: string): Rejection {
  return field === undefined ? { rule, message: { 'zh-CN': zh, en } } : { rule, field, message: { 'zh-CN': zh, en } };
}

/** `{ ok: false, reason }` for a refusal. */
export function refused(rule: string, zh: string, en: string, field?: string): { readonly ok: false; readonly reason: Rejection } {
  return { ok: false, reason: rejection(rule, zh, en, field) };
}

/** `{ ok: true, value }`. */
export function accepted<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}
