// The reception loop's actions as one table: for each event that asks for something, the fields
// of its form (in the action forms' one vocabulary, `ActionField`). The list's row actions
// (`LoopActions`) render and send every action from this table alone; what is typed is the payload.
import { SATISFACTION, SATISFACTION_LABELS } from '@bihuan/core/schema';
import type { ReceptionEvent } from '@bihuan/core/reception';
import type { ActionTable } from '../../internal/action-form.js';
import { HANDLER_ACTIONS } from '../../internal/handler-view.js';
import type { RowContext } from '../../internal/loop-actions.js';
import { receptionIssuesMessages } from './reception-issues.messages.js';

const words = (c: RowContext) => receptionIssuesMessages[c.locale].fields;

export const RECEPTION_ACTIONS: ActionTable<ReceptionEvent, RowContext> = {
  assign: {
    fields: (c) => [
      { name: 'department', label: words(c).department, kind: 'text' },
      { name: 'dueDate', label: words(c).dueDate, kind: 'date' },
    ],
  },
  supervise: { fields: (c) => [{ name: 'instruction', label: words(c).instruction, kind: 'text' }] },
  feedBack: { fields: (c) => [{ name: 'result', label: words(c).result, kind: 'text' }] },
  rate: {
    fields: (c) => [
      { name: 'satisfaction', label: words(c).satisfaction, kind: 'select', options: SATISFACTION.map((s) => ({ value: s, label: SATISFACTION_LABELS[s][c.locale] })) },
      { name: 'comment', label: words(c).comment, kind: 'text', optional: true },
    ],
  },
  reopen: { fields: (c) => [{ name: 'reason', label: words(c).reason, kind: 'text' }] },
  ...HANDLER_ACTIONS,
};
