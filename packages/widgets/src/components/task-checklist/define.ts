import { defineElement } from '../../internal/define.js';
import { BhTaskChecklist } from './task-checklist.component.js';

export { BhTaskChecklist };
defineElement('bh-task-checklist', BhTaskChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'bh-task-checklist': BhTaskChecklist;
  }
}
