import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { DisputeEvent, DisputeItem } from '@bihuan/core';
import '@bihuan/widgets/dispute-case';
import type { BhDisputeCase } from '@bihuan/widgets/classes';
import { NOW, accept, longCase, storeWith, walk } from './support/disputes.js';

interface CaseArgs {
  lang?: string;
  viewerRole?: string;
  viewerId?: string;
  disputeId?: string;
  seed?: () => DisputeItem[];
  /** An action tried on render (to show a refusal). */
  attempt?: { event: DisputeEvent; payload: unknown };
  now?: string;
}

const noise = (events: DisputeEvent[], at = '2025-11-10T09:00:00+08:00') => () => [walk(accept('JF-20251110-0425', at), events)];

const meta: Meta<CaseArgs> = {
  title: 'Widgets/Dispute case 纠纷办理',
  component: 'bh-dispute-case',
  render: (a) => html`<bh-dispute-case
    lang=${a.lang ?? nothing}
    now=${a.now ?? NOW}
    viewer-role=${a.viewerRole ?? nothing}
    viewer-id=${a.viewerId ?? 'staff-1'}
    dispute-id=${a.disputeId ?? 'JF-20251110-0425'}
    .store=${storeWith(a.seed?.() ?? [])}
    ${ref((el) => {
      const kase = el as BhDisputeCase | undefined;
      if (!kase || !a.attempt) return;
      const attempt = a.attempt;
      const tryIt = () => (kase.shadowRoot?.querySelector('[part=timeline]') ? void kase.act(attempt.event, attempt.payload) : setTimeout(tryIt, 10));
      tryIt();
    })}
  ></bh-dispute-case>`,
};
export default meta;
type Story = StoryObj<CaseArgs>;

/** Just accepted: the clerk may route, withdraw or merge it. */
export const Typical: Story = { args: { seed: noise([]), viewerRole: 'intakeClerk' } };

/** Mediated by five bodies and settled, awaiting the follow-up; the mediator's view. */
export const Settled: Story = { args: { seed: noise(['route', 'mediate', 'settle']), viewerRole: 'mediator' } };

/** Awaiting write-off by the centre's head (contacts masked for the supervisor). */
export const AwaitingWriteOff: Story = { args: { seed: noise(['route', 'mediate', 'settle', 'recordFollowUp']), viewerRole: 'supervisor' } };

/** A long timeline: twelve follow-ups found the settlement broken and reopened mediation before it held. */
export const Large: Story = { args: { seed: () => [longCase(12)], viewerRole: 'supervisor' } };

/** Routed weeks ago and never mediated: past its deadline. */
export const Overdue: Story = { args: { seed: noise(['route'], '2025-10-09T09:00:00+08:00'), viewerRole: 'mediator' } };

/** A settlement only one party consented to: refused with core's reason. */
export const Refused: Story = {
  args: { seed: noise(['route', 'mediate']), viewerRole: 'mediator', viewerId: 'mediator-wang', attempt: { event: 'settle', payload: { terms: ['降低生活噪声'], consentedBy: ['p1'], date: '2025-11-20' } } },
};

/** A viewer without a role: read only. */
export const ReadOnly: Story = { args: { seed: noise(['route', 'mediate']) } };

/** No such dispute in the store. */
export const Invalid: Story = { args: { disputeId: 'JF-NONE' } };

/** Empty store, no id given. */
export const Empty: Story = { args: { disputeId: '' } };

/** English. */
export const English: Story = { args: { lang: 'en', seed: noise(['route', 'mediate', 'settle']), viewerRole: 'intakeClerk' } };
