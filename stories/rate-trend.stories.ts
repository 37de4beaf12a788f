import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@bihuan/widgets/rate-trend';
import type { RateTrendReference, RateTrendSeries } from '@bihuan/widgets';

interface RateTrendArgs {
  label: string;
  kind?: 'line' | 'bars';
  series: readonly RateTrendSeries[];
  reference?: RateTrendReference;
  lang?: string;
}

const meta: Meta<RateTrendArgs> = {
  title: 'Widgets/Rate trend 比率走势',
  component: 'bh-rate-trend',
  render: (a) => html`<bh-rate-trend lang=${a.lang ?? nothing} label=${a.label} kind=${a.kind ?? nothing} .series=${a.series} .reference=${a.reference ?? null}></bh-rate-trend>`,
};
export default meta;
type Story = StoryObj<RateTrendArgs>;

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** Example figures: a centre's disputes month by month (accepted 30–45, most resolved). */
const year = (y: number, shift: number, upTo = 12): RateTrendSeries => ({
  name: `${y}年`,
  points: MONTHS.slice(0, upTo).map((m) => {
    const denominator = 30 + ((m * 7 + shift) % 16);
    return { key: `${y}-${String(m).padStart(2, '0')}`, label: `${m}月`, numerator: denominator - ((m + shift) % 4), denominator };
  }),
});

/** 化解率 month by month: this year (to November) against last year. */
export const Typical: Story = { args: { label: '化解率', series: [year(2026, 0, 11), year(2025, 3)] } };

/** The same in English. */
export const English: Story = { args: { lang: 'en', label: 'Resolution rate', series: [{ ...year(2026, 0, 11), name: '2026' }, { ...year(2025, 3), name: '2025' }] } };

/** No figures yet. */
export const Empty: Story = { args: { label: '化解率', series: [] } };

/** Five years by week: 260 points, the axis thinned, every point still reachable by keyboard. */
export const Large: Story = {
  args: {
    label: '完成率',
    series: [{ name: '2022–2026', points: Array.from({ length: 260 }, (_, i) => ({ key: `W${i + 1}`, label: `第${i + 1}周`, numerator: 80 + (i % 20), denominator: 100 })) }],
  },
};

/** Stations against the county's 完成率 at a glance: a bar per station, the county's rate as a line. */
export const Stations: Story = {
  args: {
    label: '各派出所任务完成率',
    kind: 'bars',
    series: [
      {
        name: '本月',
        points: [
          { key: 'cg', label: '城关所', numerator: 46, denominator: 48 },
          { key: 'dz', label: '东庄所', numerator: 37, denominator: 45 },
          { key: 'xh', label: '西河所', numerator: 50, denominator: 50 },
          { key: 'nq', label: '南桥所', numerator: 29, denominator: 40 },
          { key: 'bs', label: '北山所', numerator: 0, denominator: 0 },
        ],
      },
    ],
    reference: { name: '全县', numerator: 162, denominator: 183 },
  },
};

/** Refused figures (a numerator above its denominator): the widget says so in place. */
export const Invalid: Story = { args: { label: '化解率', series: [{ name: '2026年', points: [{ key: '2026-01', numerator: 12, denominator: 10 }] }] } };

/** The stations against the county, in English (the host's labels in English). */
export const StationsEnglish: Story = {
  args: {
    lang: 'en',
    label: 'Task completion by police station',
    kind: 'bars',
    series: [
      {
        name: 'This month',
        points: [
          { key: 'cg', label: 'Chengguan', numerator: 46, denominator: 48 },
          { key: 'dz', label: 'Dongzhuang', numerator: 37, denominator: 45 },
          { key: 'xh', label: 'Xihe', numerator: 50, denominator: 50 },
          { key: 'nq', label: 'Nanqiao', numerator: 29, denominator: 40 },
          { key: 'bs', label: 'Beishan', numerator: 0, denominator: 0 },
        ],
      },
    ],
    reference: { name: 'County', numerator: 162, denominator: 183 },
  },
};
