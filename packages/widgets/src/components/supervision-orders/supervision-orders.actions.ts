// The supervision loop's actions as one table: for each event that asks for something, the fields
// of its form (in the action forms' one vocabulary, `ActionField`). The orders' row actions
// (`LoopActions`) render and send every action from this table alone; what is typed is the payload.
import type { SupervisionEvent } from '@bihuan/core/supervision';
import type { ActionTable } from '../../internal/action-form.js';
import type { RowContext } from '../../internal/loop-actions.js';
import { supervisionOrdersMessages } from './supervision-orders.messages.js';

const words = (c: RowContext) => supervisionOrdersMessages[c.locale].fields;

export const SUPERVISION_ACTIONS: ActionTable<SupervisionEvent, RowContext> = {
  answer: { fields: (c) => [{ name: 'response', label: words(c).response, kind: 'textarea' }] },
  reissue: {
    fields: (c) => [
      { name: 'reason', label: words(c).reason, kind: 'textarea' },
      { name: 'instruction', label: words(c).instruction, kind: 'text', optional: true },
      { name: 'dueDate', label: words(c).dueDate, kind: 'date' },
    ],
  },
  close: { fields: (c) => [{ name: 'assessment', label: words(c).assessment, kind: 'textarea' }] },
  withdraw: { fields: (c) => [{ name: 'reason', label: words(c).reason, kind: 'textarea' }] },
};
