import * as z from '../schema/zod.js';
import { id, instant, personName, textOf } from '../schema/fields.js';

export const QuizChoiceSchema = z.object({ id, text: textOf(500) });
export type QuizChoice = z.output<typeof QuizChoiceSchema>;

/** One question: two to six choices, the right one, and why (read out after every answer). */
export const QuizQuestionSchema = z
  .object({
    id,
    /** A grouping such as neighbours, contracts, minors. */
    topic: z.optional(textOf(60)),
    prompt: textOf(1000),
    choices: z.array(QuizChoiceSchema).check(z.minLength(2), z.maxLength(6)),
    /** The id of the right choice. */
    answer: id,
    /** Why that choice is right, in plain words. */
    explanation: textOf(2000),
    /** The provision it rests on, e.g. 《民法典》第二百九十四条. */
    source: z.optional(textOf(200)),
  }).check(z.superRefine((q, ctx) => {
    const ids = q.choices.map((c) => c.id);
    ids.forEach((cid, i) => {
      if (ids.indexOf(cid) !== i) ctx.addIssue({ code: 'custom', path: ['choices', i, 'id'], message: `choice id ${cid} is used twice`, params: { 'zh-CN': `选项编号 ${cid} 重复`, en: `choice id ${cid} is used twice` } });
    });
    if (!ids.includes(q.answer)) ctx.addIssue({ code: 'custom', path: ['answer'], message: `must be the id of one of the choices (${ids.join(', ')})`, params: { 'zh-CN': `必须是某个选项的编号（${ids.join('、')}）`, en: `must be the id of one of the choices (${ids.join(', ')})` } });
  }));
export type QuizQuestion = z.output<typeof QuizQuestionSchema>;

/** A quiz such as the "Civil Code challenge" (民法典大闯关). */
export const QuizSchema = z
  .object({
    id,
    title: textOf(200),
    /** Example content shipped with the library: shown as such, never as legal advice. */
    example: z._default(z.boolean(), false),
    /** The share of right answers, in whole percent, that passes (default 60). */
    passPercent: z._default(z.int().check(z.gte(0), z.lte(100)), 60),
    questions: z.array(QuizQuestionSchema).check(z.minLength(1), z.maxLength(500)),
  }).check(z.superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id);
    ids.forEach((qid, i) => {
      if (ids.indexOf(qid) !== i) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question id ${qid} is used twice`, params: { 'zh-CN': `题目编号 ${qid} 重复`, en: `question id ${qid} is used twice` } });
    });
  }));
export type Quiz = z.output<typeof QuizSchema>;
export type QuizInput = z.input<typeof QuizSchema>;

/**
 * One pupil's finished attempt, scored when it was made. Pupils are children: the name is optional
 * and personal data; results are reported per class.
 */
export const QuizAttemptSchema = z
  .object({
    id,
    quizId: id,
    className: textOf(60),
    student: z.optional(personName),
    /** Question id → chosen choice id. */
    answers: z.record(z.string(), z.string()),
    correct: z.int().check(z.gte(0)),
    total: z.int().check(z.gte(1)),
    passed: z.boolean(),
    at: instant,
  }).check(z.refine((a) => a.correct <= a.total, { path: ['correct'], message: 'must not exceed total', params: { 'zh-CN': '不能超过总数', en: 'must not exceed total' } }));
export type QuizAttempt = z.output<typeof QuizAttemptSchema>;
