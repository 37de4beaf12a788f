import { defineElement } from '../../internal/define.js';
import { BhEmergencyUnits } from './emergency-units.component.js';

export { BhEmergencyUnits };
defineElement('bh-emergency-units', BhEmergencyUnits);

declare global {
  interface HTMLElementTagNameMap {
    'bh-emergency-units': BhEmergencyUnits;
  }
}
