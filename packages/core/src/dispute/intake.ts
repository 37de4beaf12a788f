import { createItem } from '../loop/snapshot.js';
import type { Actor } from '../loop/types.js';
import { type DisputeContext, type DisputeItem, type DisputeLoop, type DisputeRole, disputeLoop } from './definition.js';
import { type DeclineReason, type Dispute, type DisputeIntake, DisputeIntakeSchema } from './schema.js';
import type { Localized } from '../i18n/locale.js';
import { parseArgument } from '../schema/argument.js';

export interface AcceptDisputeInput {
  readonly id: string;
  readonly intake: DisputeIntake;
  readonly actor: Actor<DisputeRole>;
  readonly at: string;
  readonly note?: string;
  readonly attachments?: readonly string[];
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

/** The stated reasons for 不予受理, for forms, the case view and notices. */
export const DECLINE_REASON_LABELS: Readonly<Record<DeclineReason, Localized>> = {
  outsideRemit: { 'zh-CN': '不属于本中心受理范围', en: "Outside the centre's remit" },
  inLitigation: { 'zh-CN': '已进入诉讼程序', en: 'Already in litigation' },
  inArbitration: { 'zh-CN': '已申请仲裁', en: 'Already in arbitration' },
  alreadyMediated: { 'zh-CN': '已经人民调解且已达成协议', en: 'Already mediated to an agreement' },
  criminalMatter: { 'zh-CN': '涉嫌违法犯罪，应由公安机关处理', en: 'A criminal matter, for the police' },
  other: { 'zh-CN': '其他理由', en: 'Another reason' },
};
