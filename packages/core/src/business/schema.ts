import * as z from '../schema/zod.js';
import { calendarDate, id, personName, phone, textOf } from '../schema/fields.js';

/** What a liaison pair serves: a key firm (重点企业) or a key project (重点项目). */
export const KEY_SUBJECT_KINDS = ['firm', 'project'] as const;
export type KeySubjectKind = (typeof KEY_SUBJECT_KINDS)[number];

/** How a liaison met the firm: a visit on site, a call, or at the firm's request online. */
export const VISIT_KINDS = ['onSite', 'phone', 'online'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

const date = calendarDate;

/**
 * A police officer or auxiliary serving a firm. Names are shown to the firm they serve (it is the
 * point of the service); phone numbers are personal data.
 */
export const LiaisonPersonSchema = z.object({
  id,
  name: textOf(60),
  phone: z.optional(phone),
  /** The police station or unit the person belongs to. */
  unit: z.optional(textOf(120)),
});
export type LiaisonPerson = z.output<typeof LiaisonPersonSchema>;

/**
 * A key firm or project under "one firm, one officer, one assistant" (一企一警一助理): exactly one
 * liaison officer and one assistant, two different people — or neither, while awaiting assignment.
 */
export const KeyFirmSchema = z
  .object({
    id,
    name: textOf(200),
    kind: z.enum(KEY_SUBJECT_KINDS),
    district: z.optional(textOf(120)),
    /** The firm's own contact person. */
    contact: z.optional(z
      .object({
        name: personName,
        phone: z.optional(phone),
      })),
    officer: z.nullable(LiaisonPersonSchema),
    assistant: z.nullable(LiaisonPersonSchema),
    /** The date the current pair took over. */
    assignedOn: z.nullable(date),
  }).check(z.superRefine((firm, ctx) => {
    if ((firm.officer === null) !== (firm.assistant === null)) {
      ctx.addIssue({ code: 'custom', path: [firm.officer === null ? 'officer' : 'assistant'], message: 'a firm has one officer and one assistant, or neither yet', params: { 'zh-CN': '一家企业配一名民警和一名助理，或暂未配备', en: 'a firm has one officer and one assistant, or neither yet' } });
    }
    if (firm.officer && firm.assistant && firm.officer.id === firm.assistant.id) {
      ctx.addIssue({ code: 'custom', path: ['assistant', 'id'], message: 'the officer and the assistant must be two different people', params: { 'zh-CN': '民警和助理必须是两个不同的人', en: 'the officer and the assistant must be two different people' } });
    }
    if ((firm.officer === null) !== (firm.assignedOn === null)) {
      ctx.addIssue({ code: 'custom', path: ['assignedOn'], message: 'an assigned firm has the date of assignment, an unassigned one none', params: { 'zh-CN': '已配备的企业须写明配备日期，未配备的不写', en: 'an assigned firm has the date of assignment, an unassigned one none' } });
    }
  }));
export type KeyFirm = z.output<typeof KeyFirmSchema>;
export type KeyFirmInput = z.input<typeof KeyFirmSchema>;

/** The pair assigned to a firm; `officer` and `assistant` are each one person (never a list). */
export const AssignmentSchema = z.object({
  officer: z.optional(z.unknown()),
  assistant: z.optional(z.unknown()),
  date,
});
export type Assignment = { readonly officer: LiaisonPerson; readonly assistant: LiaisonPerson; readonly date: string };

/** One logged contact of a liaison with the firm: what the firm needed, and what was done. */
export const VisitSchema = z.object({
  id,
  firmId: id,
  date,
  /** Id of the officer or assistant who made it. */
  by: id,
  kind: z.enum(VISIT_KINDS),
  /** What the firm raised (问需). */
  needs: z.optional(textOf(1000)),
  /** What was done or promised (解难). */
  note: z.optional(textOf(1000)),
});
export type Visit = z.output<typeof VisitSchema>;

/**
 * Time limits are whole working days (1 – 366): a promise to applicants is counted in days, and a
 * limit cut by a share is rounded down by `cutLimit` (never below one day).
 */
const limit = z
  .number().check(z.positive(), z.lte(366), z.refine((n) => Number.isInteger(n), { message: 'must be a whole number of working days', params: { 'zh-CN': '必须是整数个工作日', en: 'must be a whole number of working days' } }));

/**
 * A matter handled at one window (一窗通办): its promised limit now and the limit before the
 * reform, both in working days.
 */
export const OneWindowMatterSchema = z.object({
  id,
  name: textOf(200),
  department: z.optional(textOf(120)),
  previousLimit: limit,
  limit,
  /** Also done online (一网通办). */
  online: z._default(z.boolean(), false),
});
export type OneWindowMatter = z.output<typeof OneWindowMatterSchema>;
export type OneWindowMatterInput = z.input<typeof OneWindowMatterSchema>;
