import { defineElement } from '../../internal/define.js';
import { BhEventPermits } from './event-permits.component.js';

export { BhEventPermits };
defineElement('bh-event-permits', BhEventPermits);

declare global {
  interface HTMLElementTagNameMap {
    'bh-event-permits': BhEventPermits;
  }
}
