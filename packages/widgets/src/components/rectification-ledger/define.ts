import { defineElement } from '../../internal/define.js';
import { BhRectificationLedger } from './rectification-ledger.component.js';

export { BhRectificationLedger };
defineElement('bh-rectification-ledger', BhRectificationLedger);

declare global {
  interface HTMLElementTagNameMap {
    'bh-rectification-ledger': BhRectificationLedger;
  }
}
