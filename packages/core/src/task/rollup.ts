import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { formatRate } from '../rate/rate.js';
import { type Moment, momentMs } from '../loop/deadlines.js';
import { parseInstant } from '../calendar/instant.js';
import { parsePeriod, periodOf, type Period } from '../calendar/period.js';
import { MAX_COUNT } from '../schema/bounds.js';
import type { TaskOrder, TaskOrderState } from './definition.js';

/**
 * Supervision rollups (督导统计) over task orders, in one pass.
 *
 * THE DENOMINATOR. An order counts in the completion rate's denominator when it was dispatched and
 * is neither exempt (marked not applicable, with a reason) nor cancelled: those two leave both the
 * denominator and the numerator — but only when they were taken out BEFORE the order fell due. An
 * order exempted or cancelled at or after its due moment (it fell due undone, then was taken out)
 * stays in the denominator as not done (`withdrawnLate`): cancelling overdue orders cannot lift a
 * rate. The numerator ("done") is the orders fed back and not returned: fed back (awaiting
 * verification) or verified. A returned order is open again until fed back anew.
 *
 * ON TIME. A done order is on time when its (last) feedback came before its due moment, late when
 * at or after it. `onTime = done − late`; the on-time rate stands beside the completion rate, so
 * late feedback is never counted as if it were on time.
 *
 * OVERDUE. Open orders (dispatched or returned) whose due moment has come at `asOf` — at the due
 * instant itself the order is overdue, as the loop engine's `overdue` has it.
 *
 * AS IT STOOD. A rollup describes the orders as they stood at `asOf`: `columnsFromOrders(orders,
 * { asOf })` reads each order's state, assignee, feedback and withdrawal from its history up to
 * `asOf` (orders dispatched later are left out), and `rollups` refuses an `asOf` the columns cannot
 * answer for (columns of today's states asked about last month).
 *
 *   rate        = done   / denominator,   done = fedBack + verified
 *   onTimeRate  = onTime / denominator,   onTime = done − late
 *   denominator = dispatched − exempt − cancelled + withdrawnLate
 */

/** Order states as codes in the compact columns. */
export const TASK_STATUS_CODES: Readonly<Record<TaskOrderState, number>> = { dispatched: 0, returned: 1, fedBack: 2, verified: 3, exempt: 4, cancelled: 5 };
const SLOTS = 9; // six states, overdue, done late, withdrawn late
const OVERDUE = 6;
const LATE = 7;

/** `flags` of an order: done (fed back or verified) at or after its due moment. */
export const TASK_DONE_LATE = 1;
/** `flags` of an order: exempted or cancelled at or after its due moment (stays in the denominator). */
export const TASK_WITHDRAWN_LATE = 2;

/**
 * Orders in compact, column form, for rollups over a city's year (a million orders and more).
 * Each row is one order; units, categories and months are codes into the dictionaries. A unit is
 * one (officer, station, county) as the order has it; `unitOfficer[u]` etc. give its codes.
 */
export interface OrderColumnsInput {
  readonly unit: Uint32Array;
  readonly category: Uint16Array;
  readonly month: Uint16Array;
  /** `TASK_STATUS_CODES` of the order's state. */
  readonly status: Uint8Array;
  /** Due moment, epoch milliseconds. */
  readonly due: Float64Array;
  /**
   * Per order, `TASK_DONE_LATE` when it is done (fed back or verified) and its feedback came at or
   * after the due moment, `TASK_WITHDRAWN_LATE` when it is exempt or cancelled and was taken out at
   * or after the due moment, else 0. No other value is accepted.
   */
  readonly flags: Uint8Array;
  readonly unitOfficer: Uint32Array;
  readonly unitStation: Uint32Array;
  readonly unitCounty: Uint32Array;
  readonly officers: readonly string[];
  readonly stations: readonly string[];
  readonly counties: readonly string[];
  readonly categories: readonly string[];
  readonly months: readonly string[];
}

export interface OrderColumns extends OrderColumnsInput {
  readonly length: number;
  /**
   * The `asOf` moments these columns can answer for, epoch ms, `[from, until)`: from the last
   * event they include to the first event of the orders they leave out. Columns from
   * `orderColumns` are the host's and answer for any moment (−∞, ∞).
   */
  readonly validFrom: number;
  readonly validUntil: number;
}

const checked = new WeakSet<object>();

function bad(fn: string, argument: string, zh: string, en: string, value: unknown): never {
  throw new InvalidArgumentError(fn, argument, { 'zh-CN': zh, en }, value);
}

function maxCode(a: Uint32Array | Uint16Array | Uint8Array): number {
  let max = -1;
  for (let i = 0; i < a.length; i++) if (a[i]! > max) max = a[i]!;
  return max;
}

/**
 * Checks compact columns once (types, lengths, every code within its dictionary) and returns them
 * ready for `rollup`. The check is linear; the rollups that follow trust it.
 */
export function orderColumns(input: OrderColumnsInput): OrderColumns {
  const fn = 'orderColumns';
  if (input === null || typeof input !== 'object') bad(fn, 'input', '必须是对象', 'must be an object', input);
  const typed: [keyof OrderColumnsInput, new (n: number) => ArrayLike<number>][] = [
    ['unit', Uint32Array], ['category', Uint16Array], ['month', Uint16Array], ['status', Uint8Array], ['due', Float64Array], ['flags', Uint8Array],
    ['unitOfficer', Uint32Array], ['unitStation', Uint32Array], ['unitCounty', Uint32Array],
  ];
  for (const [key, type] of typed) if (!(input[key] instanceof type)) bad(fn, `input.${key}`, `必须是 ${type.name}`, `must be a ${type.name}`, input[key]);
  for (const key of ['officers', 'stations', 'counties', 'categories', 'months'] as const) {
    if (!Array.isArray(input[key]) || input[key].some((s) => typeof s !== 'string')) bad(fn, `input.${key}`, '必须是字符串数组', 'must be an array of strings', input[key]);
  }
  const n = input.unit.length;
  for (const key of ['category', 'month', 'status', 'due', 'flags'] as const) {
    if (input[key].length !== n) bad(fn, `input.${key}`, `长度必须与 unit 相同（${n}）`, `must have the length of unit (${n})`, input[key].length);
  }
  const units = input.unitOfficer.length;
  for (const key of ['unitStation', 'unitCounty'] as const) {
    if (input[key].length !== units) bad(fn, `input.${key}`, `长度必须与 unitOfficer 相同（${units}）`, `must have the length of unitOfficer (${units})`, input[key].length);
  }
  const within: [keyof OrderColumnsInput, number][] = [
    ['unit', units], ['category', input.categories.length], ['month', input.months.length], ['status', 6],
    ['unitOfficer', input.officers.length], ['unitStation', input.stations.length], ['unitCounty', input.counties.length],
  ];
  for (const [key, size] of within) {
    const max = maxCode(input[key] as Uint32Array);
    if (max >= size) bad(fn, `input.${key}`, `中的编码 ${max} 超出字典范围（${size}）`, `holds code ${max}, beyond its dictionary (${size})`, max);
  }
  for (let i = 0; i < n; i++) if (input.due[i] !== input.due[i]) bad(fn, `input.due[${i}]`, '不能是 NaN', 'must not be NaN', input.due[i]);
  for (let i = 0; i < n; i++) {
    const f = input.flags[i]!;
    const s = input.status[i]!;
    if (f !== 0 && f !== (s === 2 || s === 3 ? TASK_DONE_LATE : s >= 4 ? TASK_WITHDRAWN_LATE : -1)) {
      bad(fn, `input.flags[${i}]`, '只能是 0，已完成的单为 1（逾期反馈），不适用或撤销的单为 2（到期后撤出）', 'must be 0, or 1 on a done order (fed back late), or 2 on an exempt or cancelled one (taken out after it fell due)', f);
    }
  }
  const columns: OrderColumns = { ...input, length: n, validFrom: Number.NEGATIVE_INFINITY, validUntil: Number.POSITIVE_INFINITY };
  checked.add(columns);
  return columns;
}

function dictionary(values: Iterable<string>): { list: string[]; code: Map<string, number> } {
  const list = [...new Set(values)].sort();
  return { list, code: new Map(list.map((v, i) => [v, i])) };
}

// What columnsFromOrders reads of an order: its state, its units, category, month and due moment.
function isOrderRow(o: unknown): boolean {
  const order = o as TaskOrder | null;
  if (!order || typeof order !== 'object' || typeof order.state !== 'string' || !Object.hasOwn(TASK_STATUS_CODES, order.state)) return false;
  const d = order.data as TaskOrder['data'] | null;
  return (
    !!d && typeof d === 'object' && [d.officer, d.station, d.county, d.month].every((v) => typeof v === 'string') &&
    !!d.template && typeof d.template === 'object' && typeof d.template.category === 'string' && !Number.isNaN(parseInstant(d.due))
  );
}

/** An order as it stood at a moment: what the columns keep of it. */
interface OrderView {
  readonly officer: string;
  readonly station: string;
  readonly county: string;
  readonly status: number;
  readonly flag: number;
}

interface Entry {
  readonly type: string;
  readonly at: string;
  readonly to: string;
  readonly payload?: unknown;
}

function isEntry(e: unknown): e is Entry {
  const x = e as Entry | null;
  return !!x && typeof x === 'object' && typeof x.type === 'string' && typeof x.at === 'string' && typeof x.to === 'string' && Object.hasOwn(TASK_STATUS_CODES, x.to);
}

interface Span {
  from: number;
  until: number;
}

/**
 * The order as it stood at `asOf` (ms), read from its history — `undefined` when it was not yet
 * dispatched. Events are chronological (the engine refuses one dated before the last), so the
 * entries up to `asOf` are a prefix. Widens `span` to the moments this view holds for.
 */
function viewOf(fn: string, argument: string, order: TaskOrder, asOf: number, due: number, span: Span): OrderView | undefined {
  const history = order.history as readonly unknown[];
  if (!Array.isArray(history) || history.length === 0 || !history.every(isEntry)) bad(fn, `${argument}.history`, '必须是任务单的历史记录（非空，逐条有 type、at、to）', "must be the order's history (not empty, each entry with type, at and to)", history);
  const entries = history as readonly Entry[];
  const times = (i: number): number => {
    const ms = parseInstant(entries[i]!.at);
    if (Number.isNaN(ms)) bad(fn, `${argument}.history[${i}].at`, '必须是带时区的时间', 'must be an instant with an offset', entries[i]!.at);
    return ms;
  };
  // The last entry at or before asOf (the common case: the last of all).
  let last = entries.length - 1;
  let lastAt = times(last);
  let next = Number.POSITIVE_INFINITY;
  while (lastAt > asOf) {
    next = lastAt;
    if (last === 0) {
      if (next < span.until) span.until = next;
      return undefined;
    }
    last--;
    lastAt = times(last);
  }
  if (lastAt > span.from) span.from = lastAt;
  if (next < span.until) span.until = next;
  const state = entries[last]!.to as TaskOrderState;
  const status = TASK_STATUS_CODES[state];
  // The assignee as of then: the officer of the last reassignment up to then, or as created. The
  // station and county are the order's own: a reassignment never changes them (rule `community_kept`).
  let officer: unknown;
  for (let i = last; i > 0 && officer === undefined; i--) if (entries[i]!.type === 'reassign') officer = (entries[i]!.payload as { officer?: unknown } | undefined)?.officer ?? null;
  if (officer === undefined) officer = last === entries.length - 1 ? order.data.officer : ((entries[0]!.payload as { data?: { officer?: unknown } } | undefined)?.data?.officer ?? order.data.officer);
  if (typeof officer !== 'string') bad(fn, `${argument}.history`, '中的改派或创建记录缺少承办民警', 'holds a creation or reassignment without its officer', officer);
  let flag = 0;
  if (status === 2 || status === 3) {
    // Done: on time when the feedback that made it done came before the due moment.
    let i = last;
    while (i > 0 && entries[i]!.type !== 'feedback') i--;
    if (entries[i]!.type === 'feedback' && times(i) >= due) flag = TASK_DONE_LATE;
  } else if (status >= 4 && lastAt >= due) {
    flag = TASK_WITHDRAWN_LATE;
  }
  return { officer, station: order.data.station, county: order.data.county, status, flag };
}

export interface ColumnsFromOrdersOptions {
  /**
   * Read every order as it stood at this moment (an instant, Date or epoch ms): its state, assignee
   * and feedback from its history up to then; orders dispatched later are left out. Default: as
   * they stand now (after their last event).
   */
  readonly asOf?: Moment;
  /**
   * Keep only the orders of this period (a key: `2026-W49`, `2026-12`, `2026-Q4`, `2026`,
   * `2026-12-01..2026-12-07`): for a month, quarter or year, the orders dispatched for a month
   * within it (`data.month`); for a week or a range of days, the orders whose due day lies within
   * it (due at 24:00 of a day within it).
   */
  readonly period?: string;
}

/** Whether an order belongs to a period (see `ColumnsFromOrdersOptions.period`). */
export function orderInPeriod(period: Period, month: string, dueMs: number): boolean {
  const fn = 'orderInPeriod';
  const p = period as Partial<Period> | null;
  if (p === null || typeof p !== 'object' || typeof p.kind !== 'string' || typeof p.from !== 'string' || typeof p.to !== 'string' || typeof p.startMs !== 'number' || typeof p.endMs !== 'number') {
    bad(fn, 'period', '必须是统计期（parsePeriod 或 periodOf 的结果）', 'must be a period (from parsePeriod or periodOf)', period);
  }
  if (typeof month !== 'string') bad(fn, 'month', '必须是 YYYY-MM 月份', 'must be a YYYY-MM month', month);
  if (typeof dueMs !== 'number' || Number.isNaN(dueMs)) bad(fn, 'dueMs', '必须是毫秒时刻', 'must be epoch milliseconds', dueMs);
  // Due at 24:00 of its due day, which is the next day's 00:00: in the period when the due day is.
  if (period.kind === 'week' || period.kind === 'range') return dueMs > period.startMs && dueMs <= period.endMs;
  return month >= period.from.slice(0, 7) && month <= period.to.slice(0, 7);
}

/**
 * Compact columns from task orders (snapshots of the task-order loop), as they stood at
 * `options.asOf` (default: as they stand). See the module notes for what "as it stood" reads.
 */
export function columnsFromOrders(orders: readonly TaskOrder[], options: ColumnsFromOrdersOptions = {}): OrderColumns {
  const fn = 'columnsFromOrders';
  if (!Array.isArray(orders)) bad(fn, 'orders', '必须是任务单数组', 'must be an array of task orders', orders);
  if (options === null || typeof options !== 'object') bad(fn, 'options', '必须是对象', 'must be an object', options);
  const asOf = options.asOf === undefined ? Number.POSITIVE_INFINITY : momentMs(fn, 'options.asOf', options.asOf);
  let period: Period | undefined;
  if (options.period !== undefined) {
    try {
      period = parsePeriod(options.period);
    } catch (error) {
      if (error instanceof InvalidArgumentError) bad(fn, 'options.period', error.texts['zh-CN'], error.texts.en, options.period);
      throw error;
    }
  }
  const span: Span = { from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };
  const kept: TaskOrder[] = [];
  const views: OrderView[] = [];
  const dues: number[] = [];
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i];
    if (!isOrderRow(o)) bad(fn, `orders[${i}]`, '必须是社区警务任务单', 'must be a task order', o);
    const due = parseInstant(o!.data.due);
    if (period !== undefined && !orderInPeriod(period, o!.data.month, due)) continue;
    const view = viewOf(fn, `orders[${i}]`, o!, asOf, due, span);
    if (view === undefined) continue;
    kept.push(o!);
    views.push(view);
    dues.push(due);
  }
  const n = kept.length;
  const officers = dictionary(views.map((v) => v.officer));
  const stations = dictionary(views.map((v) => v.station));
  const counties = dictionary(views.map((v) => v.county));
  const categories = dictionary(kept.map((o) => o.data.template.category));
  const months = dictionary(kept.map((o) => o.data.month));
  const unitCode = new Map<string, number>();
  const unitOfficer: number[] = [];
  const unitStation: number[] = [];
  const unitCounty: number[] = [];
  const unit = new Uint32Array(n);
  const category = new Uint16Array(n);
  const month = new Uint16Array(n);
  const status = new Uint8Array(n);
  const due = Float64Array.from(dues);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = kept[i]!.data;
    const v = views[i]!;
    const key = `${v.officer}\u0000${v.station}\u0000${v.county}`;
    let u = unitCode.get(key);
    if (u === undefined) {
      u = unitOfficer.length;
      unitCode.set(key, u);
      unitOfficer.push(officers.code.get(v.officer)!);
      unitStation.push(stations.code.get(v.station)!);
      unitCounty.push(counties.code.get(v.county)!);
    }
    unit[i] = u;
    category[i] = categories.code.get(d.template.category)!;
    month[i] = months.code.get(d.month)!;
    status[i] = v.status;
    flags[i] = v.flag;
  }
  const columns: OrderColumns = {
    length: n, unit, category, month, status, due, flags,
    unitOfficer: Uint32Array.from(unitOfficer), unitStation: Uint32Array.from(unitStation), unitCounty: Uint32Array.from(unitCounty),
    officers: officers.list, stations: stations.list, counties: counties.list, categories: categories.list, months: months.list,
    validFrom: span.from, validUntil: span.until,
  };
  checked.add(columns);
  return columns;
}

/** The unit levels of the drill-down, and the other dimensions a rollup may group by. */
export const ROLLUP_LEVELS = ['officer', 'station', 'county', 'city'] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];
/**
 * The time dimensions: `month` is the month the order was dispatched for (`data.month`), `quarter`
 * and `year` the quarter and year of that month, `week` the ISO week (China time) of the due day
 * (an order due at 24:00 on a Sunday belongs to that week, not the next).
 */
export const ROLLUP_TIME_DIMENSIONS = ['month', 'quarter', 'year', 'week'] as const;
export type RollupTimeDimension = (typeof ROLLUP_TIME_DIMENSIONS)[number];
export type RollupDimension = RollupLevel | 'category' | RollupTimeDimension;

/** The counts of one group. See the module notes for the denominator. */
export interface RollupCounts {
  /** Every order dispatched to the group, whatever its state. */
  readonly dispatched: number;
  /** Dispatched or returned: still the officer's to do. */
  readonly open: number;
  readonly returned: number;
  /** Fed back and awaiting verification. */
  readonly fedBack: number;
  readonly verified: number;
  /** Fed back or verified: the numerator. */
  readonly done: number;
  /** Done, with the feedback before the due moment. */
  readonly onTime: number;
  /** Done, with the feedback at or after the due moment. */
  readonly late: number;
  /** Open and past due at `asOf`. */
  readonly overdue: number;
  readonly exempt: number;
  readonly cancelled: number;
  /** Exempt or cancelled at or after the due moment: they stay in the denominator, as not done. */
  readonly withdrawnLate: number;
  /** dispatched − exempt − cancelled + withdrawnLate: the denominator. */
  readonly denominator: number;
  /** done / denominator with `formatRate` ("—" when the denominator is 0). */
  readonly rate: string;
  /** onTime / denominator with `formatRate`: the on-time rate beside the completion rate. */
  readonly onTimeRate: string;
}

/** A group's key (the dimensions grouped by) and its counts. */
export interface RollupRow extends RollupCounts {
  readonly officer?: string;
  readonly station?: string;
  readonly county?: string;
  readonly category?: string;
  readonly month?: string;
  readonly quarter?: string;
  readonly year?: string;
  readonly week?: string;
}

export interface RollupOptions {
  /** What "overdue" is measured against (an instant, Date or epoch ms). */
  readonly asOf: Moment;
  /** Digits of the rate (default 2). */
  readonly decimals?: number;
}

interface Grouping {
  readonly level: Exclude<RollupLevel, 'city'> | undefined;
  readonly byCategory: boolean;
  readonly time: RollupTimeDimension | undefined;
}

function groupingArg(fn: string, argument: string, by: unknown): Grouping {
  const dims: string[] = [...ROLLUP_LEVELS, 'category', ...ROLLUP_TIME_DIMENSIONS];
  if (!Array.isArray(by) || by.some((d) => !dims.includes(d)) || new Set(by).size !== by.length) {
    bad(fn, argument, `必须是 ${dims.join('、')} 中不重复的维度数组`, `must be an array of distinct dimensions among ${dims.join(', ')}`, by);
  }
  const levels = (by as string[]).filter((d) => (ROLLUP_LEVELS as readonly string[]).includes(d)) as RollupLevel[];
  if (levels.length > 1) bad(fn, argument, '最多只能有一个单位层级（民警、派出所、县区、全市）', 'may hold one unit level at most (officer, station, county, city)', by);
  const times = (by as string[]).filter((d) => (ROLLUP_TIME_DIMENSIONS as readonly string[]).includes(d)) as RollupTimeDimension[];
  if (times.length > 1) bad(fn, argument, '最多只能有一个时间维度（月、季度、年、周）', 'may hold one time dimension at most (month, quarter, year, week)', by);
  const level = levels[0] === 'city' ? undefined : levels[0];
  return { level, byCategory: by.includes('category'), time: times[0] };
}

/** An order's code in a time dimension. */
type TimeCode = Uint16Array | Uint32Array;

/** An order's code in a time dimension, per order, and the dimension's keys (sorted). */
interface TimeCodes {
  readonly code: TimeCode;
  readonly keys: readonly string[];
}

const timeCache = new WeakMap<OrderColumns, Map<RollupTimeDimension, TimeCodes>>();

/** The quarter or year of each month of the columns (`2026-11` → `2026-Q4` or `2026`); week from the due moment. */
function timeCodes(fn: string, columns: OrderColumns, time: RollupTimeDimension): TimeCodes {
  if (time === 'month') return { code: columns.month, keys: columns.months };
  let cached = timeCache.get(columns);
  if (!cached) timeCache.set(columns, (cached = new Map()));
  const hit = cached.get(time);
  if (hit) return hit;
  let per: string[];
  let source: ArrayLike<number>;
  if (time === 'week') {
    // Few distinct due moments (one per template and month): one periodOf per distinct moment.
    const byDue = new Map<number, string>();
    per = [];
    const due = columns.due;
    for (let i = 0; i < columns.length; i++) {
      const ms = due[i]!;
      let key = byDue.get(ms);
      if (key === undefined) {
        if (!Number.isFinite(ms)) bad(fn, `columns.due[${i}]`, '按周统计时必须是有效时刻', 'must be a finite moment to group by week', ms);
        key = periodOf(ms - 1, 'week').key; // the week of the due day (due at its 24:00)
        byDue.set(ms, key);
      }
      per.push(key);
    }
    source = columns.month;
  } else {
    per = columns.months.map((m, i) => {
      let start: number;
      try {
        const p = parsePeriod(m);
        if (p.kind !== 'month') throw new Error('not a month');
        start = p.startMs;
      } catch {
        return bad(fn, `columns.months[${i}]`, `按${time === 'quarter' ? '季度' : '年'}统计时必须是 YYYY-MM 月份`, `must be a YYYY-MM month to group by ${time}`, m);
      }
      return periodOf(start, time).key;
    });
    source = columns.month;
  }
  const keys = [...new Set(per)].sort();
  const codeOf = new Map(keys.map((k, i) => [k, i]));
  const n = columns.length;
  const code = keys.length <= 0xffff ? new Uint16Array(n) : new Uint32Array(n);
  if (time === 'week') for (let i = 0; i < n; i++) code[i] = codeOf.get(per[i]!)!;
  else {
    const byMonth = per.map((k) => codeOf.get(k)!);
    for (let i = 0; i < n; i++) code[i] = byMonth[source[i]!]!;
  }
  const made = { code, keys };
  cached.set(time, made);
  return made;
}

/**
 * Several rollups of the same orders in one pass over them: each grouping is a list of dimensions
 * (`['station', 'month']`, `['category']`, `['county', 'category', 'month']`; `[]` or `['city']`
 * is the whole city). Returns one list of rows per grouping, in dictionary order of the keys; groups
 * without orders are left out.
 */
export function rollups(columns: OrderColumns, groupings: readonly (readonly RollupDimension[])[], options: RollupOptions): RollupRow[][] {
  const fn = 'rollups';
  if (columns === null || typeof columns !== 'object' || !checked.has(columns)) bad(fn, 'columns', '必须由 orderColumns 或 columnsFromOrders 得到', 'must come from orderColumns or columnsFromOrders', columns);
  if (!Array.isArray(groupings) || groupings.length === 0) bad(fn, 'groupings', '必须是非空数组', 'must be a non-empty array', groupings);
  const specs = groupings.map((g, i) => groupingArg(fn, `groupings[${i}]`, g));
  if (options === null || typeof options !== 'object') bad(fn, 'options', '必须是 { asOf }', 'must be { asOf }', options);
  const asOf = momentMs(fn, 'options.asOf', options.asOf);
  if (asOf < columns.validFrom || asOf >= columns.validUntil) {
    const at = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '…');
    bad(
      fn,
      'options.asOf',
      `超出这些列能说明的时间（${at(columns.validFrom)} 至 ${at(columns.validUntil)} 之前）：请用 columnsFromOrders(orders, { asOf }) 按当时的状态重建`,
      `is outside the moments these columns describe (${at(columns.validFrom)} up to ${at(columns.validUntil)}): build them as they stood with columnsFromOrders(orders, { asOf })`,
      options.asOf,
    );
  }
  const decimals = options.decimals ?? 2;

  const nCat = columns.categories.length;
  const times = specs.map((s) => (s.time === undefined ? undefined : timeCodes(fn, columns, s.time)));
  const nUnits = columns.unitOfficer.length;
  const G = specs.length;
  // Per grouping: unit → level code, the multipliers of the group index, the counters.
  const maps: Uint32Array[] = [];
  const mulUnit: number[] = [];
  const mulCat: number[] = [];
  const mulMonth: number[] = [];
  const timeOf: TimeCode[] = [];
  const counts: Int32Array[] = [];
  for (const [g, s] of specs.entries()) {
    const levelSize = s.level === undefined ? 1 : levelNames(columns, s.level).length;
    const map = s.level === undefined ? new Uint32Array(nUnits) : s.level === 'officer' ? columns.unitOfficer : s.level === 'station' ? columns.unitStation : columns.unitCounty;
    const catSize = s.byCategory ? nCat : 1;
    const monthSize = times[g] ? times[g].keys.length : 1;
    maps.push(map);
    mulUnit.push(catSize * monthSize * SLOTS);
    mulCat.push(s.byCategory ? monthSize * SLOTS : 0);
    mulMonth.push(times[g] ? SLOTS : 0);
    timeOf.push(times[g]?.code ?? columns.month);
    counts.push(new Int32Array(levelSize * catSize * monthSize * SLOTS));
  }

  // The one pass, in functions of its own that see only typed arrays and numbers: they are
  // optimised once and stay so, whatever shapes the setup above meets (inline here, each deopt of
  // the setup threw the optimised loop away and the next call ran much of it unoptimised).
  const { unit, category, status, due, flags } = columns;
  const n = columns.length;
  if (G === 1) countOne(n, unit, category, status, due, flags, asOf, maps[0]!, mulUnit[0]!, mulCat[0]!, timeOf[0]!, mulMonth[0]!, counts[0]!);
  else if (G === 2) countTwo(n, unit, category, status, due, flags, asOf, maps[0]!, mulUnit[0]!, mulCat[0]!, timeOf[0]!, mulMonth[0]!, counts[0]!, maps[1]!, mulUnit[1]!, mulCat[1]!, timeOf[1]!, mulMonth[1]!, counts[1]!);
  else countMany(n, unit, category, status, due, flags, asOf, maps, mulUnit, mulCat, timeOf, mulMonth, counts);

  return specs.map((s, g) => rowsOf(columns, s, times[g]?.keys, counts[g]!, decimals));
}

// The counting passes. Slot 6 counts open orders past due; a flag adds to slot 7 (done late) or 8
// (withdrawn late): flags are 1 or 2, so `LATE - 1 + flag` is the slot. A group's counters start at
// `map[unit] * mu + category * mc + time * mm` (a multiplier is 0 for a dimension not grouped by).

function countOne(n: number, unit: Uint32Array, category: Uint16Array, status: Uint8Array, due: Float64Array, flags: Uint8Array, asOf: number, map: Uint32Array, mu: number, mc: number, t: TimeCode, mm: number, c: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const s = status[i]!;
    const k = map[unit[i]!]! * mu + category[i]! * mc + t[i]! * mm;
    c[k + s]!++;
    const f = flags[i]!;
    if (f !== 0) c[k + LATE - 1 + f]!++;
    else if (s < 2 && due[i]! <= asOf) c[k + OVERDUE]!++;
  }
}

function countTwo(
  n: number, unit: Uint32Array, category: Uint16Array, status: Uint8Array, due: Float64Array, flags: Uint8Array, asOf: number,
  m0: Uint32Array, u0: number, c0: number, t0: TimeCode, o0: number, k0: Int32Array,
  m1: Uint32Array, u1: number, c1: number, t1: TimeCode, o1: number, k1: Int32Array,
): void {
  for (let i = 0; i < n; i++) {
    const s = status[i]!;
    const u = unit[i]!, cat = category[i]!;
    const a = m0[u]! * u0 + cat * c0 + t0[i]! * o0;
    const b = m1[u]! * u1 + cat * c1 + t1[i]! * o1;
    k0[a + s]!++;
    k1[b + s]!++;
    const f = flags[i]!;
    if (f !== 0) {
      k0[a + LATE - 1 + f]!++;
      k1[b + LATE - 1 + f]!++;
    } else if (s < 2 && due[i]! <= asOf) {
      k0[a + OVERDUE]!++;
      k1[b + OVERDUE]!++;
    }
  }
}

function countMany(
  n: number, unit: Uint32Array, category: Uint16Array, status: Uint8Array, due: Float64Array, flags: Uint8Array, asOf: number,
  maps: readonly Uint32Array[], mulUnit: readonly number[], mulCat: readonly number[], timeOf: readonly TimeCode[], mulMonth: readonly number[], counts: readonly Int32Array[],
): void {
  const G = counts.length;
  for (let i = 0; i < n; i++) {
    const s = status[i]!;
    const u = unit[i]!, cat = category[i]!;
    const f = flags[i]!;
    const slot = f !== 0 ? LATE - 1 + f : s < 2 && due[i]! <= asOf ? OVERDUE : -1;
    for (let g = 0; g < G; g++) {
      const k = maps[g]![u]! * mulUnit[g]! + cat * mulCat[g]! + timeOf[g]![i]! * mulMonth[g]!;
      const c = counts[g]!;
      c[k + s]!++;
      if (slot >= 0) c[k + slot]!++;
    }
  }
}

function levelNames(columns: OrderColumns, level: Exclude<RollupLevel, 'city'>): readonly string[] {
  return level === 'officer' ? columns.officers : level === 'station' ? columns.stations : columns.counties;
}

function rowsOf(columns: OrderColumns, s: Grouping, timeKeys: readonly string[] | undefined, c: Int32Array, decimals: number): RollupRow[] {
  const names = s.level === undefined ? [''] : levelNames(columns, s.level);
  const cats = s.byCategory ? columns.categories : [''];
  const months = timeKeys ?? [''];
  const rows: RollupRow[] = [];
  let k = 0;
  for (const name of names) {
    for (const cat of cats) {
      for (const month of months) {
        const dispatched = c[k]! + c[k + 1]! + c[k + 2]! + c[k + 3]! + c[k + 4]! + c[k + 5]!;
        if (dispatched > 0) {
          const row: Record<string, string | number> = {};
          if (s.level !== undefined) row[s.level] = name;
          if (s.byCategory) row.category = cat;
          if (s.time !== undefined) row[s.time] = month;
          rows.push(countsRow(row, c, k, dispatched, decimals));
        }
        k += SLOTS;
      }
    }
  }
  return rows;
}

function countsRow(key: Record<string, string | number>, c: Int32Array, k: number, dispatched: number, decimals: number): RollupRow {
  const done = c[k + 2]! + c[k + 3]!;
  const late = c[k + LATE]!;
  const withdrawnLate = c[k + LATE + 1]!;
  const denominator = dispatched - c[k + 4]! - c[k + 5]! + withdrawnLate;
  return Object.assign(key, {
    dispatched,
    open: c[k]! + c[k + 1]!,
    returned: c[k + 1]!,
    fedBack: c[k + 2]!,
    verified: c[k + 3]!,
    done,
    onTime: done - late,
    late,
    overdue: c[k + OVERDUE]!,
    exempt: c[k + 4]!,
    cancelled: c[k + 5]!,
    withdrawnLate,
    denominator,
    rate: formatRate(done, denominator, { decimals }),
    onTimeRate: formatRate(done - late, denominator, { decimals }),
  }) as unknown as RollupRow;
}

/** One rollup in one pass: `rollup(columns, ['station', 'month'], { asOf })`. */
export function rollup(columns: OrderColumns, by: readonly RollupDimension[], options: RollupOptions): RollupRow[] {
  return rollups(columns, [by], options)[0]!;
}

/** Rollups straight from task orders (made compact first), as they stood at `options.asOf`. */
export function rollupOrders(orders: readonly TaskOrder[], groupings: readonly (readonly RollupDimension[])[], options: RollupOptions): RollupRow[][] {
  if (options === null || typeof options !== 'object') bad('rollupOrders', 'options', '必须是 { asOf }', 'must be { asOf }', options);
  return rollups(columnsFromOrders(orders, { asOf: options.asOf }), groupings, options);
}

/**
 * The supervision order: most overdue first, then the lowest completion (exactly: by
 * cross-multiplication, never by rounded rates), then groups with no denominator last.
 */
export function compareForSupervision(a: RollupCounts, b: RollupCounts): number {
  countsArg('compareForSupervision', 'a', a);
  countsArg('compareForSupervision', 'b', b);
  if (a.overdue !== b.overdue) return b.overdue - a.overdue;
  if (a.denominator === 0 || b.denominator === 0) return (a.denominator === 0 ? 1 : 0) - (b.denominator === 0 ? 1 : 0);
  return a.done * b.denominator - b.done * a.denominator;
}

function countsArg(fn: string, argument: string, row: unknown): void {
  const r = row as RollupCounts | null;
  const ok = r !== null && typeof r === 'object' && [r.overdue, r.done, r.denominator].every((n) => typeof n === 'number' && n >= 0 && n <= MAX_COUNT);
  if (!ok) bad(fn, argument, '必须是统计行（overdue、done、denominator 为非负数）', 'must be a rollup row (overdue, done and denominator counts)', row);
}

export interface LaggardOptions {
  /** A completion below this share (0–1, e.g. 0.95) makes a laggard; default 1 (anything not complete). */
  readonly below?: number;
  /**
   * Only the bottom share of the groups with work can be laggards (0–1, default 1/3): that many
   * groups, rounded down, taken from the least complete; groups tied with the first one past the
   * cut are left out, so that equal completion is treated alike and never every group is marked.
   */
  readonly share?: number;
  /** At most this many (default all). */
  readonly limit?: number;
}

/**
 * The laggards (后进) among rollup rows by a stated rule (see `laggardRule` for its words): a group
 * whose completion is below `below` and that is in the bottom `share` of the groups with work
 * (rounded down; ties at the cut left out). Least complete first, then most overdue. Groups with
 * nothing to do are never laggards; overdue orders alone do not make one (they are counted apart).
 */
export function laggards<R extends RollupCounts>(rows: readonly R[], options: LaggardOptions = {}): R[] {
  if (!Array.isArray(rows)) bad('laggards', 'rows', '必须是统计行数组', 'must be an array of rollup rows', rows);
  rows.forEach((r, i) => countsArg('laggards', `rows[${i}]`, r));
  const { below, share, limit } = laggardOptions('laggards', options);
  // Integer comparison: done / denominator < below  ⇔  done · 10⁶ < round(below · 10⁶) · denominator.
  const scaled = Math.round(below * 1e6);
  const byCompletion = (a: R, b: R) => a.done * b.denominator - b.done * a.denominator || b.overdue - a.overdue;
  const ranked = rows.filter((r) => r.denominator > 0).sort(byCompletion);
  let cut = Math.floor(ranked.length * share + 1e-9);
  const sameCompletion = (a: R, b: R) => a.done * b.denominator === b.done * a.denominator;
  if (cut < ranked.length) while (cut > 0 && sameCompletion(ranked[cut - 1]!, ranked[cut]!)) cut--;
  return ranked
    .slice(0, cut)
    .filter((r) => r.done * 1e6 < scaled * r.denominator)
    .slice(0, limit);
}

function laggardOptions(fn: string, options: LaggardOptions): { below: number; share: number; limit: number } {
  if (options === null || typeof options !== 'object') bad(fn, 'options', '必须是对象', 'must be an object', options);
  const below = options.below ?? 1;
  if (typeof below !== 'number' || !(below >= 0 && below <= 1)) bad(fn, 'options.below', '必须是 0 到 1 之间的比例', 'must be a share between 0 and 1', below);
  const share = options.share ?? 1 / 3;
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) bad(fn, 'options.share', '必须是 0 到 1 之间的比例', 'must be a share between 0 and 1', share);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0) || (Number.isFinite(limit) && !Number.isInteger(limit))) bad(fn, 'options.limit', '必须是不小于 0 的整数', 'must be a whole number not below 0', limit);
  return { below, share, limit };
}

/** The laggard rule in words, for a board to state beside its marks: "完成率低于 95%，且居末位三分之一（向下取整，与界线并列者不计）". */
export function laggardRule(options: LaggardOptions = {}): Localized {
  const { below, share } = laggardOptions('laggardRule', options);
  const pct = `${Math.round(below * 10_000) / 100}%`;
  const zhShare = Math.abs(share - 1 / 3) < 1e-9 ? '三分之一' : `${Math.round(share * 10_000) / 100}%`;
  const enShare = Math.abs(share - 1 / 3) < 1e-9 ? 'third' : `${Math.round(share * 10_000) / 100}%`;
  return {
    'zh-CN': `后进：完成率低于 ${pct}，且居有任务单位的末位${zhShare}（向下取整，与界线并列者不计）`,
    en: `Laggard: completion below ${pct} and in the bottom ${enShare} of the units with tasks (rounded down; ties at the cut are not marked)`,
  };
}
