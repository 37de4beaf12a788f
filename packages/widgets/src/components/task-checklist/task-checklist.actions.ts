// The task loop's actions from the checklist as one table: feedback (反馈) asks for the fields its
// order's template names — a count, a place, a note, evidence (the files attached to the order) —
// and "not applicable" (不适用) for a reason. Each entry gives the fields of the form (in the action
// forms' one vocabulary, `ActionField`) and how what is typed becomes the event's payload; core's
// task loop checks it and refuses naming the field.
import type { FeedbackValue, TaskOrder, TaskOrderEvent } from '@bihuan/core/task';
import type { Locale } from '@bihuan/core/schema';
import type { ActionDraft, ActionField, ActionTable } from '../../internal/action-form.js';
import { aside } from '../../internal/words.js';
import type { TaskChecklistMessages } from './task-checklist.messages.js';

/** What a task's form is worked out from. */
export interface TaskActionContext {
  readonly order: TaskOrder;
  readonly locale: Locale;
  readonly t: TaskChecklistMessages;
  /** The order's attachments panel, shown as its evidence field. */
  readonly evidence: () => unknown;
}

/** The field of the reason a task does not apply (its form's name; the bench and tests know it). */
export const REASON = '@reason';

const text = (d: ActionDraft, key: string) => (typeof d[key] === 'string' ? (d[key] as string).trim() : '');

export const TASK_ACTIONS: ActionTable<Extract<TaskOrderEvent, 'feedback' | 'exempt'>, TaskActionContext> = {
  feedback: {
    fields: ({ order, locale, t, evidence }) =>
      order.data.template.done.map((f): ActionField => {
        const base = { name: f.id, label: f.label[locale], optional: !f.required };
        if (f.kind === 'count') return { ...base, kind: 'number', label: `${base.label}${f.unit ? aside(f.unit[locale], locale) : ''}`, ...(f.min !== undefined ? { min: f.min } : {}), ...(f.max !== undefined ? { max: f.max } : {}) };
        if (f.kind === 'place') return { ...base, kind: 'text' };
        if (f.kind === 'evidence') return { ...base, kind: 'custom', hint: t.evidenceHint, render: evidence };
        return { ...base, kind: 'textarea' };
      }),
    // The typed values by field id; evidence is the list of the order's attachments (put in the draft when sent).
    payload: (d) => {
      const values: Record<string, FeedbackValue> = {};
      for (const [id, value] of Object.entries(d)) {
        if (Array.isArray(value)) {
          if (value.length > 0) values[id] = value;
          continue;
        }
        const raw = typeof value === 'string' ? value.trim() : '';
        if (raw !== '') values[id] = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
      }
      return { values };
    },
  },
  exempt: {
    fields: ({ t }) => [{ kind: 'text', name: REASON, label: t.reason, optional: true }],
    payload: (d) => ({ reason: text(d, REASON) }),
  },
};
