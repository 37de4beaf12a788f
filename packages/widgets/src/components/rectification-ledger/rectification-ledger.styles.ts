import { css } from 'lit';

export const rectificationLedgerStyles = css`
  .ledger {
    display: grid;
    gap: var(--_space);
  }
  .heading {
    font-size: 1.125rem;
    margin: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  .toolbar .field {
    flex: 0 1 16rem;
  }
  tr.overdue th,
  tr.overdue td {
    background: var(--bh-rectification-overdue-surface, #fff5f5);
  }
  .flag {
    display: inline-block;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_bad);
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 6px;
    margin-top: 2px;
  }
`;
