import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { DisputeItem } from '@bihuan/core';
import '@bihuan/widgets/dispute-ledger';
import type { LedgerView } from '@bihuan/widgets/classes';
import { NOW, largeLedger, storeWith, typicalDisputes } from './support/disputes.js';

interface LedgerArgs {
  lang?: string;
  viewerRole?: string;
  /** Store-backed: these disputes seed a memory store. */
  seed?: () => DisputeItem[];
  /** Given directly (as a server's query result): 100,000 rows are not pushed through a store. */
  items?: () => unknown[];
  filter?: LedgerView;
}

const meta: Meta<LedgerArgs> = {
  title: 'Widgets/Dispute ledger 纠纷台账',
  component: 'bh-dispute-ledger',
  render: (a) =>
    a.items
      ? html`<bh-dispute-ledger lang=${a.lang ?? nothing} now=${NOW} viewer-role=${a.viewerRole ?? nothing} .items=${a.items()} .filter=${a.filter ?? {}}></bh-dispute-ledger>`
      : html`<bh-dispute-ledger lang=${a.lang ?? nothing} now=${NOW} viewer-role=${a.viewerRole ?? nothing} .store=${storeWith(a.seed?.() ?? [])} .filter=${a.filter ?? {}}></bh-dispute-ledger>`,
};
export default meta;
type Story = StoryObj<LedgerArgs>;

/** No disputes yet. */
export const Empty: Story = {};

/** A dozen disputes across the loop, as the centre's supervisor sees them (contacts masked). */
export const Typical: Story = { args: { seed: typicalDisputes, viewerRole: 'supervisor' } };

/** 100,000 disputes: only the rows in view are rendered. */
export const Large: Story = { args: { items: largeLedger, viewerRole: 'supervisor' } };

/** Only the disputes past their stage deadline. */
export const Overdue: Story = { args: { seed: typicalDisputes, filter: { overdue: true }, viewerRole: 'supervisor' } };

/** The mediator's view: contacts in clear. */
export const Mediator: Story = { args: { seed: typicalDisputes, viewerRole: 'mediator' } };

/** Data that are not disputes are refused in place. */
export const Invalid: Story = { args: { items: () => [{ id: 'x', state: 'lost' }] } };

/** English. */
export const English: Story = { args: { lang: 'en', seed: typicalDisputes, viewerRole: 'supervisor' } };
