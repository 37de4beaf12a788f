// A Vue 3 host: the generated typings (`@bihuan/widgets/vue`) register every bh-* tag in Vue's
// `GlobalComponents`, which vue-tsc checks templates against; `@bh-dispute-accepted` in a template
// is the `onBhDisputeAccepted` prop. This probe reads those props directly, as vue-tsc would.
import type {} from '@bihuan/widgets/vue';
import type { GlobalComponents } from 'vue';
import { createMemoryStore, disputeStoreSpec } from '@bihuan/core';

type PropsOf<T> = T extends abstract new (...args: never) => { $props: infer P } ? P : never;
type IntakeProps = PropsOf<GlobalComponents['bh-dispute-intake']>;
type CaseProps = PropsOf<GlobalComponents['bh-dispute-case']>;
type RateCardProps = PropsOf<GlobalComponents['bh-rate-card']>;

const store = createMemoryStore(disputeStoreSpec);

export const intake: IntakeProps = {
  store,
  viewerRole: 'intakeClerk',
  'viewer-id': 'clerk-li',
  onBhDisputeAccepted: (e) => void e.detail.dispute.state,
  onBhProblem: (e) => void e.detail.code,
};
export const kase: CaseProps = { disputeId: 'D-2025-0001', 'viewer-role': 'mediator', onBhDisputeTransition: (e) => void e.detail.to };
export const card: RateCardProps = { label: '综治中心化解率', numerator: 406, denominator: 425 };

// @ts-expect-error numerator is a number
export const wrongType: RateCardProps = { numerator: '406' };
// @ts-expect-error not a role of the dispute loop
export const wrongRole: IntakeProps = { viewerRole: 'janitor' };
// @ts-expect-error not a role of the dispute loop (attribute)
export const wrongAttribute: CaseProps = { 'viewer-role': 'janitor' };
// @ts-expect-error the accepted detail has no `disputeId`
export const wrongDetail: IntakeProps = { onBhDisputeAccepted: (e) => void e.detail.disputeId };
// @ts-expect-error a misspelled event handler (the intake fires no `bh-dispute-acepted`)
export const misspelled: IntakeProps = { onBhDisputeAcepted: () => {} };
// @ts-expect-error every registered tag has typings; this one is not a widget
export const notAWidget: PropsOf<GlobalComponents['bh-no-such-widget']> = {};
