import { defineLoop, type EventOf, type RoleOf, type SnapshotOf, type StateOf } from '../loop/definition.js';
import type { LoopEvent } from '../loop/types.js';
import { AssignPayloadSchema, type AssignPayload, RatePayloadSchema, type RatePayload, type ReceptionIssue, ReceptionIssueSchema, ResultPayloadSchema } from './schema.js';
import { instructionPayload, reasonPayload } from '../schema/fields.js';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const RECEPTION_LOOP_ID = 'reception-day';

/** Not closed: on the supervision ledger (督办台账). */
export const RECEPTION_OPEN_STATES = ['collected', 'assigned', 'handling', 'fedBack', 'rated'] as const;

/**
 * The reception-day loop (S15, Beibei's monthly entrepreneur reception day): issues are collected
 * → assigned to a department → handled under supervision → the result fed back → satisfaction
 * rated → written off. A "dissatisfied" rating reopens the handling; a written-off issue may be
 * reopened too.
 */
export const receptionLoop = /* @__PURE__ */ defineLoop({
  id: RECEPTION_LOOP_ID,
  version: 1,
  label: L('企业家接待日 收集—交办—督办—反馈—评价—销号', 'Reception day: collect → assign → supervise → feed back → rate → write off'),
  data: ReceptionIssueSchema,
  deadline: (s) => (s.state === 'assigned' || s.state === 'handling' ? s.data.dueDate : null), // due at 24:00 of dueDate: the engine's overdue/dueSoon
  // Its instruction and reason payloads are the rectification loop's schemas, parsed by its parsers.
  initial: 'collected',
  creators: ['host'],
  roles: {
    host: { label: L('接待领导/牵头部门', 'reception host') },
    department: { label: L('承办部门', 'handling department') },
    firm: { label: L('企业', 'firm') },
  },
  states: {
    collected: { label: L('已收集', 'collected') },
    assigned: { label: L('已交办', 'assigned') },
    handling: { label: L('督办中', 'handling under supervision') },
    fedBack: { label: L('已反馈', 'result fed back') },
    rated: { label: L('已评价', 'rated') },
    closed: { label: L('已销号', 'written off'), final: true },
  },
  events: {
    assign: {
      label: L('交办', 'assign'),
      from: ['collected'],
      to: 'assigned',
      roles: ['host'],
      payload: AssignPayloadSchema,
      apply: (d: ReceptionIssue, p: AssignPayload): ReceptionIssue => ({ ...d, department: p.department, dueDate: p.dueDate }),
    },
    handle: { label: L('开始办理', 'start handling'), from: ['assigned'], to: 'handling', roles: ['department'] },
    supervise: {
      label: L('督办', 'supervise'),
      from: ['assigned', 'handling'],
      to: (_p, s) => s.state,
      roles: ['host'],
      payload: instructionPayload,
      apply: (d: ReceptionIssue): ReceptionIssue => ({ ...d, supervisions: d.supervisions + 1 }),
    },
    feedBack: {
      label: L('反馈结果', 'feed back the result'),
      from: ['handling'],
      to: 'fedBack',
      roles: ['department'],
      payload: ResultPayloadSchema,
      apply: (d: ReceptionIssue, p: { result: string }): ReceptionIssue => ({ ...d, result: p.result }),
    },
    rate: {
      label: L('满意度评价', 'rate satisfaction'),
      from: ['fedBack'],
      // Dissatisfaction reopens the handling.
      to: (p: RatePayload) => (p.satisfaction === 'dissatisfied' ? 'handling' : 'rated'),
      roles: ['firm', 'host'],
      payload: RatePayloadSchema,
      apply: (d: ReceptionIssue, p: RatePayload, e: LoopEvent): ReceptionIssue => {
        const rating: ReceptionIssue['ratings'][number] = { satisfaction: p.satisfaction, at: e.at };
        if (p.comment !== undefined) rating.comment = p.comment;
        const dissatisfied = p.satisfaction === 'dissatisfied';
        return { ...d, ratings: [...d.ratings, rating], reopened: d.reopened + (dissatisfied ? 1 : 0), result: dissatisfied ? null : d.result };
      },
    },
    writeOff: { label: L('销号', 'write off'), from: ['rated'], to: 'closed', roles: ['host'] },
    reopen: {
      label: L('重新督办', 'reopen'),
      from: ['closed'],
      to: 'handling',
      roles: ['host'],
      reopen: true,
      payload: reasonPayload,
      apply: (d: ReceptionIssue): ReceptionIssue => ({ ...d, reopened: d.reopened + 1, result: null }),
    },
  },
});
export type ReceptionLoop = typeof receptionLoop;
export type ReceptionState = StateOf<ReceptionLoop>;
export type ReceptionEvent = EventOf<ReceptionLoop>;
export type ReceptionRole = RoleOf<ReceptionLoop>;
export type ReceptionItem = SnapshotOf<ReceptionLoop>;
