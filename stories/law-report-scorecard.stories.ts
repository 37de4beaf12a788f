import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { EvaluationSchemeInput, LawReportInput } from '@bihuan/core';
import '@bihuan/widgets/law-report-scorecard';
import { FIVE_LEVEL_SCHEME, INVALID_SCHEME, NOW, REPORT, evaluationStore } from './support/evaluation.js';

interface ScorecardArgs {
  lang?: string;
  assessor?: string;
  report?: LawReportInput | null;
  scheme?: EvaluationSchemeInput;
  /** Other assessors' stored sheets: [assessor, base score]. */
  sheets?: [string, number][];
  /** A scheme given directly (overrides the stored one). */
  override?: EvaluationSchemeInput;
  draft?: Record<string, string>;
}

const meta: Meta<ScorecardArgs> = {
  title: 'Widgets/Law-report scorecard 述法评议评分',
  component: 'bh-law-report-scorecard',
  render: (a) => html`<bh-law-report-scorecard
    lang=${a.lang ?? nothing}
    report-id=${REPORT.id}
    assessor=${a.assessor ?? '评议人甲'}
    now=${NOW}
    .store=${evaluationStore({ report: a.report, scheme: a.scheme, sheets: a.sheets })}
    .scheme=${a.override}
    .draft=${a.draft ?? {}}
  ></bh-law-report-scorecard>`,
};
export default meta;
type Story = StoryObj<ScorecardArgs>;

/** No report in the store yet. */
export const Empty: Story = { args: { report: null } };

/** The six-dimension preset: two colleagues have scored, this assessor is half-way. */
export const Typical: Story = { args: { sheets: [['评议人乙', 90], ['评议人丙', 85]], draft: { achievements: '92', shortcomings: '80' } } };

/** Ten assessors on a 1–5 scale with "cannot judge", trimmed mean. */
export const Large: Story = {
  args: {
    scheme: FIVE_LEVEL_SCHEME,
    report: { ...REPORT, schemeId: FIVE_LEVEL_SCHEME.id },
    sheets: [],
    draft: { achievements: '5', shortcomings: '4', performance: 'cannotJudge', rectification: '3', accountability: '4' },
  },
};

/** A scheme whose weights sum to 0.95 is refused in place with the reason. */
export const InvalidScheme: Story = { args: { override: INVALID_SCHEME } };

/** A report with no shortcomings and a claim with no figure: not acceptable, with the rules it breaks. */
export const RefusedReport: Story = { args: { report: { ...REPORT, achievements: [{ text: '法治建设成效显著' }], shortcomings: [] } } };

/** English. */
export const English: Story = { args: { lang: 'en', sheets: [['assessor-b', 90]], draft: { achievements: '92' } } };
