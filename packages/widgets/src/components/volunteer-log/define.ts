import { defineElement } from '../../internal/define.js';
import { BhVolunteerLog } from './volunteer-log.component.js';

export { BhVolunteerLog };
defineElement('bh-volunteer-log', BhVolunteerLog);

declare global {
  interface HTMLElementTagNameMap {
    'bh-volunteer-log': BhVolunteerLog;
  }
}
