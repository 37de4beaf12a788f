import { css } from 'lit';

export const taskSupervisionStyles = css`
  h2 {
    font-size: 1.25rem;
    margin: 0 0 var(--_space);
  }
  .path ol {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  .path li + li::before {
    content: '›';
    color: var(--_muted);
    margin-right: 4px;
  }
  .link {
    border: none;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    padding: 4px 2px;
    min-height: 24px;
  }
  .laggard {
    color: var(--_bad);
    font-weight: 600;
    font-size: 0.8125rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 6px;
    margin-left: 6px;
    white-space: nowrap;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin: 0 0 var(--_space);
  }
  .status {
    min-height: 1.5em;
  }
`;
