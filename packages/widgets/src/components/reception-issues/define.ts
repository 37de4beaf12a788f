import { defineElement } from '../../internal/define.js';
import { BhReceptionIssues } from './reception-issues.component.js';

export { BhReceptionIssues };
defineElement('bh-reception-issues', BhReceptionIssues);

declare global {
  interface HTMLElementTagNameMap {
    'bh-reception-issues': BhReceptionIssues;
  }
}
