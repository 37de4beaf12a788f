import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { type Quiz, type QuizAttempt, type QuizInput, type QuizStoreSpec, checkAnswer, createAttempt, parseQuiz, quizStore, resultsByClass, scoreQuiz } from '@bihuan/core/quiz';
import { type Store } from '@bihuan/core/store';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { formStyles } from '../../internal/form-styles.js';
import { newId } from '../../internal/new-id.js';
import { scrollRegion } from '../../internal/figures.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { lawQuizMessages, type LawQuizMessages } from './law-quiz.messages.js';
import { lawQuizStyles } from './law-quiz.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { idGuard, nowGuard, oneOfGuard, plainObjectGuard, storeGuard } from '../../internal/guard.js';

type Collections = QuizStoreSpec['collections'];
type Examples = typeof import('@bihuan/core/quiz/examples');

// The example questions are data a page with its own quiz never runs: they are fetched only when a
// widget is shown without a `quiz`, once per page (and bihuan.js loads them from kit/ beside it).
let examples: Promise<Examples> | undefined;
const loadExamples = (): Promise<Examples> => (examples ??= import('@bihuan/core/quiz/examples'));

/** `bh-quiz-finished`: a pupil finished the quiz; the stored attempt. */
export type QuizFinishedDetail = QuizAttempt;

/**
 * A legal-education quiz for pupils, such as the "Civil Code challenge" (民法典大闯关): one question
 * at a time as a radio group with large targets, the answer announced right or wrong with its
 * explanation in a live region, a score at the end, and results per class for teachers. Without a
 * `quiz` it shows the shipped example questions, marked as examples (fetched only then).
 *
 * @tagname bh-law-quiz
 * @summary A child-friendly, screen-reader-ready quiz with explanations, a score and results per class.
 *
 * @csspart notice - The "example questions" notice.
 * @csspart question - The question's form (a fieldset of radio buttons).
 * @csspart feedback - The live region announcing right or wrong, with the explanation.
 * @csspart score - The final score.
 * @csspart results - The results-per-class table (`view="results"`).
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message when the quiz is refused (an answer that is not a choice …).
 *
 * @cssprop [--bh-law-quiz-font-size=1.125rem] - Base text size (large for children).
 * @cssprop [--bh-color-accent=#0b5cad] - The chosen option, buttons, focus rings.
 * @cssprop [--bh-color-good=#1a7f37] - Right answers.
 * @cssprop [--bh-color-bad=#b42318] - Wrong answers.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<QuizFinishedDetail>} bh-quiz-finished - A pupil finished; `detail` is the stored attempt (class, answers, score).
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The quiz or the store could not be used.
 */
export class BhLawQuiz extends BihuanElement {
  static override styles = [themeStyles, formStyles, dataStyles, lawQuizStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    quiz: { attribute: false, guard: plainObjectGuard({ 'zh-CN': '题库对象（见 QuizSchema）', en: 'a quiz object (see QuizSchema)' }) },
    classroom: { type: String, guard: idGuard },
    view: { type: String, guard: oneOfGuard(['play', 'results']) },
    now: { guard: nowGuard },
    phase: { state: true },
    index: { state: true },
    checked: { state: true },
    feedback: { state: true },
  };

  /** Where attempts are kept (`quizStore`'s collections); the default IndexedDB store when absent. */
  store?: Store<Collections>;
  /** The questions; the shipped example "Civil Code challenge" (in the widget's language) when absent. */
  quiz?: QuizInput;
  /** The pupil's class, e.g. 四年级（2）班; asked for at the start when empty. */
  classroom = '';
  /** `play` (default): take the quiz; `results`: the results per class. */
  view: 'play' | 'results' = 'play';
  /** The time attempts are recorded at (ISO instant, Date or epoch ms); the clock when absent. */
  now?: string | number | Date;

  private phase: 'start' | 'question' | 'done' = 'start';
  private index = 0;
  private checked = false;
  private feedback: TemplateResult | string = '';
  private answers: Record<string, string> = {};
  private attempts: QuizAttempt[] = [];
  private parsed: { input: QuizInput | undefined; locale: string; quiz: Quiz } | undefined;
  private examples: Examples | undefined;
  private examplesLoading: Promise<unknown> | undefined;
  private readonly data = new StoreController<Collections>(this, quizStore, async (store) => {
    this.attempts = (await store.all('attempts')).items;
  });

  private get t(): LawQuizMessages {
    return lawQuizMessages[this.locale];
  }

  /** The quiz in use, checked whole; `undefined` while the example questions are still loading. */
  get currentQuiz(): Quiz | undefined {
    if (!this.quiz && !this.examples) {
      this.examplesLoading ??= loadExamples().then(
        (m) => {
          this.examples = m;
          this.requestUpdate();
        },
        (error: unknown) => this.fail(error),
      );
      return undefined;
    }
    if (!this.parsed || this.parsed.input !== this.quiz || (!this.quiz && this.parsed.locale !== this.locale)) {
      this.parsed = { input: this.quiz, locale: this.locale, quiz: this.quiz ? parseQuiz(this.quiz) : this.examples!.civilCodeQuiz(this.locale) };
    }
    return this.parsed.quiz;
  }

  // `updateComplete` settles once the example questions are shown, not on the "loading" render before them.
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.examplesLoading) return done;
    await this.examplesLoading;
    return super.getUpdateComplete();
  }

  protected override renderContent(): unknown {
    const quiz = this.currentQuiz;
    if (!quiz) return html`<p role="status" part="loading">${this.t.loading}</p>`;
    if (this.data.error) throw this.data.error;
    const t = this.t;
    const head = html`<h2>${quiz.title}</h2>${quiz.example ? html`<p class="notice" part="notice">${t.example}</p>` : nothing}`;
    if (this.view === 'results') return html`${head}${this.data.loading ? html`<p role="status" part="loading">${t.loading}</p>` : this.renderResults(quiz)}`;
    const live = html`<div class="feedback" part="feedback" role="status" aria-live="polite" aria-atomic="true">${this.feedback}</div>`;
    if (this.phase === 'start') {
      return html`${head}<form @submit=${(e: SubmitEvent) => this.start(e)}>
          <div class="field"><label for="class">${t.className}</label><p class="hint" id="class-hint">${t.classHint}</p>
            <input id="class" name="className" type="text" required aria-describedby="class-hint" .value=${this.classroom} /></div>
          <div><button type="submit" class="primary">${t.start}</button></div>
        </form>${live}`;
    }
    if (this.phase === 'done') {
      const score = scoreQuiz(quiz, this.answers);
      return html`${head}<p class="score" part="score" tabindex="-1">${t.score(score.correct, score.total, score.percent)}</p>
        <p>${score.passed ? t.passed : t.notPassed}</p>
        <button type="button" class="primary" @click=${() => this.restart()}>${t.again}</button>`;
    }
    return html`${head}${this.renderQuestion(quiz)}${live}`;
  }

  private renderQuestion(quiz: Quiz): TemplateResult {
    const t = this.t;
    const q = quiz.questions[this.index]!;
    const chosen = this.answers[q.id];
    const last = this.index === quiz.questions.length - 1;
    return html`<form part="question" @submit=${(e: SubmitEvent) => this.check(e)}>
      <fieldset id="question" tabindex="-1">
        <legend><span class="progress">${t.progress(this.index + 1, quiz.questions.length)}</span><br />${q.prompt}</legend>
        <div class="options">
          ${q.choices.map(
            (c, i) => html`<label class="option ${this.checked && c.id === q.answer ? 'answer' : ''}">
              <input type="radio" name="choice" value=${c.id} .checked=${chosen === c.id} ?disabled=${this.checked} />
              <span>${t.letters[i]}. ${c.text}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="actions">
        ${this.checked
          ? html`<button type="button" class="primary" id="next" @click=${() => this.next(quiz)}>${last ? t.finish : t.next}</button>`
          : html`<button type="submit" class="primary">${t.check}</button>`}
      </div>
    </form>`;
  }

  private renderResults(quiz: Quiz): TemplateResult {
    const t = this.t;
    const c = t.columns;
    const rows = resultsByClass(this.attempts, quiz.id);
    if (rows.length === 0) return html`<p class="empty">${t.noResults}</p>`;
    return scrollRegion(t.resultsCaption, html`<table part="results">
      <caption>${t.resultsCaption}</caption>
      <thead><tr><th scope="col">${c.className}</th><th scope="col" class="num">${c.attempts}</th><th scope="col" class="num">${c.passed}</th><th scope="col" class="num">${c.passRate}</th><th scope="col" class="num">${c.perfect}</th><th scope="col" class="num">${c.accuracy}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r.className}</th><td class="num">${r.attempts}</td><td class="num">${r.passed}</td><td class="num">${r.passRate}</td><td class="num">${r.perfect}</td><td class="num">${r.accuracy}</td></tr>`)}</tbody>
    </table>`);
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private start(e: SubmitEvent): void {
    e.preventDefault();
    const value = (new FormData(e.target as HTMLFormElement).get('className') as string | null)?.trim() ?? '';
    if (!value) return void this.focusOn('#class');
    this.classroom = value;
    this.restart('question');
  }

  private restart(phase: 'start' | 'question' = this.classroom ? 'question' : 'start'): void {
    this.answers = {};
    this.index = 0;
    this.checked = false;
    this.feedback = '';
    this.phase = phase;
    void this.focusOn(phase === 'question' ? '#question' : '#class');
  }

  private check(e: SubmitEvent): void {
    e.preventDefault();
    const quiz = this.currentQuiz;
    if (!quiz) return;
    const q = quiz.questions[this.index]!;
    const choice = new FormData(e.target as HTMLFormElement).get('choice');
    const t = this.t;
    if (typeof choice !== 'string') {
      this.feedback = t.chooseFirst;
      return;
    }
    this.answers = { ...this.answers, [q.id]: choice };
    const r = checkAnswer(q, choice);
    const i = q.choices.findIndex((c) => c.id === r.answer);
    this.feedback = html`<p class="feedback-line"><span class=${r.right ? 'good' : 'bad'}>${r.right ? t.right : t.wrong(`${t.letters[i]}. ${q.choices[i]!.text}`)}</span> ${r.explanation}</p>
      ${r.source ? html`<p class="hint">${t.source(r.source)}</p>` : nothing}`;
    this.checked = true;
    void this.focusOn('#next');
  }

  private next(quiz: Quiz): void {
    this.feedback = '';
    this.checked = false;
    if (this.index < quiz.questions.length - 1) {
      this.index++;
      void this.focusOn('#question');
      return;
    }
    this.phase = 'done';
    void this.focusOn('.score');
    void this.save(quiz);
  }

  private async save(quiz: Quiz): Promise<void> {
    const attempt = createAttempt(quiz, {
      id: newId('QA'),
      className: this.classroom,
      answers: this.answers,
      at: new Date(this.now ?? Date.now()).toISOString(),
    });
    try {
      await this.data.store?.put('attempts', attempt);
    } finally {
      this.dispatchEvent(new CustomEvent<QuizFinishedDetail>('bh-quiz-finished', { detail: attempt, bubbles: true, composed: true }));
    }
  }
}

/** The events `<bh-law-quiz>` fires, with their `detail` types (all bubble and are composed). */
export interface BhLawQuizEventMap extends BihuanElementEventMap {
  'bh-quiz-finished': CustomEvent<QuizFinishedDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhLawQuiz { addEventListener: AddTypedListener<BhLawQuiz, BhLawQuizEventMap>; removeEventListener: RemoveTypedListener<BhLawQuiz, BhLawQuizEventMap> }
