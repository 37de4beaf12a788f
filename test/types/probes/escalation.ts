// Escalation by rule as a host's scheduler writes it: `escalationsDueAt` gives events whose actor is
// typed in its role (`system` by default, or a role of the items' loops), so they go to the loop's
// `transition` or `applyLoopEvent` as they are — no cast; a role the loop does not have is refused.
import {
  disputeLoop,
  taskOrderLoop,
  eventPermitLoop,
  transition,
  applyLoopEvent,
  createMemoryStore,
  disputeStoreSpec,
  escalationsDueAt,
  type DisputeItem,
  type DisputeRole,
  type DueEscalation,
  type EventPermitItem,
  type Snapshot,
  type SystemRole,
  type TaskOrder,
} from '@bihuan/core';

declare const dispute: DisputeItem;
declare const order: TaskOrder;
declare const permit: EventPermitItem;
const at = '2026-12-02T09:00:00+08:00';

// The scheduler's events (role `system`) go straight to the loop: the role is a literal, not a string.
for (const due of escalationsDueAt([dispute], at)) {
  const role: 'system' = due.event.actor.role;
  void role;
  const r = transition(disputeLoop, dispute, due.event);
  if (r.ok) void r.snapshot.history;
  void applyLoopEvent(createMemoryStore(disputeStoreSpec), 'disputes', disputeLoop, due.id, due.event);
}
const sys: DueEscalation[] = escalationsDueAt([order], at, { rule: 'overdue' });
void transition(taskOrderLoop, order, sys[0]!.event);
void transition(eventPermitLoop, permit, escalationsDueAt([permit], at)[0]!.event);
const systemRole: SystemRole = 'system';
void systemRole;

// A supervisor of the loop escalates in their own role; the event still needs no cast.
const bySupervisor = escalationsDueAt([dispute], at, { actor: { id: 'zhao', role: 'supervisor' } });
const supervisorRole: DisputeRole = bySupervisor[0]!.event.actor.role;
void supervisorRole;
void transition(disputeLoop, dispute, bySupervisor[0]!.event);

// @ts-expect-error not a role of the dispute loop (nor the system role)
escalationsDueAt([dispute], at, { actor: { id: 'x', role: 'janitor' } });
// @ts-expect-error the scheduler's role is `system`, not any string
const wide: DueEscalation<'system'>['event']['actor']['role'] = 'county';
void wide;
// @ts-expect-error a task order's escalation (role `officer`) is not an event of the dispute loop's roles
void transition(disputeLoop, dispute, escalationsDueAt([order], at, { actor: { id: 'o', role: 'officer' } })[0]!.event);

// Untyped snapshots (a host's mix of loops read as `Snapshot`) take any role the host names.
declare const mixed: readonly Snapshot[];
const hostRole: string = escalationsDueAt(mixed, at, { actor: { id: 'night-job', role: 'scheduler' } })[0]!.event.actor.role;
void hostRole;
