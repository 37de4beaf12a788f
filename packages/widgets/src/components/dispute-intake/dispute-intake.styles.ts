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
