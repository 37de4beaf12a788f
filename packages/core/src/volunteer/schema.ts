import * as z from '../schema/zod.js';
import { calendarDate, id, personName, phone } from '../schema/fields.js';

/** What volunteer police assist with, as the source lists it: event security, patrols, school-gate duty, emergency rescue. */
export const ASSIST_KINDS = ['eventSecurity', 'patrol', 'schoolGate', 'emergencyRescue'] as const;
export type AssistKind = (typeof ASSIST_KINDS)[number];

/** A member of the volunteer police association (义警). */
export const VolunteerSchema = z
  .object({
    id,
    name: personName,
    phone: z.optional(phone),
    joinedOn: calendarDate,
    /** The day the member left the association; null while a member. */
    leftOn: z._default(z.nullable(calendarDate), null),
    skills: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))), []),
  }).check(z.refine((v) => v.leftOn === null || v.leftOn >= v.joinedOn, { path: ['leftOn'], message: 'must not be before joinedOn', params: { 'zh-CN': '不能早于入会日期（joinedOn）', en: 'must not be before joinedOn' } }));
export type Volunteer = z.output<typeof VolunteerSchema>;
export type VolunteerInput = z.input<typeof VolunteerSchema>;

/** One volunteer's part in one assist to the police: what, when, for how long. */
export const AssistSchema = z.object({
  id,
  volunteerId: id,
  kind: z.enum(ASSIST_KINDS),
  date: calendarDate,
  /** Time given, in whole minutes (a day has 1,440). */
  minutes: z.int().check(z.gte(1), z.lte(1440)),
  place: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  note: z.optional(z.string().check(z.maxLength(2000))),
});
export type Assist = z.output<typeof AssistSchema>;
export type AssistInput = z.input<typeof AssistSchema>;
