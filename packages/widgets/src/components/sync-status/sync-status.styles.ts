import { css } from 'lit';

export const syncStatusStyles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .status {
    margin: 0;
    flex: 1 1 16rem;
  }
  .state {
    font-weight: 600;
  }
  .state.online {
    color: var(--bh-sync-status-online-color, var(--_good));
  }
  .state.offline {
    color: var(--bh-sync-status-offline-color, var(--_bad));
  }
  .muted {
    color: var(--_muted);
  }
  .error,
  .refusals {
    color: var(--_bad);
    margin: calc(var(--_space) / 2) 0 0;
  }
  .refusals ul {
    margin: 4px 0 0;
    padding-inline-start: 1.25em;
  }
  .refusals li {
    margin: 2px 0;
  }
  .refusals li span {
    color: var(--_text);
  }
  .refusals button {
    min-height: 1.75rem;
    margin-inline-start: 0.5em;
  }
`;
