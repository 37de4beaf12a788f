import * as z from '../schema/zod.js';
import { address, calendarDate, id, idNumber, instructionPayload, personName, phone, reasonPayload, satisfaction, text } from '../schema/fields.js';
import { handlerField } from '../loop/handler.js';

// The categories and channels are plain tables in labels.ts (a page that lists disputes reads them without zod).
export { DISPUTE_CATEGORIES, type DisputeCategory, CHANNELS, type Channel } from './labels.js';
import { CHANNELS, DISPUTE_CATEGORIES } from './labels.js';
import { LEDGER_FILTER_RULES as L } from './ledger.js';
import { periodKey } from '../calendar/period-key.js';

export const REFERRAL_TARGETS = ['litigation', 'fastTrackCourt', 'arbitration'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export const FOLLOW_UP_METHODS = ['phone', 'homeVisit'] as const;
export { SATISFACTION, type Satisfaction } from '../schema/fields.js';


export const PartySchema = z.object({
  id,
  side: z.enum(['applicant', 'respondent']),
  name: personName,
  phone: z.optional(phone),
  idNumber: z.optional(idNumber),
  address: z.optional(address),
  /** Elderly or unable to travel: mediate at home ("not one trip"). */
  needsHomeVisit: z._default(z.boolean(), false),
});
export type Party = z.output<typeof PartySchema>;

export const RoutingSchema = z.object({
  departments: z.array(id).check(z.minLength(1)),
  joint: z.boolean(),
  lead: z.nullable(id),
});

export const SettlementSchema = z.object({
  terms: z.array(text).check(z.minLength(1)),
  /** Ids of the parties who consented; a settlement needs every party. */
  consentedBy: z.array(id).check(z.minLength(1)),
  date: calendarDate,
  /** Reference to the signed agreement. */
  document: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
});
export type Settlement = z.output<typeof SettlementSchema>;

export const ReferralSchema = z.object({
  to: z.enum(REFERRAL_TARGETS),
  reason: text,
  date: calendarDate,
  /** Case number or receipt at the court or arbitration body. */
  reference: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
});
export type Referral = z.output<typeof ReferralSchema>;

export const FollowUpSchema = z.object({
  method: z.enum(FOLLOW_UP_METHODS),
  /** Whether the settlement is being kept; null when the dispute was referred, not settled. */
  agreementKept: z.nullable(z.boolean()),
  satisfaction: satisfaction,
  findings: z.optional(text),
});
export type FollowUp = z.output<typeof FollowUpSchema>;

export const FollowUpRecordSchema = z.extend(FollowUpSchema, {
  at: z.string().check(z.minLength(1), z.maxLength(40)),
  by: id,
  /** Kept (or not applicable) and not dissatisfied: the dispute may be written off. */
  passed: z.boolean(),
});
export type FollowUpRecord = z.output<typeof FollowUpRecordSchema>;

export const OutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('settled'), settlement: SettlementSchema }),
  z.object({ kind: z.literal('referred'), referral: ReferralSchema }),
]);
export type Outcome = z.output<typeof OutcomeSchema>;

// Decline and referral at intake (不予受理 / 直接移交): the intake's own records and payloads.

/**
 * A 12345 hotline item number (工单号) as the hotline prints it: an optional letter prefix of up
 * to six capitals (an optional dash after it) and 8 to 20 digits — `GD2026120100123`,
 * `12345-2026120100123`-style numbers without the prefix dash, `202612010012`.
 */
export const hotlineItem = /* @__PURE__ */ z.string().check(z.regex(/^(?:[A-Z]{1,6}-?)?\d{8,20}$/, 'a 12345 hotline item number'));

/** Why a centre does not accept a dispute (不予受理): the stated list, `other` with its own words. */
export const DECLINE_REASONS = ['outsideRemit', 'inLitigation', 'inArbitration', 'alreadyMediated', 'criminalMatter', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** 不予受理: the reason from the list, free text (required for `other`), and the legal route pointed to. */
export const DeclinePayloadSchema = z.object({
  reason: z.enum(DECLINE_REASONS),
  detail: z.optional(text),
  /** Where the applicant was told to go instead (court, arbitration, a department). */
  advice: z.optional(text),
});
export type DeclinePayload = z.output<typeof DeclinePayloadSchema>;
export const DeclineRecordSchema = z.extend(DeclinePayloadSchema, { at: z.string().check(z.minLength(1), z.maxLength(40)), by: id });
export type DeclineRecord = z.output<typeof DeclineRecordSchema>;

/** 直接移交: referral to a body outside the centre before mediation — who, why, when. */
export const TransferPayloadSchema = z.object({
  /** The body it goes to (a court, a bureau, a township government …), by name. */
  to: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  reason: text,
  date: calendarDate,
  /** The receiving body's receipt or case number. */
  reference: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
});
export type TransferPayload = z.output<typeof TransferPayloadSchema>;
export const TransferRecordSchema = z.extend(TransferPayloadSchema, { at: z.string().check(z.minLength(1), z.maxLength(40)), by: id });
export type TransferRecord = z.output<typeof TransferRecordSchema>;

/** What an intake clerk records on accepting a dispute (受理). */
export const DisputeIntakeSchema = z
  .object({
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    category: z.enum(DISPUTE_CATEGORIES),
    description: text,
    channel: z.enum(CHANNELS),
    town: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
    community: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
    parties: z.array(PartySchema).check(z.minLength(1)),
    /** The grid worker who reported it online (grid channel only). */
    reportedBy: z._default(z.nullable(z.object({ id, name: personName })), null),
    /** The 12345 hotline item (工单号) the dispute came from, if it came from there. */
    hotline: z._default(z.nullable(hotlineItem), null),
  }).check(z.refine((d) => new Set(d.parties.map((p) => p.id)).size === d.parties.length, { path: ['parties'], message: 'party ids must be unique', params: { 'zh-CN': '当事人编号不能重复', en: 'party ids must be unique' } }), z.refine((d) => d.parties.some((p) => p.side === 'applicant'), { path: ['parties'], message: 'needs an applicant', params: { 'zh-CN': '至少需要一名申请人', en: 'needs an applicant' } }), z.refine((d) => (d.channel === 'grid') === (d.reportedBy !== null), { path: ['reportedBy'], message: 'a grid report names its grid worker; a walk-in has none', params: { 'zh-CN': '网格上报须填写上报的网格员；来访登记不填网格员', en: 'a grid report names its grid worker; a walk-in has none' } }));
export type DisputeIntake = z.input<typeof DisputeIntakeSchema>;

/** A dispute record: the single source of truth for its type (`Dispute = z.output<…>`). */
export const DisputeSchema = z.safeExtend(DisputeIntakeSchema, {
  routing: z.nullable(RoutingSchema),
  mediation: z.nullable(z.object({ mode: z.enum(['atCentre', 'atHome']), mediators: z.array(id) })),
  outcome: z.nullable(OutcomeSchema),
  followUps: z.array(FollowUpRecordSchema),
  withdrawal: z.nullable(z.object({ reason: text })),
  mergedInto: z.nullable(z.object({ id, reason: text })),
  /** The duplicates merged into this dispute (the original's side of a merge's link). */
  duplicates: z._default(z.array(z.object({ id, reason: text })), []),
  /** Times mediation was reopened (failed follow-up, or a written-off dispute reopened). */
  reopened: z.int().check(z.gte(0)),
  /** Supervision instructions (督办) given on the dispute. */
  supervisions: z.int().check(z.gte(0)),
  /** 不予受理: why the centre declined it (null while accepted; absent in records from before). */
  declined: z._default(z.nullable(DeclineRecordSchema), null),
  /** 直接移交: the body it was referred to before mediation. */
  transfer: z._default(z.nullable(TransferRecordSchema), null),
  /** The named handler (承办人) inside the routed body; absent until one is assigned. */
  handler: handlerField,
});
export type Dispute = z.output<typeof DisputeSchema>;

// Event payloads.
export const RoutePayloadSchema = z.object({
  departments: z.array(id).check(z.minLength(1)),
  joint: z._default(z.boolean(), false),
  lead: z._default(z.nullable(id), null),
});
export type RoutePayload = z.output<typeof RoutePayloadSchema>;
export const MediatePayloadSchema = z.object({ mode: z.enum(['atCentre', 'atHome']), mediators: z._default(z.array(id), []) });
export type MediatePayload = z.output<typeof MediatePayloadSchema>;
export const ReasonPayloadSchema = reasonPayload;
export type ReasonPayload = z.output<typeof ReasonPayloadSchema>;
export const MergePayloadSchema = z.object({ into: id, reason: text });
export type MergePayload = z.output<typeof MergePayloadSchema>;
/** The original's side of a merge (or of its undoing): which duplicate, and why. */
export const DuplicateLinkPayloadSchema = z.object({ duplicate: id, reason: text });
export type DuplicateLinkPayload = z.output<typeof DuplicateLinkPayloadSchema>;
export const SupervisePayloadSchema = instructionPayload;
export type SupervisePayload = z.output<typeof SupervisePayloadSchema>;

const filterText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * What `queryLedger` filters by, as a schema (for hosts and the server). Built from
 * `LEDGER_FILTER_RULES`, the table `queryLedger` checks a filter by without zod (a test holds the two to the same answers).
 */
export const LedgerFilterSchema = /* @__PURE__ */ z.partial(
  z.strictObject({
    state: z.union([z.enum(L.states), z.array(z.enum(L.states)).check(z.minLength(1))]),
    department: filterText(L.maxText.department),
    town: filterText(L.maxText.town),
    community: filterText(L.maxText.community),
    channel: z.enum(L.channels),
    category: z.enum(L.categories),
    /** Only items whose stage deadline has come at this moment (ISO instant with offset). */
    overdueAt: filterText(L.maxText.overdueAt),
    /** Only disputes accepted within this period (`2026-12`, `2026-W49` …, China time): the ledger's date filter. */
    period: periodKey,
    /** Only disputes whose named handler (承办人) is this actor id: "my cases" (我的案件). */
    handler: filterText(L.maxText.handler),
  }),
);
