import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { createMemoryStore, taskOrderLoop, taskStoreSpec } from '@bihuan/core';
import { exampleRoster, exampleTaskOrders } from '@bihuan/core/examples';
import '@bihuan/widgets/task-checklist';
import { escalatedAt } from './support/escalated.js';

const NOW = '2025-10-22T10:00:00+08:00';

interface ChecklistArgs {
  lang?: string;
  officer?: string;
  month?: string;
  /** Officers on the example roster whose month is dispatched into the story's memory store. */
  officers?: number;
}

/** A memory store seeded with the example roster's month, moved on to NOW. */
function seeded(officers = 0) {
  const store = createMemoryStore(taskStoreSpec);
  const roster = exampleRoster({ counties: 1, stationsPerCounty: Math.max(1, Math.ceil(officers / 10)), officersPerStation: Math.min(10, Math.max(1, officers)) });
  if (officers > 0) void store.bulkPut('orders', exampleTaskOrders({ roster, month: '2025-10', now: NOW }));
  return store;
}

const meta: Meta<ChecklistArgs> = {
  title: 'Widgets/Task checklist 任务清单',
  component: 'bh-task-checklist',
  args: { officer: 'P00001', month: '2025-10', officers: 1 },
  render: (a) => html`<bh-task-checklist lang=${a.lang ?? nothing} officer=${a.officer ?? nothing} month=${a.month ?? nothing} now=${NOW} .store=${seeded(a.officers)}></bh-task-checklist>`,
};
export default meta;
type Story = StoryObj<ChecklistArgs>;

/** Nothing dispatched to the officer this month. */
export const Empty: Story = { args: { officers: 0 } };

/** An officer's October: 103 tasks in 6 categories, most fed back, a few overdue and urged, alarms at the top. */
export const Typical: Story = {};

/** The officer's month read from a store holding a station's 5,150 orders (50 officers × 103). */
export const Large: Story = { args: { officers: 50 } };

/** No officer given: the widget says so in place. */
export const Invalid: Story = { args: { officer: '' } };

/** English. */
export const English: Story = { args: { lang: 'en' } };

/** Orders past their due day escalated by rule to the county bureau: each marked beside its state (never a button). */
export const Escalated: Story = {
  render: (a) => {
    const store = createMemoryStore(taskStoreSpec);
    const roster = exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 1 });
    void store.bulkPut('orders', escalatedAt(taskOrderLoop, exampleTaskOrders({ roster, month: '2025-10', now: NOW, doneShare: 0.6 }), NOW));
    return html`<bh-task-checklist lang=${a.lang ?? nothing} officer=${a.officer ?? nothing} month=${a.month ?? nothing} now=${NOW} .store=${store}></bh-task-checklist>`;
  },
};

/** The escalated orders, in English. */
export const EscalatedEnglish: Story = { ...Escalated, args: { lang: 'en' } };
