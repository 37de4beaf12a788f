import { css } from 'lit';

export const disputeLedgerStyles = css`
  :host {
    --_row-h: 40px;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: flex-end;
    margin-bottom: var(--_space);
  }
  .filters label {
    display: grid;
    gap: 2px;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .filters label.check {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  select,
  button {
    font: inherit;
    font-size: 0.875rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    padding: 4px 8px;
  }
  button {
    cursor: pointer;
    min-height: 28px;
  }
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
    margin: 0;
  }
  button.export {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  select:focus-visible,
  button:focus-visible,
  input:focus-visible,
  .scroll:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  .summary {
    margin: 0 0 var(--_space);
    font-variant-numeric: tabular-nums;
  }
  .note {
    color: var(--_muted);
    font-size: 0.875rem;
    margin: 0 0 var(--_space);
  }
  .scroll {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .table {
    min-width: 76rem;
    font-size: 0.875rem;
  }
  .row {
    display: grid;
    grid-template-columns: 11rem minmax(9rem, 1.4fr) 5.5rem 8rem 7rem minmax(9rem, 1.4fr) 10rem 5.5rem 5rem 9.5rem;
    height: var(--_row-h);
    align-items: center;
    border-bottom: 1px solid var(--_border);
  }
  .row > * {
    padding: 0 8px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .head {
    font-weight: 600;
    background: var(--bh-dispute-ledger-head-surface, #f6f8fa);
  }
  .head button {
    border: none;
    background: none;
    padding: 0;
    font-weight: 600;
    text-align: left;
  }
  .body {
    position: relative;
    overflow-y: auto;
    max-height: var(--bh-dispute-ledger-height, 28rem);
  }
  .rows {
    position: relative;
  }
  .rows .row {
    position: absolute;
    left: 0;
    right: 0;
  }
  .open {
    border: none;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    font-variant-numeric: tabular-nums;
  }
  .late {
    color: var(--_bad);
    font-weight: 600;
  }
  .empty {
    padding: var(--_space);
    color: var(--_muted);
    margin: 0;
  }
`;
