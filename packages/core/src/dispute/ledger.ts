import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { formatRate } from '../rate/rate.js';
import { overdue, momentMs, type Moment } from '../loop/deadlines.js';
import { DISPUTE_LOOP_ID } from './labels.js';
import type { DisputeItem, DisputeState } from './definition.js';
import { DISPUTE_CATEGORIES } from './schema.js';
import { CHANNELS } from './schema.js';
import { parseArgument } from '../schema/argument.js';
import { keyedRecord } from '../schema/keyed.js';
import { inPeriod, parsePeriod, periodKey } from '../calendar/period.js';
import { parseInstant } from '../calendar/instant.js';
import { handlerOf } from '../loop/handler.js';

const STATES = ['received', 'routed', 'mediating', 'followUp', 'pendingWriteOff', 'closed', 'withdrawn', 'merged', 'declined', 'transferred'] as const satisfies readonly DisputeState[];

export const LedgerFilterSchema = z.partial(
  z.strictObject({
    state: z.union([z.enum(STATES), z.array(z.enum(STATES)).check(z.minLength(1))]),
    department: z.string().check(z.minLength(1), z.maxLength(200)),
    town: z.string().check(z.minLength(1), z.maxLength(200)),
    community: z.string().check(z.minLength(1), z.maxLength(200)),
    channel: z.enum(CHANNELS),
    category: z.enum(DISPUTE_CATEGORIES),
    /** Only items whose stage deadline has come at this moment (ISO instant with offset). */
    overdueAt: z.string().check(z.minLength(1), z.maxLength(40)),
    /** Only disputes accepted within this period (`2026-12`, `2026-W49` …, China time): the ledger's date filter. */
    period: periodKey,
    /** Only disputes whose named handler (承办人) is this actor id: "my cases" (我的案件). */
    handler: z.string().check(z.minLength(1), z.maxLength(120)),
  }),
);
export type LedgerFilter = z.input<typeof LedgerFilterSchema>;

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

/** The disputes of a ledger that match every given criterion (town, community, department …). */
export function queryLedger(items: readonly DisputeItem[], filter: LedgerFilter = {}): DisputeItem[] {
  checkItems('queryLedger', items);
  const f = parseArgument('queryLedger', 'filter', LedgerFilterSchema, filter);
  const states = f.state === undefined ? undefined : new Set<string>(Array.isArray(f.state) ? f.state : [f.state]);
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
