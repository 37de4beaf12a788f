import { InvalidArgumentError } from '../errors/errors.js';
import * as z from '../schema/zod.js';
import { chinaDate, chinaDay, parseDate, parseInstant } from '../calendar/instant.js';
import { createItem, snapshotSchema } from '../loop/snapshot.js';
import { calendarDate, id, instant } from '../schema/fields.js';
import { uniqueIds } from '../schema/unique.js';
import { isFinal } from '../loop/definition.js';
import { formatRate } from '../rate/rate.js';
import { type Moment, momentMs, overdue } from '../loop/deadlines.js';
import { parseArgument } from '../schema/argument.js';
import { type Result, refused } from '../schema/result.js';
import { eventPermitLoop, type EventPermitItem, type EventPermitRole } from './definition.js';
import { type EventApplication, EventApplicationSchema, EventIdentitySchema, type EventPermit } from './schema.js';
import { checkFilingWindow, type FilingWindowOptions } from './window.js';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s·・,，.。()（）"“”'‘’-]+/g, '');

/**
 * The identity of an event, for "one event, one filing": the same name at the same venue on the
 * same day is the same event, whatever the spacing, width or punctuation of the names.
 */
export function eventKeyOf(application: Pick<EventApplication, 'name' | 'venue' | 'eventDate'>): string {
  const a = parseArgument('eventKeyOf', 'application', EventIdentitySchema, application);
  return `${a.eventDate}|${fold(a.venue)}|${fold(a.name)}`;
}

const FileInputSchema = z.object({
  id: id,
  application: z.unknown(),
  // The body the actor files for (the organizing firm) and their name are kept in the history.
  actor: z.object({ id: z.string().check(z.minLength(1), z.maxLength(120)), role: z.enum(['organizer', 'reviewer']), unit: z.optional(z.string().check(z.minLength(1), z.maxLength(120))), name: z.optional(z.string().check(z.minLength(1), z.maxLength(120))) }),
  at: instant,
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export interface FileEventPermitInput {
  readonly id: string;
  readonly application: EventApplication;
  readonly actor: { readonly id: string; readonly role: EventPermitRole; readonly unit?: string; readonly name?: string };
  /** When the filing is made (its China-time day is the filing date). */
  readonly at: string;
  readonly note?: string;
}

/** A filing that still stands: not refused and not withdrawn (those may be filed again). */
export function filingStands(item: EventPermitItem): boolean {
  checkPermit('filingStands', item);
  return item.state !== 'refused' && item.state !== 'withdrawn';
}

/**
 * 报备: a new filing, or the reason it is refused — outside the filing window (from 6 calendar
 * months before the event; see `filingWindow`), or a second filing for an event that already has
 * one standing among `existing` (a refused or withdrawn filing does not block a new one).
 */
export function fileEventPermit(
  input: FileEventPermitInput,
  existing: readonly EventPermitItem[] = [],
  options: FilingWindowOptions = {},
): Result<EventPermitItem> {
  const i = parseArgument('fileEventPermit', 'input', FileInputSchema, input);
  const application = parseArgument('fileEventPermit', 'input.application', EventApplicationSchema, i.application);
  if (!Array.isArray(existing)) parseArgument('fileEventPermit', 'existing', z.array(z.unknown()), existing);
  const filedOn = chinaDate(parseInstant(i.at));
  const window = checkFilingWindow(application.eventDate, filedOn, options);
  if (!window.ok) return window;
  const eventKey = eventKeyOf(application);
  const twin = existing.find((item) => item?.data?.eventKey === eventKey && filingStands(item));
  if (twin) {
    return refused('one_filing_per_event', `该活动已有报备 ${twin.id}（一活动一报备），不能重复申报`, `this event already has filing ${twin.id} (one event, one filing)`, 'name');
  }
  if (existing.some((item) => item?.id === i.id)) {
    return refused('id_unique', `编号 ${i.id} 已被使用`, `the id ${i.id} is already used`, 'id');
  }
  const data: EventPermit = { ...application, eventKey, filedOn, planRevisions: 0, refusal: null, withdrawal: null, outcome: null };
  const item = createItem(eventPermitLoop, { id: i.id, data, actor: i.actor, at: i.at, ...(i.note === undefined ? {} : { note: i.note }) });
  return { ok: true, value: item };
}

/** Whether a filing's event has been held (its outcome is recorded). */
export function eventHeld(item: EventPermitItem): boolean {
  checkPermit('eventHeld', item);
  return item.state === 'held' || item.state === 'closed';
}

function checkPermit(fn: string, item: unknown): void {
  if (item === null || typeof item !== 'object' || typeof (item as EventPermitItem).state !== 'string') {
    throw new InvalidArgumentError(fn, 'item', { 'zh-CN': '必须是活动报备的快照', en: 'must be a snapshot of an event filing' }, item);
  }
}

export interface EventPermitSummary {
  readonly filings: number;
  /** Not yet at an end of the loop. */
  readonly open: number;
  readonly held: number;
  /**
   * Held with its outcome recorded, no incident, and its plan approved before the event date. An
   * approval on the day or after the fact (only possible in data written before the rule) never
   * counts, nor does an expired, refused or withdrawn filing.
   */
  readonly heldSafely: number;
  /** Held after a plan approved on or after the event date: never "held safely". */
  readonly approvedLate: number;
  readonly incidents: number;
  /** `formatRate(heldSafely, held)`: the source's 192 of 192 → "100%"; none held → "—". */
  readonly safeRate: string;
  readonly refused: number;
  readonly withdrawn: number;
  /** Filings that expired undecided when their event date came. */
  readonly expired: number;
  /**
   * Reviews (审查中) past their 7 working days at the moment given (超期未审结), the ones that
   * escalate by rule; 0 when no moment is given.
   */
  readonly overdue: number;
  readonly byState: Readonly<Record<EventPermitItem['state'], number>>;
}

let permitsSchema: z.ZodType<EventPermitItem[]> | undefined;
/** Filings as a summary takes them: whole snapshots of the permit loop (history included), each id once. */
const permitList = () => (permitsSchema ??= uniqueIds(snapshotSchema(eventPermitLoop)) as unknown as z.ZodType<EventPermitItem[]>);

/** Whether the plan of a held event was approved before the event date (from the item's history). */
function approvedInTime(item: EventPermitItem): boolean {
  const approval = [...item.history].reverse().find((e) => e.type === 'approve');
  return approval !== undefined && chinaDay(parseInstant(approval.at)) < parseDate(item.data.eventDate);
}

/**
 * Counts of a set of filings, and the rate of events held without incident. Every filing is
 * checked whole (a hollow `{ state: 'held', data: {} }` is refused, naming its path) and each id
 * may appear once (a filing listed twice is refused, not counted twice). Given `now`, the reviews
 * past their 7 working days at that moment are counted as `overdue`.
 */
export function summarizeEventPermits(items: readonly EventPermitItem[], now?: Moment): EventPermitSummary {
  const list = parseArgument('summarizeEventPermits', 'items', permitList(), items, { brackets: true });
  const nowMs = now === undefined ? undefined : momentMs('summarizeEventPermits', 'now', now);
  let overdueReviews = 0;
  const byState = Object.fromEntries(Object.keys(eventPermitLoop.states).map((s) => [s, 0])) as Record<EventPermitItem['state'], number>;
  let held = 0;
  let safe = 0;
  let late = 0;
  let incidents = 0;
  for (const item of list) {
    byState[item.state]++;
    if (nowMs !== undefined && item.state === 'underReview' && overdue(item, nowMs)) overdueReviews++;
    if (item.state !== 'held' && item.state !== 'closed') continue;
    held++;
    const n = item.data.outcome?.incidents;
    incidents += n ?? 0;
    if (!approvedInTime(item)) late++;
    else if (n === 0) safe++;
  }
  return {
    filings: list.length,
    open: list.filter((item) => !isFinal(eventPermitLoop, item.state)).length,
    held,
    heldSafely: safe,
    approvedLate: late,
    incidents,
    safeRate: formatRate(safe, held),
    refused: byState.refused,
    withdrawn: byState.withdrawn,
    expired: byState.expired,
    overdue: overdueReviews,
    byState,
  };
}

/**
 * The filings still undecided (filed or under review) whose event date has come by `today`
 * (YYYY-MM-DD, China time): what a host's daily job sends `expire` to. They can no longer be
 * accepted or approved (`accept_before_event`, `approve_before_event`).
 */
export function lapsedFilings(items: readonly EventPermitItem[], today: string): EventPermitItem[] {
  const list = parseArgument('lapsedFilings', 'items', permitList(), items, { brackets: true });
  const day = parseArgument('lapsedFilings', 'today', calendarDate, today);
  return list.filter((item) => (item.state === 'filed' || item.state === 'underReview') && item.data.eventDate <= day);
}
