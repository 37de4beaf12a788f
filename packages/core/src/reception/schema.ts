import * as z from '../schema/zod.js';
import { handlerField } from '../loop/handler.js';
import { calendarDate, id, personName, phone, satisfaction, text } from '../schema/fields.js';

/** An issue a firm raises on a reception day (企业家接待日), as collected. */
export const ReceptionIntakeSchema = z.object({
  /** The reception day it was raised at. */
  sessionId: id,
  sessionDate: calendarDate,
  firm: id,
  contact: personName,
  phone: z.optional(phone),
  title: text,
  detail: z.optional(text),
});
export type ReceptionIntake = z.input<typeof ReceptionIntakeSchema>;

export const RatingSchema = z.object({ satisfaction: satisfaction, at: z.string().check(z.minLength(1), z.maxLength(40)), comment: z.optional(text) });
export type Rating = z.output<typeof RatingSchema>;

/** A reception-day issue: the single source of truth for its type. */
export const ReceptionIssueSchema = z.extend(ReceptionIntakeSchema, {
  department: z._default(z.nullable(id), null),
  dueDate: z._default(z.nullable(calendarDate), null),
  result: z._default(z.nullable(text), null),
  ratings: z._default(z.array(RatingSchema), []),
  reopened: z._default(z.int().check(z.gte(0)), 0),
  supervisions: z._default(z.int().check(z.gte(0)), 0),
  /** The named handler (承办人) inside the assigned department; absent until one is assigned. */
  handler: handlerField,
});
export type ReceptionIssue = z.output<typeof ReceptionIssueSchema>;

export const AssignPayloadSchema = z.object({ department: id, dueDate: calendarDate });
export type AssignPayload = z.output<typeof AssignPayloadSchema>;
export const ResultPayloadSchema = z.object({ result: text });
/** `supervise` (督办): the instruction, and optionally a new due date the department answers to. */
export const SupervisePayloadSchema = z.object({ instruction: text, dueDate: z.optional(calendarDate) });
export type SupervisePayload = z.output<typeof SupervisePayloadSchema>;
/** `reopen` (重新督办): the reason, and optionally a new due date (otherwise the old one stands). */
export const ReopenPayloadSchema = z.object({ reason: text, dueDate: z.optional(calendarDate) });
export type ReopenPayload = z.output<typeof ReopenPayloadSchema>;
export const RatePayloadSchema = z.object({ satisfaction: satisfaction, comment: z.optional(text) });
export type RatePayload = z.output<typeof RatePayloadSchema>;
