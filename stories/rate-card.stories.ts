import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@bihuan/widgets/rate-card';

interface RateCardArgs {
  label: string;
  numerator?: number;
  denominator?: number;
  numeratorLabel?: string;
  denominatorLabel?: string;
  unit?: string;
  previousNumerator?: number;
  previousDenominator?: number;
  previousLabel?: string;
  lowerIsBetter?: boolean;
  decimals?: number;
  lang?: string;
}

const meta: Meta<RateCardArgs> = {
  title: 'Widgets/Rate card 比率卡',
  component: 'bh-rate-card',
  render: (a) => html`<bh-rate-card
    lang=${a.lang ?? nothing}
    label=${a.label}
    numerator=${a.numerator ?? nothing}
    denominator=${a.denominator ?? nothing}
    numerator-label=${a.numeratorLabel ?? nothing}
    denominator-label=${a.denominatorLabel ?? nothing}
    unit=${a.unit ?? nothing}
    previous-numerator=${a.previousNumerator ?? nothing}
    previous-denominator=${a.previousDenominator ?? nothing}
    previous-label=${a.previousLabel ?? nothing}
    ?lower-is-better=${a.lowerIsBetter}
    decimals=${a.decimals ?? nothing}
  ></bh-rate-card>`,
};
export default meta;
type Story = StoryObj<RateCardArgs>;

/** The centre's resolution rate from the source: 406 of 425 disputes resolved. */
export const Typical: Story = {
  args: { label: '综治中心化解率', numerator: 406, denominator: 425, numeratorLabel: '化解', denominatorLabel: '受理', unit: '件' },
};

/** The towns' rate, compared with the centre's in percentage points (never %). */
export const WithChange: Story = {
  args: {
    label: '镇街化解率',
    numerator: 2227,
    denominator: 2261,
    numeratorLabel: '化解',
    denominatorLabel: '上报',
    unit: '件',
    previousNumerator: 406,
    previousDenominator: 425,
    previousLabel: '综治中心',
  },
};

/** A fall that is good news: an overdue rate going down. */
export const LowerIsBetter: Story = {
  args: {
    label: '逾期率',
    numerator: 12,
    denominator: 1000,
    numeratorLabel: '逾期',
    denominatorLabel: '任务',
    unit: '条',
    previousNumerator: 30,
    previousDenominator: 1000,
    lowerIsBetter: true,
  },
};

/** A city's task completion: 199,740 of 200,000 orders → 99.87%. */
export const Large: Story = {
  args: { label: '任务完成率', numerator: 199_740, denominator: 200_000, numeratorLabel: '完成', denominatorLabel: '派发', unit: '条' },
};

/** No cases yet: "—", never NaN% or 0%. */
export const Empty: Story = {
  args: { label: '企业问题办结率', numerator: 0, denominator: 0, numeratorLabel: '办结', denominatorLabel: '收集', unit: '件' },
};

/** A numerator above its denominator is refused in place, with the reason. */
export const Invalid: Story = {
  args: { label: '化解率', numerator: 500, denominator: 425, numeratorLabel: '化解', denominatorLabel: '受理', unit: '件' },
};

/** English, picked by the nearest `lang`. */
export const English: Story = {
  args: {
    lang: 'en',
    label: 'Resolution rate',
    numerator: 406,
    denominator: 425,
    numeratorLabel: 'resolved',
    denominatorLabel: 'Accepted',
    previousNumerator: 2227,
    previousDenominator: 2261,
    previousLabel: 'the towns',
  },
};
