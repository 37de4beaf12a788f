import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { compareFractions } from '../rate/fraction.js';
import { createItem } from '../loop/snapshot.js';
import type { Actor } from '../loop/types.js';
import { exact } from '../rate/exact.js';
import { parseArgument } from '../schema/argument.js';
import { type LawReport, LawReportSchema } from '../evaluation/report.js';
import type { ScoredEvaluation } from '../evaluation/scoring.js';
import { type RectificationItem, type RectificationRole, rectificationLoop } from './definition.js';
import { type Finding, FindingSchema, type FindingInput, RectificationSchema } from './schema.js';

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
}

/**
 * Puts findings on the problem list (问题清单): one rectification item each, open, to be fixed at
 * once (立行立改) or entered in the rectification ledger with measures.
 */
export function openRectifications(input: OpenRectificationsInput): RectificationItem[] {
  if (!input || typeof input !== 'object') throw new InvalidArgumentError('openRectifications', 'input', { 'zh-CN': '必须是对象', en: 'must be an object' }, input);
  if (!Array.isArray(input.findings)) throw new InvalidArgumentError('openRectifications', 'input.findings', { 'zh-CN': '必须是问题数组', en: 'must be an array of findings' }, input.findings);
  if (typeof input.idPrefix !== 'string' || input.idPrefix.length === 0) throw new InvalidArgumentError('openRectifications', 'input.idPrefix', { 'zh-CN': '必须是非空字符串', en: 'must be a non-empty string' }, input.idPrefix);
  return input.findings.map((finding, i) => {
    const f = parseArgument('openRectifications', `input.findings[${i}]`, FindingSchema, finding);
    const data = parseArgument('openRectifications', 'input', RectificationSchema, { ...f, unit: input.unit, owner: input.owner, deadline: input.deadline });
    return createItem(rectificationLoop, { id: `${input.idPrefix}-${i + 1}`, data, actor: input.actor, at: input.at });
  });
}
