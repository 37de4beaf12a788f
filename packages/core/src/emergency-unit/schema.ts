import * as z from '../schema/zod.js';
import { calendarDate, id, instant, personName, phone } from '../schema/fields.js';

/**
 * Who forms a unit: merchants and venues grouped with their neighbours (景区商户、行业场点就近编组),
 * a firm or institution (企事业单位), a village (村街) or a community (社区) on its own.
 */
export const UNIT_KINDS = ['merchantGroup', 'enterprise', 'village', 'community'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The source's four uniform requirements: marking, equipment, duties, procedure (统一标识、装备、职责、流程). */
export const UNIT_STANDARD = ['marking', 'equipment', 'duties', 'procedure'] as const;
export type StandardItem = (typeof UNIT_STANDARD)[number];

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

export const UnitMemberSchema = z.object({
  id,
  name: personName,
  phone: z.optional(phone),
});
export type UnitMember = z.output<typeof UnitMemberSchema>;

/** A minimum emergency unit (最小应急单元), supervised and dispatched by its police station. */
export const EmergencyUnitSchema = z
  .object({
    id,
    name,
    kind: z.enum(UNIT_KINDS),
    /** The local police station that supervises, guides and dispatches it (属地派出所). */
    station: name,
    establishedOn: calendarDate,
    members: z.array(UnitMemberSchema).check(z.minLength(1)),
    /** The standard's items this unit has been checked to meet. */
    meets: z.array(z.enum(UNIT_STANDARD)),
  }).check(z.refine((u) => new Set(u.members.map((m) => m.id)).size === u.members.length, { path: ['members'], message: 'member ids must be unique', params: { 'zh-CN': '成员编号不能重复', en: 'member ids must be unique' } }), z.refine((u) => new Set(u.meets).size === u.meets.length, { path: ['meets'], message: 'an item is listed twice', params: { 'zh-CN': '某项重复列出', en: 'an item is listed twice' } }));
export type EmergencyUnit = z.output<typeof EmergencyUnitSchema>;
export type EmergencyUnitInput = z.input<typeof EmergencyUnitSchema>;

/** The three stages of a response: the 1-3-5 standard. */
export const RESPONSE_STAGES = ['selfRescue', 'mutualAid', 'reinforcement'] as const;
export type ResponseStage = (typeof RESPONSE_STAGES)[number];

const seconds = z.number().check(z.gte(0), z.lte(86_400));
const count = z.int().check(z.gte(0), z.lte(100_000));

/**
 * Seconds from the alarm until each stage was in place; null for a stage a real incident did not
 * need (handled before neighbours or the police were called).
 */
export const ResponseTimesSchema = z.object({
  selfRescue: seconds,
  mutualAid: z.nullable(seconds),
  reinforcement: z.nullable(seconds),
});
export type ResponseTimes = z.output<typeof ResponseTimesSchema>;

/** What a real incident achieved: offenders detained and handed over, disputes stopped, people helped. */
export const ResponseOutcomeSchema = z.object({ detained: count, disputesStopped: count, helped: count });
export type ResponseOutcome = z.output<typeof ResponseOutcomeSchema>;
const NO_OUTCOME: ResponseOutcome = { detained: 0, disputesStopped: 0, helped: 0 };

/** A drill or a real incident a unit responded to. */
export const UnitResponseSchema = z
  .object({
    id,
    unitId: id,
    kind: z.enum(['drill', 'incident']),
    at: instant,
    times: ResponseTimesSchema,
    outcome: z._default(ResponseOutcomeSchema, NO_OUTCOME),
    note: z.optional(z.string().check(z.maxLength(2000))),
  }).check(z.refine((r) => r.kind === 'incident' || (r.times.mutualAid !== null && r.times.reinforcement !== null), { path: ['times'], message: 'a drill times all three stages', params: { 'zh-CN': '演练须记录全部三个阶段的用时', en: 'a drill times all three stages' } }), z.refine((r) => r.kind === 'incident' || (r.outcome.detained === 0 && r.outcome.disputesStopped === 0 && r.outcome.helped === 0), { path: ['outcome'], message: 'a drill has no outcome to count', params: { 'zh-CN': '演练没有处置结果可计', en: 'a drill has no outcome to count' } }));
export type UnitResponse = z.output<typeof UnitResponseSchema>;
export type UnitResponseInput = z.input<typeof UnitResponseSchema>;
