import * as z from '../schema/zod.js';
import { MAX_TEXT } from '../schema/bounds.js';
import { calendarDate, id, instant, instructionPayload, personName, reasonPayload, text } from '../schema/fields.js';

/**
 * The records of the community-policing task loop (下单—反馈—督导): a city's catalog of task
 * templates, its roster of officers, and the data each task order carries.
 */

/** Ids are plain ASCII (`public-security.visit-hotels`) so that order ids can be built from them. */
export const taskId = z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'));

/** `YYYY-MM`, a calendar month. */
export const monthText = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written YYYY-MM'));
const dateText = calendarDate;

/** A text in both languages, as stored on orders. */
export const localizedText = z.object({ 'zh-CN': text, en: text });

/** In a city's catalog a text may be Chinese only (a string, or `{ "zh-CN" }`); English falls back to it. */
const catalogText = z.pipe(z
  .union([text, z.object({ 'zh-CN': text, en: z.optional(text) })]), z.transform((t) => (typeof t === 'string' ? { 'zh-CN': t, en: t } : { 'zh-CN': t['zh-CN'], en: t.en ?? t['zh-CN'] })));

/** How often a template is dispatched. `onEvent` ones are dispatched one by one (`dispatchOnEvent`). */
export const FREQUENCIES = ['monthly', 'quarterly', 'once', 'onEvent'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * When an order is due, in the month it falls due (a quarterly template: the quarter's last month):
 * - `dayOfMonth`: that day (the 31st is the month's last day in shorter months); when it is not a
 *   working day, `ifNotWorkingDay` keeps it, or moves to the working day `before` or `after`;
 * - `lastDay`, `lastWorkingDay`: of the month;
 * - `workingDay`: the `n`th working day of the month;
 * - `withinWorkingDays` (on-event templates only): `n` working days after the event.
 * Orders are due at the end (24:00 China time) of that day.
 */
export const DueRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dayOfMonth'), day: z.int().check(z.gte(1), z.lte(31)), ifNotWorkingDay: z._default(z.enum(['keep', 'before', 'after']), 'keep') }),
  z.object({ kind: z.literal('lastDay') }),
  z.object({ kind: z.literal('lastWorkingDay') }),
  z.object({ kind: z.literal('workingDay'), n: z.int().check(z.gte(1), z.lte(23)) }),
  z.object({ kind: z.literal('withinWorkingDays'), n: z.int().check(z.gte(0), z.lte(60)) }),
]);
export type DueRule = z.output<typeof DueRuleSchema>;
export type DueRuleInput = z.input<typeof DueRuleSchema>;

/** What counts as done: the fields of an order's feedback. */
export const DONE_KINDS = ['note', 'count', 'evidence', 'place'] as const;
export type DoneKind = (typeof DONE_KINDS)[number];

const doneBase = { id: taskId, label: localizedText, required: z.boolean() };
/** One field of the feedback, as stored on orders. */
export const DoneFieldSchema = z.discriminatedUnion('kind', [
  /** A written note (what was done, what was found). */
  z.object({ kind: z.literal('note'), ...doneBase }),
  /** A count (households visited, sessions held); whole numbers within `min`…`max`. */
  z.object({ kind: z.literal('count'), ...doneBase, min: z.optional(z.int().check(z.gte(0))), max: z.optional(z.int().check(z.gte(0))), unit: z.optional(localizedText) }),
  /** Photo or document references (file ids, URLs): at least `minItems`. */
  z.object({ kind: z.literal('evidence'), ...doneBase, minItems: z._default(z.int().check(z.gte(1)), 1) }),
  /** A place visited (an address or a named site). */
  z.object({ kind: z.literal('place'), ...doneBase }),
]);
export type DoneField = z.output<typeof DoneFieldSchema>;

const catalogDoneBase = { id: taskId, label: catalogText, required: z._default(z.boolean(), true) };
const CatalogDoneFieldSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), ...catalogDoneBase }),
  z.object({ kind: z.literal('count'), ...catalogDoneBase, min: z.optional(z.int().check(z.gte(0))), max: z.optional(z.int().check(z.gte(0))), unit: z.optional(catalogText) }),
  z.object({ kind: z.literal('evidence'), ...catalogDoneBase, minItems: z._default(z.int().check(z.gte(1)), 1) }),
  z.object({ kind: z.literal('place'), ...catalogDoneBase }),
]);

/** To whom a template applies: officer roles and community types (an empty list: all). */
export const AppliesToSchema = z.object({
  roles: z._default(z.array(taskId), []),
  communityTypes: z._default(z.array(taskId), []),
});

/** A standardized task (标准件). */
export const TaskTemplateSchema = z
  .object({
    id: taskId,
    category: taskId,
    title: catalogText,
    /** What the task asks the officer to do. */
    asks: catalogText,
    frequency: z.enum(FREQUENCIES),
    /** For a `once` template: the month it is dispatched in. */
    month: z.optional(monthText),
    appliesTo: z._default(AppliesToSchema, { roles: [], communityTypes: [] }),
    due: DueRuleSchema,
    done: z.array(CatalogDoneFieldSchema).check(z.minLength(1)),
    /** Whether an officer may mark it not applicable (exempt, with a reason). */
    mayBeNotApplicable: z._default(z.boolean(), false),
  }).check(z.superRefine((t, ctx) => {
    if (t.frequency === 'once' && t.month === undefined) ctx.addIssue({ code: 'custom', path: ['month'], message: 'a once template names its month', params: { 'zh-CN': '一次性任务须写明月份', en: 'a once template names its month' } });
    if (t.frequency !== 'once' && t.month !== undefined) ctx.addIssue({ code: 'custom', path: ['month'], message: 'only a once template has a month', params: { 'zh-CN': '只有一次性任务才写月份', en: 'only a once template has a month' } });
    if ((t.frequency === 'onEvent') !== (t.due.kind === 'withinWorkingDays')) {
      ctx.addIssue({ code: 'custom', path: ['due', 'kind'], message: 'withinWorkingDays is the due rule of onEvent templates, and only of them', params: { 'zh-CN': 'withinWorkingDays 只用于 onEvent（因事触发）的任务', en: 'withinWorkingDays is the due rule of onEvent templates, and only of them' } });
    }
    const ids = new Set<string>();
    t.done.forEach((f, i) => {
      if (ids.has(f.id)) ctx.addIssue({ code: 'custom', path: ['done', i, 'id'], message: `field id ${f.id} is used twice`, params: { 'zh-CN': `字段编号 ${f.id} 重复`, en: `field id ${f.id} is used twice` } });
      ids.add(f.id);
      if (f.kind === 'count' && f.min !== undefined && f.max !== undefined && f.min > f.max) ctx.addIssue({ code: 'custom', path: ['done', i, 'max'], message: 'max is below min', params: { 'zh-CN': 'max 小于 min', en: 'max is below min' } });
    });
  }));
export type TaskTemplate = z.output<typeof TaskTemplateSchema>;
export type TaskTemplateInput = z.input<typeof TaskTemplateSchema>;

export const TaskCategorySchema = z.object({ id: taskId, name: catalogText, description: z.optional(catalogText) });
export type TaskCategory = z.output<typeof TaskCategorySchema>;

/**
 * A city's task catalog (标准化任务清单), versioned: a new version applies from the next dispatch
 * on (`effectiveFrom`), and orders already dispatched keep the template they were dispatched with.
 */
export const CatalogSchema = z
  .object({
    id: taskId,
    version: z.int().check(z.gte(1)),
    name: catalogText,
    /** True for sample data (the shipped example): portals show it as such. */
    example: z._default(z.boolean(), false),
    /** The first month this version is dispatched for. */
    effectiveFrom: monthText,
    categories: z.array(TaskCategorySchema).check(z.minLength(1)),
    templates: z.array(TaskTemplateSchema).check(z.minLength(1)),
  }).check(z.superRefine((c, ctx) => {
    const categories = new Set<string>();
    c.categories.forEach((cat, i) => {
      if (categories.has(cat.id)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'id'], message: `category id ${cat.id} is used twice`, params: { 'zh-CN': `类别编号 ${cat.id} 重复`, en: `category id ${cat.id} is used twice` } });
      categories.add(cat.id);
    });
    const templates = new Set<string>();
    c.templates.forEach((t, i) => {
      if (templates.has(t.id)) ctx.addIssue({ code: 'custom', path: ['templates', i, 'id'], message: `template id ${t.id} is used twice`, params: { 'zh-CN': `任务编号 ${t.id} 重复`, en: `template id ${t.id} is used twice` } });
      templates.add(t.id);
      if (!categories.has(t.category)) ctx.addIssue({ code: 'custom', path: ['templates', i, 'category'], message: `category ${t.category} is not in the catalog's categories`, params: { 'zh-CN': `类别 ${t.category} 不在清单的类别中`, en: `category ${t.category} is not in the catalog's categories` } });
    });
  }));
export type Catalog = z.output<typeof CatalogSchema>;
export type CatalogInput = z.input<typeof CatalogSchema>;

export const OfficerSchema = z.object({
  id: taskId,
  name: personName,
  /** The officer's role (`communityOfficer` by default); templates may apply to some roles only. */
  role: z._default(taskId, 'communityOfficer'),
  station: taskId,
  /** The community (社区/村) the officer is responsible for. */
  community: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  communityType: z._default(taskId, 'urban'),
  /** First day on the roster (inclusive). */
  from: z.optional(dateText),
  /** Last day on the roster (inclusive): the officer left after it. */
  until: z.optional(dateText),
});
export type Officer = z.output<typeof OfficerSchema>;

/** The city's units and officers: city → counties → stations → officers. */
export const RosterSchema = z
  .object({
    id: taskId,
    city: z.object({ id: taskId, name: catalogText }),
    counties: z.array(z.object({ id: taskId, name: catalogText })).check(z.minLength(1)),
    stations: z.array(z.object({ id: taskId, name: catalogText, county: taskId })).check(z.minLength(1)),
    officers: z.array(OfficerSchema),
  }).check(z.superRefine((r, ctx) => {
    const seen = new Set<string>();
    const unique = (list: readonly { id: string }[], key: string) =>
      list.forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `id ${x.id} is used twice`, params: { 'zh-CN': `编号 ${x.id} 重复`, en: `id ${x.id} is used twice` } });
        seen.add(x.id);
      });
    unique(r.counties, 'counties');
    unique(r.stations, 'stations');
    unique(r.officers, 'officers');
    const counties = new Set(r.counties.map((c) => c.id));
    const stations = new Set(r.stations.map((s) => s.id));
    r.stations.forEach((s, i) => {
      if (!counties.has(s.county)) ctx.addIssue({ code: 'custom', path: ['stations', i, 'county'], message: `county ${s.county} is not in the roster`, params: { 'zh-CN': `区县 ${s.county} 不在名册中`, en: `county ${s.county} is not in the roster` } });
    });
    r.officers.forEach((o, i) => {
      if (!stations.has(o.station)) ctx.addIssue({ code: 'custom', path: ['officers', i, 'station'], message: `station ${o.station} is not in the roster`, params: { 'zh-CN': `派出所 ${o.station} 不在名册中`, en: `station ${o.station} is not in the roster` } });
      if (o.from !== undefined && o.until !== undefined && o.until < o.from) ctx.addIssue({ code: 'custom', path: ['officers', i, 'until'], message: 'until is before from', params: { 'zh-CN': 'until 早于 from', en: 'until is before from' } });
    });
  }));
export type Roster = z.output<typeof RosterSchema>;
export type RosterInput = z.input<typeof RosterSchema>;

/** What an order keeps of its template: enough to check feedback without the catalog. */
export const OrderTemplateSchema = z.object({
  id: taskId,
  category: taskId,
  categoryName: localizedText,
  title: localizedText,
  catalog: z.object({ id: taskId, version: z.int().check(z.gte(1)) }),
  done: z.array(DoneFieldSchema).check(z.minLength(1)),
  mayBeNotApplicable: z.boolean(),
});
export type OrderTemplate = z.output<typeof OrderTemplateSchema>;

/** A value of a feedback field: a note or place (text), a count, or evidence references. */
export const FeedbackValueSchema = z.union([z.string().check(z.maxLength(MAX_TEXT)), z.number(), z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(1000))]);
export type FeedbackValue = z.output<typeof FeedbackValueSchema>;

const stamp = { at: instant, by: taskId };

/** The data of one task order. */
export const TaskOrderDataSchema = z.object({
  /** The month it was dispatched for. */
  month: monthText,
  /** What it covers: the month, `YYYY-Qn` for a quarterly task, or the event's id. */
  period: id,
  template: OrderTemplateSchema,
  officer: taskId,
  station: taskId,
  county: taskId,
  community: id,
  /** When it is due (24:00 China time of the due day). */
  due: instant,
  feedback: z.nullable(z.object({ values: z.record(taskId, FeedbackValueSchema), ...stamp })),
  /** Times a supervisor returned the feedback. */
  returns: z.int().check(z.gte(0)),
  /** Supervisors' urging (督导), oldest first. */
  urgings: z.array(z.object({ instruction: text, ...stamp })),
  /** Hand-overs to another officer (an officer left, or was relieved), oldest first. */
  reassignments: z.array(z.object({ from: taskId, to: taskId, reason: text, ...stamp })),
  exemption: z.nullable(z.object({ reason: text, ...stamp })),
  cancellation: z.nullable(z.object({ reason: text, ...stamp })),
});
export type TaskOrderData = z.output<typeof TaskOrderDataSchema>;

// Event payloads (no transforms: they stay on the engine's fast path).
export const FeedbackPayloadSchema = z.object({ values: z.record(z.string(), FeedbackValueSchema) });
export type FeedbackPayload = z.output<typeof FeedbackPayloadSchema>;
export const TaskReasonPayloadSchema = reasonPayload;
export type TaskReasonPayload = z.output<typeof TaskReasonPayloadSchema>;
export const UrgePayloadSchema = instructionPayload;
export type UrgePayload = z.output<typeof UrgePayloadSchema>;
/**
 * A hand-over to another officer. The order keeps its community, station and county: they may be
 * restated (and must then be the order's own, rule `community_kept`), never changed.
 */
export const ReassignPayloadSchema = z.object({ officer: taskId, reason: text, station: z.optional(taskId), county: z.optional(taskId), community: z.optional(id) });
export type ReassignPayload = z.output<typeof ReassignPayloadSchema>;
