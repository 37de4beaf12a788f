import * as z from '../schema/zod.js';
import { uniqueIds } from '../schema/unique.js';
import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { formatRate } from '../rate/rate.js';
import { parseArgument } from '../schema/argument.js';
import { JOB_KIND_LABELS } from './labels.js';
import {
  type EmploymentIntention,
  EmploymentIntentionSchema,
  type EmploymentIntentionInput,
  JOB_KINDS,
  type JobFairFirm,
  JobFairFirmSchema,
  type JobKind,
  type JobOpening,
  JobOpeningSchema,
  type JobOpeningInput,
} from './schema.js';

/** One reason a match is made — or, in `missing`, one reason it is not. */
export interface MatchReason {
  readonly code: 'kind' | 'pay' | 'skill' | 'certificate' | 'location';
  readonly message: Localized;
}

export interface MatchExplanation {
  /** Every condition is met: the kind is wanted, the pay reaches the expectation, skills and certificates are held. */
  readonly matched: boolean;
  readonly reasons: readonly MatchReason[];
  readonly missing: readonly MatchReason[];
}

export interface JobMatch {
  readonly opening: JobOpening;
  readonly reasons: readonly MatchReason[];
}

const norm = (s: string) => s.trim().toLowerCase();
const reason = (code: MatchReason['code'], zh: string, en: string): MatchReason => ({ code, message: { 'zh-CN': zh, en } });

function explain(intention: EmploymentIntention, opening: JobOpening): MatchExplanation {
  const reasons: MatchReason[] = [];
  const missing: MatchReason[] = [];
  const kind = JOB_KIND_LABELS[opening.kind];
  if (intention.kinds.includes(opening.kind)) reasons.push(reason('kind', `意向工种：${kind['zh-CN']}`, `wants ${kind.en}`));
  else missing.push(reason('kind', `不在意向工种之内：${kind['zh-CN']}`, `${kind.en} is not among the kinds wanted`));
  const pay = `${opening.pay.min}–${opening.pay.max}`;
  if (opening.pay.max >= intention.expectedPay) {
    reasons.push(reason('pay', `月薪 ${pay} 元，可达期望的 ${intention.expectedPay} 元`, `pay ${pay} yuan a month reaches the expected ${intention.expectedPay}`));
  } else {
    missing.push(reason('pay', `月薪最高 ${opening.pay.max} 元，低于期望的 ${intention.expectedPay} 元`, `pay of at most ${opening.pay.max} yuan is below the expected ${intention.expectedPay}`));
  }
  for (const [code, required, held, zh, en] of [
    ['skill', opening.conditions.skills, intention.skills, '技能', 'skill'],
    ['certificate', opening.conditions.certificates, intention.certificates, '证书', 'certificate'],
  ] as const) {
    const have = new Set(held.map(norm));
    for (const name of required) {
      if (have.has(norm(name))) reasons.push(reason(code, `具备所需${zh}：${name}`, `has the required ${en}: ${name}`));
      else missing.push(reason(code, `缺少所需${zh}：${name}`, `lacks the required ${en}: ${name}`));
    }
  }
  if (opening.location && intention.preferredLocation && norm(opening.location) === norm(intention.preferredLocation)) {
    reasons.push(reason('location', `工作地点符合意向：${opening.location}`, `in the preferred place: ${opening.location}`));
  }
  return { matched: missing.length === 0, reasons, missing };
}

/** Why an opening suits an intention form, or what it lacks: kind, pay, skills, certificates, place. */
export function explainMatch(intention: EmploymentIntentionInput, opening: JobOpeningInput): MatchExplanation {
  return explain(
    parseArgument('explainMatch', 'intention', EmploymentIntentionSchema, intention),
    parseArgument('explainMatch', 'opening', JobOpeningSchema, opening),
  );
}

const OpeningsSchema = z.array(JobOpeningSchema);

/**
 * The openings that suit an intention form, each with the reasons the match is made; the
 * best-fitting first (more reasons, then higher pay).
 */
export function matchIntention(intention: EmploymentIntentionInput, openings: readonly JobOpeningInput[]): JobMatch[] {
  const form = parseArgument('matchIntention', 'intention', EmploymentIntentionSchema, intention);
  const list = parseArgument('matchIntention', 'openings', OpeningsSchema, openings);
  const matches: JobMatch[] = [];
  for (const opening of list) {
    const e = explain(form, opening);
    if (e.matched) matches.push({ opening, reasons: e.reasons });
  }
  return matches.sort((a, b) => b.reasons.length - a.reasons.length || b.opening.pay.max - a.opening.pay.max || (a.opening.id < b.opening.id ? -1 : 1));
}

export interface KindCount {
  readonly openings: number;
  readonly jobs: number;
  /** Forms that want this kind. */
  readonly forms: number;
}

export interface JobFairSummary {
  /** Firms at the fair (the source: 19). */
  readonly firms: number;
  readonly openings: number;
  /** Places: the openings' counts summed (the source: 800+). */
  readonly jobs: number;
  /** Employment-intention forms filled in. */
  readonly forms: number;
  /** Forms with at least one suitable opening. */
  readonly formsMatched: number;
  /** `formatRate(formsMatched, forms)`. */
  readonly matchedShare: string;
  readonly byKind: Readonly<Record<JobKind, KindCount>>;
}

export interface JobFairRecords {
  readonly firms: readonly JobFairFirm[];
  readonly openings: readonly JobOpeningInput[];
  readonly intentions: readonly EmploymentIntentionInput[];
}

// Each firm, opening and form counts once: one listed twice is refused (not counted twice).
let recordsSchema: z.ZodType | undefined;
const RecordsSchema = () =>
  (recordsSchema ??= z.object({
    firms: uniqueIds(JobFairFirmSchema),
    openings: uniqueIds(JobOpeningSchema),
    intentions: uniqueIds(EmploymentIntentionSchema),
  }));

/** Counts of a fair: firms, openings, jobs, forms, and how many forms found a suitable job. */
export function jobFairSummary(records: JobFairRecords): JobFairSummary {
  const r = parseArgument('jobFairSummary', 'records', RecordsSchema(), records) as { firms: JobFairFirm[]; openings: JobOpening[]; intentions: EmploymentIntention[] };
  const firmIds = new Set(r.firms.map((f) => f.id));
  r.openings.forEach((o, i) => {
    if (!firmIds.has(o.firmId)) {
      throw new InvalidArgumentError('jobFairSummary', `records.openings[${i}].firmId`, { 'zh-CN': '必须是参会企业之一', en: 'must be one of the firms at the fair' }, o.firmId);
    }
  });
  const byKind = Object.fromEntries(JOB_KINDS.map((k) => [k, { openings: 0, jobs: 0, forms: 0 }])) as Record<JobKind, { openings: number; jobs: number; forms: number }>;
  let jobs = 0;
  for (const o of r.openings) {
    jobs += o.count;
    byKind[o.kind].openings++;
    byKind[o.kind].jobs += o.count;
  }
  let formsMatched = 0;
  for (const form of r.intentions) {
    for (const k of form.kinds) byKind[k].forms++;
    if (r.openings.some((o) => explain(form, o).matched)) formsMatched++;
  }
  return {
    firms: r.firms.length,
    openings: r.openings.length,
    jobs,
    forms: r.intentions.length,
    formsMatched,
    matchedShare: formatRate(formsMatched, r.intentions.length),
    byKind,
  };
}

/** An employment-intention form as filled in, checked: the form, or `InvalidArgumentError` naming the field. */
export function intentionForm(input: EmploymentIntentionInput): EmploymentIntention {
  return parseArgument('intentionForm', 'intention', EmploymentIntentionSchema, input);
}
