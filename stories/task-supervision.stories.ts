import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { createMemoryStore, taskOrderLoop, taskStoreSpec } from '@bihuan/core';
import { exampleRoster, exampleTaskOrders } from '@bihuan/core/examples';
import '@bihuan/widgets/task-supervision';
import { escalatedAt } from './support/escalated.js';

const NOW = '2025-10-27T10:00:00+08:00';

interface SupervisionArgs {
  lang?: string;
  month?: string;
  county?: string;
  station?: string;
  /** The example roster's size: counties × stations per county × officers per station (0: an empty store). */
  size?: readonly [number, number, number];
}

/**
 * The example roster of one size and its October, made once per size: a story shown again (another
 * language, the catalog's docs page) gets a fresh store without generating its thousands of orders
 * again. The store copies what it is given, so the stories never share a record.
 */
const examples = new Map<string, { roster: ReturnType<typeof exampleRoster>; orders: ReturnType<typeof exampleTaskOrders> }>();
function example([counties, stations, officers]: readonly [number, number, number]) {
  const key = `${counties}×${stations}×${officers}`;
  let made = examples.get(key);
  if (!made) {
    const roster = exampleRoster({ counties, stationsPerCounty: stations, officersPerStation: officers });
    examples.set(key, (made = { roster, orders: exampleTaskOrders({ roster, month: '2025-10', now: NOW }) }));
  }
  return made;
}

/** A memory store with the example roster and its October, moved on to NOW. */
function seeded(size: readonly [number, number, number]) {
  const store = createMemoryStore(taskStoreSpec);
  if (size[0] === 0) return store;
  const { roster, orders } = example(size);
  void store.put('rosters', roster).then(() => store.bulkPut('orders', orders));
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

interface PeriodArgs extends SupervisionArgs {
  period?: string;
}
const byPeriod = (a: PeriodArgs) =>
  html`<bh-task-supervision lang=${a.lang ?? nothing} period=${a.period ?? nothing} county=${a.county ?? nothing} now=${NOW} .store=${seeded(a.size ?? [3, 3, 4])}></bh-task-supervision>`;

/** The period switch: October 2025 in one county, its stations against the county's rate, and the change on September and on October 2024. */
export const ByPeriod: StoryObj<PeriodArgs> = { args: { period: '2025-10', county: 'C01' }, render: byPeriod };

/** By week, in English, for the whole city. */
export const ByWeekEnglish: StoryObj<PeriodArgs> = { args: { lang: 'en', period: '2025-W43' }, render: byPeriod };

/** A period with nothing dispatched: the switch stays, to move to another. */
export const PeriodEmpty: StoryObj<PeriodArgs> = { args: { period: '2024-10' }, render: byPeriod };

/** A period key that names none: refused in place. */
export const PeriodInvalid: StoryObj<PeriodArgs> = { args: { period: '2025-W60' }, render: byPeriod };

/** Overdue orders escalated by rule: each unit marks the highest level its orders reached and how many, by period. */
export const Escalated: StoryObj<PeriodArgs> = {
  args: { period: '2025-10' },
  render: (a) => {
    const store = createMemoryStore(taskStoreSpec);
    const roster = exampleRoster({ counties: 2, stationsPerCounty: 1, officersPerStation: 2 });
    void store.put('rosters', roster).then(() => store.bulkPut('orders', escalatedAt(taskOrderLoop, exampleTaskOrders({ roster, month: '2025-10', now: NOW }), NOW)));
    return html`<bh-task-supervision lang=${a.lang ?? nothing} period=${a.period ?? nothing} now=${NOW} .store=${store}></bh-task-supervision>`;
  },
};

/** The escalated orders by period, in English. */
export const EscalatedEnglish: StoryObj<PeriodArgs> = { ...Escalated, args: { ...Escalated.args, lang: 'en' } };

/** The whole city by quarter: two counties of five stations, ten officers each. */
export const PeriodLarge: StoryObj<PeriodArgs> = { args: { period: '2025-Q4', size: [2, 5, 10] }, render: byPeriod };
