// The rectification loop's actions as one table: for each event that asks for something, the
// fields of its form (in the action forms' one vocabulary, `ActionField`). The ledger's row actions
// (`LoopActions`) render and send every action from this table alone; what is typed is the payload.
import type { RectificationEvent } from '@bihuan/core/rectification';
import type { ActionTable, LoopAction } from '../../internal/action-form.js';
import { HANDLER_ACTIONS } from '../../internal/handler-view.js';
import type { RowContext } from '../../internal/loop-actions.js';
import { rectificationLedgerMessages } from './rectification-ledger.messages.js';

const words = (c: RowContext) => rectificationLedgerMessages[c.locale].fields;

/** The evidence and a summary of the work (fixed at once, or submitted for verification). */
const evidence: LoopAction<RowContext> = {
  fields: (c) => [
    { name: 'evidence', label: words(c).evidence, kind: 'lines' },
    { name: 'summary', label: words(c).summary, kind: 'text' },
  ],
};

export const RECTIFICATION_ACTIONS: ActionTable<RectificationEvent, RowContext> = {
  start: { fields: (c) => [{ name: 'measures', label: words(c).measures, kind: 'lines' }] },
  fixAtOnce: evidence,
  submit: evidence,
  verify: { fields: (c) => [{ name: 'opinion', label: words(c).opinion, kind: 'text' }] },
  giveBack: { fields: (c) => [{ name: 'reason', label: words(c).reason, kind: 'text' }] },
  supervise: { fields: (c) => [{ name: 'instruction', label: words(c).instruction, kind: 'text' }] },
  ...HANDLER_ACTIONS,
};
