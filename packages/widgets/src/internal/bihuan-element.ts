import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import type { Locale } from '@bihuan/core/schema';
import { LocaleController } from './locale-controller.js';
import { VERSION } from './version.js';
import { type Guard, type Words, isAbsent, refusedPropertyWords, runGuard } from './guard-base.js';
import { type ProblemDetail, problemOf } from './problem.js';

export type { ProblemDetail } from './problem.js';

declare module 'lit' {
  interface PropertyDeclaration {
    /**
     * bihuan: checks the value on every set (from code or from the attribute). A refused value is
     * not taken; the widget says so in place and emits `bh-problem`. See `internal/guard.ts`.
     */
    readonly guard?: Guard;
  }
}

const PROBLEM_TITLE: Record<Locale, string> = { 'zh-CN': '无法显示', en: 'Cannot display' };

/** A refused property: its name as the host wrote it, and what it must be. */
interface RefusedProperty {
  readonly name: string;
  readonly words: Words;
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

  /**
   * Once Lit has made the accessors of a class's declared properties, wraps the setter of each one
   * declared with a `guard`: the value is checked when it is set, in bounded time, before the
   * widget's own code sees it (see `internal/guard.ts`).
   */
  static override finalize(): void {
    if (Object.hasOwn(this, 'finalized')) return;
    super.finalize();
    if (!Object.hasOwn(this, 'properties')) return;
    for (const [name, options] of Object.entries(this.properties)) {
      const g = options.guard;
      const base = Object.getOwnPropertyDescriptor(this.prototype, name);
      if (!g || !base?.set) continue;
      const shown = typeof options.attribute === 'string' ? options.attribute : name;
      Object.defineProperty(this.prototype, name, {
        ...base,
        set(this: BihuanElement, value: unknown) {
          const next = this.guarded(name, shown, g, value);
          if (next.ok) base.set!.call(this, next.value);
        },
      });
    }
  }

  private readonly localeController = new LocaleController(this);
  private problem: ProblemDetail | undefined;
  private reportedProblem: string | undefined;
  /** Properties whose last value was refused, by property name. */
  private readonly refused = new Map<string, RefusedProperty>();
  /** Something that failed outside rendering (a timer, an update hook): shown until a property changes. */
  private failure: unknown;
  private failed = false;

  /** The language the widget renders in: `zh-CN` (default) or `en`, from the nearest `lang`. */
  get locale(): Locale {
    return this.localeController.locale;
  }

  /** Set while a pristine instance is made to read the defaults: its own sets are not checked. */
  private static readingDefaults = false;
  private static readonly defaultsByClass = new WeakMap<object, ReadonlyMap<string, unknown>>();

  /**
   * What a property holds in a new widget (its field initialiser), which `null`/`undefined` put
   * back: read once per class from a pristine, never connected instance.
   */
  private static defaultOf(ctor: typeof BihuanElement, name: string): unknown {
    let defaults = BihuanElement.defaultsByClass.get(ctor);
    if (!defaults) {
      const read = new Map<string, unknown>();
      BihuanElement.readingDefaults = true;
      try {
        const pristine = new ctor() as unknown as Record<string, unknown>;
        for (const [key, options] of ctor.elementProperties) if (options.guard && typeof key === 'string') read.set(key, pristine[key]);
      } catch {
        // A class not registered as a custom element cannot be made: absent stays absent.
      } finally {
        BihuanElement.readingDefaults = false;
      }
      defaults = read;
      BihuanElement.defaultsByClass.set(ctor, defaults);
    }
    return defaults.get(name);
  }

  private guarded(name: string, shown: string, g: Guard, value: unknown): { ok: true; value: unknown } | { ok: false } {
    if (BihuanElement.readingDefaults) return { ok: true, value };
    const verdict = isAbsent(value) ? { ok: true as const, value: BihuanElement.defaultOf(this.constructor as typeof BihuanElement, name) } : runGuard(g, value);
    const wasRefused = this.refused.delete(name);
    if (this.failed) {
      this.failed = false;
      this.failure = undefined;
    }
    if (verdict.ok) {
      if (wasRefused) this.requestUpdate();
      return verdict;
    }
    this.refused.set(name, { name: shown, words: refusedPropertyWords(shown, g) });
    this.requestUpdate();
    return verdict;
  }

  /**
   * Shows, in place, something that failed outside rendering — in a timer, an event handler or a
   * promise of the widget's own — and reports it as `bh-problem`. It stays until a property changes.
   */
  protected fail(error: unknown): void {
    this.failure = error;
    this.failed = true;
    this.requestUpdate();
  }

  /** Subclasses render here; anything thrown becomes an in-place problem message. */
  protected renderContent(): unknown {
    return html``;
  }

  protected override render(): unknown {
    try {
      this.problem = undefined;
      if (this.refused.size > 0) {
        const refused = [...this.refused.values()];
        this.problem = {
          code: 'invalid_property',
          message: refused.map((r) => r.words[this.locale]).join(this.locale === 'en' ? ' ' : ''),
          error: undefined,
          property: refused[0]!.name,
        };
        return this.renderProblem(this.problem);
      }
      if (this.failed) {
        this.problem = problemOf(this.failure, this.locale);
        return this.renderProblem(this.problem);
      }
      return this.renderContent();
    } catch (error) {
      this.problem = problemOf(error, this.locale);
      return this.renderProblem(this.problem);
    }
  }

  /**
   * Runs Lit's update and what the widget does around it (`willUpdate`, `updated` …): whatever
   * throws there is shown in place too, instead of rejecting `updateComplete` into the page.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    try {
      super.scheduleUpdate();
    } catch (error) {
      if (this.failed) return; // the problem itself could not be shown: do not loop
      this.fail(error);
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
