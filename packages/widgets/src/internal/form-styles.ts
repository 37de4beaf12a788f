import { css } from 'lit';

/**
 * A field in error: a 2 px border in the error colour. As specific as the control rules and placed
 * after them, so no rule that sizes a control can take its red border away.
 */
export const invalidStyles = css`
  :is(input, select, textarea, fieldset)[aria-invalid='true'] {
    border-color: var(--_bad);
    border-width: 2px;
  }
`;

/** Form layout for widgets with forms: fields, fieldsets, hints, inline errors, buttons. */
export const formStyles = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .field label,
  .label {
    font-weight: 600;
    font-size: 0.9375rem;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875rem;
    margin: 0;
  }
  input:not([type='checkbox'], [type='radio'], [type='range'], [type='color'], [type='file'], [type='submit'], [type='button'], [type='reset']),
  select,
  textarea {
    font: inherit;
    letter-spacing: normal;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    padding: 6px 8px;
    margin: 0;
    max-width: min(40rem, 100%);
    min-width: 0;
    width: 100%;
    height: auto;
  }
  input[type='number'],
  input[type='datetime-local'] {
    max-width: min(14rem, 100%);
  }
  textarea {
    min-height: 5rem;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  ${invalidStyles}
  .field-error {
    color: var(--_bad);
    font-weight: 600;
    font-size: 0.875rem;
    margin: 0;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 24px;
    height: 24px;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .choice {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .row > .field {
    flex: 1 1 12rem;
  }
  button {
    appearance: none;
    display: inline-block;
    min-height: 32px;
    max-width: 100%;
    margin: 0;
    font: inherit;
    line-height: 1.25;
    text-align: center;
    overflow-wrap: anywhere;
    border-radius: calc(var(--_radius) / 2);
    padding: 6px 14px;
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: #fff;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .status {
    color: var(--_good);
    font-weight: 600;
    margin: 0;
  }
`;

