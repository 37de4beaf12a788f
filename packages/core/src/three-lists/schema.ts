import * as z from '../schema/zod.js';
import { uniqueIds } from '../schema/unique.js';
import { code, text } from '../schema/fields.js';

/**
 * The three lists (三个清单) of a police station: its duty list (what it is for — "the station's
 * main job is prevention"), its task list (the community-policing catalog), and its negative list
 * (the case types it must not take on, and where they go instead).
 */

const id = code;
const localized = z.object({ 'zh-CN': text, en: text });

export const DutySchema = z.object({
  id,
  title: localized,
  /** `prevention` first: the source's "the station's main job is prevention". */
  kind: z.enum(['prevention', 'control', 'service', 'caseHandling']),
  description: z.optional(localized),
});
export type Duty = z.output<typeof DutySchema>;

/** A unit's duty list: each duty's id once (a duty listed twice would be counted twice). */
export const DutyListSchema = z.object({ unit: id, version: z.int().check(z.gte(1)), duties: /* @__PURE__ */ uniqueIds(DutySchema).check(z.minLength(1)) });
export type DutyList = z.output<typeof DutyListSchema>;
export type DutyListInput = z.input<typeof DutyListSchema>;

/**
 * One rule of a negative list: intakes of these kinds (case types or dispute categories) must not
 * be taken on — optionally only from an amount up (`minAmount`, yuan) — and go to `referTo` instead.
 * `basis` cites the rule's legal or policy ground.
 */
export const NegativeRuleSchema = z.object({
  id,
  kinds: z.array(id).check(z.minLength(1)),
  minAmount: z.optional(z.number().check(z.gte(0))),
  title: localized,
  basis: localized,
  referTo: localized,
});
export type NegativeRule = z.output<typeof NegativeRuleSchema>;

export const NegativeListSchema = z
  .object({ unit: id, version: z.int().check(z.gte(1)), example: z._default(z.boolean(), false), rules: z.array(NegativeRuleSchema) }).check(z.refine((l) => new Set(l.rules.map((r) => r.id)).size === l.rules.length, { path: ['rules'], message: 'rule ids must be unique', params: { 'zh-CN': '规则编号不能重复', en: 'rule ids must be unique' } }));
export type NegativeList = z.output<typeof NegativeListSchema>;
export type NegativeListInput = z.input<typeof NegativeListSchema>;

/**
 * What is being taken in: its kind (a case type or dispute category), for money matters the amount
 * in yuan, and — optionally — the unit taking it in, which must be the list's own (a station checks
 * its own negative list, never another's).
 */
export const IntakeCheckSchema = z.object({ kind: id, amount: z.optional(z.number().check(z.gte(0))), unit: z.optional(id) });
export type IntakeCheck = z.output<typeof IntakeCheckSchema>;
