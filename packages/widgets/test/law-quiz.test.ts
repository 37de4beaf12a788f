import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { html } from 'lit';
import '@bihuan/widgets/law-quiz';
import { createAttempt, createMemoryStore, quizStore } from '@bihuan/core';
import { civilCodeQuiz } from '@bihuan/core/examples';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, until } from './dispute-support.js';

afterEach(cleanup);

const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<bh-law-quiz>', () => {
  test('a child plays by keyboard alone: radio group, answer announced with its explanation, score stored per class', async () => {
    const store = createMemoryStore(quizStore);
    const finished: unknown[] = [];
    const c = await mount(html`<bh-law-quiz classroom="四年级（2）班" .store=${store} @bh-quiz-finished=${(e: CustomEvent) => finished.push(e.detail)}></bh-law-quiz>`);
    const el = c.querySelector('bh-law-quiz')!;
    expect(shadowText($(el, '[part=notice]'))).toContain('示例题目');
    await userEvent.click($(el, 'button[type=submit]')); // 开始闯关
    await settle(c);
    const quiz = civilCodeQuiz();
    expect($(el, 'legend').textContent).toContain('第 1 题，共 8 题');
    expect(el.shadowRoot!.querySelectorAll('fieldset input[type=radio]')).toHaveLength(3);
    const live = $(el, '[part=feedback]');
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    await expectNoAxeViolations(c);

    // Checking without a choice says so, in the live region.
    await userEvent.click($(el, 'button[type=submit]'));
    await settle(c);
    expect(shadowText(live)).toBe('请先选择一个答案。');

    for (const [i, q] of quiz.questions.entries()) {
      // Tab into the radio group, arrow to the choice, Enter submits the form.
      $<HTMLInputElement>(el, 'input[type=radio]').focus();
      const target = i === 0 ? q.choices.find((ch) => ch.id !== q.answer)! : q.choices.find((ch) => ch.id === q.answer)!;
      const steps = q.choices.indexOf(target);
      await userEvent.keyboard(' '); // Space checks the focused radio; arrows move and check
      for (let s = 0; s < steps; s++) await userEvent.keyboard('{ArrowDown}');
      expect((active(el) as HTMLInputElement).value).toBe(target.id);
      await userEvent.keyboard('{Enter}');
      await settle(c);
      const said = shadowText(live);
      if (i === 0) {
        expect(said).toContain('答错了。正确答案是：B.');
        expect(said).toContain('第二百九十四条');
      } else expect(said).toContain('答对了！');
      expect(said).toContain(q.explanation.slice(0, 10));
      expect(active(el)?.id).toBe('next'); // focus moves to the next step
      if (i === 0) await expectNoAxeViolations(c);
      await userEvent.keyboard('{Enter}');
      await settle(c);
    }
    expect(shadowText($(el, '[part=score]'))).toBe('答对 7 题，共 8 题（87.5%）');
    expect(shadowText(el)).toContain('闯关成功');
    await until(() => finished.length === 1);
    const stored = (await store.all('attempts')).items;
    expect(stored).toEqual([expect.objectContaining({ className: '四年级（2）班', correct: 7, total: 8, passed: true })]);
  });

  test('large targets: every option is at least 44px high', async () => {
    const c = await mount(html`<bh-law-quiz classroom="一班" .store=${createMemoryStore(quizStore)}></bh-law-quiz>`);
    const el = c.querySelector('bh-law-quiz')!;
    $(el, 'button[type=submit]').click();
    await settle(c);
    for (const option of el.shadowRoot!.querySelectorAll('.option')) expect(option.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  });

  test('results per class from the store, and English questions on an English page', async () => {
    const store = createMemoryStore(quizStore);
    const quiz = civilCodeQuiz();
    const right = Object.fromEntries(quiz.questions.map((q) => [q.id, q.answer]));
    await store.bulkPut('attempts', [
      createAttempt(quiz, { id: '1', className: '五年级（1）班', answers: right, at: '2026-04-02T10:00:00+08:00' }),
      createAttempt(quiz, { id: '2', className: '五年级（1）班', answers: {}, at: '2026-04-02T10:00:00+08:00' }),
    ]);
    const c = await mount(html`<bh-law-quiz view="results" .store=${store}></bh-law-quiz>`);
    const el = c.querySelector('bh-law-quiz')!;
    await until(() => !!el.shadowRoot!.querySelector('table'));
    expect([...el.shadowRoot!.querySelectorAll('tbody tr > *')].map((td) => td.textContent)).toEqual(['五年级（1）班', '2', '1', '50%', '1', '50%']);
    await expectNoAxeViolations(c);

    const e = await mount(html`<bh-law-quiz classroom="Year 4" .store=${createMemoryStore(quizStore)}></bh-law-quiz>`, 'en');
    const en = e.querySelector('bh-law-quiz')!;
    $(en, 'button[type=submit]').click();
    await settle(e);
    expect($(en, 'legend').textContent).toContain('Question 1 of 8');
    expect(shadowText(en)).toContain('Example questions for legal education only');
  });

  test('a quiz whose answer is not a choice is refused in place, never thrown', async () => {
    const problems: string[] = [];
    const bad = { ...civilCodeQuiz(), questions: [{ ...civilCodeQuiz().questions[0]!, answer: 'z' }] };
    const c = await mount(html`<bh-law-quiz .quiz=${bad} .store=${createMemoryStore(quizStore)} @bh-problem=${(e: CustomEvent) => problems.push(e.detail.message)}></bh-law-quiz>`);
    const el = c.querySelector('bh-law-quiz')!;
    expect($(el, '[part=problem]').getAttribute('role')).toBe('alert');
    expect(shadowText($(el, '[part=problem]'))).toContain('quiz.questions.0.answer');
    expect(problems).toHaveLength(1);
  });
});
