import { defineElement } from '../../internal/define.js';
import { BhJobFair } from './job-fair.component.js';

export { BhJobFair };
defineElement('bh-job-fair', BhJobFair);

declare global {
  interface HTMLElementTagNameMap {
    'bh-job-fair': BhJobFair;
  }
}
