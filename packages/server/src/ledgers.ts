import * as z from 'zod';
import { parseInstant, parsePeriod } from '@bihuan/core/calendar';
import type { Snapshot } from '@bihuan/core/loop';
import { DISPUTE_LOOP_ID, disputeLoop, ledgerSummaryOf, summarizeLedger, type DisputeItem, type DisputeState, type LedgerSummary } from '@bihuan/core/dispute';
import type { Queryable } from './database.js';
import { scopeClause, scopeParams, type Identity } from './auth.js';

/**
 * The dispute ledger (纠纷台账) in SQL: the disputes within the user's scope that match a filter,
 * a page of them, and the counts of all of them by core's `summarizeLedger` rules — accepted
 * (every record but duplicates merged into an original; a merge cycle counts as accepted),
 * resolved (settled), referred, written off, withdrawn, open, overdue at a moment.
 */

// Every state of the dispute loop, from its definition (a new state is counted without a change here).
const STATES = Object.keys(disputeLoop.states) as readonly DisputeState[];

/** `GET /ledgers/disputes?state=mediating,followUp&town=甲镇&period=2026-Q4&overdueAt=…&page=1&pageSize=50`. */
export const DisputeLedgerQuery = z
  .object({
    state: z
      .string()
      .max(200)
      .transform((s) => s.split(',').map((x) => x.trim()))
      .refine((list) => list.every((x) => (STATES as readonly string[]).includes(x)), { message: `states among ${STATES.join(', ')}` })
      .optional(),
    town: z.string().min(1).max(200).optional(),
    /** Disputes accepted within this period (the creation event's moment). */
    period: z.string().max(40).refine((s) => {
      try {
        parsePeriod(s);
        return true;
      } catch {
        return false;
      }
    }, { message: 'a period: 2026-W49, 2026-12, 2026-Q4, 2026 or 2026-12-01..2026-12-07' }).optional(),
    /** Count as overdue the disputes whose stage deadline has come at this moment. */
    overdueAt: z.string().max(40).refine((s) => !Number.isNaN(parseInstant(s)), { message: 'an instant with an offset, e.g. 2026-12-31T16:00:00Z' }).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type DisputeLedgerQuery = z.output<typeof DisputeLedgerQuery>;

export interface LedgerPage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** The page's disputes, newest accepted first (as stored: the caller masks them). */
  readonly items: { readonly id: string; readonly collection: string; readonly version: number; readonly snapshot: Snapshot }[];
  readonly summary: LedgerSummary;
}

/** The filter as SQL over `items`, parameters from $1. */
function filterOf(identity: Identity, q: DisputeLedgerQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [DISPUTE_LOOP_ID, ...scopeParams(identity.scope)];
  const parts = ['loop_id = $1', scopeClause(2)];
  if (q.state !== undefined) {
    params.push(q.state);
    parts.push(`state = ANY($${params.length}::text[])`);
  }
  if (q.town !== undefined) {
    params.push(q.town);
    parts.push(`area_town = $${params.length}`);
  }
  if (q.period !== undefined) {
    const p = parsePeriod(q.period);
    params.push(new Date(p.startMs).toISOString(), new Date(p.endMs).toISOString());
    parts.push(`opened_at >= $${params.length - 1}::timestamptz AND opened_at < $${params.length}::timestamptz`);
  }
  return { where: parts.join(' AND '), params };
}

/** A page of the ledger and its counts. */
export async function disputeLedger(db: Queryable, identity: Identity, q: DisputeLedgerQuery): Promise<LedgerPage> {
  const { where, params } = filterOf(identity, q);
  const at = params.length + 1;
  const overdueAt = q.overdueAt === undefined ? null : new Date(parseInstant(q.overdueAt)).toISOString();
  const counts = await db.query<{ state: string; n: string; resolved: string; referred: string; overdue: string }>(
    `SELECT state, count(*)::text AS n,
       count(*) FILTER (WHERE outcome = 'settled')::text AS resolved,
       count(*) FILTER (WHERE outcome = 'referred')::text AS referred,
       count(*) FILTER (WHERE $${at}::timestamptz IS NOT NULL AND deadline_at <= $${at}::timestamptz)::text AS overdue
     FROM items WHERE ${where} GROUP BY state`,
    [...params, overdueAt],
  );
  const byState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<DisputeState, number>;
  let resolved = 0;
  let referred = 0;
  let overdue = 0;
  for (const r of counts) {
    byState[r.state as DisputeState] = Number(r.n);
    if (r.state === 'merged') continue;
    resolved += Number(r.resolved);
    referred += Number(r.referred);
    overdue += Number(r.overdue);
  }
  // Merge cycles (A into B, B into A) are core's to find: only merged records can form one, and they are few.
  let lost = 0;
  if (byState.merged > 0) {
    const merged = await db.query<{ snapshot: DisputeItem }>(`SELECT snapshot FROM items WHERE ${where} AND state = 'merged'`, params);
    lost = byState.merged - summarizeLedger(merged.map((m) => m.snapshot)).merged;
  }
  const summary = ledgerSummaryOf({ byState, resolved, referred, overdue, mergedInCycles: lost });
  const rows = await db.query<{ id: string; collection: string; version: number; snapshot: Snapshot }>(
    `SELECT id, collection, version, snapshot FROM items WHERE ${where} ORDER BY opened_at DESC, id LIMIT $${at} OFFSET $${at + 1}`,
    [...params, q.pageSize, (q.page - 1) * q.pageSize],
  );
  return { total: Object.values(byState).reduce((a, b) => a + b, 0), page: q.page, pageSize: q.pageSize, items: rows, summary };
}
