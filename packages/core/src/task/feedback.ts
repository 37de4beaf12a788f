import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import type { DoneField, FeedbackValue } from './schema.js';

/** Why feedback was refused: the field (`values.visits`), the rule it breaks, and a message. */
export interface FeedbackRefusal {
  readonly field: string;
  readonly rule: 'values_object' | 'unknown_field' | 'required' | 'empty' | 'text' | 'count_integer' | 'count_min' | 'count_max' | 'evidence_refs' | 'evidence_duplicate' | 'evidence_min';
  readonly message: Localized;
}

export type FeedbackCheck = { readonly ok: true; readonly values: Readonly<Record<string, FeedbackValue>> } | { readonly ok: false; readonly reason: FeedbackRefusal };

const refuse = (field: string, rule: FeedbackRefusal['rule'], zh: string, en: string): FeedbackCheck => ({ ok: false, reason: { field, rule, message: { 'zh-CN': zh, en } } });

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !/\S/.test(v)) || (Array.isArray(v) && v.length === 0);

/** @internal Checks feedback values against the template's done fields (trusted to be valid). */
export function checkFeedback(fields: readonly DoneField[], values: unknown): FeedbackCheck {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return refuse('values', 'values_object', '反馈内容必须是按字段填写的对象', 'feedback values must be an object of fields');
  const given = values as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!fields.some((f) => f.id === key)) return refuse(`values.${key}`, 'unknown_field', `任务没有“${key}”这一反馈项`, `the task has no feedback field "${key}"`);
  }
  const out: Record<string, FeedbackValue> = {};
  for (const f of fields) {
    const v = given[f.id];
    const field = `values.${f.id}`;
    const zh = f.label['zh-CN'];
    const en = f.label.en;
    if (isBlank(v)) {
      if (f.required) return refuse(field, 'required', `必须填写“${zh}”`, `"${en}" is required`);
      continue;
    }
    switch (f.kind) {
      case 'note':
      case 'place':
        if (typeof v !== 'string' || !/\S/.test(v) || v.length > 2000) return refuse(field, 'text', `“${zh}”必须是不超过 2000 字的文字`, `"${en}" must be text of at most 2000 characters`);
        out[f.id] = v;
        break;
      case 'count':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return refuse(field, 'count_integer', `“${zh}”必须是不小于 0 的整数`, `"${en}" must be a whole number, not below 0`);
        if (f.min !== undefined && v < f.min) return refuse(field, 'count_min', `“${zh}”不能少于 ${f.min}`, `"${en}" must be at least ${f.min}`);
        if (f.max !== undefined && v > f.max) return refuse(field, 'count_max', `“${zh}”不能多于 ${f.max}`, `"${en}" must be at most ${f.max}`);
        out[f.id] = v;
        break;
      case 'evidence':
        if (!Array.isArray(v) || v.some((ref) => typeof ref !== 'string' || !/\S/.test(ref))) return refuse(field, 'evidence_refs', `“${zh}”必须是照片或文件的引用列表`, `"${en}" must be a list of photo or document references`);
        {
          // The same photo twice is one piece of evidence: a repeated reference never counts toward the minimum.
          const seen = new Set<string>();
          const twice = (v as string[]).find((ref) => seen.size === seen.add(ref.trim()).size);
          if (twice !== undefined) return refuse(field, 'evidence_duplicate', `“${zh}”中的“${twice.slice(0, 40)}”重复了：每份材料只算一次`, `"${en}" lists "${twice.slice(0, 40)}" twice: each piece of evidence counts once`);
        }
        if (v.length < f.minItems) return refuse(field, 'evidence_min', `“${zh}”至少需要 ${f.minItems} 项`, `"${en}" needs at least ${f.minItems}`);
        out[f.id] = (v as string[]).slice();
        break;
    }
  }
  if (Object.keys(out).length === 0) return refuse('values', 'empty', '反馈内容不能为空', 'the feedback says nothing');
  return { ok: true, values: out };
}

/**
 * Checks an officer's feedback against what the task asks (its template's done fields): a count
 * where a count is asked, evidence where evidence is required, no fields the task does not have.
 * A refusal is a value naming the field and the rule, in both languages.
 */
export function validateFeedback(template: { readonly done: readonly DoneField[] }, values: unknown): FeedbackCheck {
  if (template === null || typeof template !== 'object' || !Array.isArray(template.done) || template.done.length === 0) {
    throw new InvalidArgumentError('validateFeedback', 'template', { 'zh-CN': '必须是带有 done 字段列表的任务模板', en: 'must be a task template with its done fields' }, template);
  }
  return checkFeedback(template.done, values);
}
