import { InvalidArgumentError } from '../errors/errors.js';
import { isSaneInstant } from '../schema/bounds.js';
import { chinaDay, daysFromCivil, formatDate, formatInstant, parseInstant, startOfChinaDay } from '../calendar/instant.js';
import { chinaCalendar, WorkCalendar } from '../calendar/work-calendar.js';
import { transition } from '../loop/transition.js';
import type { Refusal } from '../loop/refusal.js';
import { CREATED } from '../loop/types.js';
import { catalogArg, rosterArg } from './catalog.js';
import { type TaskOrder, type TaskOrderRole, taskOrderLoop } from './definition.js';
import { dueDayOf, dueDayOfInstant, monthParts, quarterEnd } from './due.js';
import { officerAbsence, TaskOrderRefusal } from './presence.js';
import { type Catalog, monthText, type Officer, type OrderTemplate, type Roster, taskId, type TaskOrderData, type TaskTemplate } from './schema.js';

export interface TaskActor {
  readonly id: string;
  readonly role: TaskOrderRole;
}

const DISPATCHER: TaskActor = { id: 'dispatcher', role: 'dispatcher' };

/** How many days ahead of a month it may be dispatched (`dispatchMonth`'s `at`). */
export const DISPATCH_AHEAD_DAYS = 31;

export interface DispatchInput {
  readonly catalog: Catalog;
  readonly roster: Roster;
  /** `YYYY-MM`: the month to dispatch. */
  readonly month: string;
  /** When the dispatch happens (ISO instant with offset). Officers who left before it get nothing. */
  readonly at: string;
  /** Ids of orders that exist already (a Set, or a lookup): they are not made again. */
  readonly existing?: ReadonlySet<string> | ((id: string) => boolean);
  readonly actor?: TaskActor;
  readonly calendar?: WorkCalendar;
}

export interface DispatchResult {
  /** The new orders (none that `existing` already has). */
  readonly orders: TaskOrder[];
  /** Orders due this dispatch that already existed. */
  readonly skipped: number;
}

/** The id of an order: the period, the template and the officer it was first dispatched to. */
export function taskOrderId(period: string, templateId: string, officerId: string): string {
  for (const [argument, value] of [['period', period], ['templateId', templateId], ['officerId', officerId]] as const) {
    if (typeof value !== 'string' || value.length === 0 || value.length > 120) fail('taskOrderId', argument, '必须是 1–120 个字符的文字', 'must be a text of 1–120 characters', value);
  }
  return `${period}:${templateId}:${officerId}`;
}

function fail(fn: string, argument: string, zh: string, en: string, value: unknown): never {
  throw new InvalidArgumentError(fn, argument, { 'zh-CN': zh, en }, value);
}

/** @internal An ISO instant argument, as milliseconds. */
export function instantArg(fn: string, argument: string, value: unknown): number {
  const ms = typeof value === 'string' ? parseInstant(value) : Number.NaN;
  if (!isSaneInstant(ms)) fail(fn, argument, '必须是带时区的 ISO 8601 时间（1900–2200 年）', 'must be an ISO 8601 instant with an offset in 1900–2200', value);
  return ms;
}

function actorArg(fn: string, actor: unknown, roles: readonly string[]): TaskActor {
  const a = actor as TaskActor | null;
  if (a === null || typeof a !== 'object' || typeof a.id !== 'string' || a.id === '' || !roles.includes(a.role)) {
    fail(fn, 'actor', `必须是 { id, role }，角色为 ${roles.join('、')} 之一`, `must be { id, role } with role one of ${roles.join(', ')}`, actor);
  }
  return a;
}

function orderTemplate(catalog: Catalog, t: TaskTemplate): OrderTemplate {
  const categoryName = catalog.categories.find((c) => c.id === t.category)!.name;
  return { id: t.id, category: t.category, categoryName, title: t.title, catalog: { id: catalog.id, version: catalog.version }, done: t.done, mayBeNotApplicable: t.mayBeNotApplicable };
}

function applies(t: TaskTemplate, officer: Officer): boolean {
  const { roles, communityTypes } = t.appliesTo;
  return (roles.length === 0 || roles.includes(officer.role)) && (communityTypes.length === 0 || communityTypes.includes(officer.communityType));
}

/** @internal A new order, built as `createItem` would build it (the inputs are already valid). */
export function newOrder(id: string, data: TaskOrderData, actor: TaskActor, at: string): TaskOrder {
  return {
    loop: { id: taskOrderLoop.id, version: taskOrderLoop.version },
    id,
    state: 'dispatched',
    data,
    history: [{ seq: 0, type: CREATED, actor: { id: actor.id, role: actor.role }, at, from: null, to: 'dispatched', payload: { id, data } }],
    createdAt: at,
    updatedAt: at,
    deadline: data.due, // the loop's deadline hook: due at data.due
  };
}

function orderData(month: string, period: string, template: OrderTemplate, officer: Officer, county: string, due: string): TaskOrderData {
  return {
    month,
    period,
    template,
    officer: officer.id,
    station: officer.station,
    county,
    community: officer.community,
    due,
    feedback: null,
    returns: 0,
    urgings: [],
    reassignments: [],
    exemption: null,
    cancellation: null,
  };
}

/**
 * The month's task orders (下单), point to point: every template of the catalog due this month
 * (monthly ones; quarterly ones in a quarter's first month, due in its last; `once` ones in their
 * month) for every officer it applies to who is on the roster from the dispatch (or the month's
 * first day, dispatching ahead) to the order's due day (rule `on_roster`): an officer who leaves
 * on 03-02 gets no March order due 03-25, one who arrives on 03-10 gets theirs on the next run.
 *
 * Idempotent: an order's id is its period, template and officer, so orders listed in `existing`
 * are not made again — dispatching a month twice creates nothing twice. Orders copy their template:
 * a new catalog version applies from the next dispatch and never rewrites orders already made.
 */
export function dispatchMonth(input: DispatchInput): DispatchResult {
  const fn = 'dispatchMonth';
  if (input === null || typeof input !== 'object') fail(fn, 'input', '必须是对象', 'must be an object', input);
  const catalog = catalogArg(fn, 'input.catalog', input.catalog);
  const roster = rosterArg(fn, 'input.roster', input.roster);
  const month = input.month;
  if (!monthText.safeParse(month).success) fail(fn, 'input.month', '必须是 YYYY-MM 格式的月份', 'must be a month written YYYY-MM', month);
  if (month < catalog.effectiveFrom) fail(fn, 'input.month', `早于清单第 ${catalog.version} 版的生效月份 ${catalog.effectiveFrom}`, `is before version ${catalog.version} of the catalog takes effect (${catalog.effectiveFrom})`, month);
  const atMs = instantArg(fn, 'input.at', input.at);
  const at = input.at;
  const actor = actorArg(fn, input.actor ?? DISPATCHER, ['dispatcher', 'supervisor']);
  const calendar = input.calendar ?? chinaCalendar;
  if (!(calendar instanceof WorkCalendar)) fail(fn, 'input.calendar', '必须是 WorkCalendar', 'must be a WorkCalendar', calendar);
  const existing = input.existing;
  if (existing !== undefined && typeof existing !== 'function' && !(existing instanceof Set)) fail(fn, 'input.existing', '必须是 Set 或函数', 'must be a Set or a function', existing);
  const has = existing === undefined ? () => false : typeof existing === 'function' ? existing : (id: string) => existing.has(id);

  // The templates due this dispatch, each with its period and due instant (computed once).
  const { year, month: m } = monthParts(month);
  const quarterStart = m % 3 === 1;
  const due: { template: OrderTemplate; source: TaskTemplate; period: string; due: string; dueDay: number }[] = [];
  for (const t of catalog.templates) {
    if (t.frequency === 'onEvent' || (t.frequency === 'quarterly' && !quarterStart) || (t.frequency === 'once' && t.month !== month)) continue;
    const quarterly = t.frequency === 'quarterly';
    const dueMonth = quarterly ? monthParts(quarterEnd(month)) : { year, month: m };
    const day = dueDayOf(t.due, dueMonth.year, dueMonth.month, calendar);
    due.push({ template: orderTemplate(catalog, t), source: t, period: quarterly ? `${year}-Q${Math.ceil(m / 3)}` : month, due: formatInstant(startOfChinaDay(day + 1)), dueDay: day });
  }

  // A month is dispatched from a month ahead of it up to its last day: later, every order would
  // be born overdue; earlier, the roster it is dispatched to is a guess.
  const first = daysFromCivil(year, m, 1);
  const last = daysFromCivil(m === 12 ? year + 1 : year, m === 12 ? 1 : m + 1, 1) - 1;
  if (chinaDay(atMs) < first - DISPATCH_AHEAD_DAYS || chinaDay(atMs) > last) {
    fail(fn, 'input.at', `必须在 ${formatDate(first - DISPATCH_AHEAD_DAYS)} 至 ${formatDate(last)} 之间（最早提前 ${DISPATCH_AHEAD_DAYS} 天派发，最晚当月最后一天）`, `must fall from ${formatDate(first - DISPATCH_AHEAD_DAYS)} to ${formatDate(last)} (at most ${DISPATCH_AHEAD_DAYS} days ahead, at the latest on the month's last day)`, input.at);
  }
  // Handed over on the dispatch's day (the month's first day, dispatching ahead of it).
  const start = Math.max(first, chinaDay(atMs));
  const countyOf = new Map(roster.stations.map((s) => [s.id, s.county]));
  const orders: TaskOrder[] = [];
  let skipped = 0;
  for (const officer of roster.officers) {
    const county = countyOf.get(officer.station)!;
    for (const d of due) {
      // Only to officers on the roster from the hand-over to the order's due day (rule on_roster).
      if (!applies(d.source, officer) || officerAbsence(officer, start, d.dueDay) !== undefined) continue;
      const id = taskOrderId(d.period, d.template.id, officer.id);
      if (has(id)) {
        skipped++;
        continue;
      }
      orders.push(newOrder(id, orderData(month, d.period, d.template, officer, county, d.due), actor, at));
    }
  }
  return { orders, skipped };
}

export interface DispatchOnEventInput {
  readonly catalog: Catalog;
  readonly roster: Roster;
  /** An `onEvent` template of the catalog. */
  readonly template: string;
  readonly officer: string;
  /** The event's id (a large event's filing number, say): one order per event, template and officer. */
  readonly event: string;
  readonly at: string;
  readonly actor?: TaskActor;
  readonly calendar?: WorkCalendar;
}

/**
 * One order of an on-event template, due `n` working days after the event (`withinWorkingDays`).
 * An officer not on the roster from the event to that due day gets none: `TaskOrderRefusal` with
 * rule `on_roster` (code `guard_failed`).
 */
export function dispatchOnEvent(input: DispatchOnEventInput): TaskOrder {
  const fn = 'dispatchOnEvent';
  if (input === null || typeof input !== 'object') fail(fn, 'input', '必须是对象', 'must be an object', input);
  const catalog = catalogArg(fn, 'input.catalog', input.catalog);
  const roster = rosterArg(fn, 'input.roster', input.roster);
  const t = catalog.templates.find((x) => x.id === input.template);
  if (!t || t.due.kind !== 'withinWorkingDays') fail(fn, 'input.template', '必须是清单中按事件派发（onEvent）的任务', 'must be an onEvent template of the catalog', input.template);
  const officer = roster.officers.find((o) => o.id === input.officer);
  if (!officer) fail(fn, 'input.officer', '必须是名册中的民警', 'must be an officer of the roster', input.officer);
  if (!taskId.safeParse(input.event).success) fail(fn, 'input.event', '必须是由字母、数字、_ . - 组成的编号', 'must be an id of letters, digits, _ . -', input.event);
  const atMs = instantArg(fn, 'input.at', input.at);
  const actor = actorArg(fn, input.actor ?? DISPATCHER, ['dispatcher', 'supervisor']);
  const calendar = input.calendar ?? chinaCalendar;
  const due = formatInstant(calendar.workingDaysDeadline(atMs, t.due.n));
  const month = formatDate(chinaDay(atMs)).slice(0, 7);
  const absent = officerAbsence(officer, chinaDay(atMs), dueDayOfInstant(parseInstant(due)));
  if (absent) throw new TaskOrderRefusal(absent);
  const county = roster.stations.find((s) => s.id === officer.station)!.county;
  const id = taskOrderId(input.event, t.id, officer.id);
  return newOrder(id, orderData(month, input.event, orderTemplate(catalog, t), officer, county, due), actor, input.at);
}

export interface ReassignInput {
  /** Orders to look through (the month's, or every open one). */
  readonly orders: readonly TaskOrder[];
  readonly roster: Roster;
  /** The officer who leaves. */
  readonly from: string;
  /** The officer who takes over their open orders. */
  readonly to: string;
  readonly reason: string;
  readonly at: string;
  readonly actor?: TaskActor;
}

export interface ReassignResult {
  /** The open orders of `from`, now assigned to `to` (each with the hand-over in its history). */
  readonly reassigned: TaskOrder[];
  /** Orders the loop refused to reassign (an out-of-order time, say), with the reason. */
  readonly refused: { readonly id: string; readonly reason: Refusal }[];
}

/**
 * An officer leaves: their open orders (dispatched or returned) go to another officer of the
 * roster, each through the loop's `reassign` event, so that the order's history and its
 * `reassignments` record who had it, who has it now, when and why. Finished orders stay as they are.
 * The order keeps its community, station and county; an officer not on the roster from `at` to an
 * order's due day is refused for that order (rule `on_roster`, in `refused`).
 */
export function reassignOnLeave(input: ReassignInput): ReassignResult {
  const fn = 'reassignOnLeave';
  if (input === null || typeof input !== 'object') fail(fn, 'input', '必须是对象', 'must be an object', input);
  if (!Array.isArray(input.orders)) fail(fn, 'input.orders', '必须是任务单数组', 'must be an array of task orders', input.orders);
  const roster = rosterArg(fn, 'input.roster', input.roster);
  const to = roster.officers.find((o) => o.id === input.to);
  if (!to) fail(fn, 'input.to', '必须是名册中的民警', 'must be an officer of the roster', input.to);
  if (typeof input.from !== 'string' || input.from === input.to) fail(fn, 'input.from', '必须是另一名民警的编号', "must be another officer's id", input.from);
  if (typeof input.reason !== 'string' || !/\S/.test(input.reason)) fail(fn, 'input.reason', '必须写明原因', 'must give the reason', input.reason);
  instantArg(fn, 'input.at', input.at);
  const actor = actorArg(fn, input.actor ?? DISPATCHER, ['dispatcher', 'supervisor']);
  // The order keeps its community: only the officer changes (rule community_kept).
  const payload = { officer: to.id, reason: input.reason };
  const reassigned: TaskOrder[] = [];
  const refused: { id: string; reason: Refusal }[] = [];
  for (const order of input.orders) {
    if (order?.data?.officer !== input.from || (order.state !== 'dispatched' && order.state !== 'returned')) continue;
    const r = transition(taskOrderLoop, order, { type: 'reassign', actor, at: input.at, payload }, { roster });
    if (r.ok) reassigned.push(r.snapshot);
    else refused.push({ id: order.id, reason: r.reason });
  }
  return { reassigned, refused };
}
