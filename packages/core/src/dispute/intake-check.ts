import type * as z from '../schema/zod.js';
import { issueText } from '../schema/issues.js';
import type { Localized } from '../i18n/locale.js';
import { type DisputeIntake, DisputeIntakeSchema } from './schema.js';

/** One problem with an intake form: the field's dotted path (`parties.0.phone`) and why, in every locale. */
export interface IntakeIssue {
  readonly path: string;
  readonly message: Localized;
}

export type IntakeValidation = { readonly ok: true; readonly intake: z.output<typeof DisputeIntakeSchema> } | { readonly ok: false; readonly issues: readonly IntakeIssue[] };

const REQUIRED: Localized = { 'zh-CN': '此项必填', en: 'This field is required' };
const CHOOSE: Localized = { 'zh-CN': '请从选项中选择', en: 'Choose one of the options' };

// The rules written in schema.ts, by the field they apply to, as a person reads them.
const FORMATS: Readonly<Record<string, Localized>> = {
  phone: { 'zh-CN': '请填写有效的电话号码（5 至 20 位数字，可含空格或短横线）', en: 'Enter a valid phone number (5 to 20 digits; spaces and dashes allowed)' },
  idNumber: { 'zh-CN': '请填写 18 位居民身份证号码（末位可为 X）', en: 'Enter an 18-character resident ID number (the last may be X)' },
  hotline: { 'zh-CN': '请填写 12345 工单号（可有至多 6 位大写字母前缀，后接 8 至 20 位数字）', en: 'Enter the 12345 item number (an optional prefix of up to 6 capitals, then 8 to 20 digits)' },
};
const BLANK: Localized = { 'zh-CN': '不能只填空白字符', en: 'Must not be blank' };

// The cross-field rules of DisputeIntakeSchema, by the message the schema gives them.
const RULES: Readonly<Record<string, Localized>> = {
  'party ids must be unique': { 'zh-CN': '当事人编号不能重复', en: 'Party ids must be unique' },
  'needs an applicant': { 'zh-CN': '至少需要一名申请人', en: 'At least one applicant is needed' },
  'a grid report names its grid worker; a walk-in has none': {
    'zh-CN': '网格上报须填写上报的网格员；来访登记不填网格员',
    en: 'A grid report names its grid worker; a walk-in has none',
  },
};

function localize(issue: z.$ZodIssue, intake: unknown): Localized {
  const field = String(issue.path[issue.path.length - 1] ?? '');
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? REQUIRED : sentence(issueText(issue, intake));
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return REQUIRED;
      if (issue.origin === 'array') return { 'zh-CN': `至少需要 ${String(issue.minimum)} 项`, en: `Needs at least ${String(issue.minimum)}` };
      return { 'zh-CN': `至少 ${String(issue.minimum)} 个字符`, en: `At least ${String(issue.minimum)} characters` };
    case 'too_big':
      return { 'zh-CN': `不能超过 ${String(issue.maximum)} 个字符`, en: `At most ${String(issue.maximum)} characters` };
    case 'invalid_format':
      return (Object.hasOwn(FORMATS, field) ? FORMATS[field] : undefined) ?? (issue.message === 'must not be blank' ? BLANK : sentence(issueText(issue, intake)));
    case 'invalid_value':
      return CHOOSE;
    default:
      return (Object.hasOwn(RULES, issue.message) ? RULES[issue.message] : undefined) ?? sentence(issueText(issue, intake));
  }
}

// The kernel's words for a rule ("must be a string, not 5") as a form shows them: a sentence.
function sentence(text: Localized): Localized {
  return { 'zh-CN': text['zh-CN'], en: text.en.charAt(0).toUpperCase() + text.en.slice(1) };
}

/**
 * Checks an intake form against `DisputeIntakeSchema` and returns every problem, each with its
 * field's path and a message in every locale — what a form shows beside the field and in its
 * error summary. (Cross-field rules — an applicant, unique parties, the grid worker — are checked
 * once the fields themselves are valid.)
 */
export function checkIntake(intake: unknown): IntakeValidation {
  const parsed = DisputeIntakeSchema.safeParse(intake);
  if (parsed.success) return { ok: true, intake: parsed.data };
  const seen = new Set<string>();
  const issues: IntakeIssue[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue; // one message per field: the first rule it breaks
    seen.add(path);
    issues.push({ path, message: localize(issue, intake) });
  }
  return { ok: false, issues };
}

export type { DisputeIntake };
