import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { createAttempt, createMemoryStore, type QuizInput, quizStore, type Store } from '@bihuan/core';
import { civilCodeQuiz } from '@bihuan/core/examples';
import '@bihuan/widgets/law-quiz';

interface Args {
  view: 'play' | 'results';
  classes: number;
  classroom?: string;
  quiz?: QuizInput;
  lang?: string;
}

/** A store with `classes` classes of pupils' attempts at the example quiz. */
function seeded(classes: number): Store {
  const store = createMemoryStore(quizStore);
  const quiz = civilCodeQuiz();
  const attempts = Array.from({ length: classes * 30 }, (_, i) => {
    const right = (i * 7) % 9; // 0..8 right answers
    const answers = Object.fromEntries(quiz.questions.map((q, j) => [q.id, j < right ? q.answer : q.choices.find((c) => c.id !== q.answer)!.id]));
    return createAttempt(quiz, { id: `A-${i}`, className: `${['三', '四', '五', '六'][i % 4]}年级（${(Math.floor(i / 4) % Math.ceil(classes / 4 || 1)) + 1}）班`, answers, at: '2026-04-02T10:00:00+08:00' });
  });
  void store.bulkPut('attempts', attempts);
  return store as unknown as Store;
}

const broken: QuizInput = { id: 'broken', title: '答案不在选项中的题目', questions: [{ id: 'q1', prompt: '1 + 1 = ?', choices: [{ id: 'a', text: '2' }, { id: 'b', text: '3' }], answer: 'c', explanation: '—' }] };

const meta: Meta<Args> = {
  title: 'Widgets/Law quiz 民法典大闯关',
  component: 'bh-law-quiz',
  render: (a) => html`<bh-law-quiz lang=${a.lang ?? nothing} view=${a.view} classroom=${a.classroom ?? nothing} .quiz=${a.quiz} .store=${seeded(a.classes) as never}></bh-law-quiz>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Results per class before anyone has taken part. */
export const Empty: Story = { args: { view: 'results', classes: 0 } };
/** The example "Civil Code challenge" as a pupil starts it. */
export const Typical: Story = { args: { view: 'play', classes: 0 } };
/** A pupil of a given class goes straight to the questions. */
export const WithClass: Story = { args: { view: 'play', classes: 0, classroom: '四年级（2）班' } };
/** Results per class: four classes, 120 attempts. */
export const Results: Story = { args: { view: 'results', classes: 4 } };
/** Results of a whole school: 24 classes, 720 attempts. */
export const Large: Story = { args: { view: 'results', classes: 24 } };
/** A quiz whose answer is not among its choices is refused in place, with the reason. */
export const Invalid: Story = { args: { view: 'play', classes: 0, quiz: broken } };
/** English, picked by the nearest `lang`: the example questions in English too. */
export const English: Story = { args: { view: 'play', classes: 0, classroom: 'Year 4, class 2', lang: 'en' } };
