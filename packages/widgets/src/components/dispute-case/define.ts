import { defineElement } from '../../internal/define.js';
import { BhDisputeCase } from './dispute-case.component.js';

export { BhDisputeCase };
defineElement('bh-dispute-case', BhDisputeCase);

declare global {
  interface HTMLElementTagNameMap {
    'bh-dispute-case': BhDisputeCase;
  }
}
