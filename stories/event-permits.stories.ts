import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { type EventPermitItem, eventPermitLoop, eventPermitStore } from '@bihuan/core';
import { exampleEventPermits, examplePermitsInProgress } from '@bihuan/core/examples';
import { escalatedAt } from './support/escalated.js';
import { seededStore } from './support/seeded-store.js';
import '@bihuan/widgets/event-permits';

interface PermitArgs {
  lang?: string;
  viewerRole?: string;
  /** The filings that seed a memory store. */
  seed?: () => EventPermitItem[];
  /** A period key (`2026-06`, `2026-Q2`, `2026-W25`, `2025`): the filings of that period as they stood at its end. */
  period?: string;
}

const NOW = '2026-06-20T10:00:00+08:00';

const meta: Meta<PermitArgs> = {
  title: 'Widgets/Event permits 大型活动许可',
  component: 'bh-event-permits',
  render: (a) =>
    html`<bh-event-permits lang=${a.lang ?? nothing} viewer-role=${a.viewerRole ?? nothing} period=${a.period ?? nothing} now=${NOW} .store=${seededStore(eventPermitStore, { permits: a.seed?.() ?? [] })}></bh-event-permits>`,
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

/** June 2026 by the period switch: the month's filings as they stood at its end, footing, against May and June 2025. */
export const ByMonth: Story = { args: { seed: examplePermitsInProgress, period: '2026-06' } };

/** The second quarter on the China calendar, in English. */
export const ByQuarterEnglish: Story = { args: { lang: 'en', seed: examplePermitsInProgress, period: '2026-Q2' } };

/** A week without filings: the switch stays, to move to another. */
export const PeriodEmpty: Story = { args: { seed: examplePermitsInProgress, period: '2026-W10' } };

/** The source's year by period: 2025's 192 events, against 2024. */
export const LargeByYear: Story = { args: { seed: () => exampleEventPermits(), period: '2025' } };

/** A period key that names none: refused in place. */
export const PeriodInvalid: Story = { args: { seed: examplePermitsInProgress, period: '2026-13' } };

/** A review past its 7 working days, escalated by rule to the county bureau: marked beside its state, never a button. */
export const Escalated: Story = { args: { seed: () => escalatedAt(eventPermitLoop, examplePermitsInProgress('2026-06-05'), NOW) } };

/** The escalated review, in English. */
export const EscalatedEnglish: Story = { args: { ...Escalated.args, lang: 'en' } };

/** Reviews in progress, none past its 7 working days: no escalated mark. */
export const EscalatedNone: Story = { args: { seed: () => escalatedAt(eventPermitLoop, examplePermitsInProgress(), NOW) } };

/** Forty weeks of filings, each week's review past its deadline and escalated to the county bureau, 20 to a page. */
export const EscalatedLarge: Story = {
  args: {
    seed: () => {
      const start = Date.parse('2026-06-05T00:00:00Z');
      const days = Array.from({ length: 40 }, (_, w) => new Date(start - w * 7 * 86_400_000).toISOString().slice(0, 10));
      return escalatedAt(eventPermitLoop, days.flatMap((d) => examplePermitsInProgress(d)), NOW);
    },
  },
};

/** Escalated reviews before a role the loop does not know: refused in place. */
export const EscalatedInvalid: Story = { args: { ...Escalated.args, viewerRole: 'mayor' } };
