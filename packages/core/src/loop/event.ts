import { isSaneInstant } from '../schema/bounds.js';
import { parseInstant } from '../calendar/instant.js';
import { MalformedEventError } from './errors.js';

const RULES = {
  object: { 'zh-CN': '必须是对象', en: 'must be an object' },
  text: { 'zh-CN': '必须是非空字符串', en: 'must be a non-empty string' },
  optionalText: { 'zh-CN': '必须是字符串（或不填）', en: 'must be a string (or absent)' },
  optionalShortText: { 'zh-CN': '必须是 1–120 个字符的字符串（或不填）', en: 'must be a string of 1–120 characters (or absent)' },
  instant: { 'zh-CN': '必须是带时区的 ISO 8601 时间（1900–2200 年），如 2025-10-09T09:30:00+08:00', en: 'must be an ISO 8601 instant with an offset in 1900–2200, e.g. 2025-10-09T09:30:00+08:00' },
  attachments: { 'zh-CN': '必须是由非空字符串（附件引用）组成的数组', en: 'must be an array of non-empty strings (attachment references)' },
} as const;

/**
 * Checks that `event` has the shape of an event, and returns its time in milliseconds. Throws
 * `MalformedEventError` naming the wrong part: this is a caller's bug, not a business refusal.
 */
export function checkEvent(fn: string, event: unknown): number {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) throw new MalformedEventError(fn, 'event', RULES.object, event);
  const e = event as Record<string, unknown>;
  if (typeof e.type !== 'string' || e.type.length === 0) throw new MalformedEventError(fn, 'type', RULES.text, e.type);
  const actor = e.actor as Record<string, unknown> | null | undefined;
  if (actor === null || typeof actor !== 'object') throw new MalformedEventError(fn, 'actor', RULES.object, actor);
  if (typeof actor.id !== 'string' || actor.id.length === 0) throw new MalformedEventError(fn, 'actor.id', RULES.text, actor.id);
  if (typeof actor.role !== 'string' || actor.role.length === 0) throw new MalformedEventError(fn, 'actor.role', RULES.text, actor.role);
  if (actor.unit !== undefined && !isShortText(actor.unit)) throw new MalformedEventError(fn, 'actor.unit', RULES.optionalShortText, actor.unit);
  if (actor.name !== undefined && !isShortText(actor.name)) throw new MalformedEventError(fn, 'actor.name', RULES.optionalShortText, actor.name);
  const at = parseInstant(e.at as string);
  if (!isSaneInstant(at)) throw new MalformedEventError(fn, 'at', RULES.instant, e.at); // the kernel's instant: years 1900–2200
  if (e.note !== undefined && typeof e.note !== 'string') throw new MalformedEventError(fn, 'note', RULES.optionalText, e.note);
  const attachments = e.attachments;
  if (attachments !== undefined) {
    if (!Array.isArray(attachments)) throw new MalformedEventError(fn, 'attachments', RULES.attachments, attachments);
    for (const a of attachments) if (typeof a !== 'string' || a.length === 0) throw new MalformedEventError(fn, 'attachments', RULES.attachments, a);
  }
  return at;
}

const isShortText = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= 120;
