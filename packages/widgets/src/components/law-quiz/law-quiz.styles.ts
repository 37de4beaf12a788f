import { css } from 'lit';

export const lawQuizStyles = css`
  :host {
    font-size: var(--bh-law-quiz-font-size, 1.125rem);
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 var(--_space);
  }
  .notice {
    border-inline-start: 4px solid var(--_accent);
    padding: 4px 10px;
    margin: 0 0 var(--_space);
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .progress {
    color: var(--_muted);
    margin: 0;
  }
  .options {
    display: grid;
    gap: 8px;
  }
  .option {
    display: flex;
    gap: 10px;
    align-items: center;
    min-height: 48px;
    padding: 8px 12px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
  }
  .option:has(input:focus-visible) {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .option input {
    width: 1.375rem;
    height: 1.375rem;
    margin: 0;
    flex: none;
  }
  .option.answer {
    border-color: var(--_good);
  }
  button {
    min-height: 48px;
    font-size: 1.0625rem;
  }
  .feedback {
    margin: 0;
  }
  .feedback:not(:empty) {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .feedback .good,
  .feedback .bad {
    font-weight: 700;
  }
  .score {
    font-size: 1.5rem;
    font-weight: 600;
  }
`;
