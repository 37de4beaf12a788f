import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { volunteerStore } from '@bihuan/core';
import { exampleVolunteerLog, type VolunteerLogExample } from '@bihuan/core/examples';
import { seededStore, unrelatedStore } from './support/seeded-store.js';
import '@bihuan/widgets/volunteer-log';

interface VolunteerArgs {
  lang?: string;
  revealNames?: boolean;
  seed?: () => VolunteerLogExample;
  /** A store of another shape, to show the refusal in place. */
  wrongStore?: boolean;
}

const records = (seed?: VolunteerLogExample) => (seed ? { volunteers: seed.roster, assists: seed.assists } : {});

const meta: Meta<VolunteerArgs> = {
  title: 'Widgets/Volunteer log 义警协助',
  component: 'bh-volunteer-log',
  render: (a) =>
    html`<bh-volunteer-log
      lang=${a.lang ?? nothing}
      ?reveal-names=${a.revealNames}
      now="2026-05-10T10:00:00+08:00"
      .store=${a.wrongStore ? unrelatedStore() : seededStore(volunteerStore, records(a.seed?.()))}
    ></bh-volunteer-log>`,
};
export default meta;
type Story = StoryObj<VolunteerArgs>;

/** No volunteers yet. */
export const Empty: Story = {};

/** A team of 12 and their 80 assists (names masked). */
export const Typical: Story = { args: { seed: () => exampleVolunteerLog(12, 80) } };

/** The source's association: 636 members, 4,158 assists. */
export const Large: Story = { args: { seed: () => exampleVolunteerLog() } };

/** For a viewer entitled to personal data: full names. */
export const NamesRevealed: Story = { args: { seed: () => exampleVolunteerLog(12, 80), revealNames: true } };

/** A store without the roster's collections is refused in place. */
export const Invalid: Story = { args: { wrongStore: true } };

/** English. */
export const English: Story = { args: { lang: 'en', seed: () => exampleVolunteerLog(12, 80) } };
