// The event-permit loop's actions as one table: for each event that asks for something, the fields
// of its form (in the action forms' one vocabulary, `ActionField`), their starting values and how
// what is typed becomes the event's payload (core checks it and refuses naming the field). The
// filings table sends every action from this table alone; the others apply at once.
import type { EventPermitEvent } from '@bihuan/core/event-permit';
import type { ActionDraft, ActionTable, LoopAction } from '../../internal/action-form.js';
import type { RowContext } from '../../internal/loop-actions.js';
import { eventPermitsMessages } from './event-permits.messages.js';

const words = (c: Pick<RowContext, 'locale'>) => eventPermitsMessages[c.locale].fields;
const text = (d: ActionDraft, key: string) => (typeof d[key] === 'string' ? (d[key] as string).trim() : '');
/** A typed number (a count), or undefined when blank: core refuses what is not a whole number. */
const num = (d: ActionDraft, key: string) => (text(d, key) === '' ? undefined : Number(text(d, key)));

/** Events whose payload is a reason (and nothing else). */
const reasonOnly: LoopAction<Pick<RowContext, 'locale'>> = {
  fields: (c) => [{ kind: 'textarea', name: 'reason', label: words(c).reason }],
  payload: (d) => ({ reason: text(d, 'reason') }),
};

export const EVENT_PERMIT_ACTIONS: ActionTable<EventPermitEvent, Pick<RowContext, 'locale'>> = {
  submitPlan: {
    fields: (c) => [
      { kind: 'textarea', name: 'summary', label: words(c).summary },
      { kind: 'number', name: 'stewards', label: words(c).stewards },
    ],
    payload: (d) => ({ summary: text(d, 'summary'), stewards: num(d, 'stewards') }),
  },
  refuse: reasonOnly,
  withdraw: reasonOnly,
  recordHeld: {
    // The label of the account says it is optional ("情况说明（选填）").
    fields: (c) => [
      { kind: 'number', name: 'actual', label: words(c).actual },
      { kind: 'number', name: 'incidents', label: words(c).incidents },
      { kind: 'textarea', name: 'outcome', label: words(c).outcome, optional: true },
    ],
    defaults: () => ({ incidents: '0' }),
    payload: (d) => ({ attendance: num(d, 'actual'), incidents: num(d, 'incidents'), ...(text(d, 'outcome') ? { summary: text(d, 'outcome') } : {}) }),
  },
};
