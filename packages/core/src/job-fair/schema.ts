import * as z from '../schema/zod.js';
import { calendarDate, id, personName, phone, textOf } from '../schema/fields.js';

/** Kinds of job at the fair (the source: 普工、技工、后勤 and more). */
export const JOB_KINDS = ['general', 'skilled', 'logistics', 'service', 'other'] as const;
export type JobKind = (typeof JOB_KINDS)[number];


const date = calendarDate;
const names = z._default(z.array(textOf(60)).check(z.maxLength(30)), []);
/** Yuan a month, whole. */
const yuan = z.int().check(z.gte(0), z.lte(1_000_000));

/** A job fair before release (the source: E'dong prison's "spring breeze" fair). */
export const JobFairSchema = z.object({ id, title: textOf(200), date, venue: z.optional(textOf(200)) });
export type JobFair = z.output<typeof JobFairSchema>;

/** A firm with a stand at the fair. */
export const JobFairFirmSchema = z.object({
  id,
  fairId: id,
  name: textOf(200),
  industry: z.optional(textOf(120)),
  contact: z.optional(z
    .object({
      name: personName,
      phone: z.optional(phone),
    })),
});
export type JobFairFirm = z.output<typeof JobFairFirmSchema>;

/** A firm's opening: kind, how many people, monthly pay range, and the conditions it sets. */
export const JobOpeningSchema = z
  .object({
    id,
    fairId: id,
    firmId: id,
    title: textOf(120),
    kind: z.enum(JOB_KINDS),
    count: z.int().check(z.gte(1), z.lte(100_000)),
    pay: z.object({ min: yuan, max: yuan }),
    conditions: z.prefault(z
      .object({
        /** Skills an applicant must have (电焊, 叉车 …). */
        skills: names,
        /** Certificates an applicant must hold (特种作业操作证 …). */
        certificates: names,
        note: z.optional(textOf(500)),
      }), {}),
    location: z.optional(textOf(120)),
  }).check(z.refine((o) => o.pay.max >= o.pay.min, { path: ['pay', 'max'], message: 'must not be below pay.min', params: { 'zh-CN': '不能低于最低薪酬（pay.min）', en: 'must not be below pay.min' } }));
export type JobOpening = z.output<typeof JobOpeningSchema>;
export type JobOpeningInput = z.input<typeof JobOpeningSchema>;

/**
 * An inmate's employment-intention form (就业意向表). The name is personal data; the form keeps
 * what matching needs and nothing of the sentence.
 */
export const EmploymentIntentionSchema = z.object({
  id,
  fairId: id,
  name: personName,
  /** The kinds of job wanted, at least one. */
  kinds: z
    .array(z.enum(JOB_KINDS)).check(z.minLength(1), z.refine((k) => new Set(k).size === k.length, { message: 'a kind is listed twice', params: { 'zh-CN': '类别重复', en: 'a kind is listed twice' } })),
  /** The lowest monthly pay the person would accept, in yuan. */
  expectedPay: yuan,
  skills: names,
  certificates: names,
  preferredLocation: z.optional(textOf(120)),
  releaseDate: z.optional(date),
  filledOn: date,
  note: z.optional(textOf(500)),
});
export type EmploymentIntention = z.output<typeof EmploymentIntentionSchema>;
export type EmploymentIntentionInput = z.input<typeof EmploymentIntentionSchema>;
