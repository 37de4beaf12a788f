import { defineElement } from '../../internal/define.js';
import { BhAttachments } from './attachments.component.js';

export { BhAttachments };
defineElement('bh-attachments', BhAttachments);

declare global {
  interface HTMLElementTagNameMap {
    'bh-attachments': BhAttachments;
  }
}
