import { defineElement } from '../../internal/define.js';
import { BhTaskSupervision } from './task-supervision.component.js';

export { BhTaskSupervision };
defineElement('bh-task-supervision', BhTaskSupervision);

declare global {
  interface HTMLElementTagNameMap {
    'bh-task-supervision': BhTaskSupervision;
  }
}
