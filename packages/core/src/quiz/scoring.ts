import * as z from '../schema/zod.js';
import { uniqueIds } from '../schema/unique.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { formatRate } from '../rate/rate.js';
import { parseArgument } from '../schema/argument.js';
import { type Quiz, type QuizAttempt, QuizAttemptSchema, type QuizInput, type QuizQuestion, QuizQuestionSchema, QuizSchema } from './schema.js';

export interface AnswerCheck {
  readonly right: boolean;
  /** The right choice's id. */
  readonly answer: string;
  readonly explanation: string;
  readonly source?: string;
}

function choiceOf(fn: string, argument: string, question: QuizQuestion, choiceId: unknown): string {
  if (typeof choiceId !== 'string' || !question.choices.some((c) => c.id === choiceId)) {
    throw new InvalidArgumentError(fn, argument, { 'zh-CN': `必须是第 ${question.id} 题的选项之一`, en: `must be one of the choices of question ${question.id}` }, choiceId);
  }
  return choiceId;
}

function check(question: QuizQuestion, chosen: string): AnswerCheck {
  const result = { right: chosen === question.answer, answer: question.answer, explanation: question.explanation };
  return question.source === undefined ? result : { ...result, source: question.source };
}

/** Whether a chosen answer is right, with the explanation to read out either way. */
export function checkAnswer(question: QuizQuestion, choiceId: string): AnswerCheck {
  const q = parseArgument('checkAnswer', 'question', QuizQuestionSchema, question);
  return check(q, choiceOf('checkAnswer', 'choiceId', q, choiceId));
}

export interface QuizScore {
  readonly correct: number;
  readonly answered: number;
  readonly total: number;
  /** `formatRate(correct, total)`: "87.5%". */
  readonly percent: string;
  /** At least `passPercent` of the questions answered right. */
  readonly passed: boolean;
  readonly questions: readonly (AnswerCheck & { readonly id: string; readonly chosen: string | null })[];
}

/** Scores answers (question id → choice id); an unanswered question counts as wrong. */
export function scoreQuiz(quiz: QuizInput, answers: Readonly<Record<string, string>>): QuizScore {
  const q = parseArgument('scoreQuiz', 'quiz', QuizSchema, quiz);
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    throw new InvalidArgumentError('scoreQuiz', 'answers', { 'zh-CN': '必须是 { 题号: 选项 } 对象', en: 'must be a { question id: choice id } object' }, answers);
  }
  const byId = new Map(q.questions.map((question) => [question.id, question]));
  for (const [qid, choice] of Object.entries(answers)) {
    const question = byId.get(qid);
    if (!question) throw new InvalidArgumentError('scoreQuiz', `answers.${qid}`, { 'zh-CN': '不是本测验的题目', en: 'is not a question of this quiz' }, qid);
    choiceOf('scoreQuiz', `answers.${qid}`, question, choice);
  }
  const questions = q.questions.map((question) => {
    const chosen = answers[question.id] ?? null;
    return { id: question.id, chosen, ...check(question, chosen ?? '') };
  });
  const correct = questions.filter((x) => x.right).length;
  const total = q.questions.length;
  return {
    correct,
    answered: questions.filter((x) => x.chosen !== null).length,
    total,
    percent: formatRate(correct, total),
    passed: correct * 100 >= q.passPercent * total,
    questions,
  };
}

export interface ClassResult {
  readonly className: string;
  readonly attempts: number;
  readonly passed: number;
  /** `formatRate(passed, attempts)`. */
  readonly passRate: string;
  /** All questions right (闯关成功). */
  readonly perfect: number;
  readonly correct: number;
  readonly total: number;
  /** Right answers of all answers: `formatRate(correct, total)`. */
  readonly accuracy: string;
}

// Each attempt counts once: an attempt listed twice is refused rather than counted twice.
let attemptsSchema: z.ZodType<QuizAttempt[]> | undefined;
const AttemptsSchema = () => (attemptsSchema ??= uniqueIds(QuizAttemptSchema) as unknown as z.ZodType<QuizAttempt[]>);

/** Results per class, in class-name order (zh-CN collation): attempts, passes, perfect runs, accuracy. */
export function resultsByClass(attempts: readonly QuizAttempt[], quizId?: string): ClassResult[] {
  const list = parseArgument('resultsByClass', 'attempts', AttemptsSchema(), attempts);
  if (quizId !== undefined && (typeof quizId !== 'string' || quizId === '')) {
    throw new InvalidArgumentError('resultsByClass', 'quizId', { 'zh-CN': '必须是非空字符串', en: 'must be a non-empty string' }, quizId);
  }
  const groups = new Map<string, { attempts: number; passed: number; perfect: number; correct: number; total: number }>();
  for (const a of list) {
    if (quizId !== undefined && a.quizId !== quizId) continue;
    let g = groups.get(a.className);
    if (!g) groups.set(a.className, (g = { attempts: 0, passed: 0, perfect: 0, correct: 0, total: 0 }));
    g.attempts++;
    if (a.passed) g.passed++;
    if (a.correct === a.total) g.perfect++;
    g.correct += a.correct;
    g.total += a.total;
  }
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...groups]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([className, g]) => ({ className, ...g, passRate: formatRate(g.passed, g.attempts), accuracy: formatRate(g.correct, g.total) }));
}

export interface NewAttempt {
  readonly id: string;
  readonly className: string;
  readonly student?: string;
  readonly answers: Readonly<Record<string, string>>;
  readonly at: string;
}

/** A finished attempt, scored, ready to store. */
export function createAttempt(quiz: Quiz | QuizInput, input: NewAttempt): QuizAttempt {
  if (input === null || typeof input !== 'object') throw new InvalidArgumentError('createAttempt', 'input', { 'zh-CN': '必须是对象', en: 'must be an object' }, input);
  const score = scoreQuiz(quiz, input.answers);
  const record = { ...input, quizId: (quiz as Quiz).id, correct: score.correct, total: score.total, passed: score.passed };
  return parseArgument('createAttempt', 'input', QuizAttemptSchema, record);
}

/** A quiz checked whole (every question has its answer among its choices): the quiz, or `InvalidArgumentError`. */
export function parseQuiz(input: QuizInput): Quiz {
  return parseArgument('parseQuiz', 'quiz', QuizSchema, input);
}
