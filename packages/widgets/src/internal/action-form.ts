import { css, html, nothing, type TemplateResult } from 'lit';

/** One field of a loop action's payload, as a small inline form asks for it. */
export interface ActionField {
  readonly name: string;
  readonly label: string;
  /** `text` (one line), `lines` (a textarea read as a list, one entry a line), `date`, or `select`. */
  readonly kind: 'text' | 'lines' | 'date' | 'select';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** Left out of the payload when blank. */
  readonly optional?: boolean;
  readonly hint?: string;
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

/** The payload a form's fields give: `lines` split into a list of non-blank entries; blank optional fields left out. */
export function payloadOf(form: HTMLFormElement, fields: readonly ActionField[]): Record<string, unknown> {
  const data = new FormData(form);
  const payload: Record<string, unknown> = {};
  for (const f of fields) {
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
    ${o.fields.map((f) => {
      const control =
        f.kind === 'lines'
          ? html`<textarea id=${id(f.name)} name=${f.name} rows="2" aria-describedby=${f.hint ? id(`${f.name}-hint`) : nothing}></textarea>`
          : f.kind === 'select'
            ? html`<select id=${id(f.name)} name=${f.name}>${(f.options ?? []).map((opt) => html`<option value=${opt.value}>${opt.label}</option>`)}</select>`
            : html`<input id=${id(f.name)} name=${f.name} type=${f.kind === 'date' ? 'date' : 'text'} aria-describedby=${f.hint ? id(`${f.name}-hint`) : nothing} />`;
      return html`<div class="action-field">
        <label for=${id(f.name)}>${f.label}</label>
        ${f.hint ? html`<span class="hint" id=${id(`${f.name}-hint`)}>${f.hint}</span>` : nothing} ${control}
      </div>`;
    })}
    <div class="actions">
      <button type="submit" class="primary">${o.submitLabel}</button>
      <button type="button" @click=${o.onCancel}>${o.cancelLabel}</button>
    </div>
  </form>`;
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
