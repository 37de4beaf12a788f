import { defineElement } from '../../internal/define.js';
import { BhRateCard } from './rate-card.component.js';

export { BhRateCard };
defineElement('bh-rate-card', BhRateCard);

declare global {
  interface HTMLElementTagNameMap {
    'bh-rate-card': BhRateCard;
  }
}
