import { css } from 'lit';
import { invalidStyles } from '../../internal/form-styles.js';

export const attachmentsStyles = css`
  .drop {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .drop.over {
    border-color: var(--_accent);
  }
  .hash {
    font-family: ui-monospace, 'Noto Sans Mono CJK SC', monospace;
  }
  .refused {
    color: var(--_bad);
  }
  /* A file picker has no border of its own: give it one, so that in error it turns red like any field. */
  input[type='file'] {
    border: 1px solid transparent;
    border-radius: var(--_radius);
    padding: 2px;
  }
  ${invalidStyles}
`;
