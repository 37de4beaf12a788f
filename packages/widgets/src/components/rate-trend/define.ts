import { defineElement } from '../../internal/define.js';
import { BhRateTrend } from './rate-trend.component.js';

export { BhRateTrend };
defineElement('bh-rate-trend', BhRateTrend);

declare global {
  interface HTMLElementTagNameMap {
    'bh-rate-trend': BhRateTrend;
  }
}
