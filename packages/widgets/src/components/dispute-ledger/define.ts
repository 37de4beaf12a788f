import { defineElement } from '../../internal/define.js';
import { BhDisputeLedger } from './dispute-ledger.component.js';

export { BhDisputeLedger };
defineElement('bh-dispute-ledger', BhDisputeLedger);

declare global {
  interface HTMLElementTagNameMap {
    'bh-dispute-ledger': BhDisputeLedger;
  }
}
