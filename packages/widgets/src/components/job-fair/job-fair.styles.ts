import { css } from 'lit';

export const jobFairStyles = css`
  .sub {
    display: block;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .matches {
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .matches h3 {
    margin: 0 0 8px;
    font-size: 1rem;
  }
  .matches ul {
    margin: 4px 0 8px;
    padding-inline-start: 1.25rem;
  }
`;
