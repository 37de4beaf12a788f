import { defineElement } from '../../internal/define.js';
import { BhDisputeIntake } from './dispute-intake.component.js';

export { BhDisputeIntake };
defineElement('bh-dispute-intake', BhDisputeIntake);

declare global {
  interface HTMLElementTagNameMap {
    'bh-dispute-intake': BhDisputeIntake;
  }
}
