import { InvalidArgumentError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import { momentMs, type Moment } from '../loop/deadlines.js';
import { transition } from '../loop/transition.js';
import { createItem } from '../loop/snapshot.js';
import type { Actor } from '../loop/types.js';
import { formatRate } from '../rate/rate.js';
import type { CsvColumn } from '../export/csv.js';
import type { Period } from '../calendar/period.js';
import { comparePeriods, countChange, itemsOfPeriod, periodArgument, rateChange, type CountChange, type PeriodComparison } from '../loop/as-of.js';
import {
  type AccountabilityItem,
  accountabilityLoop,
  dueInstantMs,
  RECTIFICATION_LOOP_ID,
  type RectificationItem,
  type RectificationState,
  rectificationLoop,
  UNVERIFIED_STATES,
} from './definition.js';

const STATES = ['open', 'inProgress', 'submitted', 'verified', 'writtenOff'] as const satisfies readonly RectificationState[];

function checkItems(fn: string, items: readonly RectificationItem[]): void {
  if (!Array.isArray(items)) throw new InvalidArgumentError(fn, 'items', { 'zh-CN': '必须是整改事项快照数组', en: 'must be an array of rectification snapshots' }, items);
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || item.loop?.id !== RECTIFICATION_LOOP_ID || !STATES.includes(item.state) || !item.data || typeof item.data.deadline !== 'string') {
      throw new InvalidArgumentError(fn, `items[${i}]`, { 'zh-CN': '必须是整改闭环的快照', en: 'must be a snapshot of the rectification loop' }, item);
    }
  });
}

/** Whether an item is past its deadline without verification (open, in progress or submitted). */
export function isRectificationOverdue(item: RectificationItem, now: Moment): boolean {
  checkItems('isRectificationOverdue', [item]);
  return overdueAt(item, momentMs('isRectificationOverdue', 'now', now));
}

function overdueAt(item: RectificationItem, nowMs: number): boolean {
  return (UNVERIFIED_STATES as readonly string[]).includes(item.state) && nowMs >= dueInstantMs(item.data.deadline);
}

/** The ledger in working order: overdue items first, then by deadline, then by id. */
export function sortRectificationLedger(items: readonly RectificationItem[], now: Moment): RectificationItem[] {
  checkItems('sortRectificationLedger', items);
  const nowMs = momentMs('sortRectificationLedger', 'now', now);
  const late = new Map(items.map((i) => [i, overdueAt(i, nowMs)]));
  return items.slice().sort((a, b) => Number(late.get(b)) - Number(late.get(a)) || (a.data.deadline < b.data.deadline ? -1 : a.data.deadline > b.data.deadline ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface RectificationSummary {
  readonly total: number;
  readonly byState: Readonly<Record<RectificationState, number>>;
  /** Still only on the problem list (neither fixed at once nor entered in the ledger). */
  readonly listed: number;
  readonly fixedAtOnce: number;
  readonly inLedger: number;
  readonly writtenOff: number;
  /** `formatRate(writtenOff, total)`: the share closed. */
  readonly closedRate: string;
  readonly overdue: number;
  readonly accountabilityOpened: number;
}

/** Counts of a problem list and rectification ledger at a moment. */
export function summarizeRectification(items: readonly RectificationItem[], now: Moment): RectificationSummary {
  checkItems('summarizeRectification', items);
  const nowMs = momentMs('summarizeRectification', 'now', now);
  const byState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<RectificationState, number>;
  let listed = 0;
  let fixedAtOnce = 0;
  let late = 0;
  let accountability = 0;
  for (const item of items) {
    byState[item.state]++;
    if (item.data.track === 'listed') listed++;
    if (item.data.track === 'fixedAtOnce') fixedAtOnce++;
    if (overdueAt(item, nowMs)) late++;
    if (item.data.accountability !== null) accountability++;
  }
  return {
    total: items.length,
    byState,
    listed,
    fixedAtOnce,
    inLedger: items.length - listed - fixedAtOnce,
    writtenOff: byState.writtenOff,
    closedRate: formatRate(byState.writtenOff, items.length),
    overdue: late,
    accountabilityOpened: accountability,
  };
}

/** A period's rectification figures beside the previous period's and last year's, with the changes. */
export interface RectificationPeriodReport extends PeriodComparison<RectificationSummary> {
  // `summary`: the items listed in the period as they stood at its end; `overdue` counts those past their deadline then.
  /** `formatChange` of the items listed (环比, 同比). */
  readonly total: CountChange;
  /** `formatPoints` of the share written off. */
  readonly closedRate: CountChange;
}

/** The items listed within a period, each as it stood at the period's end (from its history). */
export function rectificationOfPeriod(items: readonly RectificationItem[], period: Period | string): RectificationItem[] {
  checkItems('rectificationOfPeriod', items);
  return itemsOfPeriod(rectificationLoop, items, periodArgument('rectificationOfPeriod', 'period', period));
}

/**
 * The problem list and rectification ledger by period: the items listed in the period as they
 * stood at its end (overdue at its end), against the previous period and the same period last year.
 */
export function summarizeRectificationPeriod(items: readonly RectificationItem[], period: Period | string): RectificationPeriodReport {
  checkItems('summarizeRectificationPeriod', items);
  const c = comparePeriods(periodArgument('summarizeRectificationPeriod', 'period', period), (q) => summarizeRectification(itemsOfPeriod(rectificationLoop, items, q), q.endMs));
  return { ...c, total: countChange(c, (s) => s.total), closedRate: rateChange(c, (s) => [s.writtenOff, s.total]) };
}

/** The id of the accountability record an item opens (one per item, so a sweep is idempotent). */
export function accountabilityIdFor(itemId: string): string {
  if (typeof itemId !== 'string' || itemId.length === 0 || itemId.length > 120) {
    throw new InvalidArgumentError('accountabilityIdFor', 'itemId', { 'zh-CN': '必须是 1–120 个字符的编号', en: 'must be an id of 1–120 characters' }, itemId);
  }
  return `${itemId}/accountability`;
}

export interface OverdueSweep {
  /** The items that opened accountability, after `holdAccountable`. */
  readonly items: RectificationItem[];
  /** The accountability records they opened. */
  readonly accountability: AccountabilityItem[];
}

/**
 * The double closed loop's second half: every item past its deadline without verification, and
 * without accountability yet, opens an accountability record at `now`. Pure: returns the updated
 * items and the new records for the host to store (see `openOverdueAccountability` for a store).
 */
export function sweepOverdue(items: readonly RectificationItem[], now: string, actor: Actor<'supervisor'>): OverdueSweep {
  checkItems('sweepOverdue', items);
  const nowMs = momentMs('sweepOverdue', 'now', now);
  const out: OverdueSweep = { items: [], accountability: [] };
  for (const item of items) {
    if (!overdueAt(item, nowMs) || item.data.accountability !== null) continue;
    const record = accountabilityRecord(item, now, actor);
    const moved = transition(rectificationLoop, item, { type: 'holdAccountable', actor, at: now, payload: { accountabilityId: record.id } });
    if (!moved.ok) continue; // e.g. an item updated after `now`: the next sweep takes it
    out.items.push(moved.snapshot);
    out.accountability.push(record);
  }
  return out;
}

/** @internal The accountability record of an overdue item. */
export function accountabilityRecord(item: RectificationItem, at: string, actor: Actor<'supervisor'>): AccountabilityItem {
  const { title, unit, owner, deadline } = item.data;
  return createItem(accountabilityLoop, { id: accountabilityIdFor(item.id), data: { rectificationId: item.id, title, unit, owner, deadline, reason: 'overdue', decision: null, outcome: null }, actor, at });
}

const STATE_TEXT: Record<Locale, Record<RectificationState, string>> = {
  'zh-CN': { open: '待整改', inProgress: '整改中', submitted: '待核验', verified: '已核验', writtenOff: '已销号' },
  en: { open: 'Open', inProgress: 'In progress', submitted: 'Submitted', verified: 'Verified', writtenOff: 'Written off' },
};
const TRACK_TEXT: Record<Locale, Record<string, string>> = {
  'zh-CN': { listed: '问题清单', fixedAtOnce: '立行立改', ledger: '整改台账' },
  en: { listed: 'Problem list', fixedAtOnce: 'Fixed at once', ledger: 'Rectification ledger' },
};

/** The ledger's CSV columns (for `toCsv` / `exportLedgerCsv`), headers in the given language. */
export function rectificationCsvColumns(locale: Locale = 'zh-CN', now?: Moment): CsvColumn<RectificationItem>[] {
  if (locale !== 'zh-CN' && locale !== 'en') throw new InvalidArgumentError('rectificationCsvColumns', 'locale', { 'zh-CN': '必须是 "zh-CN" 或 "en"', en: 'must be "zh-CN" or "en"' }, locale);
  const nowMs = now === undefined ? undefined : momentMs('rectificationCsvColumns', 'now', now);
  const zh = locale === 'zh-CN';
  const columns: CsvColumn<RectificationItem>[] = [
    { header: zh ? '编号' : 'ID', value: 'id' },
    { header: zh ? '问题' : 'Problem', value: (i) => i.data.title },
    { header: zh ? '类别' : 'Track', value: (i) => TRACK_TEXT[locale][i.data.track] },
    { header: zh ? '责任单位' : 'Unit', value: (i) => i.data.unit },
    { header: zh ? '责任人' : 'Owner', value: (i) => i.data.owner },
    { header: zh ? '整改措施' : 'Measures', value: (i) => i.data.measures.join('；') },
    { header: zh ? '整改期限' : 'Deadline', value: (i) => i.data.deadline },
    { header: zh ? '状态' : 'State', value: (i) => STATE_TEXT[locale][i.state] },
    { header: zh ? '佐证材料' : 'Evidence', value: (i) => i.data.evidence.join('；') },
    { header: zh ? '问责' : 'Accountability', value: (i) => i.data.accountability?.id ?? '' },
  ];
  if (nowMs !== undefined) columns.push({ header: zh ? '是否逾期' : 'Overdue', value: (i) => (overdueAt(i, nowMs) ? (zh ? '逾期' : 'overdue') : '') });
  return columns;
}
