import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { BihuanError, type Locale } from '@bihuan/core/schema';
import { LocaleController } from './locale-controller.js';
import { VERSION } from './version.js';

const PROBLEM_TITLE: Record<Locale, string> = { 'zh-CN': '无法显示', en: 'Cannot display' };

/** What a widget reports when it cannot render what it was given. */
export interface ProblemDetail {
  code: string;
  message: string;
  error: unknown;
}

/**
 * Base of every bihuan widget: follows the nearest `lang`, and never throws into the host page —
 * a widget given bad attributes or data shows the problem in place and emits `bh-problem`.
 *
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The widget could not render what it was given; `detail` has `code` and `message`.
 * @csspart problem - The in-place message shown instead of the widget's content when its input is refused.
 */
export class BihuanElement extends LitElement {
  static readonly bihuanVersion: string = VERSION;

  private readonly localeController = new LocaleController(this);
  private problem: ProblemDetail | undefined;
  private reportedProblem: string | undefined;

  /** The language the widget renders in: `zh-CN` (default) or `en`, from the nearest `lang`. */
  get locale(): Locale {
    return this.localeController.locale;
  }

  /** Subclasses render here; anything thrown becomes an in-place problem message. */
  protected renderContent(): unknown {
    return html``;
  }

  protected override render(): unknown {
    try {
      this.problem = undefined;
      return this.renderContent();
    } catch (error) {
      this.problem = toProblem(error, this.locale);
      return this.renderProblem(this.problem);
    }
  }

  protected renderProblem(problem: ProblemDetail): TemplateResult {
    return html`<div class="problem" part="problem" role="alert">
      <strong>${PROBLEM_TITLE[this.locale]}</strong>${problem.message}
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const key = this.problem ? `${this.problem.code}:${this.problem.message}` : undefined;
    if (key !== this.reportedProblem) {
      this.reportedProblem = key;
      if (this.problem) {
        this.dispatchEvent(new CustomEvent<ProblemDetail>('bh-problem', { detail: this.problem, bubbles: true, composed: true }));
      }
    }
  }
}

function toProblem(error: unknown, locale: Locale): ProblemDetail {
  if (error instanceof BihuanError) return { code: error.code, message: error.text(locale), error };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'render_failed', message, error };
}
