import * as z from 'zod';
import { parseInstant, parsePeriod, type Period } from '@bihuan/core/calendar';
import { formatRate } from '@bihuan/core/rate';
import type { Snapshot } from '@bihuan/core/loop';
import { DISPUTE_LOOP_ID } from '@bihuan/core/dispute';
import { columnsFromOrders, ROLLUP_LEVELS, ROLLUP_TIME_DIMENSIONS, TASK_LOOP_ID, type RollupDimension, type RollupRow, type TaskOrder } from '@bihuan/core/task';
import type { Queryable, Row } from './database.js';
import type { Identity } from './auth.js';
import { HttpError } from './errors.js';

/**
 * Task-order roll-ups (督导统计) in SQL, by the rules of core's `rollups` (packages/core/src/task/
 * rollup.ts): the same denominator, on-time and late, withdrawn-late and overdue, as the orders
 * stood at `asOf`. Each write stores what the roll-up reads in the item's row (`dimensionsOf`); an
 * order whose last event came after `asOf` is read from its events instead, as core reads it from
 * its history.
 */

/** The ledger and roll-up columns of `items` (migration 2), in the order `dimensionsOf` gives them. */
export const DIMENSION_COLUMNS = ['opened_at', 'last_at', 'deadline_at', 'area_town', 'outcome', 'officer', 'station', 'unit_county', 'category', 'month', 'due_at', 'flags'] as const;

const iso = (ms: number): string => new Date(ms).toISOString();
const instant = (at: unknown): string | null => {
  if (typeof at !== 'string') return null;
  const ms = parseInstant(at);
  return Number.isNaN(ms) ? null : iso(ms);
};

/**
 * The values of `DIMENSION_COLUMNS` for a snapshot about to be written. A task order's officer and
 * flags come from core's own `columnsFromOrders`, so the stored row agrees with core by construction.
 */
export function dimensionsOf(snapshot: Snapshot): unknown[] {
  const history = snapshot.history;
  const data = snapshot.data as Record<string, any>;
  const common = [instant(history[0]?.at), instant(history[history.length - 1]?.at), instant(snapshot.deadline)];
  const dispute = snapshot.loop.id === DISPUTE_LOOP_ID ? [data.town ?? null, data.outcome?.kind ?? null] : [null, null];
  if (snapshot.loop.id !== TASK_LOOP_ID) return [...common, ...dispute, null, null, null, null, null, null, null];
  const c = columnsFromOrders([snapshot as unknown as TaskOrder]);
  const u = c.unit[0]!;
  return [...common, ...dispute, c.officers[c.unitOfficer[u]!], c.stations[c.unitStation[u]!], c.counties[c.unitCounty[u]!], c.categories[0], c.months[0], iso(c.due[0]!), c.flags[0]];
}

/**
 * `dimensionsOf` for many snapshots at once: task orders go through one `columnsFromOrders` call
 * (a city's dispatch writes 200,000 of them), every other item one by one.
 */
export function dimensionsOfAll(snapshots: readonly Snapshot[]): unknown[][] {
  const orders = snapshots.every((s) => s.loop.id === TASK_LOOP_ID) ? (snapshots as unknown as TaskOrder[]) : undefined;
  const c = orders && orders.length ? columnsFromOrders(orders) : undefined;
  if (!c || c.length !== snapshots.length) return snapshots.map(dimensionsOf);
  return snapshots.map((snapshot, i) => {
    const history = snapshot.history;
    const u = c.unit[i]!;
    return [instant(history[0]?.at), instant(history[history.length - 1]?.at), instant(snapshot.deadline), null, null,
      c.officers[c.unitOfficer[u]!], c.stations[c.unitStation[u]!], c.counties[c.unitCounty[u]!], c.categories[c.category[i]!], c.months[c.month[i]!], iso(c.due[i]!), c.flags[i]];
  });
}

const DIMENSIONS: readonly string[] = [...ROLLUP_LEVELS, 'category', ...ROLLUP_TIME_DIMENSIONS];
const LEVEL_KEYS = new Set<string>(ROLLUP_LEVELS);
const TIME_KEYS = new Set<string>(ROLLUP_TIME_DIMENSIONS);

/** `GET /rollups/tasks?by=station,month&period=2026-Q4&asOf=…&decimals=2`. */
export const TaskRollupQuery = z
  .object({
    by: z
      .string()
      .max(200)
      .default('city')
      .transform((s) => (s === '' ? [] : s.split(',').map((d) => d.trim())))
      .refine((dims) => dims.every((d) => DIMENSIONS.includes(d)) && new Set(dims).size === dims.length, { message: `distinct dimensions among ${DIMENSIONS.join(', ')}` })
      .refine((dims) => dims.filter((d) => LEVEL_KEYS.has(d)).length <= 1, { message: 'one unit level at most (officer, station, county, city)' })
      .refine((dims) => dims.filter((d) => TIME_KEYS.has(d)).length <= 1, { message: 'one time dimension at most (month, quarter, year, week)' }),
    asOf: z.string().max(40).refine((s) => !Number.isNaN(parseInstant(s)), { message: 'an instant with an offset, e.g. 2026-12-31T16:00:00Z' }).optional(),
    period: z.string().max(40).refine((s) => isPeriod(s), { message: 'a period: 2026-W49, 2026-12, 2026-Q4, 2026 or 2026-12-01..2026-12-07' }).optional(),
    decimals: z.coerce.number().int().min(0).max(6).default(2),
  })
  .strict();
export type TaskRollupQuery = z.output<typeof TaskRollupQuery>;

function isPeriod(key: string): boolean {
  try {
    parsePeriod(key);
    return true;
  } catch {
    return false;
  }
}

/** The moment a roll-up or ledger is taken at: `asOf`, else the period's end if it has ended, else now. */
export function asOfFor(asOf: string | undefined, period: Period | undefined, now = Date.now()): number {
  if (asOf !== undefined) return parseInstant(asOf);
  return period === undefined ? now : Math.min(now, period.endMs);
}

/**
 * SQL for "the row lies within the user's area", naming only the levels the scope has, with their
 * parameters from `at`: no `$n IS NULL OR …` left for the database to test row by row when it
 * plans the prepared statement once for every scope.
 */
function areaClause(scope: Identity['scope'], at: number): { sql: string; params: string[] } {
  const levels = (['city', 'county', 'town', 'community'] as const).filter((l) => scope[l] !== undefined && scope[l] !== null);
  return { sql: levels.map((l, i) => `${l} = $${at + i}`).join(' AND '), params: levels.map((l) => scope[l]!) };
}

/** SQL for "in the period", with its parameters from `at`: the month's period or the due moment (as core's `orderInPeriod`). */
function periodClause(period: Period | undefined, at: number): { sql: string; params: unknown[] } {
  if (period === undefined) return { sql: 'true', params: [] };
  if (period.kind === 'week' || period.kind === 'range') return { sql: `due_at > $${at}::timestamptz AND due_at <= $${at + 1}::timestamptz`, params: [iso(period.startMs), iso(period.endMs)] };
  return { sql: `month >= $${at} AND month <= $${at + 1}`, params: [period.from.slice(0, 7), period.to.slice(0, 7)] };
}

const TIME_SQL: Readonly<Record<string, string>> = {
  month: 'month',
  quarter: `left(month, 4) || '-Q' || ((substr(month, 6, 2)::int + 2) / 3)::text`,
  year: 'left(month, 4)',
  // The ISO week of the due day in China time (UTC+8 all year): due at 24:00, so a millisecond before.
  week: `to_char((due_at AT TIME ZONE 'UTC') + interval '8 hours' - interval '1 millisecond', 'IYYY"-W"IW')`,
};
const LEVEL_SQL: Readonly<Record<string, string>> = { officer: 'officer', station: 'station', county: 'unit_county' };

const COUNTS = ['dispatched', 'open', 'returned', 'fed_back', 'verified', 'exempt', 'cancelled', 'late', 'withdrawn_late', 'overdue'] as const;

interface CountsRow extends Row {
  k0: string | null;
  k1: string | null;
  k2: string | null;
  dispatched: string;
  open: string;
  returned: string;
  fed_back: string;
  verified: string;
  exempt: string;
  cancelled: string;
  late: string;
  withdrawn_late: string;
  overdue: string;
}

/**
 * One roll-up of the task orders within the user's scope, as they stood at `asOf`: rows in the
 * order core gives them (by key, code-unit order), groups without orders left out.
 */
export async function rollupTasks(db: Queryable, identity: Identity, query: TaskRollupQuery, now = Date.now()): Promise<{ asOf: string; period?: string; by: string[]; rows: RollupRow[] }> {
  const period = query.period === undefined ? undefined : parsePeriod(query.period);
  const asOf = asOfFor(query.asOf, period, now);
  const by = query.by as RollupDimension[];
  // Keys in core's nesting order (unit level, category, time), whatever order `by` names them in.
  const keys = DIMENSIONS.filter((d) => d !== 'city' && by.includes(d as RollupDimension)).map((d) => ({ name: d, sql: LEVEL_SQL[d] ?? (d === 'category' ? 'category' : TIME_SQL[d]!) }));
  // $1 asOf, $2 loop id, the scope's levels, then the period's.
  const area = areaClause(identity.scope, 3);
  const p = periodClause(period, 3 + area.params.length);
  const params: unknown[] = [iso(asOf), TASK_LOOP_ID, ...area.params, ...p.params];
  const where = `loop_id = $2 AND ${area.sql} AND ${p.sql}`;
  const one = (e: string, extra = '') => `(SELECT ${e} FROM events e WHERE e.collection = i.collection AND e.item_id = i.id${extra} ORDER BY e.version DESC LIMIT 1)`;
  const counted = (from: string) => `
    SELECT ${keys.map((k, n) => `${k.sql} AS k${n}`).concat(['']).join(', ')}
      count(*)::text AS dispatched,
      count(*) FILTER (WHERE state IN ('dispatched', 'returned'))::text AS open,
      count(*) FILTER (WHERE state = 'returned')::text AS returned,
      count(*) FILTER (WHERE state = 'fedBack')::text AS fed_back,
      count(*) FILTER (WHERE state = 'verified')::text AS verified,
      count(*) FILTER (WHERE state = 'exempt')::text AS exempt,
      count(*) FILTER (WHERE state = 'cancelled')::text AS cancelled,
      count(*) FILTER (WHERE flags = 1)::text AS late,
      count(*) FILTER (WHERE flags = 2)::text AS withdrawn_late,
      count(*) FILTER (WHERE state IN ('dispatched', 'returned') AND due_at <= $1::timestamptz)::text AS overdue
    FROM ${from} ${keys.length ? `GROUP BY ${keys.map((_, n) => n + 1).join(', ')}` : ''}`;
  // Two aggregates in one statement (one snapshot of the table), summed by key here: the orders
  // unchanged since asOf straight from their rows (a plain GROUP BY the database may run in
  // parallel), and the few changed after it as they stood.
  const groups = await db.query<CountsRow>(
    `(${counted(`items WHERE ${where} AND last_at <= $1::timestamptz`)})
    UNION ALL
    (${counted(`(
      SELECT COALESCE(${one(`e.payload->>'officer'`, ` AND e.type = 'reassign' AND e.version > 1 AND e.version <= h.version`)}, ${one(`e.payload->'data'->>'officer'`, ' AND e.version = 1')}, i.officer) AS officer,
             i.station, i.unit_county, i.category, i.month, i.due_at, h.to_state AS state,
             CASE WHEN h.to_state IN ('fedBack', 'verified') AND ${one('e.at::timestamptz', ` AND e.type = 'feedback' AND e.version <= h.version`)} >= i.due_at THEN 1
                  WHEN h.to_state IN ('exempt', 'cancelled') AND h.at >= i.due_at THEN 2 ELSE 0 END AS flags
      FROM items i
      JOIN LATERAL (SELECT e.version, e.to_state, e.at::timestamptz AS at FROM events e
                    WHERE e.collection = i.collection AND e.item_id = i.id AND e.at::timestamptz <= $1::timestamptz
                    ORDER BY e.version DESC LIMIT 1) h ON true
      WHERE ${where} AND i.last_at > $1::timestamptz
    ) o`)})`,
    params,
  );
  // A group found by both aggregates (rare: only one with orders changed after asOf) is summed.
  const sums = new Map<string, Record<string, string | number | null>>();
  for (const r of groups as unknown as Record<string, string | null>[]) {
    const id = keys.length === 1 ? String(r.k0) : JSON.stringify(keys.map((_, n) => r[`k${n}`]));
    const sum = sums.get(id);
    if (!sum) sums.set(id, r);
    else for (const c of COUNTS) sum[c] = Number(sum[c]) + Number(r[c]);
  }
  const digits = { decimals: query.decimals };
  const names = keys.map((k) => k.name);
  const rows: RollupRow[] = [];
  const order: string[][] = [];
  for (const r of sums.values()) {
    if (!(Number(r.dispatched) > 0)) continue;
    const key = keys.map((_, n) => (r[`k${n}`] as string | null) ?? '');
    rows.push(countsOf(names, key, r as unknown as CountsRow, digits));
    order.push(key);
  }
  const at = rows.map((_, i) => i).sort((a, b) => compareKeys(order[a]!, order[b]!));
  const sorted = at.map((i) => rows[i]!);
  return { asOf: iso(asOf), ...(period ? { period: period.key } : {}), by: query.by, rows: sorted };
}

/** Code-unit order, key by key: how core's dictionaries order their groups. */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/**
 * A roll-up row from the SQL counts: core's formulas (module notes of core's task/rollup.ts). The
 * key's fields are set one by one, before the counts: spreading an `Object.fromEntries` into the
 * literal cost 100 µs a row on Node 20 (most of a 2,400-row station × month roll-up's time here).
 */
function countsOf(names: readonly string[], key: readonly string[], r: CountsRow, digits: { readonly decimals: number }): RollupRow {
  const n = (s: string) => Number(s);
  const dispatched = n(r.dispatched);
  const done = n(r.fed_back) + n(r.verified);
  const late = n(r.late);
  const withdrawnLate = n(r.withdrawn_late);
  const denominator = dispatched - n(r.exempt) - n(r.cancelled) + withdrawnLate;
  const row: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) row[names[i]!] = key[i];
  return Object.assign(row, {
    dispatched,
    open: n(r.open),
    returned: n(r.returned),
    fedBack: n(r.fed_back),
    verified: n(r.verified),
    done,
    onTime: done - late,
    late,
    overdue: n(r.overdue),
    exempt: n(r.exempt),
    cancelled: n(r.cancelled),
    withdrawnLate,
    denominator,
    rate: formatRate(done, denominator, digits),
    onTimeRate: formatRate(done - late, denominator, digits),
  }) as unknown as RollupRow;
}

/** A query string's error as the server answers it (400 `invalid_query`, naming the parameter). */
export function queryError(path: string, detail: string): HttpError {
  return new HttpError(400, 'invalid_query', { 'zh-CN': `查询参数不符合要求：${path} ${detail}`, en: `the query is not valid: ${path} ${detail}` }, path);
}
