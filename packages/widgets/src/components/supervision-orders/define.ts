import { defineElement } from '../../internal/define.js';
import { BhSupervisionOrders } from './supervision-orders.component.js';

export { BhSupervisionOrders };
defineElement('bh-supervision-orders', BhSupervisionOrders);

declare global {
  interface HTMLElementTagNameMap {
    'bh-supervision-orders': BhSupervisionOrders;
  }
}
