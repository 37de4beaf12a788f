import { css } from 'lit';

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
`;
