import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { formatRate } from '../rate/rate.js';
import { overdue, momentMs, type Moment } from '../loop/due.js';
import { CHANNELS, DISPUTE_CATEGORIES, DISPUTE_LOOP_ID } from './labels.js';
import type { DisputeItem, DisputeState } from './definition.js';
import type { LedgerFilterSchema } from './schema.js';
import { keyedRecord } from '../schema/keyed.js';
import { PERIOD_KEY_WORDS, inPeriod, isPeriodKey, parsePeriod } from '../calendar/period.js';
import { parseInstant } from '../calendar/instant.js';
import { handlerOf } from '../loop/handler-of.js';
import type { input } from '../schema/zod.js';

const STATES = ['received', 'routed', 'mediating', 'followUp', 'pendingWriteOff', 'closed', 'withdrawn', 'merged', 'declined', 'transferred'] as const satisfies readonly DisputeState[];

/**
 * The ledger filter's rules, as data: its criteria in order, and the longest text of each text
 * criterion. `LedgerFilterSchema` (schema.ts) is built from this table, and `queryLedger` checks a
 * filter by it without zod, so that a page listing disputes loads no schema (a test holds the two to
 * the same answers).
 */
export const LEDGER_FILTER_RULES = {
  keys: ['state', 'department', 'town', 'community', 'channel', 'category', 'overdueAt', 'period', 'handler'],
  states: STATES,
  channels: CHANNELS,
  categories: DISPUTE_CATEGORIES,
  maxText: { department: 200, town: 200, community: 200, overdueAt: 40, handler: 120 },
} as const;

export type LedgerFilter = input<typeof LedgerFilterSchema>;

const STATE_SET: ReadonlySet<string> = new Set(STATES);

function isDisputeItem(item: unknown): item is DisputeItem {
  const candidate = item as DisputeItem | null | undefined;
  return !!candidate && typeof candidate === 'object' && candidate.loop?.id === DISPUTE_LOOP_ID && STATE_SET.has(candidate.state) && !!candidate.data && typeof candidate.data === 'object';
}

function refuseItems(fn: string, items: unknown): never {
  throw new InvalidArgumentError(fn, 'items', { 'zh-CN': '必须是纠纷快照数组', en: 'must be an array of dispute snapshots' }, items);
}

function refuseItem(fn: string, i: number, item: unknown): never {
  throw new InvalidArgumentError(fn, `items[${i}]`, { 'zh-CN': '必须是纠纷闭环的快照', en: 'must be a snapshot of the dispute loop' }, item);
}

/** @internal Refuses, naming the argument, anything but an array of dispute items. */
export function checkItems(fn: string, items: readonly DisputeItem[]): void {
  if (!Array.isArray(items)) refuseItems(fn, items);
  for (let i = 0; i < items.length; i++) if (!isDisputeItem(items[i])) refuseItem(fn, i, items[i]);
}

const FILTER_WORDS = {
  filter: { 'zh-CN': '必须是台账筛选条件对象', en: 'must be a ledger filter object' },
  keys: { 'zh-CN': `只能含 ${LEDGER_FILTER_RULES.keys.join('、')}`, en: `may hold only ${LEDGER_FILTER_RULES.keys.join(', ')}` },
  state: { 'zh-CN': `必须是纠纷状态（${STATES.join('、')}）或其非空数组`, en: `must be a dispute state (${STATES.join(', ')}) or a non-empty array of them` },
  channel: { 'zh-CN': `必须是 ${CHANNELS.join('、')} 之一`, en: `must be one of ${CHANNELS.join(', ')}` },
  category: { 'zh-CN': `必须是 ${DISPUTE_CATEGORIES.join('、')} 之一`, en: `must be one of ${DISPUTE_CATEGORIES.join(', ')}` },
  text: (max: number): Localized => ({ 'zh-CN': `必须是 1–${max} 个字符的文字`, en: `must be text of 1–${max} characters` }),
};

interface CheckedFilter {
  states?: ReadonlySet<string>;
  department?: string;
  town?: string;
  community?: string;
  channel?: string;
  category?: string;
  overdueAt?: string;
  period?: string;
  handler?: string;
}

/** A ledger filter checked by `LEDGER_FILTER_RULES` (the rules `LedgerFilterSchema` is built from), each criterion read once. */
function checkFilter(fn: string, filter: unknown): CheckedFilter {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) throw new InvalidArgumentError(fn, 'filter', FILTER_WORDS.filter, filter);
  const f = filter as Record<string, unknown>;
  const out: CheckedFilter = {};
  const refuse = (key: string, rule: Localized, value: unknown): never => {
    throw new InvalidArgumentError(fn, `filter.${key}`, rule, value);
  };
  for (const key of LEDGER_FILTER_RULES.keys) {
    const value = f[key];
    if (value === undefined) continue;
    if (key === 'state') {
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0 || !list.every((s) => STATE_SET.has(s as string))) refuse(key, FILTER_WORDS.state, value);
      out.states = new Set(list as string[]);
    } else if (key === 'channel' || key === 'category') {
      const choices: readonly string[] = key === 'channel' ? CHANNELS : DISPUTE_CATEGORIES;
      if (!choices.includes(value as string)) refuse(key, FILTER_WORDS[key], value);
      out[key] = value as string;
    } else if (key === 'period') {
      if (!isPeriodKey(value)) refuse(key, PERIOD_KEY_WORDS, value);
      out.period = value as string;
    } else {
      const max = LEDGER_FILTER_RULES.maxText[key];
      if (typeof value !== 'string' || value.length < 1 || value.length > max) refuse(key, FILTER_WORDS.text(max), value);
      out[key] = value as string;
    }
  }
  const known: readonly string[] = LEDGER_FILTER_RULES.keys;
  if (Object.keys(f).some((key) => !known.includes(key))) throw new InvalidArgumentError(fn, 'filter', FILTER_WORDS.keys, filter);
  return out;
}

/** The disputes of a ledger that match every given criterion (town, community, department …). */
export function queryLedger(items: readonly DisputeItem[], filter: LedgerFilter = {}): DisputeItem[] {
  checkItems('queryLedger', items);
  const f = checkFilter('queryLedger', filter);
  const states = f.states;
  const now = f.overdueAt === undefined ? undefined : momentMs('queryLedger', 'filter.overdueAt', f.overdueAt);
  const period = f.period === undefined ? undefined : parsePeriod(f.period);
  return items.filter(
    (item) =>
      (states === undefined || states.has(item.state)) &&
      (f.department === undefined || (item.data.routing?.departments.includes(f.department) ?? false)) &&
      (f.town === undefined || item.data.town === f.town) &&
      (f.community === undefined || item.data.community === f.community) &&
      (f.channel === undefined || item.data.channel === f.channel) &&
      (f.category === undefined || item.data.category === f.category) &&
      (now === undefined || overdue(item, now)) &&
      (period === undefined || inPeriod(period, parseInstant(item.createdAt))) &&
      (f.handler === undefined || handlerOf(item)?.id === f.handler),
  );
}

/** A dispute counts as resolved (化解) while its mediation stands settled. */
export function isResolved(item: DisputeItem): boolean {
  if (!isDisputeItem(item)) throw new InvalidArgumentError('isResolved', 'item', { 'zh-CN': '必须是纠纷闭环的快照', en: 'must be a snapshot of the dispute loop' }, item);
  return item.data.outcome?.kind === 'settled';
}

export interface LedgerSummary {
  /** Disputes accepted: every item except duplicates merged into an original (a merge cycle's records count as accepted). */
  readonly accepted: number;
  readonly resolved: number;
  /** `formatRate(resolved, accepted)`: 406 of 425 → "95.53%"; none accepted → "—". */
  readonly resolutionRate: string;
  readonly referred: number;
  readonly withdrawn: number;
  readonly merged: number;
  /** 不予受理: not accepted, so not in `accepted`. */
  readonly declined: number;
  /** Referred to a body outside the centre before mediation (accepted, not open). */
  readonly transferred: number;
  readonly writtenOff: number;
  /** Not yet at an end of the loop. */
  readonly open: number;
  /** Open and past their stage deadline at `now` (0 when no `now` is given). */
  readonly overdue: number;
  readonly byState: Readonly<Record<DisputeState, number>>;
}

/**
 * Merged items whose chain of originals (`mergedInto`) comes back to itself within the ledger: a
 * record written before merges were checked (A into B, B into A). Counting them as duplicates
 * would lose the dispute, so the ledger counts them as accepted and open.
 */
function mergedInCycles(items: readonly DisputeItem[]): number {
  // A chain of originals runs through merged items only: index those (a few), not the whole ledger.
  const merged = new Map<string, DisputeItem>();
  for (const item of items) if (item.state === 'merged') merged.set(item.id, item);
  let lost = 0;
  for (const item of merged.values()) {
    const seen = new Set<string>([item.id]);
    let next = merged.get(item.data.mergedInto?.id ?? '');
    while (next !== undefined && !seen.has(next.id)) {
      seen.add(next.id);
      next = merged.get(next.data.mergedInto?.id ?? '');
    }
    if (next !== undefined) lost++;
  }
  return lost;
}

/** Counts and the resolution rate of a ledger (or of a query's result). A dispute is never lost: every record counts once, as accepted or as a duplicate of one that counts. */
export function summarizeLedger(items: readonly DisputeItem[], now?: Moment): LedgerSummary {
  if (!Array.isArray(items)) refuseItems('summarizeLedger', items);
  const nowMs = now === undefined ? undefined : momentMs('summarizeLedger', 'now', now);
  const byState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<DisputeState, number>;
  let resolved = 0;
  let referred = 0;
  let late = 0;
  // One pass that checks and counts: a ledger's first paint summarizes every row it holds.
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!isDisputeItem(item)) refuseItem('summarizeLedger', i, item);
    byState[item.state]++;
    if (item.state === 'merged') continue;
    if (isResolved(item)) resolved++;
    else if (item.data.outcome?.kind === 'referred') referred++;
    if (nowMs !== undefined && overdue(item, nowMs)) late++;
  }
  const lost = byState.merged === 0 ? 0 : mergedInCycles(items);
  return ledgerSummaryOf({ byState, resolved, referred, overdue: late, mergedInCycles: lost });
}

/** The counts a ledger summary is made of (a database counts them itself; see `@bihuan/server`). */
export interface LedgerCounts {
  readonly byState: Readonly<Record<DisputeState, number>>;
  /** Settled, among the records not merged. */
  readonly resolved: number;
  /** Referred, among the records not merged. */
  readonly referred: number;
  /** Overdue, among the records not merged. */
  readonly overdue: number;
  /** Merged records whose chain of originals comes back to itself (they count as accepted). */
  readonly mergedInCycles: number;
}

/** A ledger summary from its counts, by the rules of `summarizeLedger`. */
export function ledgerSummaryOf(c: LedgerCounts): LedgerSummary {
  const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  const ok = c !== null && typeof c === 'object' && [c.resolved, c.referred, c.overdue, c.mergedInCycles].every(count) && c.byState !== null && typeof c.byState === 'object' && STATES.every((s) => count(c.byState[s]));
  if (!ok) throw new InvalidArgumentError('ledgerSummaryOf', 'counts', { 'zh-CN': '必须是台账计数（byState 各状态及 resolved、referred、overdue、mergedInCycles 为非负整数）', en: 'must be ledger counts (byState per state, resolved, referred, overdue and mergedInCycles as whole numbers not below 0)' }, c);
  const { byState, resolved } = c;
  const total = STATES.reduce((a, s) => a + byState[s], 0);
  // A declined dispute was never accepted.
  const accepted = total - byState.merged + c.mergedInCycles - byState.declined;
  return {
    accepted,
    resolved,
    resolutionRate: formatRate(resolved, accepted),
    referred: c.referred,
    withdrawn: byState.withdrawn,
    merged: byState.merged - c.mergedInCycles,
    declined: byState.declined,
    transferred: byState.transferred,
    writtenOff: byState.closed,
    open: accepted - byState.closed - byState.withdrawn - byState.transferred,
    overdue: c.overdue,
    byState: Object.fromEntries(STATES.map((s) => [s, byState[s]])) as Record<DisputeState, number>,
  };
}

/** Counts per value of a grouping (town, community, channel, category or department). */
export function countLedgerBy(items: readonly DisputeItem[], by: 'town' | 'community' | 'channel' | 'category' | 'department'): Record<string, LedgerSummary> {
  checkItems('countLedgerBy', items);
  if (!['town', 'community', 'channel', 'category', 'department'].includes(by)) {
    throw new InvalidArgumentError('countLedgerBy', 'by', { 'zh-CN': '必须是 town、community、channel、category 或 department', en: 'must be town, community, channel, category or department' }, by);
  }
  const groups = new Map<string, DisputeItem[]>();
  for (const item of items) {
    const keys = by === 'department' ? (item.data.routing?.departments ?? []) : [item.data[by]];
    for (const key of keys) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return keyedRecord([...groups].map(([key, list]) => [key, summarizeLedger(list)] as const));
}
