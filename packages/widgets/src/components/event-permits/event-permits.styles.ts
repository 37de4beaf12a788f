import { css } from 'lit';

export const eventPermitsStyles = css`
  .state {
    white-space: nowrap;
  }
  .sub {
    display: block;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  form.action {
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
`;
