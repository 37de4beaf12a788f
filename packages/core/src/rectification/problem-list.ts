import { InvalidArgumentError } from '../errors/errors.js';
import { compareFractions } from '../rate/fraction.js';
import { createItem } from '../loop/snapshot.js';
import type { Actor } from '../loop/types.js';
import { exact } from '../rate/exact.js';
import { parseArgument } from '../schema/argument.js';
import { type LawReport, LawReportSchema } from '../evaluation/report.js';
import type { ScoredEvaluation } from '../evaluation/scoring.js';
import { type RectificationItem, type RectificationRole, rectificationLoop } from './definition.js';
import { FIX_AT_ONCE_DAYS, type Finding, FindingSchema, type FindingInput, RectificationSchema } from './schema.js';
import { chinaDay, formatDate, parseDate, parseInstant } from '../calendar/instant.js';

export interface FindingsOptions {
  /** The report's scored evaluation, to list dimensions scored low. */
  readonly result?: ScoredEvaluation;
  /** A dimension earning less than this share of its points (0–1, e.g. 0.6) becomes a finding. */
  readonly below?: number;
}

/**
 * The findings of an evaluation: every shortcoming the report exposed (摆短), and — as an option —
 * every dimension whose score earned less than `below` of its points. Each opens a rectification
 * item ("evaluation is not the end but the start of rectification").
 */
export function findingsOf(report: LawReport, options: FindingsOptions = {}): Finding[] {
  const parsedReport = parseArgument('findingsOf', 'report', LawReportSchema, report);
  const { result, below } = options ?? {};
  if (below !== undefined && (typeof below !== 'number' || !(below > 0 && below <= 1))) {
    throw new InvalidArgumentError('findingsOf', 'options.below', { 'zh-CN': '必须是 0 到 1 之间的得分比例（如 0.6）', en: 'must be a share of the points from 0 to 1 (e.g. 0.6)' }, below);
  }
  if (below !== undefined && (!result || result.ok !== true)) {
    throw new InvalidArgumentError('findingsOf', 'options.result', { 'zh-CN': '按得分列问题时必须给出计分结果', en: 'must be a scored evaluation when `below` is given' }, result);
  }
  const data = parsedReport;
  const findings: Finding[] = data.shortcomings.map((s, i) => ({ title: s.text, source: 'shortcoming', reportId: data.id, ref: `shortcomings[${i}]` }));
  if (below !== undefined && result) {
    const threshold = exact(below);
    for (const line of result.breakdown) {
      if (compareFractions(line.share, threshold) < 0) {
        findings.push({ title: `${line.label['zh-CN']}得分偏低`, source: 'dimension', reportId: data.id, ref: line.dimension });
      }
    }
  }
  return findings;
}

export interface OpenRectificationsInput {
  readonly findings: readonly FindingInput[];
  readonly unit: string;
  readonly owner: string;
  /** Due date (YYYY-MM-DD), the same for every item opened now. */
  readonly deadline: string;
  readonly actor: Actor<RectificationRole>;
  readonly at: string;
  /** Item ids are `${idPrefix}-1`, `${idPrefix}-2` … */
  readonly idPrefix: string;
  /** Days after listing within which 立行立改 still counts as fixed at once (`FIX_AT_ONCE_DAYS` by default). */
  readonly fixAtOnceDays?: number;
}

/** The latest deadline a problem list may set: this many days after the items are opened (three years). */
export const RECTIFICATION_MAX_DEADLINE_DAYS = 1096;

/**
 * Puts findings on the problem list (问题清单): one rectification item each, open, to be fixed at
 * once (立行立改) or entered in the rectification ledger with measures. The deadline is not before
 * the day the items are opened (China time; rule `deadline_after_creation`) and at most
 * `RECTIFICATION_MAX_DEADLINE_DAYS` after it: refused with `InvalidArgumentError` on `input.deadline`.
 */
export function openRectifications(input: OpenRectificationsInput): RectificationItem[] {
  if (!input || typeof input !== 'object') throw new InvalidArgumentError('openRectifications', 'input', { 'zh-CN': '必须是对象', en: 'must be an object' }, input);
  if (!Array.isArray(input.findings)) throw new InvalidArgumentError('openRectifications', 'input.findings', { 'zh-CN': '必须是问题数组', en: 'must be an array of findings' }, input.findings);
  if (typeof input.idPrefix !== 'string' || input.idPrefix.length === 0) throw new InvalidArgumentError('openRectifications', 'input.idPrefix', { 'zh-CN': '必须是非空字符串', en: 'must be a non-empty string' }, input.idPrefix);
  checkDeadline(input.deadline, input.at);
  const fixAtOnceDays = input.fixAtOnceDays ?? FIX_AT_ONCE_DAYS;
  return input.findings.map((finding, i) => {
    const f = parseArgument('openRectifications', `input.findings[${i}]`, FindingSchema, finding);
    const data = parseArgument('openRectifications', 'input', RectificationSchema, { ...f, unit: input.unit, owner: input.owner, deadline: input.deadline, fixAtOnceDays });
    return createItem(rectificationLoop, { id: `${input.idPrefix}-${i + 1}`, data, actor: input.actor, at: input.at });
  });
}

// Rule deadline_after_creation: a deadline from the day the items are opened to three years on.
function checkDeadline(deadline: unknown, at: unknown): void {
  const atMs = typeof at === 'string' ? parseInstant(at) : Number.NaN;
  const due = typeof deadline === 'string' ? parseDate(deadline) : Number.NaN;
  if (Number.isNaN(atMs) || Number.isNaN(due)) return; // malformed: the schema or the engine names it
  const day = chinaDay(atMs);
  if (due < day || due > day + RECTIFICATION_MAX_DEADLINE_DAYS) {
    throw new InvalidArgumentError(
      'openRectifications',
      'input.deadline',
      {
        'zh-CN': `必须在立项日 ${formatDate(day)} 至 ${formatDate(day + RECTIFICATION_MAX_DEADLINE_DAYS)} 之间（deadline_after_creation：整改期限不能早于立项）`,
        en: `must fall from the day the items are opened (${formatDate(day)}) to ${formatDate(day + RECTIFICATION_MAX_DEADLINE_DAYS)} (deadline_after_creation: a deadline cannot precede its creation)`,
      },
      deadline,
    );
  }
}
