import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { type Snapshot, type SupervisionItem, type SupervisionStore, createMemoryStore, evaluationStoreSpec, supervisionStoreSpec } from '@bihuan/core';
import { exampleSupervisionOrders } from '@bihuan/core/examples';
import '@bihuan/widgets/supervision-orders';

/** The moment the stories are looked at: 2025-11-20 10:00 China time. */
const NOW = '2025-11-20T10:00:00+08:00';

interface OrdersArgs {
  lang?: string;
  viewerRole?: string;
  viewerUnit?: string;
  period?: string;
  count?: number;
  /** Escalated items open to a new order (the orders' own targets are already supervised). */
  spareTargets?: number;
  wrongStore?: boolean;
  /** Opens the first order's 督办单 print preview on render (its print button pressed). */
  print?: boolean;
}

/** Presses the first row's print button once the table has rendered. */
function pressPrint(el: Element | undefined): void {
  const button = el?.shadowRoot?.querySelector<HTMLButtonElement>('button[data-print]');
  if (button) button.click();
  else if (el) setTimeout(() => pressPrint(el), 10);
}

function seeded(count: number, spare: number): { store: SupervisionStore; targets: Snapshot[] } {
  const { orders, targets } = exampleSupervisionOrders(NOW, count + spare);
  const store = createMemoryStore(supervisionStoreSpec);
  const kept: SupervisionItem[] = orders.slice(0, count);
  if (kept.length) void store.bulkPut('orders', kept as never);
  return { store, targets };
}

const meta: Meta<OrdersArgs> = {
  title: 'Widgets/Supervision orders 督办单',
  component: 'bh-supervision-orders',
  render: (a) => {
    const { store, targets } = seeded(a.count ?? 0, a.spareTargets ?? 0);
    return html`<bh-supervision-orders
      lang=${a.lang ?? nothing}
      now=${NOW}
      viewer-role=${a.viewerRole ?? nothing}
      viewer-unit=${a.viewerUnit ?? nothing}
      period=${a.period ?? nothing}
      .targets=${targets}
      .store=${a.wrongStore ? createMemoryStore(evaluationStoreSpec) : store}
      ${ref((el) => (a.print ? pressPrint(el) : undefined))}
    ></bh-supervision-orders>`;
  },
};
export default meta;
type Story = StoryObj<OrdersArgs>;

/** No orders yet: every figure is 0. */
export const Empty: Story = {};

/** A sub-district's orders: two awaiting (one past its due day), answered, closed, one re-issued; one escalated case open to a new order. */
export const Typical: Story = { args: { count: 8, spareTargets: 1, viewerRole: 'issuer', viewerUnit: '站前街道办事处' } };

/** A year of orders across four towns: 400, paged. */
export const Large: Story = { args: { count: 400 } };

/** A store that is not a supervision store is refused in place. */
export const Invalid: Story = { args: { wrongStore: true } };

/** English, as the supervised centre sees it, this month only. */
export const English: Story = { args: { lang: 'en', count: 8, period: 'month', viewerRole: 'respondent', viewerUnit: '站前街道综治中心' } };

/** An order's 督办单 opened for printing from its row, filled from the order. */
export const PrintOrder: Story = { args: { count: 3, viewerRole: 'respondent', viewerUnit: '站前街道综治中心', print: true } };

/** The same in English (the form itself stays in Chinese). */
export const PrintOrderEnglish: Story = { args: { ...PrintOrder.args, lang: 'en' } };
