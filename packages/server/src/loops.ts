import type { AnyLoopDefinition, LoopActor, Snapshot, SnapshotMigration, TransitionContext } from '@bihuan/core/loop';
import { createItem } from '@bihuan/core/loop';
import { acceptDispute, disputeLoop, DISPUTE_PERSONAL_DATA_ROLES, type DisputeIntake } from '@bihuan/core/dispute';
import { rectificationLoop, accountabilityLoop } from '@bihuan/core/rectification';
import { receptionLoop } from '@bihuan/core/reception';
import { eventPermitLoop } from '@bihuan/core/event-permit';
import { taskOrderLoop } from '@bihuan/core/task';

/** What a creation request carries to a binding's `create`. */
export interface CreationInput {
  readonly id: string;
  readonly input: unknown;
  readonly actor: LoopActor;
  readonly at: string;
  readonly note?: string;
  readonly attachments?: readonly string[];
}

/**
 * One collection the server keeps: the loop definition it runs (any of core's, or a portal's own),
 * how a new item is made, who sees personal data in clear, and the context its guards read.
 * The server never looks inside a loop's rules: every decision is core's `transition`.
 */
export interface LoopBinding {
  readonly definition: AnyLoopDefinition;
  /** A new item from a creation request; default: core's `createItem` with `input` as the data. */
  readonly create?: (input: CreationInput, context?: TransitionContext) => Snapshot;
  /** Roles that see personal data in clear; every other role gets it masked (default: none). */
  readonly personalDataRoles?: readonly string[];
  /** What the definition's guards read (a calendar, a registry …), passed to every transition. */
  readonly context?: TransitionContext;
  /** Migrations for snapshots stored under an older version of the definition. */
  readonly migrations?: readonly SnapshotMigration[];
}

export type Loops = Readonly<Record<string, LoopBinding>>;

/** The loops a server runs when the host names none: core's own, one collection each. */
export const DEFAULT_LOOPS: Loops = {
  disputes: {
    definition: disputeLoop,
    create: (c, context) => acceptDispute({ id: c.id, intake: c.input as DisputeIntake, actor: c.actor as Parameters<typeof acceptDispute>[0]["actor"], at: c.at, note: c.note, attachments: c.attachments }, disputeLoop, context),
    personalDataRoles: DISPUTE_PERSONAL_DATA_ROLES,
  },
  rectifications: { definition: rectificationLoop },
  accountability: { definition: accountabilityLoop },
  receptions: { definition: receptionLoop },
  eventPermits: { definition: eventPermitLoop },
  taskOrders: { definition: taskOrderLoop },
};

/** The creation a binding makes (its own `create`, or core's `createItem`). */
export function createWith(binding: LoopBinding, input: CreationInput): Snapshot {
  if (binding.create) return binding.create(input, binding.context);
  return createItem(binding.definition, { id: input.id, data: input.input, actor: input.actor, at: input.at, note: input.note, attachments: input.attachments }, binding.context);
}
