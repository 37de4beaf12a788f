import { defineElement } from '../../internal/define.js';
import { BhLawReportScorecard } from './law-report-scorecard.component.js';

export { BhLawReportScorecard };
defineElement('bh-law-report-scorecard', BhLawReportScorecard);

declare global {
  interface HTMLElementTagNameMap {
    'bh-law-report-scorecard': BhLawReportScorecard;
  }
}
