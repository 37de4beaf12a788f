import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { type ReceptionItem, createMemoryStore, evaluationStoreSpec, receptionLoop } from '@bihuan/core';
import '@bihuan/widgets/reception-issues';
import { NOW, receptionItems, receptionSeason, receptionStore, receptionYear } from './support/evaluation.js';
import { withHandlers } from './support/my-cases.js';

interface IssuesArgs {
  lang?: string;
  viewerRole?: string;
  seed?: () => ReceptionItem[];
  wrongStore?: boolean;
  /** The viewer's own id and department ("my cases" needs an id). */
  viewerId?: string;
  viewerUnit?: string;
  /** "My cases" (我的案件) on. */
  mine?: unknown;
  /** A period key (`2026-02`, `2026-Q1`, `2026-W09`, `2025`): the issues collected in it as they stood at its end. */
  period?: string;
}

const meta: Meta<IssuesArgs> = {
  title: 'Widgets/Reception-day issues 企业家接待日',
  component: 'bh-reception-issues',
  render: (a) => html`<bh-reception-issues
    lang=${a.lang ?? nothing}
    now=${NOW}
    viewer-role=${a.viewerRole ?? nothing}
    viewer-id=${a.viewerId ?? nothing}
    viewer-unit=${a.viewerUnit ?? nothing}
    .mine=${a.mine ?? false}
    period=${a.period ?? nothing}
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

/** The department's handler 李晓雯 (dept-li) of 区人力社保局: her own issues, handlers named by the host. */
const LI = { id: 'dept-li', name: '李晓雯', unit: '区人力社保局' } as const;
const handled = (items: ReceptionItem[], every = 2) => withHandlers(items, { loop: receptionLoop, by: { id: 'host-wang', role: 'host' }, bodyOf: (i) => i.data.department ?? undefined, viewer: LI, every, at: NOW });
const myCases = { viewerRole: 'department', viewerId: LI.id, viewerUnit: LI.unit, mine: true } as const;

/** "My cases" (我的案件), none yet: no issue has her as handler. */
export const MyCasesEmpty: Story = { args: { ...myCases, seed: () => receptionItems(23, 6) } };

/** "My cases": the issues of the day 李晓雯 handles (every other one of her department's). */
export const MyCasesTypical: Story = { args: { ...myCases, seed: () => handled(receptionItems(23, 6)) } };

/** "My cases" over a year of reception days: 276 issues, hers among them. */
export const MyCasesLarge: Story = { args: { ...myCases, seed: () => handled(receptionItems(276, 150), 1) } };

/** "My cases" switched by a value that is not true or false: refused in place, naming `mine`. */
export const MyCasesInvalid: Story = { args: { ...myCases, mine: 'yes', seed: () => handled(receptionItems(23, 6)) } };

/** "My cases", in English. */
export const MyCasesEnglish: Story = { args: { ...myCases, lang: 'en', seed: () => handled(receptionItems(23, 6)) } };

// By period (统计期): three reception days (February 2025, 26 January and 16 February 2026).

/** February 2026 by the period switch: the day's 15 issues as they stood at the month's end, footing, against January and February 2025. */
export const ByPeriod: Story = { args: { seed: receptionSeason, period: '2026-02', viewerRole: 'host' } };

/** January 2026 as it stood on 31 January, in English: the day of 26 January still all on the supervision ledger. */
export const ByPeriodEnglish: Story = { args: { lang: 'en', seed: receptionSeason, period: '2026-01', viewerRole: 'host' } };

/** The current month, before its reception day: the switch stays, to move to another. */
export const PeriodEmpty: Story = { args: { seed: receptionSeason, period: '2026-03', viewerRole: 'host' } };

/** A year of monthly reception days by quarter: the first quarter of 2026 against the fourth of 2025. */
export const PeriodLarge: Story = { args: { seed: receptionYear, period: '2026-Q1', viewerRole: 'host' } };

/** A period key that names none: refused in place. */
export const PeriodInvalid: Story = { args: { seed: receptionSeason, period: '2026-13', viewerRole: 'host' } };
