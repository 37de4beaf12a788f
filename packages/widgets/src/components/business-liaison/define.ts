import { defineElement } from '../../internal/define.js';
import { BhBusinessLiaison } from './business-liaison.component.js';

export { BhBusinessLiaison };
defineElement('bh-business-liaison', BhBusinessLiaison);

declare global {
  interface HTMLElementTagNameMap {
    'bh-business-liaison': BhBusinessLiaison;
  }
}
