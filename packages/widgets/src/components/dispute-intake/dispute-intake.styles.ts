import { css } from 'lit';

export const disputeIntakeStyles = css`
  h2.heading {
    font-size: 1.125rem;
    margin: 0 0 var(--_space);
  }
  fieldset.all {
    border: none;
    padding: 0;
  }
  .party {
    border-style: dashed;
  }
`;
export const disputeIntakeExtraStyles = css`
  .duplicates {
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block: var(--_space);
  }
  .duplicates h3 {
    font-size: 1rem;
    margin: 0;
  }
  .duplicates ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  fieldset[part='end'] {
    margin-block: var(--_space);
  }
`;
