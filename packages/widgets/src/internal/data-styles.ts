import { css } from 'lit';

/**
 * A table's horizontal scroll region (`scrollRegion()`): a focus ring, and while its table is wider
 * than the widget a "scroll sideways" line (words and arrows, not colour alone) that stays in view,
 * with shadows at the edges that still hide content. Screen readers get the region's name instead.
 */
export const scrollRegionStyles = css`
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
    container-type: scroll-state;
    background:
      linear-gradient(to right, var(--_surface) 40%, transparent) left / 1.5rem 100% no-repeat local,
      linear-gradient(to left, var(--_surface) 40%, transparent) right / 1.5rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.22), transparent) left / 0.75rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.22), transparent) right / 0.75rem 100% no-repeat scroll;
    background-color: var(--_surface);
  }
  .table-wrap:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  @container scroll-state(scrollable: inline) {
    .table-wrap::before {
      content: '← 左右滑动查看 →' / '';
      display: block;
      position: sticky;
      left: 0;
      padding: 2px 0 4px;
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    :host(:lang(en)) .table-wrap::before {
      content: '← Scroll sideways to see more →' / '';
    }
  }
`;

/** Data views: key figures, tables with captions, a pager, and number and time inputs beside `formStyles`. */
export const dataStyles = css`
  ${scrollRegionStyles}
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
    margin: 0 0 var(--_space);
  }
  table {
    border-collapse: collapse;
    border-spacing: 0;
    table-layout: auto;
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
    /* On a narrow screen a table scrolls in its region rather than squeezing Chinese text to a
       character or two a line. */
    min-width: 4.5em;
    text-align: start;
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
    /* First lines share a baseline: a number sits level with its row's label. */
    vertical-align: baseline;
  }
  th {
    color: var(--_muted);
    font-weight: 600;
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* A date or a time reads whole: "2026-12-03" never breaks at its hyphens, in any language. */
  .date,
  time {
    white-space: nowrap;
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
