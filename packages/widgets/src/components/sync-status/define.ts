import { defineElement } from '../../internal/define.js';
import { BhSyncStatus } from './sync-status.component.js';

export { BhSyncStatus };
defineElement('bh-sync-status', BhSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'bh-sync-status': BhSyncStatus;
  }
}
