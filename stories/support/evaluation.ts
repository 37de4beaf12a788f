// Seed data for the evaluation, rectification and reception-day widgets' stories and tests:
// memory stores only — stories never touch the reader's IndexedDB.
import {
  type EvaluationSchemeInput,
  type EvaluationStore,
  type LawReportInput,
  type ReceptionItem,
  type RectificationItem,
  type RectificationStore,
  type ReceptionStore,
  SIX_DIMENSIONS,
  createMemoryStore,
  evaluationStoreSpec,
  receptionStoreSpec,
  rectificationStoreSpec,
} from '@bihuan/core';
import { exampleLawReport, exampleReceptionDay, exampleRectificationItems } from '@bihuan/core/examples';

/** The moment stories are judged at. */
export const NOW = '2026-03-02T09:00:00+08:00';

export const REPORT: LawReportInput = exampleLawReport();

const at = '2026-01-10T10:00:00+08:00';
const sheet = (assessor: string, n: number) => ({ reportId: REPORT.id, assessor, scores: { achievements: n, shortcomings: n - 5, performance: n, rectification: n - 10, accountability: n - 5 }, submittedAt: at });

/** A store with the preset scheme, the report, and sheets of the given assessors' scores. */
export function evaluationStore(options: { report?: LawReportInput | null; scheme?: EvaluationSchemeInput; sheets?: readonly [string, number][] } = {}): EvaluationStore {
  const store = createMemoryStore(evaluationStoreSpec);
  const report = options.report === undefined ? REPORT : options.report;
  void (async () => {
    await store.put('schemes', options.scheme ?? SIX_DIMENSIONS);
    if (report) await store.put('reports', report);
    if (report && options.sheets?.length) await store.bulkPut('sheets', options.sheets.map(([a, n]) => ({ ...sheet(a, n), reportId: report.id })));
  })();
  return store;
}

/** Ten assessors on a 1–5 scheme with "cannot judge": the large card. */
export const FIVE_LEVEL_SCHEME: EvaluationSchemeInput = {
  ...SIX_DIMENSIONS,
  id: 'five-levels',
  label: { 'zh-CN': '五级评议', en: 'Five-level evaluation' },
  dimensions: SIX_DIMENSIONS.dimensions.map((d) => (d.source === 'preTest' ? d : { ...d, scale: { min: 1, max: 5, step: 1, cannotJudge: true } })),
  // Quick votes: each assessor's card stands on its own (no panel minimum).
  panel: { minAssessors: 1 },
};

/** A scheme whose weights sum to 0.95: refused with a readable reason. */
export const INVALID_SCHEME: EvaluationSchemeInput = { ...SIX_DIMENSIONS, dimensions: SIX_DIMENSIONS.dimensions.map((d) => (d.id === 'accountability' ? { ...d, weight: 0.1 } : d)) };

/** Rectification items across the loop; `overdue` of them past their deadline at `NOW`. */
export const rectificationItems = exampleRectificationItems;

export function rectificationStore(items: readonly RectificationItem[]): RectificationStore {
  const store = createMemoryStore(rectificationStoreSpec);
  if (items.length) void store.bulkPut('items', items as never);
  return store;
}

/** The source's reception day: 9 firms, `count` issues (23), `closed` of them written off (6). */
export const receptionItems = exampleReceptionDay;

export function receptionStore(items: readonly ReceptionItem[]): ReceptionStore {
  const store = createMemoryStore(receptionStoreSpec);
  if (items.length) void store.bulkPut('issues', items as never);
  return store;
}

/**
 * Reception days held on the given dates (`YYYY-MM-DD`), each with `[count, closed]` issues as in
 * `exampleReceptionDay`, their ids made unique by the day (`JD-2026-02-16-001`): the issues of
 * several days, for the period switch.
 */
export function receptionDays(days: readonly (readonly [date: string, count: number, closed: number])[]): ReceptionItem[] {
  return days.flatMap(([date, count, closed]) => {
    // exampleReceptionDay holds its day three weeks before `now`.
    const now = new Date(Date.parse(`${date}T12:00:00+08:00`) + 21 * 86_400_000).toISOString();
    return exampleReceptionDay(count, closed, { now }).map((item) => {
      const id = item.id.replace('JD-', `JD-${date}-`);
      // The creation event carries the item's id too.
      const [created, ...rest] = item.history;
      return { ...item, id, history: [{ ...created!, payload: { ...(created!.payload as object), id } }, ...rest] } as ReceptionItem;
    });
  });
}

/** Three reception days: February 2025, late January 2026 (its issues handled into February) and February 2026. */
export const receptionSeason = (): ReceptionItem[] => receptionDays([['2025-02-17', 18, 9], ['2026-01-26', 23, 8], ['2026-02-16', 15, 5]]);

/** A year of monthly reception days, March 2025 to February 2026: 276 issues. */
export const receptionYear = (): ReceptionItem[] =>
  receptionDays(Array.from({ length: 12 }, (_, m) => {
    const month = new Date(Date.UTC(2025, 2 + m, 1)).toISOString().slice(0, 7);
    return [`${month}-16`, 23, 6 + ((m * 5) % 12)] as const;
  }));
