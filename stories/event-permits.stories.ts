import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { type EventPermitItem, eventPermitStore } from '@bihuan/core';
import { exampleEventPermits, examplePermitsInProgress } from '@bihuan/core/examples';
import { seededStore } from './support/seeded-store.js';
import '@bihuan/widgets/event-permits';

interface PermitArgs {
  lang?: string;
  viewerRole?: string;
  /** The filings that seed a memory store. */
  seed?: () => EventPermitItem[];
}

const NOW = '2026-06-20T10:00:00+08:00';

const meta: Meta<PermitArgs> = {
  title: 'Widgets/Event permits 大型活动许可',
  component: 'bh-event-permits',
  render: (a) =>
    html`<bh-event-permits lang=${a.lang ?? nothing} viewer-role=${a.viewerRole ?? nothing} now=${NOW} .store=${seededStore(eventPermitStore, { permits: a.seed?.() ?? [] })}></bh-event-permits>`,
};
export default meta;
type Story = StoryObj<PermitArgs>;

/** No filings yet: the form to file the first. */
export const Empty: Story = {};

/** Filings in every state, one event held with incidents, as the police reviewer sees them. */
export const Typical: Story = { args: { seed: examplePermitsInProgress } };

/** The organizer's view: only the organizer's actions (submit a plan, withdraw). */
export const Organizer: Story = { args: { seed: examplePermitsInProgress, viewerRole: 'organizer' } };

/** The source's 2025: 192 events, all held without incident (100%), 20 to a page. */
export const Large: Story = { args: { seed: () => exampleEventPermits() } };

/** A role the loop does not know is refused in place. */
export const Invalid: Story = { args: { viewerRole: 'mayor' } };

/** English. */
export const English: Story = { args: { lang: 'en', seed: examplePermitsInProgress } };
