import { css } from 'lit';

export const noticeLogStyles = css`
  .log {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .heading {
    font-size: 1rem;
    margin: 0 0 4px;
  }
  .count,
  .empty {
    margin: 0 0 8px;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: var(--bh-notice-log-max-height, 32rem);
    overflow-y: auto;
  }
  .list:focus-visible {
    outline: 2px solid var(--_text);
    outline-offset: 2px;
  }
  .notice,
  .invalid {
    padding: 8px 0;
    border-top: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .invalid {
    color: var(--_bad);
  }
  .meta {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  time {
    font-variant-numeric: tabular-nums;
  }
  .text {
    margin: 2px 0 0;
  }
`;
