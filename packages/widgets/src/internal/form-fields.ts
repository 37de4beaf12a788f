import { html, nothing, type TemplateResult } from 'lit';
import { InvalidArgumentError, type Locale } from '@bihuan/core/schema';
import type { FieldError } from './error-summary.js';
import { wordsOf } from './problem.js';

/** The form's fields by name, as typed (trimmed strings). */
export function readForm(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') out[name] = value.trim();
  return out;
}

/** A labelled field: label, the control (which must carry `id`), an optional hint and inline error. */
export function field(id: string, label: string, control: TemplateResult, error?: string, hint?: string): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${control}
    ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
  </div>`;
}

/** `aria-describedby` for a field with an optional hint and error. */
export function describedBy(id: string, error?: string, hint?: boolean): string | typeof nothing {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || nothing;
}

/**
 * Turns what core refused — an `InvalidArgumentError` naming an argument path, or a business
 * refusal naming a field — into one error-summary entry on the form field it concerns. `fields`
 * maps a path's known ending (`eventDate`, `organizer.name` …) to the field's id and label.
 */
export function errorFor(
  refusal: { readonly argument?: string; readonly field?: string; readonly message: string },
  fields: Readonly<Record<string, { readonly id: string; readonly label: string }>>,
): FieldError | { readonly message: string } {
  // Longest suffix first: `application.organizer.name` is the organizer's name, not the event's.
  const path = (refusal.field ?? refusal.argument ?? '').split('.');
  for (let i = 0; i < path.length; i++) {
    const f = fields[path.slice(i).join('.')];
    if (f) return { id: f.id, label: f.label, message: refusal.message };
  }
  return { message: refusal.message };
}

/**
 * The readable text and path of what a core call threw; anything that is not an argument refusal
 * (a store that failed, say) becomes plain words of the locale for the form's error summary.
 */
export function argumentProblem(error: unknown, locale: Locale): { argument: string; message: string } {
  if (error instanceof InvalidArgumentError) return { argument: error.argument, message: error.text(locale).replace(/^[^：:]*[：:]\s*/, '') };
  return { argument: '', message: wordsOf(error, locale) };
}

export interface InputFieldOptions {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  /** `text` (default), `number`, `date`, `datetime-local`, `tel` … or `textarea`. */
  readonly type?: string;
  readonly problem?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly value?: string;
  readonly min?: string;
  readonly step?: string;
}

/** A labelled input (or textarea) with its hint and inline error wired to `aria-describedby`/`aria-invalid`. */
export function inputField(o: InputFieldOptions): TemplateResult {
  const described = describedBy(o.id, o.problem, !!o.hint);
  const invalid = o.problem ? 'true' : 'false';
  const control =
    o.type === 'textarea'
      ? html`<textarea id=${o.id} name=${o.name} ?required=${o.required} aria-describedby=${described} aria-invalid=${invalid} .value=${o.value ?? ''}></textarea>`
      : html`<input id=${o.id} name=${o.name} type=${o.type ?? 'text'} min=${o.min ?? nothing} step=${o.step ?? nothing} .value=${o.value ?? ''}
          ?required=${o.required} aria-describedby=${described} aria-invalid=${invalid} />`;
  return field(o.id, o.label, control, o.problem, o.hint);
}

/** The inline error of a field among the problems shown in an error summary. */
export function problemAt(problems: readonly { readonly id?: string; readonly message: string }[], id: string): string | undefined {
  return problems.find((p) => p.id === id)?.message;
}
