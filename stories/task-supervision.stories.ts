import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { createMemoryStore, exampleRoster, exampleTaskOrders, taskStoreSpec } from '@bihuan/core';
import '@bihuan/widgets/task-supervision';

const NOW = '2025-10-27T10:00:00+08:00';

interface SupervisionArgs {
  lang?: string;
  month?: string;
  county?: string;
  station?: string;
  /** The example roster's size: counties × stations per county × officers per station (0: an empty store). */
  size?: readonly [number, number, number];
}

/** A memory store with the example roster and its October, moved on to NOW. */
function seeded([counties, stations, officers]: readonly [number, number, number]) {
  const store = createMemoryStore(taskStoreSpec);
  if (counties === 0) return store;
  const roster = exampleRoster({ counties, stationsPerCounty: stations, officersPerStation: officers });
  void store.put('rosters', roster).then(() => store.bulkPut('orders', exampleTaskOrders({ roster, month: '2025-10', now: NOW })));
  return store;
}

const meta: Meta<SupervisionArgs> = {
  title: 'Widgets/Task supervision 任务督导',
  component: 'bh-task-supervision',
  args: { month: '2025-10', size: [3, 3, 4] },
  render: (a) =>
    html`<bh-task-supervision lang=${a.lang ?? nothing} month=${a.month ?? nothing} county=${a.county ?? nothing} station=${a.station ?? nothing} now=${NOW}
      .store=${seeded(a.size ?? [0, 0, 0])}></bh-task-supervision>`,
};
export default meta;
type Story = StoryObj<SupervisionArgs>;

/** Nothing dispatched yet. */
export const Empty: Story = { args: { size: [0, 0, 0] } };

/** Three counties, nine stations, 36 officers: 3,708 orders, laggards first. */
export const Typical: Story = {};

/** Two counties of five stations with ten officers each: 10,300 orders. */
export const Large: Story = { args: { size: [2, 5, 10] } };

/** Drilled into one station: its officers. */
export const Station: Story = { args: { county: 'C01', station: 'C01S02' } };

/** A month that is not a month is refused in place. */
export const Invalid: Story = { args: { month: '2025-13' } };

/** English. */
export const English: Story = { args: { lang: 'en' } };
