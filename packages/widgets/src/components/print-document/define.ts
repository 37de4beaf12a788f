import { defineElement } from '../../internal/define.js';
import { BhPrintDocument } from './print-document.component.js';

export { BhPrintDocument };
defineElement('bh-print-document', BhPrintDocument);

declare global {
  interface HTMLElementTagNameMap {
    'bh-print-document': BhPrintDocument;
  }
}
