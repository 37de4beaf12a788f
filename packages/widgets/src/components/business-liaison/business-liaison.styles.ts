import { css } from 'lit';

export const businessLiaisonStyles = css`
  .sub {
    display: block;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  form.panel {
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
`;
