import { css } from 'lit';

export const supervisionOrdersStyles = css`
  .orders {
    display: grid;
    gap: var(--_space);
  }
  .heading {
    font-size: 1.125rem;
    margin: 0;
  }
  .period {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .late {
    color: var(--_bad);
    font-weight: 600;
  }
`;
