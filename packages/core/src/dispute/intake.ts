import { type CreateItemInput, createItem } from '../loop/snapshot.js';
import { type DisputeContext, type DisputeItem, type DisputeLoop, type DisputeRole, disputeLoop } from './definition.js';
import { type Dispute, type DisputeIntake, DisputeIntakeSchema } from './schema.js';
import { parseArgument } from '../schema/argument.js';

/** What `createItem` takes (id, actor, at, note, attachments), with the intake as the item's data. */
export interface AcceptDisputeInput extends Omit<CreateItemInput<DisputeRole, DisputeIntake>, 'data'> {
  readonly intake: DisputeIntake;
}

/**
 * 受理: a new dispute from an intake form, validated, with the record's other parts empty. Pass
 * a loop made by `createDisputeLoop` to use a centre's own registry, limits or calendar.
 */
export function acceptDispute(input: AcceptDisputeInput, loop: DisputeLoop = disputeLoop, context?: DisputeContext): DisputeItem {
  const intake = parseArgument('acceptDispute', 'intake', DisputeIntakeSchema, input?.intake);
  const data: Dispute = {
    ...intake,
    routing: null,
    mediation: null,
    outcome: null,
    followUps: [],
    withdrawal: null,
    mergedInto: null,
    duplicates: [],
    reopened: 0,
    supervisions: 0,
    declined: null,
    transfer: null,
  };
  return createItem(loop, { id: input.id, data, actor: input.actor, at: input.at, note: input.note, attachments: input.attachments }, context);
}
