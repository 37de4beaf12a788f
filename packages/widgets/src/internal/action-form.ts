import { css, html, nothing, type TemplateResult } from 'lit';

/** One choice of a `select`, `choice` or `checks` field. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** What a field tells a person beside its label: a hint under it; `required` marks the control. */
interface FieldBase {
  readonly name: string;
  readonly label: string;
  readonly optional?: boolean;
  readonly hint?: string;
}

/**
 * One field of a form, as data — the one vocabulary every widget's forms are declared in (each
 * domain's action table, run by `LoopActions`, and the record forms run by `RecordForm`). `text`
 * is one line (`suggestions` offers typed-ahead values in a `<datalist>`, free text still allowed),
 * `tel` a phone number, `date` a date, `datetime` a local date and time, `number` a
 * number (`min`, `max`; whole unless `step` says otherwise), `lines` a textarea read as a list
 * (one entry a line), `textarea` free text; `select` (a drop-down) takes one of `options` (which
 * may be computed from what is typed so far: a village list that follows the chosen town; a
 * `placeholder` is its first, empty choice, and a select with nothing else to choose is disabled);
 * `choice` (radio buttons) takes one of `options` (`fields` are what the choice asks next, inside
 * its fieldset; `part` exposes that fieldset), `checks` any of them (a list; `inline` lays them out
 * in a row), `toggle` is yes or no; `group` puts fields under one legend, `row` side by side;
 * `custom` is a control the widget renders itself (an attachments panel) under the field's label,
 * hint and inline error.
 */
export type ActionField =
  | (FieldBase & { readonly kind: 'text'; readonly suggestions?: Computed<readonly string[]> })
  | (FieldBase & { readonly kind: 'tel' | 'date' | 'datetime' | 'lines' | 'textarea' })
  | (FieldBase & { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly step?: number })
  | (FieldBase & { readonly kind: 'select'; readonly options: Computed<readonly Choice[]>; readonly placeholder?: Computed<string> })
  | (FieldBase & { readonly kind: 'choice'; readonly options: readonly Choice[]; readonly fields?: readonly ActionField[]; readonly part?: string })
  | (FieldBase & { readonly kind: 'checks'; readonly options: readonly Choice[]; readonly inline?: boolean })
  | (FieldBase & { readonly kind: 'toggle' })
  | (FieldBase & { readonly kind: 'custom'; readonly render: () => unknown })
  | { readonly kind: 'group'; readonly label: string; readonly fields: readonly ActionField[] }
  | { readonly kind: 'row'; readonly fields: readonly ActionField[] };

/** A value given as it is, or computed from the values typed so far. */
export type Computed<T> = T | ((draft: ActionDraft) => T);

/** The choices a select offers for the values typed so far. */
export function optionsOf(f: Extract<ActionField, { kind: 'select' }>, draft: ActionDraft | undefined): readonly Choice[] {
  return computed(f.options, draft);
}

const computed = <T>(value: Computed<T>, draft: ActionDraft | undefined): T => (typeof value === 'function' ? (value as (d: ActionDraft) => T)(draft ?? {}) : value);

/** The fields of an open action form, as typed: text, a yes/no, or the values of a list of checks. */
export type ActionDraft = Record<string, string | boolean | string[]>;

/**
 * One row of a domain's action table: the fields an event's form asks for (seeing what is typed
 * so far), their starting values, how what is typed becomes the event's payload (core checks it
 * and refuses naming the field), and how a stored payload reads in a timeline. An event without
 * an entry takes no payload and is sent at once.
 */
export interface LoopAction<C, D = C> {
  readonly fields: (c: C, draft: ActionDraft) => readonly ActionField[];
  readonly defaults?: (c: C) => ActionDraft;
  /** The payload from what was typed; what was typed as it is, when absent. */
  readonly payload?: (draft: ActionDraft) => unknown;
  /** A stored payload as one line of a timeline (read with `D`: the names its ids stand for). */
  readonly describe?: (payload: Readonly<Record<string, unknown>>, c: D) => string;
}

/** A domain's action table: one entry per event that asks for something. */
export type ActionTable<E extends string, C, A extends LoopAction<C, never> = LoopAction<C>> = Readonly<Partial<Record<E, A>>>;

/** The payload an action table gives for what was typed (the typed values when the entry has no payload rule). */
export function actionPayload<C>(action: LoopAction<C>, draft: ActionDraft): unknown {
  return action.payload ? action.payload(draft) : draft;
}

/** One field that takes a value: not a group or a row. */
export type ValueField = Exclude<ActionField, { kind: 'group' | 'row' }>;

/** The fields of a form with its groups and rows opened up, in order. */
export function flatFields(fields: readonly ActionField[]): ValueField[] {
  return fields.flatMap((f) => (f.kind === 'group' || f.kind === 'row' ? flatFields(f.fields) : f.kind === 'choice' && f.fields ? [f, ...flatFields(f.fields)] : [f]));
}

export interface ActionFormOptions {
  /** Unique within the widget's shadow root: prefixes the field ids. */
  readonly id: string;
  readonly title: string;
  readonly fields: readonly ActionField[];
  readonly submitLabel: string;
  readonly cancelLabel: string;
  /** What the loop refused last time, shown as an alert in the form. */
  readonly problem?: string;
  readonly onSubmit: (payload: Record<string, unknown>) => void;
  readonly onCancel: () => void;
}

/** The payload a form's fields give: `lines` split into a list of non-blank entries, `checks` a list, `toggle` a boolean; blank optional fields left out. */
export function payloadOf(form: HTMLFormElement, fields: readonly ActionField[]): Record<string, unknown> {
  const data = new FormData(form);
  const payload: Record<string, unknown> = {};
  for (const f of flatFields(fields)) {
    if (f.kind === 'custom') continue;
    if (f.kind === 'checks') {
      payload[f.name] = data.getAll(f.name).map(String);
      continue;
    }
    if (f.kind === 'toggle') {
      payload[f.name] = data.get(f.name) !== null;
      continue;
    }
    const raw = String(data.get(f.name) ?? '').trim();
    if (f.kind === 'lines') {
      const list = raw.split(/[\n；;]+/).map((s) => s.trim()).filter(Boolean);
      if (list.length || !f.optional) payload[f.name] = list;
    } else if (raw || !f.optional) payload[f.name] = raw;
  }
  return payload;
}

/**
 * A small labelled form for one loop action (a reason, an opinion, evidence …), inline beside the
 * item it acts on. Its first field takes focus when it opens (see `focusActionForm`); Escape and
 * the cancel button close it; a refusal from the loop is shown in it as an alert.
 */
export function actionForm(o: ActionFormOptions): TemplateResult {
  const id = (name: string) => `${o.id}-${name}`;
  const submit = (event: Event) => {
    event.preventDefault();
    o.onSubmit(payloadOf(event.target as HTMLFormElement, o.fields));
  };
  const keydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') o.onCancel();
  };
  return html`<form class="action-form" part="action-form" aria-labelledby=${id('title')} @submit=${submit} @keydown=${keydown} novalidate>
    <p class="action-title" id=${id('title')}>${o.title}</p>
    ${o.problem ? html`<p class="action-problem" role="alert">${o.problem}</p>` : nothing}
    ${actionFields(o.fields, { id })}
    <div class="actions">
      <button type="submit" class="primary">${o.submitLabel}</button>
      <button type="button" @click=${o.onCancel}>${o.cancelLabel}</button>
    </div>
  </form>`;
}

/** How the fields of a form are rendered: their ids, what is typed so far, and what was refused. */
export interface FieldsOptions {
  /** The id of a field's control (its choices take `${id(name)}-${value}`). */
  readonly id: (name: string) => string;
  /** The values shown (the defaults, or what is typed so far); blank when absent. */
  readonly draft?: ActionDraft;
  /** Told of every change (a controlled form keeps the draft); the form is read on submit otherwise. */
  readonly change?: (name: string, value: string | boolean | string[]) => void;
  /** The inline error of a field, if the loop or core refused it (marks the control invalid). */
  readonly problem?: (name: string) => string | undefined;
  /** Marks a field's control invalid without an inline error (the refusal is said elsewhere, e.g. in an alert above the form). */
  readonly invalid?: (name: string) => boolean;
  /** Said after an optional field's label (e.g. "（选填）"). */
  readonly optionalMark?: string;
  /** Marks the fields that are not optional as `required`. */
  readonly required?: boolean;
  /** Checks as the person goes: a field's inline error shows once it has been left, every one once a submit was tried (see `FieldChecks`). */
  readonly checks?: FieldChecks;
  /** Puts a field's inline error between its label (and hint) and its control, where a form checked as the person goes keeps it in view while they type. */
  readonly errorAbove?: boolean;
}

/**
 * Which inline errors a form checked on blur shows: a field's once the person has left it, every
 * field's once a submit was tried (before that, nothing shouts at an empty form). Pass it as
 * `FieldsOptions.checks`; the host is asked to draw again when what shows changes.
 */
export class FieldChecks {
  private readonly left = new Set<string>();
  private submitted = false;

  constructor(private readonly host: { requestUpdate(): void }) {}

  /** Whether a field's error shows. */
  shows(name: string): boolean {
    return this.submitted || this.left.has(name);
  }

  /** Whether a submit was tried (every error shows, and the form's summary with them). */
  get tried(): boolean {
    return this.submitted;
  }

  /** The person left a field. */
  leave(name: string): void {
    if (this.left.has(name)) return;
    this.left.add(name);
    this.host.requestUpdate();
  }

  /** A submit was tried. */
  submit(): void {
    this.submitted = true;
    this.host.requestUpdate();
  }

  /** Back to an untouched form. */
  reset(): void {
    this.left.clear();
    this.submitted = false;
    this.host.requestUpdate();
  }
}

/** The fields of a form, in the one vocabulary (`ActionField`), with their labels, hints and inline errors. */
export function actionFields(fields: readonly ActionField[], o: FieldsOptions): TemplateResult[] {
  return fields.map((f) => actionField(f, o));
}

const inlineError = (id: string, error: string | undefined) => (error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing);
const hintOf = (id: string, hint: string | undefined) => (hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing);

/** A labelled field: label, the control (which must carry `id`), an optional hint and inline error. */
function field(id: string, label: TemplateResult, control: TemplateResult, o: FieldsOptions, left: (() => void) | undefined, error?: string, hint?: string): TemplateResult {
  return html`<div class="field" @focusout=${left}>
    <label for=${id}>${label}</label>
    ${hintOf(id, hint)} ${o.errorAbove ? inlineError(id, error) : nothing} ${control}
    ${o.errorAbove ? nothing : inlineError(id, error)}
  </div>`;
}

/** `aria-describedby` for a field with an optional hint and error. */
function describedBy(id: string, error?: string, hint?: boolean): string | typeof nothing {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || nothing;
}

/** One field: a labelled control (see `field`), a fieldset of choices, a yes/no box, a group or a row. */
function actionField(f: ActionField, o: FieldsOptions): TemplateResult {
  if (f.kind === 'group') return html`<fieldset><legend>${f.label}</legend>${actionFields(f.fields, o)}</fieldset>`;
  if (f.kind === 'row') return html`<div class="row">${actionFields(f.fields, o)}</div>`;
  const id = o.id(f.name);
  const value = o.draft?.[f.name];
  const text = typeof value === 'string' ? value : '';
  const problem = !o.checks || o.checks.shows(f.name) ? o.problem?.(f.name) : undefined;
  const described = describedBy(id, problem, !!f.hint);
  const invalid = problem || o.invalid?.(f.name) ? 'true' : 'false';
  // The mark stays its own text, as the intake form has always drawn it (one run of text kerns differently).
  const label = html`${f.label}${f.optional && o.optionalMark ? o.optionalMark : ''}`;
  const changed = (read: (el: HTMLInputElement) => string | boolean) => (o.change ? (e: Event) => o.change!(f.name, read(e.target as HTMLInputElement)) : undefined);
  const required = !!o.required && !f.optional;
  const checks = o.checks;
  const left = checks ? () => checks.leave(f.name) : undefined;
  if (f.kind === 'choice' || f.kind === 'checks') {
    const chosen = Array.isArray(value) ? value : [];
    const pick = (choice: string) =>
      o.change ? (e: Event) => o.change!(f.name, f.kind === 'choice' ? choice : (e.target as HTMLInputElement).checked ? [...chosen.filter((v) => v !== choice), choice] : chosen.filter((v) => v !== choice)) : undefined;
    const options = f.options.map(
      (opt) => html`<label class="choice"><input type=${f.kind === 'choice' ? 'radio' : 'checkbox'} id="${id}-${opt.value}" name=${f.name} value=${opt.value}
          .checked=${f.kind === 'choice' ? value === opt.value : chosen.includes(opt.value)} @change=${pick(opt.value)} />${opt.label}</label>`,
    );
    // The fieldset takes the field's id (focusable from an error summary's link to it).
    return html`<fieldset id=${id} tabindex="-1" part=${(f.kind === 'choice' && f.part) || nothing} aria-describedby=${described} aria-invalid=${invalid} @focusout=${checks ? (e: FocusEvent) => leaveChoice(e, f.name, checks) : undefined}>
      <legend>${label}</legend>
      ${hintOf(id, f.hint)} ${o.errorAbove ? inlineError(id, problem) : nothing}
      ${f.kind === 'checks' && f.inline ? html`<div class="row">${options}</div>` : options}
      ${f.kind === 'choice' && f.fields ? actionFields(f.fields, o) : nothing}
      ${o.errorAbove ? nothing : inlineError(id, problem)}
    </fieldset>`;
  }
  if (f.kind === 'toggle') {
    return html`<label class="choice" @focusout=${left}><input type="checkbox" id=${id} name=${f.name} .checked=${value === true} aria-describedby=${described} aria-invalid=${invalid}
        @change=${changed((el) => el.checked)} />${label}</label>${hintOf(id, f.hint)}${inlineError(id, problem)}`;
  }
  if (f.kind === 'custom') {
    return html`<div class="field" role="group" aria-labelledby="${id}-label" aria-describedby=${described} @focusout=${left}>
      <p class="label" id="${id}-label">${label}</p>
      ${hintOf(id, f.hint)} ${f.render()}
      ${inlineError(id, problem)}
    </div>`;
  }
  const input = changed((el) => el.value);
  const c: Control = { id, name: f.name, text, required, described, invalid, input };
  const control =
    f.kind === 'lines' || f.kind === 'textarea'
      ? html`<textarea id=${id} name=${f.name} ?required=${required} aria-describedby=${described} aria-invalid=${invalid} .value=${text} @input=${input}></textarea>`
      : f.kind === 'select'
        ? selectOf(f, c, o.draft)
        : f.kind === 'number'
          ? html`<input id=${id} name=${f.name} type="number" inputmode=${Number.isInteger(f.step ?? 1) ? 'numeric' : 'decimal'} min=${f.min ?? 0} max=${f.max ?? nothing} step=${f.step ?? 1} ?required=${required}
              aria-describedby=${described} aria-invalid=${invalid} .value=${text} @input=${input} />`
          : textInput(f.kind, c, f.kind === 'text' && f.suggestions ? computed(f.suggestions, o.draft) : []);
  return field(id, label, control, o, left, problem, f.hint);
}

/** Leaving one of a choice's own boxes leaves the choice (not leaving a field it asks next, inside its fieldset). */
function leaveChoice(event: FocusEvent, name: string, checks: FieldChecks): void {
  if ((event.target as HTMLInputElement).name === name) checks.leave(name);
}

/** What every control of a field carries: its id and name, value, and how it is described and marked. */
interface Control {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly required: boolean;
  readonly described: string | typeof nothing;
  readonly invalid: string;
  readonly input: ((e: Event) => void) | undefined;
}

/** A drop-down: its placeholder first, then its options (computed from what is typed, where they follow another field). */
function selectOf(f: Extract<ActionField, { kind: 'select' }>, c: Control, draft: ActionDraft | undefined): TemplateResult {
  const options = optionsOf(f, draft);
  const choices = f.placeholder === undefined ? options : [{ value: '', label: computed(f.placeholder, draft) }, ...options];
  // Nothing to choose but the placeholder ("choose a town first"): the list waits for the field it follows.
  return html`<select id=${c.id} name=${c.name} ?required=${c.required} ?disabled=${f.placeholder !== undefined && options.length === 0} aria-describedby=${c.described} aria-invalid=${c.invalid} @change=${c.input}>
    ${choices.map((opt) => html`<option value=${opt.value} ?selected=${c.text === opt.value}>${opt.label}</option>`)}
  </select>`;
}

/** A one-line input; a text field's suggestions are its `<datalist>` (free text still allowed). */
function textInput(kind: keyof typeof INPUT_TYPES, c: Control, suggestions: readonly string[]): TemplateResult {
  const list = suggestions.length ? `${c.id}-suggestions` : undefined;
  return html`<input id=${c.id} name=${c.name} type=${INPUT_TYPES[kind]} ?required=${c.required} list=${list ?? nothing} aria-describedby=${c.described} aria-invalid=${c.invalid} .value=${c.text} @input=${c.input} />${list
      ? html`<datalist id=${list}>${suggestions.map((s) => html`<option value=${s}></option>`)}</datalist>`
      : nothing}`;
}

const INPUT_TYPES = { text: 'text', tel: 'tel', date: 'date', datetime: 'datetime-local' } as const;

/** Moves focus into the open action form (its first field, or its submit button). */
export function focusActionForm(root: ParentNode | null | undefined): void {
  root?.querySelector<HTMLElement>('.action-form :is(input, textarea, select, button)')?.focus();
}

/** Layout of the inline action form; its controls take `formStyles`, which a widget using it includes. */
export const actionFormStyles = css`
  .action-form {
    display: grid;
    gap: 6px;
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_space) * 0.75);
    margin-top: 6px;
    background: var(--_surface);
  }
  .action-title {
    font-weight: 600;
    margin: 0;
  }
  .action-problem {
    color: var(--_bad);
    font-weight: 600;
    margin: 0;
  }
`;
