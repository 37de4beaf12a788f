import { defineLoop, type EventOf, type RoleOf, type SnapshotOf, type StateOf } from '../loop/definition.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import { parseInstant } from '../calendar/instant.js';
import { AnswerPayloadSchema, type AnswerPayload, ClosePayloadSchema, type ClosePayload, ReissuePayloadSchema, type ReissuePayload, type SupervisionOrder, SupervisionOrderSchema, WithdrawPayloadSchema, type WithdrawPayload } from './schema.js';
import { addresseeOnly, dueDateFits, dueMs, issuerOnly } from './rules.js';
import type { Verdict } from '../loop/refusal.js';
import { L } from '../i18n/locale.js';

export const SUPERVISION_LOOP_ID = 'supervision-order';

/** Not yet closed or withdrawn. */
export const SUPERVISION_OPEN_STATES = ['issued', 'answered'] as const;

type OrderSnapshot = Snapshot<string, SupervisionOrder>;

/**
 * The supervision order (督办单), a small loop of its own linked to the item it supervises: the
 * higher level issues it (`issueSupervisionOrder`) with its own due day and a required answer →
 * the lower level answers (反馈) → the higher level closes it (办结) or re-issues it (重新督办, with a
 * reason and a new due day) → …; it may be withdrawn (撤销) while open. While issued it is due at
 * 24:00 China time of `data.dueDate` (the engine's `overdue`, `dueSoon`), so that overdue orders are
 * counted (`summarizeSupervision`). Rules: `SUPERVISION_RULES`.
 */
export const supervisionLoop = /* @__PURE__ */ defineLoop({
  id: SUPERVISION_LOOP_ID,
  version: 1,
  label: L('督办单 督办—反馈—办结', 'Supervision order: issue → answer → close'),
  data: SupervisionOrderSchema,
  deadline: (s) => (s.state === 'issued' ? s.data.dueDate : null),
  initial: 'issued',
  creators: ['issuer'],
  roles: {
    issuer: { label: L('督办单位（上级）', 'supervising level') },
    respondent: { label: L('被督办单位', 'supervised body') },
  },
  states: {
    issued: { label: L('待反馈', 'awaiting answer') },
    answered: { label: L('已反馈', 'answered') },
    closed: { label: L('已办结', 'closed'), final: true },
    withdrawn: { label: L('已撤销', 'withdrawn'), final: true },
  },
  events: {
    answer: {
      label: L('反馈', 'answer'),
      from: ['issued'],
      to: 'answered',
      roles: ['respondent'],
      payload: AnswerPayloadSchema,
      guard: (s: OrderSnapshot, e: LoopEvent): Verdict => addresseeOnly(s, e),
      apply: (d: SupervisionOrder, p: AnswerPayload, e: LoopEvent): SupervisionOrder => {
        const response: SupervisionOrder['responses'][number] = { response: p.response, at: e.at, by: e.actor.id, late: parseInstant(e.at) >= dueMs(d.dueDate) };
        if (e.actor.unit !== undefined) response.unit = e.actor.unit;
        return { ...d, responses: [...d.responses, response] };
      },
    },
    reissue: {
      label: L('重新督办', 're-issue'),
      from: ['answered'],
      to: 'issued',
      roles: ['issuer'],
      payload: ReissuePayloadSchema,
      guard(s: OrderSnapshot, e: LoopEvent): Verdict {
        const own = issuerOnly(s, e);
        return own === true ? dueDateFits(e.at, (e.payload as ReissuePayload).dueDate) : own;
      },
      apply: (d: SupervisionOrder, p: ReissuePayload, e: LoopEvent): SupervisionOrder => ({
        ...d,
        instruction: p.instruction ?? d.instruction,
        dueDate: p.dueDate,
        reissues: [...d.reissues, { reason: p.reason, at: e.at, by: e.actor.id, previousDueDate: d.dueDate }],
      }),
    },
    close: {
      label: L('办结', 'close'),
      from: ['answered'],
      to: 'closed',
      roles: ['issuer'],
      payload: ClosePayloadSchema,
      guard: (s: OrderSnapshot, e: LoopEvent): Verdict => issuerOnly(s, e),
      apply: (d: SupervisionOrder, p: ClosePayload, e: LoopEvent): SupervisionOrder => ({ ...d, closing: { assessment: p.assessment, at: e.at, by: e.actor.id } }),
    },
    withdraw: {
      label: L('撤销督办', 'withdraw'),
      from: ['issued', 'answered'],
      to: 'withdrawn',
      roles: ['issuer'],
      payload: WithdrawPayloadSchema,
      guard: (s: OrderSnapshot, e: LoopEvent): Verdict => issuerOnly(s, e),
      apply: (d: SupervisionOrder, p: WithdrawPayload, e: LoopEvent): SupervisionOrder => ({ ...d, withdrawal: { reason: p.reason, at: e.at, by: e.actor.id } }),
    },
  },
});
export type SupervisionLoop = typeof supervisionLoop;
export type SupervisionState = StateOf<SupervisionLoop>;
export type SupervisionEvent = EventOf<SupervisionLoop>;
export type SupervisionRole = RoleOf<SupervisionLoop>;
export type SupervisionItem = SnapshotOf<SupervisionLoop>;
