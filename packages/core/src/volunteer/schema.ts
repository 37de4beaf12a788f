import * as z from '../schema/zod.js';
import { personal } from '../privacy/privacy.js';
import { isoDate } from '../event-permit/schema.js';

/** What volunteer police assist with, as the source lists it: event security, patrols, school-gate duty, emergency rescue. */
export const ASSIST_KINDS = ['eventSecurity', 'patrol', 'schoolGate', 'emergencyRescue'] as const;
export type AssistKind = (typeof ASSIST_KINDS)[number];

const id = z.string().min(1).max(120);

/** A member of the volunteer police association (义警). */
export const VolunteerSchema = z
  .object({
    id,
    name: personal('name', z.string().trim().min(1).max(60)),
    phone: personal('phone', z.string().regex(/^\+?[\d\s-]{5,20}$/, 'a phone number')).optional(),
    joinedOn: isoDate,
    /** The day the member left the association; null while a member. */
    leftOn: isoDate.nullable().default(null),
    skills: z.array(z.string().trim().min(1).max(60)).default([]),
  })
  .refine((v) => v.leftOn === null || v.leftOn >= v.joinedOn, { path: ['leftOn'], message: 'must not be before joinedOn' });
export type Volunteer = z.output<typeof VolunteerSchema>;
export type VolunteerInput = z.input<typeof VolunteerSchema>;

/** One volunteer's part in one assist to the police: what, when, for how long. */
export const AssistSchema = z.object({
  id,
  volunteerId: id,
  kind: z.enum(ASSIST_KINDS),
  date: isoDate,
  /** Time given, in whole minutes (a day has 1,440). */
  minutes: z.int().min(1).max(1440),
  place: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(2000).optional(),
});
export type Assist = z.output<typeof AssistSchema>;
export type AssistInput = z.input<typeof AssistSchema>;
