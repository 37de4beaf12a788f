import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { type RectificationItem, createMemoryStore, evaluationStoreSpec } from '@bihuan/core';
import '@bihuan/widgets/rectification-ledger';
import { NOW, rectificationItems, rectificationStore } from './support/evaluation.js';

interface LedgerArgs {
  lang?: string;
  viewerRole?: string;
  view?: string;
  seed?: () => RectificationItem[];
  /** A store of another domain: refused in place. */
  wrongStore?: boolean;
}

const meta: Meta<LedgerArgs> = {
  title: 'Widgets/Rectification ledger 整改台账',
  component: 'bh-rectification-ledger',
  render: (a) => html`<bh-rectification-ledger
    lang=${a.lang ?? nothing}
    now=${NOW}
    viewer-role=${a.viewerRole ?? nothing}
    view=${a.view ?? nothing}
    .store=${a.wrongStore ? createMemoryStore(evaluationStoreSpec) : rectificationStore(a.seed?.() ?? [])}
  ></bh-rectification-ledger>`,
};
export default meta;
type Story = StoryObj<LedgerArgs>;

/** Nothing on the problem list yet. */
export const Empty: Story = {};

/** Items across the loop, as the owner sees them (their actions offered). */
export const Typical: Story = { args: { seed: () => rectificationItems(8, 2), viewerRole: 'owner' } };

/** 240 items. */
export const Large: Story = { args: { seed: () => rectificationItems(240, 30), viewerRole: 'verifier' } };

/** Overdue items only, as the supervising office sees them, with the accountability sweep. */
export const OverdueItems: Story = { args: { seed: () => rectificationItems(8, 4), viewerRole: 'supervisor', view: 'overdue' } };

/** A store that is not a rectification store is refused in place. */
export const Invalid: Story = { args: { wrongStore: true } };

/** English. */
export const English: Story = { args: { lang: 'en', seed: () => rectificationItems(8, 2), viewerRole: 'supervisor' } };
