import * as z from '../schema/zod.js';
import { calendarDate, personName, phone, shortText, text } from '../schema/fields.js';

/** Kinds of large event the source names: sports events and culture-and-tourism events. */
export const EVENT_KINDS = ['sports', 'cultureTourism', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A real date written YYYY-MM-DD. */
export const isoDate = calendarDate;

/** The one security plan of an event (一活动一方案). */
export const SecurityPlanSchema = z.object({
  summary: text,
  /** Stewards and security staff the organizer provides. */
  stewards: z.int().check(z.gte(0), z.lte(1_000_000)),
  /** Reference to the full plan document (file id or URL). */
  document: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
});
export type SecurityPlan = z.output<typeof SecurityPlanSchema>;

export const OrganizerSchema = z.object({
  name: shortText,
  contact: personName,
  phone: phone,
});

const EventFieldsSchema = z.object({
  name: shortText,
  kind: z.enum(EVENT_KINDS),
  venue: shortText,
  eventDate: isoDate,
  /** Last day of a multi-day event (the event date when absent). */
  endDate: z.optional(isoDate),
  expectedAttendance: z.int().check(z.gte(1), z.lte(10_000_000)),
  organizer: OrganizerSchema,
});
/** What makes two filings the same event: name, venue and date. */
export const EventIdentitySchema = z.pick(EventFieldsSchema, { name: true, venue: true, eventDate: true });

const endNotBefore = { path: ['endDate'], message: 'must not be before the event date' };
const endsInOrder = (a: { eventDate: string; endDate?: string | undefined }) => a.endDate === undefined || a.endDate >= a.eventDate;

/** What an organizer files for one large event (一活动一报备). */
export const EventApplicationSchema = z.extend(EventFieldsSchema, {
  /** The security plan may come with the filing, or later (before approval). */
  plan: z._default(z.nullable(SecurityPlanSchema), null),
}).check(z.refine(endsInOrder, endNotBefore));
export type EventApplication = z.input<typeof EventApplicationSchema>;

/** How the event went, recorded after it was held. */
export const EventOutcomeSchema = z.object({
  attendance: z.int().check(z.gte(0), z.lte(10_000_000)),
  /** Public-order or safety incidents during the event; 0 is "held without incident". */
  incidents: z.int().check(z.gte(0), z.lte(100_000)),
  summary: z.optional(text),
});
export type EventOutcome = z.output<typeof EventOutcomeSchema>;

export const ReasonSchema = z.object({ reason: text });
export type ReasonInput = z.output<typeof ReasonSchema>;

/** A filing as stored: the application, its identity key, filing date and what happened to it. */
export const EventPermitSchema = z.extend(EventFieldsSchema, {
  plan: z.nullable(SecurityPlanSchema),
  /** One event, one filing: the same event gives the same key (see `eventKeyOf`). */
  eventKey: z.string().check(z.minLength(1), z.maxLength(1000)),
  /** The China-time day of the filing. */
  filedOn: isoDate,
  /** Times the plan was replaced by a revised one (the event still has one plan). */
  planRevisions: z.int().check(z.gte(0)),
  refusal: z.nullable(ReasonSchema),
  withdrawal: z.nullable(ReasonSchema),
  outcome: z.nullable(EventOutcomeSchema),
}).check(z.refine(endsInOrder, endNotBefore));
export type EventPermit = z.output<typeof EventPermitSchema>;
