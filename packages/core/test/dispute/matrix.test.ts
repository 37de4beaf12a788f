import { describe, expect, test } from 'vitest';
import { type DisputeEvent, type DisputeItem, type DisputeRole, disputeLoop, transition } from '@bihuan/core';
import { ACTORS, PAYLOADS, gapBefore, walkTo } from './fixtures.js';

// Allowed by role, refused by a rule of who acts or on what (role: state list → rule).
const GUARDED: Partial<Record<DisputeEvent, Partial<Record<DisputeRole, [DisputeItem['state'][], string]>>>> = {
  // A centre mediator records a withdrawal only on a dispute whose panel they sit on: before mediation there is none.
  withdraw: { mediator: [['received', 'routed'], 'mediator_on_panel'] },
  // Nothing is linked to the walked items, so there is nothing to release.
  unlinkDuplicate: { supervisor: [['received', 'routed', 'mediating', 'followUp', 'pendingWriteOff'], 'duplicate_not_listed'] },
  // A centre mediator names no one's handler for a body; nobody is reassigned before a handler is named.
  assignHandler: { mediator: [['routed', 'mediating', 'followUp', 'pendingWriteOff'], 'handler_assigned_by_body'] },
  // Escalation comes only once a deadline has passed: the walked items are an hour old.
  escalate: Object.fromEntries((['system', 'supervisor'] as const).map((r) => [r, [['received', 'routed', 'mediating', 'followUp', 'pendingWriteOff'], 'not_overdue']])),
  reassignHandler: Object.fromEntries((['mediator', 'departmentLiaison', 'supervisor'] as const).map((r) => [r, [['routed', 'mediating', 'followUp', 'pendingWriteOff'], 'handler_missing']])),
};

// Who may do what: the centre's division of work, written out so that a change to the definition
// has to change this table too.
const MATRIX: Record<DisputeEvent, DisputeRole[]> = {
  route: ['intakeClerk', 'supervisor'],
  mediate: ['mediator', 'departmentLiaison'],
  settle: ['mediator', 'departmentLiaison'],
  refer: ['mediator', 'departmentLiaison', 'supervisor'],
  recordFollowUp: ['intakeClerk', 'mediator'],
  writeOff: ['supervisor'],
  withdraw: ['intakeClerk', 'mediator', 'supervisor'],
  merge: ['intakeClerk', 'supervisor'],
  unmerge: ['supervisor'],
  linkDuplicate: ['intakeClerk', 'supervisor'],
  unlinkDuplicate: ['supervisor'],
  supervise: ['supervisor'],
  reopen: ['supervisor'],
  decline: ['intakeClerk', 'supervisor'],
  transfer: ['intakeClerk', 'supervisor'],
  assignHandler: ['mediator', 'departmentLiaison', 'supervisor'],
  reassignHandler: ['mediator', 'departmentLiaison', 'supervisor'],
  escalate: ['system', 'supervisor'],
};
const ROLES = Object.keys(ACTORS) as DisputeRole[];
const STATES = Object.keys(disputeLoop.states) as DisputeItem['state'][];
const items = Object.fromEntries(STATES.map((s) => [s, walkTo(s)])) as Record<DisputeItem['state'], DisputeItem>;

describe('the whole role × event matrix, in every state', () => {
  test('the definition says what the table says', () => {
    for (const [type, roles] of Object.entries(MATRIX)) expect([...disputeLoop.events[type as DisputeEvent].roles].sort()).toEqual([...roles].sort());
  });

  const cases = STATES.flatMap((state) => (Object.keys(MATRIX) as DisputeEvent[]).flatMap((type) => ROLES.map((role) => [state, type, role] as const)));
  test.each(cases)('%s: %s by %s', (state, type, role) => {
    const item = items[state];
    const payload = PAYLOADS[type];
    const at = new Date(Date.parse(item.updatedAt) + gapBefore(type)).toISOString();
    const result = transition(disputeLoop, item, payload === undefined ? { type, actor: ACTORS[role], at } : { type, actor: ACTORS[role], at, payload });
    const allowedHere = disputeLoop.events[type].from.includes(state as never);
    if (!allowedHere) {
      expect(result.ok === false && result.reason.code).toBe('not_allowed_in_state');
    } else if (!MATRIX[type].includes(role)) {
      expect(result.ok === false && result.reason.code).toBe('role_not_allowed');
    } else if (GUARDED[type]?.[role]?.[0].includes(state)) {
      expect(result.ok === false && result.reason).toMatchObject({ code: 'guard_failed', rule: GUARDED[type]![role]![1] });
    } else {
      // Allowed: accepted, and recorded under the sender's role.
      if (!result.ok) expect.fail(`${type} by ${role} in ${state}: ${result.reason.code}`);
      expect(result.snapshot.history.at(-1)).toMatchObject({ type, actor: { role }, from: state });
    }
  });
});
