import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { emergencyUnitStore } from '@bihuan/core';
import { exampleEmergencyUnits, type EmergencyUnitExample } from '@bihuan/core/examples';
import { seededStore, unrelatedStore } from './support/seeded-store.js';
import '@bihuan/widgets/emergency-units';

interface UnitArgs {
  lang?: string;
  station?: string;
  seed?: () => EmergencyUnitExample;
  /** A store of another shape, to show the refusal in place. */
  wrongStore?: boolean;
}

const meta: Meta<UnitArgs> = {
  title: 'Widgets/Emergency units 最小应急单元',
  component: 'bh-emergency-units',
  render: (a) =>
    html`<bh-emergency-units
      lang=${a.lang ?? nothing}
      station=${a.station ?? nothing}
      now="2026-05-10T10:00:00+08:00"
      .store=${a.wrongStore ? unrelatedStore() : seededStore(emergencyUnitStore, a.seed?.() ?? {})}
    ></bh-emergency-units>`,
};
export default meta;
type Story = StoryObj<UnitArgs>;

/** No units registered yet. */
export const Empty: Story = {};

/** A district's 28 units with their drills and incidents. */
export const Typical: Story = { args: { seed: () => exampleEmergencyUnits(28, 12, { detained: 3, disputesStopped: 9, helped: 5 }) } };

/** The source's city: 3,419 units, 14,076 members, 124 detained, 728 disputes stopped, 367 helped. */
export const Large: Story = { args: { seed: () => exampleEmergencyUnits() } };

/** One police station's units. */
export const OneStation: Story = { args: { seed: () => exampleEmergencyUnits(60, 10), station: '山海关城区派出所' } };

/** A store without the units' collections is refused in place. */
export const Invalid: Story = { args: { wrongStore: true } };

/** English. */
export const English: Story = { args: { lang: 'en', seed: () => exampleEmergencyUnits(28, 12, { detained: 3, disputesStopped: 9, helped: 5 }) } };
