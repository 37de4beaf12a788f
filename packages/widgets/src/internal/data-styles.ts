import { css } from 'lit';

/** Data views: key figures, tables with captions, a pager, and number and time inputs beside `formStyles`. */
export const dataStyles = css`
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: var(--_space);
    margin: 0 0 var(--_space);
  }
  .figures > div {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface);
  }
  .figures dt {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .figures dd {
    margin: 2px 0 0;
    font-size: 1.5rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    overflow-x: auto;
    margin: 0 0 var(--_space);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375rem;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0 0 6px;
  }
  th,
  td {
    text-align: start;
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    color: var(--_muted);
    font-weight: 600;
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .good {
    color: var(--_good);
  }
  .bad {
    color: var(--_bad);
  }
  .muted {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .pager {
    display: flex;
    gap: var(--_space);
    align-items: center;
    margin: 0 0 var(--_space);
  }
  .empty {
    color: var(--_muted);
    margin: 0 0 var(--_space);
  }
`;

/** Focus ring of a scrollable table region. */
export const scrollRegionStyles = css`
  .table-wrap:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
`;
