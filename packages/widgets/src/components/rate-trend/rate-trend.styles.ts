import { css } from 'lit';

/** The chart's own rules. On screen the figures' table is for screen readers only: at its narrowest, so that it never widens the page. */
export const rateTrendStyles = css`
  .trend {
    position: relative;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .label {
    font-weight: 600;
    margin: 0 0 4px;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    max-height: var(--bh-rate-trend-height, 16rem);
    overflow: visible;
  }
  .axis {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .tick {
    fill: var(--_muted);
    font-size: 11px;
  }
  .line {
    fill: none;
    stroke-width: 2;
  }
  .s0 {
    stroke: var(--bh-rate-trend-color, var(--_accent));
    fill: var(--bh-rate-trend-color, var(--_accent));
  }
  .s1 {
    stroke: var(--bh-rate-trend-compare-color, var(--_muted));
    fill: var(--bh-rate-trend-compare-color, var(--_muted));
  }
  .s1.line {
    stroke-dasharray: 5 3;
    fill: none;
  }
  .s0.line {
    fill: none;
  }
  .bar {
    fill: var(--bh-rate-trend-color, var(--_accent));
  }
  .bar.below {
    fill: var(--bh-rate-trend-below-color, var(--_bad));
  }
  .reference {
    stroke: var(--bh-rate-trend-reference-color, var(--_text));
    stroke-width: 2;
    stroke-dasharray: 6 3;
  }
  .point {
    cursor: pointer;
    outline: none;
  }
  .point:focus-visible .ring,
  .point:focus .ring {
    stroke: var(--_text);
    stroke-width: 3;
    fill: none;
  }
  .ring {
    fill: none;
    stroke: none;
  }
  .focus,
  .summary,
  .legend {
    margin: 4px 0 0;
    font-size: 0.875rem;
    color: var(--_muted);
    min-height: 1.25rem;
  }
  .legend {
    display: flex;
    gap: 12px;
    flex-wrap: wrap;
    padding: 0;
    list-style: none;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 3px;
    margin-inline-end: 4px;
    vertical-align: middle;
    background: var(--bh-rate-trend-color, var(--_accent));
  }
  .swatch.s1 {
    background: var(--bh-rate-trend-compare-color, var(--_muted));
  }
  .swatch.ref {
    background: var(--bh-rate-trend-reference-color, var(--_text));
  }
  .focus {
    color: var(--_text);
  }
  .data.visually-hidden {
    top: 0;
    left: 0;
  }
  .data.visually-hidden table {
    width: 1px;
    white-space: normal;
  }
  @media print {
    .data.visually-hidden table {
      width: auto;
    }
    svg,
    .focus {
      display: none;
    }
    .data.visually-hidden {
      position: static;
      width: auto;
      height: auto;
      clip: auto;
      clip-path: none;
      overflow: visible;
      white-space: normal;
    }
  }
`;
