import { css } from 'lit';

export const receptionIssuesStyles = css`
  .issues {
    display: grid;
    gap: var(--_space);
  }
  .heading {
    font-size: 1.125rem;
    margin: 0;
  }
  .dissatisfied {
    color: var(--_bad);
    font-weight: 600;
  }
`;
