import { InvalidArgumentError } from '../errors/errors.js';
import type { Period } from '../calendar/period.js';
import { parseInstant } from '../calendar/instant.js';
import { type Moment, momentMs, overdue } from '../loop/deadlines.js';
import { comparePeriods, countChange, itemsOfPeriod, periodArgument, rateChange, type CountChange, type PeriodComparison } from '../loop/as-of.js';
import { SUPERVISION_LOOP_ID, supervisionLoop, type SupervisionItem } from './definition.js';

/** The supervision orders' figures at a moment (督办台账). */
export interface SupervisionSummary {
  /** Orders counted (issued before the moment). */
  readonly total: number;
  /** Awaiting an answer (issued or re-issued). */
  readonly awaiting: number;
  /** Answered, awaiting the higher level's decision. */
  readonly answered: number;
  readonly closed: number;
  readonly withdrawn: number;
  /** Awaiting an answer past their due day (24:00 China time): 超期未反馈. */
  readonly overdue: number;
  /** Their ids, in the order given. */
  readonly overdueIds: readonly string[];
  /** Answers that came after their due day. */
  readonly lateAnswers: number;
  /** Re-issues (重新督办) in all. */
  readonly reissues: number;
  /** Per addressed body: orders, still awaiting, overdue. */
  readonly byAddressee: Readonly<Record<string, { readonly orders: number; readonly awaiting: number; readonly overdue: number }>>;
}

const ITEMS_RULE = { 'zh-CN': '必须是督办单快照数组', en: 'must be an array of supervision-order snapshots' };

function checkOrders(fn: string, orders: readonly SupervisionItem[]): void {
  if (!Array.isArray(orders)) throw new InvalidArgumentError(fn, 'orders', ITEMS_RULE, orders);
  const seen = new Set<string>();
  orders.forEach((o, i) => {
    if (!o || typeof o !== 'object' || o.loop?.id !== SUPERVISION_LOOP_ID || typeof o.id !== 'string' || !o.data || typeof o.data !== 'object' || !Array.isArray(o.history)) {
      throw new InvalidArgumentError(fn, `orders[${i}]`, { 'zh-CN': '必须是督办单闭环的快照', en: 'must be a snapshot of the supervision-order loop' }, o);
    }
    if (seen.has(o.id)) throw new InvalidArgumentError(fn, `orders[${i}].id`, { 'zh-CN': '重复：每份督办单只能列一次', en: 'repeats: list each order once' }, o.id);
    seen.add(o.id);
  });
}

/**
 * The supervision ledger at `at`: orders by state, those overdue (awaiting an answer past their due
 * day), late answers and re-issues, per addressed body. Orders created after `at` are left out;
 * the others are counted as they are (pass each as it stood, or use `summarizeSupervisionPeriod`).
 */
export function summarizeSupervision(orders: readonly SupervisionItem[], at: Moment): SupervisionSummary {
  checkOrders('summarizeSupervision', orders);
  const atMs = momentMs('summarizeSupervision', 'at', at);
  let total = 0;
  let awaiting = 0;
  let answered = 0;
  let closed = 0;
  let withdrawn = 0;
  let lateAnswers = 0;
  let reissues = 0;
  const overdueIds: string[] = [];
  const byAddressee: Record<string, { orders: number; awaiting: number; overdue: number }> = {};
  for (const o of orders) {
    if (parseInstant(o.createdAt) > atMs) continue;
    total++;
    const row = (byAddressee[o.data.addressee] ??= { orders: 0, awaiting: 0, overdue: 0 });
    row.orders++;
    if (o.state === 'issued') {
      awaiting++;
      row.awaiting++;
      if (overdue(o, atMs)) {
        overdueIds.push(o.id);
        row.overdue++;
      }
    } else if (o.state === 'answered') answered++;
    else if (o.state === 'closed') closed++;
    else withdrawn++;
    for (const r of o.data.responses) if (r.late) lateAnswers++;
    reissues += o.data.reissues.length;
  }
  return { total, awaiting, answered, closed, withdrawn, overdue: overdueIds.length, overdueIds, lateAnswers, reissues, byAddressee };
}

/** The orders issued within a period, each as it stood at the period's end. */
export function supervisionOrdersOfPeriod(orders: readonly SupervisionItem[], period: Period | string): SupervisionItem[] {
  checkOrders('supervisionOrdersOfPeriod', orders);
  const p = periodArgument('supervisionOrdersOfPeriod', 'period', period);
  return itemsOfPeriod(supervisionLoop, orders, p);
}

/**
 * The supervision ledger of a period: the orders issued within it, as they stood at its end, and
 * overdue as at its end ("as it stood at the end of the period").
 */
export function summarizeSupervisionPeriod(orders: readonly SupervisionItem[], period: Period | string): SupervisionSummary {
  checkOrders('summarizeSupervisionPeriod', orders);
  return figuresOfPeriod(orders, periodArgument('summarizeSupervisionPeriod', 'period', period));
}

/** The orders issued in a period, as they stood at its end, counted at its last instant. */
function figuresOfPeriod(orders: readonly SupervisionItem[], p: Period): SupervisionSummary {
  return summarizeSupervision(itemsOfPeriod(supervisionLoop, orders, p), p.endMs - 1);
}

/** A period's supervision figures beside the previous period's and last year's, with the changes. */
export interface SupervisionPeriodReport extends PeriodComparison<SupervisionSummary> {
  // `summary`: the orders issued in the period as they stood at its end; `overdue` counts those awaiting an answer past their due day then.
  /** `formatChange` of the orders issued (环比, 同比). */
  readonly issued: CountChange;
  /** `formatChange` of the orders overdue at the period's end. */
  readonly overdue: CountChange;
  /** `formatPoints` of the share closed (办结率) at the period's end. */
  readonly closedRate: CountChange;
}

/**
 * 督办台账 by period with its changes: the orders issued in the period as they stood at its end,
 * against the previous period (环比) and the same period last year (同比).
 */
export function supervisionPeriodReport(orders: readonly SupervisionItem[], period: Period | string): SupervisionPeriodReport {
  checkOrders('supervisionPeriodReport', orders);
  const p = periodArgument('supervisionPeriodReport', 'period', period);
  const c = comparePeriods(p, (q) => figuresOfPeriod(orders, q));
  return {
    ...c,
    issued: countChange(c, (s) => s.total),
    overdue: countChange(c, (s) => s.overdue),
    closedRate: rateChange(c, (s) => [s.closed, s.total]),
  };
}

/** The orders for one supervised item (by its loop and id), in the order given. */
export function supervisionOrdersFor(orders: readonly SupervisionItem[], target: { readonly loop: string; readonly id: string }): SupervisionItem[] {
  checkOrders('supervisionOrdersFor', orders);
  if (target === null || typeof target !== 'object' || typeof target.loop !== 'string' || typeof target.id !== 'string') {
    throw new InvalidArgumentError('supervisionOrdersFor', 'target', { 'zh-CN': '必须是 { loop, id }', en: 'must be { loop, id }' }, target);
  }
  return orders.filter((o) => o.data.target.loop === target.loop && o.data.target.id === target.id);
}
