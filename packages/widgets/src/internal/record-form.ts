import { type TemplateResult, nothing } from 'lit';
import { type Collections, type Store } from '@bihuan/core/store';
import { InvalidArgumentError, type Locale, type Result } from '@bihuan/core/schema';
import { type ActionField, actionFields, flatFields, payloadOf } from './action-form.js';
import { emit } from './emit.js';
import { errorSummary, focusErrorSummary, type FieldError } from './error-summary.js';
import { problemOf } from './problem.js';

/** What was refused: on one field (linked from the error summary), or on the whole form. */
export type FormProblem = FieldError | { readonly id?: undefined; readonly message: string };

/** What core refused: an argument path (`InvalidArgumentError`) or a business refusal naming a field. */
export interface Refused {
  readonly argument?: string;
  readonly field?: string;
  readonly message: string;
}

export interface RecordFormHost extends HTMLElement {
  readonly locale: Locale;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
}

export interface RecordFormOptions<C extends Collections> {
  /** Prefixes the field ids (`file` → `file-name`); unique within the widget's shadow root. */
  readonly id: string;
  /** Core's paths (their endings) that name a field by another name: `{ 'officer.id': 'officerId', minutes: 'hours' }`. */
  readonly paths?: Readonly<Record<string, string>>;
  /** The widget's own write (its `StoreController.write`: it refuses while no store is open). */
  readonly write: <T>(action: (store: Store<C>) => Promise<T>) => Promise<T>;
}

/**
 * The record forms' controller, the same shape as `LoopActions` for writes that are not loop
 * events (a visit logged, an assist, a drill's times, an intention form): its fields are drawn in
 * the one vocabulary (`ActionField`) with their inline errors; `submit` reads what was typed as
 * the fields' payload, makes one write through the widget, and says what came of it — a
 * confirmation (`status`), or core's refusal as an error summary linking to the field it names
 * (focused, so keyboard and screen-reader users land on it). A store that fails is said in plain
 * words there and reported as `bh-problem`.
 */
export class RecordForm<C extends Collections = Collections> {
  problems: FormProblem[] = [];
  status = '';

  constructor(
    private readonly host: RecordFormHost,
    private readonly options: RecordFormOptions<C>,
  ) {}

  /** The id of a field's control. */
  fieldId(name: string): string {
    return `${this.options.id}-${name}`;
  }

  /** The fields, with their ids, starting values and inline errors; the fields that are not optional are marked required. */
  fields(fields: readonly ActionField[], draft?: Readonly<Record<string, string | boolean | string[]>>): TemplateResult[] {
    return actionFields(fields, { id: (name) => this.fieldId(name), draft, problem: (name) => this.problemAt(name), required: true });
  }

  /** The error summary, where the form shows it (nothing when nothing was refused). */
  summary(title: string): TemplateResult | typeof nothing {
    return errorSummary(() => this.host.renderRoot, title, this.problems);
  }

  /** The inline error of a field. */
  problemAt(name: string): string | undefined {
    const id = this.fieldId(name);
    return this.problems.find((p) => p.id === id)?.message;
  }

  /** Forgets what was refused and said (a form opened again). */
  clear(): void {
    this.problems = [];
    this.status = '';
    this.host.requestUpdate();
  }

  /**
   * Runs one write from what was typed in `event`'s form (`save` builds the record from the
   * fields' payload and writes it; core refuses naming the field) and resolves to what was stored,
   * or undefined when it was refused. On success the form is reset and `done` gives the status.
   */
  async submit<T>(event: SubmitEvent, fields: readonly ActionField[], save: (typed: Record<string, unknown>) => (store: Store<C>) => Promise<Result<T>>, done: (value: T) => string): Promise<T | undefined> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    let result: Result<T>;
    try {
      const step = save(payloadOf(form, fields));
      result = await this.options.write(step);
    } catch (error) {
      await this.failed(error, fields);
      return undefined;
    }
    if (!result.ok) {
      await this.refuse({ field: result.reason.field, message: result.reason.message[this.host.locale] }, fields);
      return undefined;
    }
    form.reset();
    this.problems = [];
    this.status = done(result.value);
    this.host.requestUpdate();
    return result.value;
  }

  /** Shows a refusal on the field it names (or on the whole form) and moves focus to the summary. */
  async refuse(refused: Refused, fields: readonly ActionField[]): Promise<void> {
    this.problems = [this.problemFor(refused, fields)];
    this.status = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    focusErrorSummary(this.host.renderRoot);
  }

  /** What a core call threw: an argument refused names its field; anything else is said in plain words and reported. */
  private async failed(error: unknown, fields: readonly ActionField[]): Promise<void> {
    if (error instanceof InvalidArgumentError) return this.refuse({ argument: error.argument, message: error.text(this.host.locale).replace(/^[^：:]*[：:]\s*/, '') }, fields);
    const problem = problemOf(error, this.host.locale);
    emit(this.host, 'bh-problem', problem);
    return this.refuse({ message: problem.message }, fields);
  }

  /**
   * One error-summary entry on the field a refusal concerns: the longest ending of its path that
   * names a field of the form (`application.organizer.name` is the organizer's name, not the event's).
   */
  private problemFor(refused: Refused, fields: readonly ActionField[]): FormProblem {
    const labels = new Map(flatFields(fields).map((f) => [f.name, f.label]));
    const path = (refused.field ?? refused.argument ?? '').split('.');
    for (let i = 0; i < path.length; i++) {
      const ending = path.slice(i).join('.');
      const name = this.options.paths?.[ending] ?? ending;
      const label = labels.get(name);
      if (label !== undefined) return { id: this.fieldId(name), label, message: refused.message };
    }
    return { message: refused.message };
  }
}
