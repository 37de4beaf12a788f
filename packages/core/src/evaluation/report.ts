import * as z from '../schema/zod.js';
import type { Localized } from '../i18n/locale.js';
import { parseArgument } from '../schema/argument.js';
import { id, text } from '../schema/fields.js';


/** A concrete figure backing a claim: 化解 406 件, 95.53%, 23 个问题 … */
export const FigureSchema = z.object({ value: z.number(), unit: z._default(z.string().check(z.maxLength(20)), ''), label: z.optional(z.string().check(z.maxLength(120))) });
export type Figure = z.output<typeof FigureSchema>;

/**
 * One claim of a report — an achievement (讲绩) or a shortcoming (摆短) — with the concrete case
 * or figure behind it. Either may be absent here, so that a report can be stored and then be
 * refused by `checkReport` with the rule it breaks, rather than failing to parse.
 */
export const ClaimSchema = z.object({
  text,
  case: z.optional(text),
  figure: z.optional(FigureSchema),
});
export type Claim = z.output<typeof ClaimSchema>;

/** A leader's report on rule-of-law duties (述法报告), with what the evaluation committee records. */
export const LawReportSchema = z.object({
  id: id,
  /** The evaluation scheme it is scored under. */
  schemeId: id,
  unit: id,
  /** The reporting leader, in office (named in an official capacity, not as private data). */
  reporter: z.string().check(z.minLength(1), z.maxLength(60)),
  position: z._default(z.string().check(z.maxLength(60)), ''),
  /** The period reported on, e.g. `2025`. */
  period: z.string().check(z.minLength(1), z.maxLength(20)),
  achievements: z.array(ClaimSchema),
  shortcomings: z.array(ClaimSchema),
  /** The legal-literacy pre-test score (null: not taken yet). */
  preTest: z._default(z.nullable(z.number()), null),
  /** Veto items the committee found failed. */
  vetoed: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(120))), []),
  /** Bonus and penalty points the committee granted, by item id. */
  adjustments: z._default(z.record(z.string(), z.number().check(z.gte(0))), {}),
});
export type LawReportInput = z.input<typeof LawReportSchema>;
export type LawReport = z.output<typeof LawReportSchema>;

/** The rules a report must keep: the source's "double requirement" (双要求). */
export const REPORT_RULES = {
  achievements_required: { 'zh-CN': '双要求：必须讲绩，列出履职实绩', en: 'double requirement: the report must state achievements' },
  shortcomings_required: { 'zh-CN': '双要求：必须摆短，没有查摆问题的述法报告不合格', en: 'double requirement: a report with no shortcomings is not acceptable' },
  claim_needs_evidence: { 'zh-CN': '双要求：每一项成绩和问题都要有具体案例或数据', en: 'double requirement: every achievement and shortcoming needs a concrete case or figure' },
} as const satisfies Record<string, Localized>;
export type ReportRule = keyof typeof REPORT_RULES;

/** One reason a report is not acceptable: the rule, the field at fault, and a readable message. */
export interface ReportProblem {
  readonly rule: ReportRule;
  readonly field: string;
  readonly message: Localized;
}

export type ReportCheck = { readonly acceptable: true; readonly problems: readonly [] } | { readonly acceptable: false; readonly problems: readonly ReportProblem[] };

/**
 * The completeness check of a report (述法报告“双要求”): it must state achievements AND expose
 * shortcomings, each with a concrete case or figure. A report that breaks a rule is "not
 * acceptable" (a business refusal, returned as a value) with every rule it breaks, by field.
 * Input that is not a report at all throws `InvalidArgumentError` naming the field.
 */
export function checkReport(report: LawReportInput): ReportCheck {
  const r = parseArgument('checkReport', 'report', LawReportSchema, report);
  const problems: ReportProblem[] = [];
  const add = (rule: ReportRule, field: string, zh: string, en: string) =>
    problems.push({ rule, field, message: { 'zh-CN': `${REPORT_RULES[rule]['zh-CN']}（${zh}）`, en: `${REPORT_RULES[rule].en} (${en})` } });
  if (r.achievements.length === 0) add('achievements_required', 'achievements', '未列出任何成绩', 'no achievement is stated');
  if (r.shortcomings.length === 0) add('shortcomings_required', 'shortcomings', '未查摆任何问题', 'no shortcoming is exposed');
  for (const list of ['achievements', 'shortcomings'] as const) {
    r[list].forEach((claim, i) => {
      if (claim.case === undefined && claim.figure === undefined) {
        const what = list === 'achievements' ? ['成绩', 'achievement'] : ['问题', 'shortcoming'];
        add('claim_needs_evidence', `${list}[${i}]`, `第 ${i + 1} 项${what[0]}“${claim.text.slice(0, 30)}”没有案例或数据`, `${what[1]} ${i + 1} "${claim.text.slice(0, 30)}" has no case or figure`);
      }
    });
  }
  return problems.length === 0 ? { acceptable: true, problems: [] } : { acceptable: false, problems };
}
