import { css, html, nothing, type TemplateResult } from 'lit';

/** One choice of a `select`, `choice` or `checks` field. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/**
 * One field of a loop action's form, as data — the one vocabulary every widget's action forms are
 * declared in (the row actions of `LoopActions`, the dispute case's action table). `text` is one
 * line, `date` a date, `lines` a textarea read as a list (one entry a line), `textarea` free text;
 * `select` (a drop-down) and `choice` (radio buttons) take one of `options`, `checks` any of them
 * (a list), `toggle` is yes or no; `group` puts fields under one legend.
 */
export type ActionField =
  | { readonly kind: 'text' | 'date' | 'lines' | 'textarea'; readonly name: string; readonly label: string; readonly optional?: boolean; readonly hint?: string }
  | { readonly kind: 'select' | 'choice' | 'checks'; readonly name: string; readonly label: string; readonly options: readonly Choice[]; readonly optional?: boolean; readonly hint?: string }
  | { readonly kind: 'toggle'; readonly name: string; readonly label: string; readonly optional?: boolean; readonly hint?: string }
  | { readonly kind: 'group'; readonly label: string; readonly fields: readonly ActionField[] };

/** The fields of a form with its groups opened up, in order. */
export function flatFields(fields: readonly ActionField[]): Exclude<ActionField, { kind: 'group' }>[] {
  return fields.flatMap((f) => (f.kind === 'group' ? flatFields(f.fields) : [f]));
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
    ${o.fields.map((f) => actionField(f, id))}
    <div class="actions">
      <button type="submit" class="primary">${o.submitLabel}</button>
      <button type="button" @click=${o.onCancel}>${o.cancelLabel}</button>
    </div>
  </form>`;
}

/** One field of an action form, uncontrolled (its value is read from the form on submit). */
function actionField(f: ActionField, id: (name: string) => string): TemplateResult {
  if (f.kind === 'group') return html`<fieldset class="action-field"><legend>${f.label}</legend>${f.fields.map((inner) => actionField(inner, id))}</fieldset>`;
  const hint = f.hint ? html`<span class="hint" id=${id(`${f.name}-hint`)}>${f.hint}</span>` : nothing;
  const described = f.hint ? id(`${f.name}-hint`) : nothing;
  if (f.kind === 'choice' || f.kind === 'checks') {
    const type = f.kind === 'choice' ? 'radio' : 'checkbox';
    return html`<fieldset class="action-field" aria-describedby=${described}>
      <legend>${f.label}</legend>
      ${hint}
      ${f.options.map((opt) => html`<label class="choice"><input type=${type} id=${id(`${f.name}-${opt.value}`)} name=${f.name} value=${opt.value} />${opt.label}</label>`)}
    </fieldset>`;
  }
  if (f.kind === 'toggle') return html`<label class="choice"><input type="checkbox" id=${id(f.name)} name=${f.name} aria-describedby=${described} />${f.label}</label>${hint}`;
  const control =
    f.kind === 'lines' || f.kind === 'textarea'
      ? html`<textarea id=${id(f.name)} name=${f.name} rows=${f.kind === 'lines' ? 2 : 3} aria-describedby=${described}></textarea>`
      : f.kind === 'select'
        ? html`<select id=${id(f.name)} name=${f.name} aria-describedby=${described}>${f.options.map((opt) => html`<option value=${opt.value}>${opt.label}</option>`)}</select>`
        : html`<input id=${id(f.name)} name=${f.name} type=${f.kind === 'date' ? 'date' : 'text'} aria-describedby=${described} />`;
  return html`<div class="action-field">
    <label for=${id(f.name)}>${f.label}</label>
    ${hint} ${control}
  </div>`;
}

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
  .action-field {
    display: grid;
    gap: 2px;
  }
  .action-field label {
    font-weight: 600;
    font-size: 0.875rem;
  }
  .action-field .hint {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
`;
