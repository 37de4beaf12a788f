import { describe, expect, test } from 'vitest';
import {
  checkAnswer,
  createAttempt,
  createMemoryStore,
  InvalidArgumentError,
  QuizSchema,
  quizStore,
  resultsByClass,
  scoreQuiz,
} from '@bihuan/core';
import { civilCodeQuiz } from '@bihuan/core/examples';

describe('the Civil Code challenge (example quiz)', () => {
  test('is marked as example content, valid, and the same questions in both languages', () => {
    const zh = civilCodeQuiz();
    const en = civilCodeQuiz('en');
    expect(zh.example).toBe(true);
    expect(zh.title).toContain('示例');
    expect(QuizSchema.parse(zh)).toEqual(zh);
    expect(QuizSchema.parse(en)).toEqual(en);
    expect(en.questions.map((q) => [q.id, q.answer])).toEqual(zh.questions.map((q) => [q.id, q.answer]));
    expect(new Set(zh.questions.map((q) => q.topic))).toEqual(new Set(['相邻关系', '合同', '未成年人保护']));
    for (const q of zh.questions) expect(q.source).toMatch(/^《民法典》第/);
    expect(() => civilCodeQuiz('fr' as never)).toThrow(InvalidArgumentError);
  });

  test('an answer is checked with its explanation, right or wrong', () => {
    const q = civilCodeQuiz().questions.find((x) => x.id === 'minor-age')!;
    expect(checkAnswer(q, 'b')).toMatchObject({ right: true, answer: 'b', source: '《民法典》第十七条' });
    const wrong = checkAnswer(q, 'a');
    expect(wrong.right).toBe(false);
    expect(wrong.explanation).toContain('十八周岁以上的自然人为成年人');
    expect(() => checkAnswer(q, 'z')).toThrow(/choiceId/);
  });

  test('a score: unanswered counts as wrong; passing at 60%', () => {
    const quiz = civilCodeQuiz();
    const all = Object.fromEntries(quiz.questions.map((q) => [q.id, q.answer]));
    expect(scoreQuiz(quiz, all)).toMatchObject({ correct: 8, total: 8, percent: '100%', passed: true });
    const five = Object.fromEntries(quiz.questions.slice(0, 5).map((q) => [q.id, q.answer]));
    expect(scoreQuiz(quiz, five)).toMatchObject({ correct: 5, answered: 5, percent: '62.5%', passed: true });
    const four = Object.fromEntries(quiz.questions.slice(0, 4).map((q) => [q.id, q.answer]));
    expect(scoreQuiz(quiz, four)).toMatchObject({ correct: 4, percent: '50%', passed: false });
  });

  test('bad quizzes and answers are refused naming the argument', () => {
    const quiz = civilCodeQuiz();
    expect(() => scoreQuiz(quiz, { nope: 'a' })).toThrow(/answers\.nope/);
    expect(() => scoreQuiz(quiz, { 'minor-age': 'x' })).toThrow(/answers\.minor-age/);
    expect(() => scoreQuiz(quiz, null as never)).toThrow(InvalidArgumentError);
    const bad = { ...quiz, questions: [{ ...quiz.questions[0]!, answer: 'd' }] };
    expect(() => scoreQuiz(bad, {})).toThrow(/quiz\.questions\.0\.answer/);
    const twice = { ...quiz, questions: [quiz.questions[0]!, quiz.questions[0]!] };
    expect(() => scoreQuiz(twice, {})).toThrow(/quiz\.questions\.1\.id/);
    expect(() => resultsByClass([{}] as never)).toThrow(/attempts\.0/);
  });

  test('results per class, from stored attempts', async () => {
    const quiz = civilCodeQuiz();
    const right = Object.fromEntries(quiz.questions.map((q) => [q.id, q.answer]));
    const store = createMemoryStore(quizStore);
    const attempts = [
      createAttempt(quiz, { id: 't1', className: '四年级（2）班', answers: right, at: '2026-04-02T10:00:00+08:00' }),
      createAttempt(quiz, { id: 't2', className: '四年级（2）班', answers: { 'minor-age': 'b' }, at: '2026-04-02T10:05:00+08:00' }),
      createAttempt(quiz, { id: 't3', className: '四年级（10）班', answers: right, at: '2026-04-02T10:06:00+08:00' }),
    ];
    await store.bulkPut('attempts', attempts);
    const results = resultsByClass((await store.all('attempts')).items, quiz.id);
    expect(results).toEqual([
      { className: '四年级（2）班', attempts: 2, passed: 1, perfect: 1, correct: 9, total: 16, passRate: '50%', accuracy: '56.25%' },
      { className: '四年级（10）班', attempts: 1, passed: 1, perfect: 1, correct: 8, total: 8, passRate: '100%', accuracy: '100%' },
    ]);
    expect(resultsByClass(attempts, 'other')).toEqual([]);
    expect(() => createAttempt(quiz, { id: 't4', className: '', answers: {}, at: '2026-04-02T10:00:00+08:00' })).toThrow(/input\.className/);
  });
});

describe('results count each attempt once', () => {
  test('an attempt listed twice is refused naming it, not counted twice', () => {
    const quiz = civilCodeQuiz();
    const a = createAttempt(quiz, { id: 'T-1', className: '初一（3）班', answers: {}, at: '2025-05-20T10:00:00+08:00' });
    expect(resultsByClass([a])[0]).toMatchObject({ attempts: 1 });
    expect(() => resultsByClass([a, { ...a }])).toThrow(/attempts\.1\.id .*twice/);
  });
});
