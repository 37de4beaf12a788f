import { css } from 'lit';

export const scorecardStyles = css`
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
    display: grid;
    gap: var(--_space);
  }
  .heading {
    font-size: 1.125rem;
    margin: 0;
  }
  .subject {
    margin: 0;
    color: var(--_muted);
  }
  .check {
    border-left: 4px solid var(--_good);
    padding: 4px 0 4px var(--_space);
  }
  .check.refused {
    border-left-color: var(--_bad);
  }
  .check h3,
  .breakdown-title {
    font-size: 1rem;
    margin: 0 0 4px;
  }
  .check p,
  .check ul {
    margin: 0;
  }
  .check .verdict {
    font-weight: 600;
  }
  .check.refused .verdict {
    color: var(--_bad);
  }
  .levels {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
  }
  .total-row th,
  .total-row td {
    font-weight: 700;
    border-top: 2px solid var(--_text);
  }
  .grade {
    font-size: 1.25rem;
  }
  .reasons {
    color: var(--_bad);
    margin: 0;
  }
`;
