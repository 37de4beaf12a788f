import { css } from 'lit';

export const taskChecklistStyles = css`
  :host {
    max-width: 60rem;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 var(--_space);
  }
  h3 {
    font-size: 1.0625rem;
    margin: 0;
  }
  .progress {
    display: grid;
    gap: 4px;
    margin: 0 0 var(--_space);
  }
  .progress strong {
    font-size: 1.5rem;
    font-variant-numeric: tabular-nums;
  }
  progress {
    width: 100%;
    height: 10px;
    accent-color: var(--_good);
  }
  .reminders {
    border: 1px solid var(--_bad);
    border-left-width: 6px;
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  .reminders ul,
  .tasks {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .reminders li {
    padding: 2px 0;
  }
  .category {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    background: var(--_surface);
  }
  .category > summary {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    align-items: baseline;
    padding: var(--_space);
    cursor: pointer;
  }
  .category > summary:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: -3px;
  }
  .task {
    border-top: 1px solid var(--_border);
    padding: calc(var(--_space) * 0.75) var(--_space);
    display: grid;
    gap: 6px;
  }
  .task:focus {
    outline: none;
  }
  .task-head {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: baseline;
  }
  .title {
    font-weight: 600;
    flex: 1 1 12rem;
  }
  .badge {
    font-size: 0.8125rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0 8px;
    white-space: nowrap;
  }
  .overdue {
    color: var(--_bad);
    font-weight: 600;
  }
  .soon {
    color: var(--bh-task-checklist-soon-color, #8a4b00);
    font-weight: 600;
  }
  .done {
    color: var(--_good);
  }
  .meta {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .task form {
    border-left: 3px solid var(--_accent);
    padding-left: var(--_space);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .status {
    margin: 0 0 var(--_space);
  }
  .empty {
    color: var(--_muted);
  }
`;
