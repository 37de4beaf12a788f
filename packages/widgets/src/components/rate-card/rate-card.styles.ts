import { css } from 'lit';

/** The card's own rules. `height: 100%`: cards side by side in a host's grid or flex row are as tall as the tallest. */
export const rateCardStyles = css`
  .card {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 10rem;
    height: 100%;
  }
  .label {
    font-size: 0.875rem;
    color: var(--_muted);
    margin: 0 0 4px;
  }
  .value {
    font-size: var(--bh-rate-card-value-size, 2rem);
    font-weight: 600;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
    color: var(--bh-rate-card-value-color, var(--_text));
  }
  .counts,
  .empty {
    margin: 4px 0 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .change {
    margin: 8px 0 0;
    font-size: 0.875rem;
    display: flex;
    gap: 4px;
    align-items: baseline;
  }
  .change.better {
    color: var(--_good);
  }
  .change.worse {
    color: var(--_bad);
  }
  .change.flat,
  .change.none {
    color: var(--_muted);
  }
`;
