import { InvalidArgumentError } from '../errors/errors.js';
import { formatRate } from '../rate/rate.js';
import { type Moment, momentMs } from '../loop/deadlines.js';
import { parseInstant } from '../calendar/instant.js';
import { MAX_COUNT } from '../schema/bounds.js';
import type { TaskOrder, TaskOrderState } from './definition.js';

/**
 * Supervision rollups (督导统计) over task orders, in one pass.
 *
 * THE DENOMINATOR. An order counts in the completion rate's denominator when it was dispatched and
 * is neither exempt (marked not applicable, with a reason) nor cancelled: those two leave both the
 * denominator and the numerator. The numerator ("done") is the orders fed back and not returned:
 * fed back (awaiting verification) or verified. A returned order is open again until fed back anew.
 * Overdue orders are open ones (dispatched or returned) whose due moment has come at `asOf` — at
 * the due instant itself the order is overdue, as the loop engine's `overdue` has it.
 *
 *   rate = done / (dispatched − exempt − cancelled),   done = fedBack + verified
 */

/** Order states as codes in the compact columns. */
export const TASK_STATUS_CODES: Readonly<Record<TaskOrderState, number>> = { dispatched: 0, returned: 1, fedBack: 2, verified: 3, exempt: 4, cancelled: 5 };
const SLOTS = 8; // six states, overdue, spare
const OVERDUE = 6;

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
    ['unit', Uint32Array], ['category', Uint16Array], ['month', Uint16Array], ['status', Uint8Array], ['due', Float64Array],
    ['unitOfficer', Uint32Array], ['unitStation', Uint32Array], ['unitCounty', Uint32Array],
  ];
  for (const [key, type] of typed) if (!(input[key] instanceof type)) bad(fn, `input.${key}`, `必须是 ${type.name}`, `must be a ${type.name}`, input[key]);
  for (const key of ['officers', 'stations', 'counties', 'categories', 'months'] as const) {
    if (!Array.isArray(input[key]) || input[key].some((s) => typeof s !== 'string')) bad(fn, `input.${key}`, '必须是字符串数组', 'must be an array of strings', input[key]);
  }
  const n = input.unit.length;
  for (const key of ['category', 'month', 'status', 'due'] as const) {
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
  const columns: OrderColumns = { ...input, length: n };
  checked.add(columns);
  return columns;
}

function dictionary(values: Iterable<string>): { list: string[]; code: Map<string, number> } {
  const list = [...new Set(values)].sort();
  return { list, code: new Map(list.map((v, i) => [v, i])) };
}

/** Compact columns from task orders (snapshots of the task-order loop). */
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

export function columnsFromOrders(orders: readonly TaskOrder[]): OrderColumns {
  if (!Array.isArray(orders)) bad('columnsFromOrders', 'orders', '必须是任务单数组', 'must be an array of task orders', orders);
  const n = orders.length;
  for (let i = 0; i < n; i++) {
    const o = orders[i];
    if (!isOrderRow(o)) {
      bad('columnsFromOrders', `orders[${i}]`, '必须是社区警务任务单', 'must be a task order', o);
    }
  }
  const officers = dictionary(orders.map((o) => o.data.officer));
  const stations = dictionary(orders.map((o) => o.data.station));
  const counties = dictionary(orders.map((o) => o.data.county));
  const categories = dictionary(orders.map((o) => o.data.template.category));
  const months = dictionary(orders.map((o) => o.data.month));
  const unitCode = new Map<string, number>();
  const unitOfficer: number[] = [];
  const unitStation: number[] = [];
  const unitCounty: number[] = [];
  const unit = new Uint32Array(n);
  const category = new Uint16Array(n);
  const month = new Uint16Array(n);
  const status = new Uint8Array(n);
  const due = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = orders[i]!.data;
    const key = `${d.officer}\u0000${d.station}\u0000${d.county}`;
    let u = unitCode.get(key);
    if (u === undefined) {
      u = unitOfficer.length;
      unitCode.set(key, u);
      unitOfficer.push(officers.code.get(d.officer)!);
      unitStation.push(stations.code.get(d.station)!);
      unitCounty.push(counties.code.get(d.county)!);
    }
    unit[i] = u;
    category[i] = categories.code.get(d.template.category)!;
    month[i] = months.code.get(d.month)!;
    status[i] = TASK_STATUS_CODES[orders[i]!.state as TaskOrderState];
    due[i] = parseInstant(d.due);
  }
  const columns: OrderColumns = {
    length: n, unit, category, month, status, due,
    unitOfficer: Uint32Array.from(unitOfficer), unitStation: Uint32Array.from(unitStation), unitCounty: Uint32Array.from(unitCounty),
    officers: officers.list, stations: stations.list, counties: counties.list, categories: categories.list, months: months.list,
  };
  checked.add(columns);
  return columns;
}

/** The unit levels of the drill-down, and the other dimensions a rollup may group by. */
export const ROLLUP_LEVELS = ['officer', 'station', 'county', 'city'] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];
export type RollupDimension = RollupLevel | 'category' | 'month';

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
  /** Open and past due at `asOf`. */
  readonly overdue: number;
  readonly exempt: number;
  readonly cancelled: number;
  /** dispatched − exempt − cancelled: the denominator. */
  readonly denominator: number;
  /** done / denominator with `formatRate` ("—" when the denominator is 0). */
  readonly rate: string;
}

/** A group's key (the dimensions grouped by) and its counts. */
export interface RollupRow extends RollupCounts {
  readonly officer?: string;
  readonly station?: string;
  readonly county?: string;
  readonly category?: string;
  readonly month?: string;
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
  readonly byMonth: boolean;
}

function groupingArg(fn: string, argument: string, by: unknown): Grouping {
  const dims = ['officer', 'station', 'county', 'city', 'category', 'month'];
  if (!Array.isArray(by) || by.some((d) => !dims.includes(d)) || new Set(by).size !== by.length) {
    bad(fn, argument, `必须是 ${dims.join('、')} 中不重复的维度数组`, `must be an array of distinct dimensions among ${dims.join(', ')}`, by);
  }
  const levels = (by as string[]).filter((d) => (ROLLUP_LEVELS as readonly string[]).includes(d)) as RollupLevel[];
  if (levels.length > 1) bad(fn, argument, '最多只能有一个单位层级（民警、派出所、县区、全市）', 'may hold one unit level at most (officer, station, county, city)', by);
  const level = levels[0] === 'city' ? undefined : levels[0];
  return { level, byCategory: by.includes('category'), byMonth: by.includes('month') };
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
  const decimals = options.decimals ?? 2;

  const nCat = columns.categories.length;
  const nMonth = columns.months.length;
  const nUnits = columns.unitOfficer.length;
  const G = specs.length;
  // Per grouping: unit → level code, the multipliers of the group index, the counters.
  const maps: Uint32Array[] = [];
  const mulUnit: number[] = [];
  const mulCat: number[] = [];
  const mulMonth: number[] = [];
  const counts: Int32Array[] = [];
  for (const s of specs) {
    const levelSize = s.level === undefined ? 1 : levelNames(columns, s.level).length;
    const map = s.level === undefined ? new Uint32Array(nUnits) : s.level === 'officer' ? columns.unitOfficer : s.level === 'station' ? columns.unitStation : columns.unitCounty;
    const catSize = s.byCategory ? nCat : 1;
    const monthSize = s.byMonth ? nMonth : 1;
    maps.push(map);
    mulUnit.push(catSize * monthSize * SLOTS);
    mulCat.push(s.byCategory ? monthSize * SLOTS : 0);
    mulMonth.push(s.byMonth ? SLOTS : 0);
    counts.push(new Int32Array(levelSize * catSize * monthSize * SLOTS));
  }

  // The one pass.
  const { unit, category, month, status, due } = columns;
  const n = columns.length;
  if (G === 1) {
    const map = maps[0]!, mu = mulUnit[0]!, mc = mulCat[0]!, mm = mulMonth[0]!, c = counts[0]!;
    for (let i = 0; i < n; i++) {
      const s = status[i]!;
      const k = map[unit[i]!]! * mu + category[i]! * mc + month[i]! * mm;
      c[k + s]!++;
      if (s < 2 && due[i]! <= asOf) c[k + OVERDUE]!++;
    }
  } else if (G === 2) {
    const m0 = maps[0]!, u0 = mulUnit[0]!, c0 = mulCat[0]!, o0 = mulMonth[0]!, k0 = counts[0]!;
    const m1 = maps[1]!, u1 = mulUnit[1]!, c1 = mulCat[1]!, o1 = mulMonth[1]!, k1 = counts[1]!;
    for (let i = 0; i < n; i++) {
      const s = status[i]!;
      const u = unit[i]!, cat = category[i]!, mo = month[i]!;
      const a = m0[u]! * u0 + cat * c0 + mo * o0;
      const b = m1[u]! * u1 + cat * c1 + mo * o1;
      k0[a + s]!++;
      k1[b + s]!++;
      if (s < 2 && due[i]! <= asOf) {
        k0[a + OVERDUE]!++;
        k1[b + OVERDUE]!++;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const s = status[i]!;
      const u = unit[i]!, cat = category[i]!, mo = month[i]!;
      const late = s < 2 && due[i]! <= asOf;
      for (let g = 0; g < G; g++) {
        const k = maps[g]![u]! * mulUnit[g]! + cat * mulCat[g]! + mo * mulMonth[g]!;
        const c = counts[g]!;
        c[k + s]!++;
        if (late) c[k + OVERDUE]!++;
      }
    }
  }

  return specs.map((s, g) => rowsOf(columns, s, counts[g]!, decimals));
}

function levelNames(columns: OrderColumns, level: Exclude<RollupLevel, 'city'>): readonly string[] {
  return level === 'officer' ? columns.officers : level === 'station' ? columns.stations : columns.counties;
}

function rowsOf(columns: OrderColumns, s: Grouping, c: Int32Array, decimals: number): RollupRow[] {
  const names = s.level === undefined ? [''] : levelNames(columns, s.level);
  const cats = s.byCategory ? columns.categories : [''];
  const months = s.byMonth ? columns.months : [''];
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
          if (s.byMonth) row.month = month;
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
  const denominator = dispatched - c[k + 4]! - c[k + 5]!;
  return Object.assign(key, {
    dispatched,
    open: c[k]! + c[k + 1]!,
    returned: c[k + 1]!,
    fedBack: c[k + 2]!,
    verified: c[k + 3]!,
    done,
    overdue: c[k + OVERDUE]!,
    exempt: c[k + 4]!,
    cancelled: c[k + 5]!,
    denominator,
    rate: formatRate(done, denominator, { decimals }),
  }) as unknown as RollupRow;
}

/** One rollup in one pass: `rollup(columns, ['station', 'month'], { asOf })`. */
export function rollup(columns: OrderColumns, by: readonly RollupDimension[], options: RollupOptions): RollupRow[] {
  return rollups(columns, [by], options)[0]!;
}

/** Rollups straight from task orders (made compact first). */
export function rollupOrders(orders: readonly TaskOrder[], groupings: readonly (readonly RollupDimension[])[], options: RollupOptions): RollupRow[][] {
  return rollups(columnsFromOrders(orders), groupings, options);
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
  /** At most this many (default all). */
  readonly limit?: number;
}

/**
 * The laggards (后进) among rollup rows: groups with overdue orders, or whose completion is below
 * `below`, most overdue and least complete first. Groups with nothing to do are never laggards.
 */
export function laggards<R extends RollupCounts>(rows: readonly R[], options: LaggardOptions = {}): R[] {
  if (!Array.isArray(rows)) bad('laggards', 'rows', '必须是统计行数组', 'must be an array of rollup rows', rows);
  rows.forEach((r, i) => countsArg('laggards', `rows[${i}]`, r));
  if (options === null || typeof options !== 'object') bad('laggards', 'options', '必须是对象', 'must be an object', options);
  const below = options.below ?? 1;
  if (typeof below !== 'number' || !(below >= 0 && below <= 1)) bad('laggards', 'options.below', '必须是 0 到 1 之间的比例', 'must be a share between 0 and 1', below);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0) || (Number.isFinite(limit) && !Number.isInteger(limit))) bad('laggards', 'options.limit', '必须是不小于 0 的整数', 'must be a whole number not below 0', limit);
  // Integer comparison: done / denominator < below  ⇔  done · 10⁶ < round(below · 10⁶) · denominator.
  const scaled = Math.round(below * 1e6);
  return rows
    .filter((r) => r.denominator > 0 && (r.overdue > 0 || r.done * 1e6 < scaled * r.denominator))
    .sort(compareForSupervision)
    .slice(0, limit);
}
