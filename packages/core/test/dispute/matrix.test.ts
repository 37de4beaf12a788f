import { describe, expect, test } from 'vitest';
import { type DisputeEvent, type DisputeItem, type DisputeRole, disputeLoop, transition } from '@bihuan/core';
import { ACTORS, PAYLOADS, walkTo } from './fixtures.js';

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
  supervise: ['supervisor'],
  reopen: ['supervisor'],
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
    const at = new Date(Date.parse(item.updatedAt) + 3_600_000).toISOString();
    const result = transition(disputeLoop, item, payload === undefined ? { type, actor: ACTORS[role], at } : { type, actor: ACTORS[role], at, payload });
    const allowedHere = disputeLoop.events[type].from.includes(state as never);
    if (!allowedHere) {
      expect(result.ok === false && result.reason.code).toBe('not_allowed_in_state');
    } else if (!MATRIX[type].includes(role)) {
      expect(result.ok === false && result.reason.code).toBe('role_not_allowed');
    } else {
      // Allowed: accepted, and recorded under the sender's role.
      if (!result.ok) expect.fail(`${type} by ${role} in ${state}: ${result.reason.code}`);
      expect(result.snapshot.history.at(-1)).toMatchObject({ type, actor: { role }, from: state });
    }
  });
});
