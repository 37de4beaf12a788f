import * as z from '../schema/zod.js';
import { handlerField } from '../loop/handler.js';
import { calendarDate, id, instructionPayload, reasonPayload, text } from '../schema/fields.js';

const ref = z.string().check(z.minLength(1), z.maxLength(200));

/** How many days after its listing an item may still be "fixed at once" (立行立改), by default. */
export const FIX_AT_ONCE_DAYS = 7;
/** The most a problem list may allow for 立行立改 (days). */
export const FIX_AT_ONCE_MAX_DAYS = 30;

/** Where a rectification item comes from. */
export const FINDING_SOURCES = ['shortcoming', 'dimension', 'evaluation', 'problemList'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/**
 * Where an item stands on the problem list (问题清单): only listed, fixed at once (立行立改, closed
 * with evidence and no ledger entry), or entered in the rectification ledger (整改台账) with measures.
 */
export const TRACKS = ['listed', 'fixedAtOnce', 'ledger'] as const;
export type Track = (typeof TRACKS)[number];

export const FindingSchema = z.object({
  title: text,
  source: z.enum(FINDING_SOURCES),
  /** The report it was found in, if any. */
  reportId: z._default(z.nullable(id), null),
  /** The claim or dimension it refers to (`shortcomings[0]`, `rectification` …). */
  ref: z._default(z.nullable(ref), null),
});
export type FindingInput = z.input<typeof FindingSchema>;
export type Finding = z.output<typeof FindingSchema>;

const byAt = z.object({ by: id, at: z.string().check(z.minLength(1), z.maxLength(40)) });

/** A rectification item (整改事项): the single source of truth for its type. */
export const RectificationSchema = z.extend(FindingSchema, {
  /** The responsible unit. */
  unit: id,
  /** The responsible leader or officer, in office (named in an official capacity). */
  owner: z.string().check(z.minLength(1), z.maxLength(60)),
  measures: z._default(z.array(text), []),
  /** Due by the end of this day, China time (YYYY-MM-DD). */
  deadline: calendarDate,
  /**
   * 立行立改 counts as "fixed at once" only within this many days of the item's listing (China
   * days; 0: the same day). Later, it goes into the ledger (`start`). Rule `fix_at_once_window`.
   */
  fixAtOnceDays: z._default(z.int().check(z.gte(0), z.lte(FIX_AT_ONCE_MAX_DAYS)), FIX_AT_ONCE_DAYS),
  /** References to the evidence (file ids, URLs). */
  evidence: z._default(z.array(ref), []),
  track: z._default(z.enum(TRACKS), 'listed'),
  returns: z._default(z.array(z.extend(byAt, { reason: text })), []),
  verification: z._default(z.nullable(z.extend(byAt, { opinion: text })), null),
  supervisions: z._default(z.int().check(z.gte(0)), 0),
  /** The accountability record opened when the item passed its deadline unverified. */
  accountability: z._default(z.nullable(z.object({ id, openedAt: z.string().check(z.minLength(1), z.maxLength(40)) })), null),
  /** The named handler (承办人) inside the responsible unit; absent until one is assigned. */
  handler: handlerField,
});
export type RectificationInput = z.input<typeof RectificationSchema>;
export type Rectification = z.output<typeof RectificationSchema>;

// Event payloads.
export const StartPayloadSchema = z.object({ measures: z.array(text).check(z.minLength(1)) });
export const EvidencePayloadSchema = z.object({ evidence: z.array(ref).check(z.minLength(1)), summary: text });
export const OpinionPayloadSchema = z.object({ opinion: text });
export const ReasonPayloadSchema = reasonPayload;
export const InstructionPayloadSchema = instructionPayload;
export const AccountabilityPayloadSchema = z.object({ accountabilityId: id });
export type StartPayload = z.output<typeof StartPayloadSchema>;
export type EvidencePayload = z.output<typeof EvidencePayloadSchema>;
export type OpinionPayload = z.output<typeof OpinionPayloadSchema>;
export type ReasonPayload = z.output<typeof ReasonPayloadSchema>;
export type AccountabilityPayload = z.output<typeof AccountabilityPayloadSchema>;

/** Measures of accountability (问责方式). */
export const ACCOUNTABILITY_MEASURES = ['talk', 'criticism', 'admonition', 'discipline', 'other'] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];

/** An accountability record (问责): for a rectification item that passed its deadline unverified. */
export const AccountabilitySchema = z.object({
  rectificationId: id,
  title: text,
  unit: id,
  owner: z.string().check(z.minLength(1), z.maxLength(60)),
  /** The rectification deadline that was missed. */
  deadline: calendarDate,
  reason: z._default(z.enum(['overdue']), 'overdue'),
  decision: z._default(z.nullable(z.object({ measure: z.enum(ACCOUNTABILITY_MEASURES), basis: text })), null),
  outcome: z._default(z.nullable(text), null),
});
export type Accountability = z.output<typeof AccountabilitySchema>;
export const DecisionPayloadSchema = z.object({ measure: z.enum(ACCOUNTABILITY_MEASURES), basis: text });
export type DecisionPayload = z.output<typeof DecisionPayloadSchema>;
export const OutcomePayloadSchema = z.object({ outcome: text });
