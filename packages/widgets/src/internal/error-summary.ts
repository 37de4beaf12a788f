import { css, html, nothing, type TemplateResult } from 'lit';

/** One entry of an error summary: the field's id (in the same root), its label and what is wrong. */
export interface FieldError {
  readonly id: string;
  readonly label: string;
  readonly message: string;
}

/** Moves focus to the field with this id in `root` (a widget's shadow root), and brings it into view. */
export function focusField(root: ParentNode | null | undefined, id: string): void {
  const field = root?.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (!field) return;
  field.focus();
  field.scrollIntoView?.({ block: 'center' });
}

/**
 * An error summary as GC Design System's: a titled box listing every error, each a link that moves
 * focus to its field. Render it at the top of a form; after a refused submit call
 * `focusErrorSummary` so that keyboard and screen-reader users land on it. `errors` without an id
 * (a problem of the whole form) are listed as text.
 */
export function errorSummary(
  root: () => ParentNode | null | undefined,
  title: string,
  errors: readonly (FieldError | { readonly id?: undefined; readonly label?: string; readonly message: string })[],
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  // The separator of the summary's language (its title is in it): never a Chinese colon in English.
  const sep = /[\u3400-\u9fff]/.test(title) ? '：' : ': ';
  const go = (id: string) => (event: Event) => {
    event.preventDefault();
    focusField(root(), id);
  };
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title" class="error-summary-title">${title}</h2>
    <ul>
      ${errors.map((e) =>
        e.id
          ? html`<li><a href="#${e.id}" @click=${go(e.id)}>${e.label ? `${e.label}${sep}` : ''}${e.message}</a></li>`
          : html`<li>${e.label ? `${e.label}${sep}` : ''}${e.message}</li>`,
      )}
    </ul>
  </div>`;
}

/** Focuses the error summary rendered in `root`, if any. */
export function focusErrorSummary(root: ParentNode | null | undefined): void {
  const box = root?.querySelector<HTMLElement>('.error-summary');
  box?.focus();
  box?.scrollIntoView?.({ block: 'nearest' });
}

export const errorSummaryStyles = css`
  .error-summary {
    border: 2px solid var(--_bad);
    border-left-width: 6px;
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
    background: var(--_surface);
  }
  .error-summary:focus {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .error-summary-title {
    font-size: 1rem;
    margin: 0 0 6px;
    color: var(--_bad);
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  .error-summary a {
    display: inline-block;
    min-height: 24px;
    line-height: 24px;
    color: var(--_bad);
    text-decoration: underline;
  }
  .error-summary a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
`;
