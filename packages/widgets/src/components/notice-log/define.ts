import { defineElement } from '../../internal/define.js';
import { BhNoticeLog } from './notice-log.component.js';

export { BhNoticeLog };
defineElement('bh-notice-log', BhNoticeLog);

declare global {
  interface HTMLElementTagNameMap {
    'bh-notice-log': BhNoticeLog;
  }
}
