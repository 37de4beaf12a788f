import { css } from 'lit';

export const disputeCaseStyles = css`
  h2 {
    font-size: 1.125rem;
    margin: 0 0 4px;
  }
  h3 {
    font-size: 1rem;
    margin: var(--_space) 0 6px;
  }
  .id {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    margin: 0 0 var(--_space);
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  .late {
    color: var(--_bad);
    font-weight: 600;
  }
  ol.timeline {
    list-style: none;
    padding: 0;
    margin: 0;
    border-left: 3px solid var(--_border);
  }
  ol.timeline li {
    padding: 4px 0 8px 12px;
  }
  ol.timeline time {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
    margin-right: 8px;
  }
  .what {
    font-weight: 600;
  }
  .detail {
    margin: 2px 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .action-form {
    margin-top: var(--_space);
  }
  .refusal {
    border: 2px solid var(--_bad);
    border-radius: var(--_radius);
    padding: var(--_space);
    color: var(--_bad);
    margin-top: var(--_space);
  }
  .refusal strong {
    display: block;
  }
  .muted {
    color: var(--_muted);
  }
  .print-section bh-print-document {
    display: block;
    margin-block-start: var(--_space);
  }
  /* Printing with a document open prints only that document: the case's screen and the buttons stay off paper. */
  @media print {
    .case.printing,
    .screen-only {
      display: none;
    }
  }
`;
