import { css } from 'lit';
import { scrollRegionStyles } from '../../internal/data-styles.js';
import { invalidStyles } from '../../internal/form-styles.js';

export const disputeLedgerStyles = css`
  ${scrollRegionStyles}
  :host {
    --_row-h: 56px;
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
    min-width: 0;
    max-width: 100%;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .filters label.check {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  select {
    width: 100%;
    max-width: 100%;
    min-width: 0;
  }
  select,
  button {
    margin: 0;
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
    line-height: 1.25;
    text-align: center;
  }
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
    margin: 0;
    flex: none;
  }
  ${invalidStyles}
  button.export {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  select:focus-visible,
  button:focus-visible,
  input:focus-visible {
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
  .table-wrap {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* The columns' sum: the ledger fits a 1280 px page without scrolling; narrower pages scroll it. */
  .table {
    min-width: 73rem;
    font-size: 0.875rem;
  }
  .row {
    display: grid;
    grid-template-columns: 10.5rem minmax(6.5rem, 1.4fr) 5.5rem 7.5rem 7rem minmax(6.5rem, 1.4fr) 9rem 6rem 4.5rem 10rem;
    height: var(--_row-h);
    align-items: center;
    border-bottom: 1px solid var(--_border);
  }
  /* A cell wraps onto a second line rather than cut its words; ids, phones and dates never wrap. */
  .row > * {
    padding: 0 8px;
    overflow: hidden;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-height: 1.35;
  }
  .row .nowrap {
    white-space: nowrap;
  }
  .head {
    font-weight: 600;
    background: var(--bh-dispute-ledger-head-surface, #f6f8fa);
    height: auto;
    min-height: var(--_row-h);
  }
  /* Column names wrap rather than spill out of their column. */
  .head > * {
    white-space: normal;
    overflow: visible;
  }
  .head button {
    border: none;
    background: none;
    padding: 0;
    font-weight: 600;
    text-align: start;
    text-decoration: underline dotted;
    text-underline-offset: 3px;
    max-width: 100%;
  }
  /* A sortable column not sorted yet says so with an arrow, beside the underline. */
  .head [aria-sort='none'] button::after {
    content: ' ↕' / '';
  }
  .body {
    position: relative;
    overflow-x: hidden;
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
    white-space: nowrap;
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
