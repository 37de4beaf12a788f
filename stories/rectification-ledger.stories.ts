import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { type RectificationItem, createMemoryStore, evaluationStoreSpec, rectificationLoop } from '@bihuan/core';
import '@bihuan/widgets/rectification-ledger';
import { NOW, rectificationItems, rectificationStore } from './support/evaluation.js';
import { withHandlers } from './support/my-cases.js';
import { escalatedAt } from './support/escalated.js';

interface LedgerArgs {
  lang?: string;
  viewerRole?: string;
  view?: string;
  seed?: () => RectificationItem[];
  /** A store of another domain: refused in place. */
  wrongStore?: boolean;
  /** The viewer's own id and unit ("my cases" needs an id). */
  viewerId?: string;
  viewerUnit?: string;
  /** "My cases" (我的案件) on. */
  mine?: unknown;
  /** A period key: the items listed in it, as they stood at its end. */
  period?: string;
}

const meta: Meta<LedgerArgs> = {
  title: 'Widgets/Rectification ledger 整改台账',
  component: 'bh-rectification-ledger',
  render: (a) => html`<bh-rectification-ledger
    lang=${a.lang ?? nothing}
    now=${NOW}
    viewer-role=${a.viewerRole ?? nothing}
    view=${a.view ?? nothing}
    period=${a.period ?? nothing}
    viewer-id=${a.viewerId ?? nothing}
    viewer-unit=${a.viewerUnit ?? nothing}
    .mine=${a.mine ?? false}
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

/** 临江街道's handler 陈志远 (linjiang-chen): the items of his unit named to him by the supervising office. */
const CHEN = { id: 'linjiang-chen', name: '陈志远', unit: '临江街道' } as const;
const handled = (items: RectificationItem[], every = 1) => withHandlers(items, { loop: rectificationLoop, by: { id: 'office-sun', role: 'supervisor' }, bodyOf: (i) => i.data.unit, viewer: CHEN, every, at: NOW });
const myCases = { viewerRole: 'owner', viewerId: CHEN.id, viewerUnit: CHEN.unit, mine: true } as const;

/** "My cases" (我的案件), none yet: no item has him as handler. */
export const MyCasesEmpty: Story = { args: { ...myCases, seed: () => rectificationItems(8, 2) } };

/** "My cases": the open items of 临江街道 that 陈志远 handles, overdue first. */
export const MyCasesTypical: Story = { args: { ...myCases, seed: () => handled(rectificationItems(8, 2)) } };

/** "My cases" in a ledger of 240 items: every other item of his unit is his. */
export const MyCasesLarge: Story = { args: { ...myCases, seed: () => handled(rectificationItems(240, 30), 2) } };

/** "My cases" switched by a value that is not true or false: refused in place, naming `mine`. */
export const MyCasesInvalid: Story = { args: { ...myCases, mine: 'yes', seed: () => handled(rectificationItems(8, 2)) } };

/** "My cases", in English. */
export const MyCasesEnglish: Story = { args: { ...myCases, lang: 'en', seed: () => handled(rectificationItems(8, 2)) } };

/** Overdue items escalated by rule to the supervising office: marked beside their state, never a button. */
export const Escalated: Story = { args: { viewerRole: 'supervisor', seed: () => escalatedAt(rectificationLoop, rectificationItems(8, 3), NOW) } };

/** By period: the quarter's items as they stood at its end (overdue then), footing, against the quarter before and last year. */
export const ByPeriod: Story = { args: { seed: () => rectificationItems(8, 2), viewerRole: 'supervisor', period: '2026-Q1' } };

/** By month, in English. */
export const ByPeriodEnglish: Story = { args: { lang: 'en', seed: () => rectificationItems(8, 2), viewerRole: 'supervisor', period: '2026-02' } };

/** A period in which nothing was listed: the switch stays, to move to another. */
export const PeriodEmpty: Story = { args: { seed: () => rectificationItems(8, 2), period: '2024' } };

/** 240 items, by year. */
export const PeriodLarge: Story = { args: { seed: () => rectificationItems(240, 30), viewerRole: 'verifier', period: '2026' } };

/** A period key that names none: refused in place. */
export const PeriodInvalid: Story = { args: { seed: () => rectificationItems(8, 2), period: '2026-W60' } };

/** Escalated items, in English. */
export const EscalatedEnglish: Story = { args: { ...Escalated.args, lang: 'en' } };

/** Items in progress, none past its deadline: no escalated mark. */
export const EscalatedNone: Story = { args: { viewerRole: 'supervisor', seed: () => escalatedAt(rectificationLoop, rectificationItems(8, 0), NOW) } };

/** 240 items, 120 of them past their deadline and escalated by rule. */
export const EscalatedLarge: Story = { args: { viewerRole: 'supervisor', seed: () => escalatedAt(rectificationLoop, rectificationItems(240, 120), NOW) } };

/** Escalated items offered through a store of another domain: refused in place. */
export const EscalatedInvalid: Story = { args: { ...Escalated.args, wrongStore: true } };
