// S14 Minors' legal education: police, procuratorate and judicial bureau run school sessions and
// a "Civil Code challenge" (民法典大闯关) prize quiz; results are reported per class.
import { describe, expect, test } from 'vitest';
import { createMemoryStore } from '@bihuan/core/store';
import { checkAnswer, createAttempt, quizStore, resultsByClass, scoreQuiz } from '@bihuan/core/quiz';
import { civilCodeQuiz } from '@bihuan/core/examples';

const quiz = civilCodeQuiz();
const right = Object.fromEntries(quiz.questions.map((q) => [q.id, q.answer]));
const wrong = (n: number) =>
  Object.fromEntries(quiz.questions.map((q, i) => [q.id, i < n ? q.choices.find((c) => c.id !== q.answer)!.id : q.answer]));

describe('S14 the Civil Code challenge at a school', () => {
  test('two classes take the quiz; results per class, exact rates', async () => {
    const store = createMemoryStore(quizStore);
    await store.put('quizzes', quiz);
    const attempts = [
      createAttempt(quiz, { id: 'T-1', className: '初二（1）班', answers: right, at: '2025-05-20T10:00:00+08:00' }),
      createAttempt(quiz, { id: 'T-2', className: '初二（1）班', answers: wrong(quiz.questions.length), at: '2025-05-20T10:05:00+08:00' }),
      createAttempt(quiz, { id: 'T-3', className: '初二（2）班', answers: wrong(1), at: '2025-05-20T10:10:00+08:00' }),
    ];
    await store.bulkPut('attempts', attempts);
    const results = resultsByClass((await store.all('attempts', { index: 'quiz', equals: quiz.id })).items, quiz.id);
    expect(results.map((r) => [r.className, r.attempts, r.passed, r.perfect, r.passRate])).toEqual([
      ['初二（1）班', 2, 1, 1, '50%'],
      ['初二（2）班', 1, 1, 0, '100%'],
    ]);
    const q = quiz.questions[0]!;
    expect(checkAnswer(q, q.answer)).toMatchObject({ right: true, answer: q.answer });
    expect(scoreQuiz(quiz, {})).toMatchObject({ correct: 0, answered: 0, passed: false });
  });

  test('out of rule: refused by name; an attempt listed twice is refused, not counted twice', async () => {
    const q = quiz.questions[0]!;
    expect(() => checkAnswer(q, 'z')).toThrow(/choiceId/);
    expect(() => scoreQuiz(quiz, { 'no-such-question': 'a' })).toThrow(/answers\.no-such-question/);
    expect(() => scoreQuiz(quiz, { [q.id]: '__proto__' })).toThrow(new RegExp(`answers\\.${q.id}`));
    const a = createAttempt(quiz, { id: 'T-1', className: '初二（1）班', answers: right, at: '2025-05-20T10:00:00+08:00' });
    expect(() => resultsByClass([a, a])).toThrow(/attempts\.1\.id .*twice/);
    expect(() => resultsByClass([{}] as never)).toThrow(/attempts\.0/);
    const store = createMemoryStore(quizStore);
    await store.put('attempts', a);
    const before = JSON.stringify(await store.dump());
    await expect(store.put('attempts', { ...a, correct: a.total + 1 })).rejects.toMatchObject({ code: 'invalid_record', details: { path: 'correct' } });
    expect(JSON.stringify(await store.dump())).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
