import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { attachmentStoreSpec, type Attachment, type DisputeEvent, type DisputeItem } from '@bihuan/core';
import '@bihuan/widgets/dispute-case';
import type { BhDisputeCase } from '@bihuan/widgets/classes';
import { NOW, accept, longCase, storeWith, walk } from './support/disputes.js';
import { seededStore } from './support/seeded-store.js';

interface CaseArgs {
  lang?: string;
  viewerRole?: string;
  viewerId?: string;
  disputeId?: string;
  seed?: () => DisputeItem[];
  /** An action tried on render (to show a refusal). */
  attempt?: { event: DisputeEvent; payload: unknown };
  now?: string;
  /** The case's attachments (kept in an in-memory attachment store: stories never touch IndexedDB). */
  files?: () => readonly Attachment[];
  /** A document whose print preview is opened on render (its button pressed). */
  print?: 'intake' | 'agreement' | 'followUp';
}

/** The scan of the signed agreement and two photos from the site, attached to the noise case (examples: the hashes are made up). */
const caseFiles = (): Attachment[] =>
  (
    [
      ['scan', 'agreementScan', '人民调解协议书（签字）.pdf', 'application/pdf', 482_133, 'mediator-wang', 'mediator', '2025-11-12T15:10:00+08:00'],
      ['photo-1', 'photo', '现场照片-楼道.jpg', 'image/jpeg', 1_845_020, 'grid-0412', 'gridWorker', '2025-11-10T10:03:00+08:00'],
      ['photo-2', 'photo', '现场照片-音响.jpg', 'image/jpeg', 1_210_877, 'grid-0412', 'gridWorker', '2025-11-10T10:05:00+08:00'],
    ] as const
  ).map(([id, type, name, mediaType, size, by, role, at], i) => ({
    id: `att-0425-${id}`,
    item: { kind: 'dispute', id: 'JF-20251110-0425' },
    type,
    name,
    size,
    mediaType,
    sha256: String(i + 1).repeat(64),
    addedBy: { id: by, role },
    addedAt: at,
  }));

/** Presses a button inside the case once it has rendered. */
const pressWhenReady = (kase: BhDisputeCase, selector: string) => {
  const press = () => {
    const button = kase.shadowRoot?.querySelector<HTMLButtonElement>(selector);
    if (button) button.click();
    else setTimeout(press, 10);
  };
  press();
};

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
    .attachmentStore=${seededStore(attachmentStoreSpec, { attachments: a.files?.() ?? [] })}
    ${ref((el) => {
      const kase = el as BhDisputeCase | undefined;
      if (kase && a.print) pressWhenReady(kase, `[data-print=${a.print}]`);
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

/** Mediating, with the signed agreement's scan and two photos attached: the mediator may settle now (the settlement names the scan). */
export const WithAttachments: Story = { args: { seed: noise(['route', 'mediate']), viewerRole: 'mediator', viewerId: 'mediator-wang', files: caseFiles } };

/** The same in English. */
export const WithAttachmentsEnglish: Story = { args: { ...WithAttachments.args, lang: 'en' } };

/** Both parties consented but no signed scan is attached: the settlement is refused (agreement_scan_required). */
export const RefusedWithoutScan: Story = {
  args: { seed: noise(['route', 'mediate']), viewerRole: 'mediator', viewerId: 'mediator-wang', attempt: { event: 'settle', payload: { terms: ['降低生活噪声'], consentedBy: ['p1', 'p2'], date: '2025-11-20' } } },
};

/** The same refusal in English. */
export const RefusedWithoutScanEnglish: Story = { args: { ...RefusedWithoutScan.args, lang: 'en' } };

/** Settled and followed up: the agreement's print preview opened by the mediator (names in clear: the parties sign it). */
export const PrintAgreement: Story = { args: { seed: noise(['route', 'mediate', 'settle', 'recordFollowUp']), viewerRole: 'mediator', files: caseFiles, print: 'agreement' } };

/** The intake form printed by the supervisor, in English around the Chinese form: names, phone and ID numbers masked. */
export const PrintMaskedEnglish: Story = { args: { lang: 'en', seed: noise(['route', 'mediate', 'settle', 'recordFollowUp']), viewerRole: 'supervisor', files: caseFiles, print: 'intake' } };
