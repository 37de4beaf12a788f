import * as z from '../schema/zod.js';
import { address, calendarDate, id, idNumber, instructionPayload, personName, phone, reasonPayload, satisfaction, text } from '../schema/fields.js';
import { handlerField } from '../loop/handler.js';

/** Kinds of dispute the source mentions (neighbours, noise, property repair, leaks …) and common others. */
export const DISPUTE_CATEGORIES = [
  'neighbour',
  'noise',
  'propertyRepair',
  'leak',
  'family',
  'labour',
  'consumer',
  'landAndHousing',
  'medical',
  'publicService',
  'other',
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

/** Where a dispute came in: at the centre's hall, or reported online from a grid. */
export const CHANNELS = ['walkIn', 'grid'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REFERRAL_TARGETS = ['litigation', 'fastTrackCourt', 'arbitration'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export const FOLLOW_UP_METHODS = ['phone', 'homeVisit'] as const;
export { SATISFACTION, type Satisfaction } from '../schema/fields.js';


export const PartySchema = z.object({
  id,
  side: z.enum(['applicant', 'respondent']),
  name: personName,
  phone: phone.optional(),
  idNumber: idNumber.optional(),
  address: address.optional(),
  /** Elderly or unable to travel: mediate at home ("not one trip"). */
  needsHomeVisit: z.boolean().default(false),
});
export type Party = z.output<typeof PartySchema>;

export const RoutingSchema = z.object({
  departments: z.array(id).min(1),
  joint: z.boolean(),
  lead: id.nullable(),
});

export const SettlementSchema = z.object({
  terms: z.array(text).min(1),
  /** Ids of the parties who consented; a settlement needs every party. */
  consentedBy: z.array(id).min(1),
  date: calendarDate,
  /** Reference to the signed agreement. */
  document: z.string().min(1).max(500).optional(),
});
export type Settlement = z.output<typeof SettlementSchema>;

export const ReferralSchema = z.object({
  to: z.enum(REFERRAL_TARGETS),
  reason: text,
  date: calendarDate,
  /** Case number or receipt at the court or arbitration body. */
  reference: z.string().min(1).max(500).optional(),
});
export type Referral = z.output<typeof ReferralSchema>;

export const FollowUpSchema = z.object({
  method: z.enum(FOLLOW_UP_METHODS),
  /** Whether the settlement is being kept; null when the dispute was referred, not settled. */
  agreementKept: z.boolean().nullable(),
  satisfaction: satisfaction,
  findings: text.optional(),
});
export type FollowUp = z.output<typeof FollowUpSchema>;

export const FollowUpRecordSchema = FollowUpSchema.extend({
  at: z.string().min(1).max(40),
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
export const hotlineItem = /* @__PURE__ */ z.string().regex(/^(?:[A-Z]{1,6}-?)?\d{8,20}$/, 'a 12345 hotline item number');

/** Why a centre does not accept a dispute (不予受理): the stated list, `other` with its own words. */
export const DECLINE_REASONS = ['outsideRemit', 'inLitigation', 'inArbitration', 'alreadyMediated', 'criminalMatter', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** 不予受理: the reason from the list, free text (required for `other`), and the legal route pointed to. */
export const DeclinePayloadSchema = z.object({
  reason: z.enum(DECLINE_REASONS),
  detail: text.optional(),
  /** Where the applicant was told to go instead (court, arbitration, a department). */
  advice: text.optional(),
});
export type DeclinePayload = z.output<typeof DeclinePayloadSchema>;
export const DeclineRecordSchema = DeclinePayloadSchema.extend({ at: z.string().min(1).max(40), by: id });
export type DeclineRecord = z.output<typeof DeclineRecordSchema>;

/** 直接移交: referral to a body outside the centre before mediation — who, why, when. */
export const TransferPayloadSchema = z.object({
  /** The body it goes to (a court, a bureau, a township government …), by name. */
  to: z.string().trim().min(1).max(120),
  reason: text,
  date: calendarDate,
  /** The receiving body's receipt or case number. */
  reference: z.string().min(1).max(500).optional(),
});
export type TransferPayload = z.output<typeof TransferPayloadSchema>;
export const TransferRecordSchema = TransferPayloadSchema.extend({ at: z.string().min(1).max(40), by: id });
export type TransferRecord = z.output<typeof TransferRecordSchema>;

/** What an intake clerk records on accepting a dispute (受理). */
export const DisputeIntakeSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    category: z.enum(DISPUTE_CATEGORIES),
    description: text,
    channel: z.enum(CHANNELS),
    town: z.string().trim().min(1).max(60),
    community: z.string().trim().min(1).max(60),
    parties: z.array(PartySchema).min(1),
    /** The grid worker who reported it online (grid channel only). */
    reportedBy: z.object({ id, name: personName }).nullable().default(null),
    /** The 12345 hotline item (工单号) the dispute came from, if it came from there. */
    hotline: hotlineItem.nullable().default(null),
  })
  .refine((d) => new Set(d.parties.map((p) => p.id)).size === d.parties.length, { path: ['parties'], message: 'party ids must be unique', params: { 'zh-CN': '当事人编号不能重复', en: 'party ids must be unique' } })
  .refine((d) => d.parties.some((p) => p.side === 'applicant'), { path: ['parties'], message: 'needs an applicant', params: { 'zh-CN': '至少需要一名申请人', en: 'needs an applicant' } })
  .refine((d) => (d.channel === 'grid') === (d.reportedBy !== null), { path: ['reportedBy'], message: 'a grid report names its grid worker; a walk-in has none', params: { 'zh-CN': '网格上报须填写上报的网格员；来访登记不填网格员', en: 'a grid report names its grid worker; a walk-in has none' } });
export type DisputeIntake = z.input<typeof DisputeIntakeSchema>;

/** A dispute record: the single source of truth for its type (`Dispute = z.output<…>`). */
export const DisputeSchema = DisputeIntakeSchema.safeExtend({
  routing: RoutingSchema.nullable(),
  mediation: z.object({ mode: z.enum(['atCentre', 'atHome']), mediators: z.array(id) }).nullable(),
  outcome: OutcomeSchema.nullable(),
  followUps: z.array(FollowUpRecordSchema),
  withdrawal: z.object({ reason: text }).nullable(),
  mergedInto: z.object({ id, reason: text }).nullable(),
  /** The duplicates merged into this dispute (the original's side of a merge's link). */
  duplicates: z.array(z.object({ id, reason: text })).default([]),
  /** Times mediation was reopened (failed follow-up, or a written-off dispute reopened). */
  reopened: z.int().min(0),
  /** Supervision instructions (督办) given on the dispute. */
  supervisions: z.int().min(0),
  /** 不予受理: why the centre declined it (null while accepted; absent in records from before). */
  declined: DeclineRecordSchema.nullable().default(null),
  /** 直接移交: the body it was referred to before mediation. */
  transfer: TransferRecordSchema.nullable().default(null),
  /** The named handler (承办人) inside the routed body; absent until one is assigned. */
  handler: handlerField,
});
export type Dispute = z.output<typeof DisputeSchema>;

// Event payloads.
export const RoutePayloadSchema = z.object({
  departments: z.array(id).min(1),
  joint: z.boolean().default(false),
  lead: id.nullable().default(null),
});
export type RoutePayload = z.output<typeof RoutePayloadSchema>;
export const MediatePayloadSchema = z.object({ mode: z.enum(['atCentre', 'atHome']), mediators: z.array(id).default([]) });
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
