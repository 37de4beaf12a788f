import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { type ReceptionItem, createMemoryStore, evaluationStoreSpec } from '@bihuan/core';
import '@bihuan/widgets/reception-issues';
import { NOW, receptionItems, receptionStore } from './support/evaluation.js';

interface IssuesArgs {
  lang?: string;
  viewerRole?: string;
  seed?: () => ReceptionItem[];
  wrongStore?: boolean;
}

const meta: Meta<IssuesArgs> = {
  title: 'Widgets/Reception-day issues 企业家接待日',
  component: 'bh-reception-issues',
  render: (a) => html`<bh-reception-issues
    lang=${a.lang ?? nothing}
    now=${NOW}
    viewer-role=${a.viewerRole ?? nothing}
    .store=${a.wrongStore ? createMemoryStore(evaluationStoreSpec) : receptionStore(a.seed?.() ?? [])}
  ></bh-reception-issues>`,
};
export default meta;
type Story = StoryObj<IssuesArgs>;

/** No issues collected yet: the rates show "—". */
export const Empty: Story = {};

/** The source's day: 9 firms, 23 issues, 6 closed → 26.09%, the rest on the supervision ledger. */
export const Typical: Story = { args: { seed: () => receptionItems(23, 6), viewerRole: 'host' } };

/** A year of reception days: 276 issues. */
export const Large: Story = { args: { seed: () => receptionItems(276, 150) } };

/** A store that is not a reception store is refused in place. */
export const Invalid: Story = { args: { wrongStore: true } };

/** English, as the handling department sees it. */
export const English: Story = { args: { lang: 'en', seed: () => receptionItems(23, 6), viewerRole: 'department' } };
