import type { LawReportInput } from './report.js';
import { SIX_DIMENSIONS_ID } from './preset.js';

/**
 * An example law report that keeps the double requirement (achievements and shortcomings, each
 * with a case or figure), scored under the six-dimension preset — for demos, catalogs and tests.
 * All data are examples; the figures are the source's.
 */
export function exampleLawReport(): LawReportInput {
  return {
    id: 'SF-2025-01',
    schemeId: SIX_DIMENSIONS_ID,
    unit: '振兴区司法局',
    reporter: '王局长',
    position: '局长',
    period: '2025',
    achievements: [
      { text: '综治中心矛盾纠纷化解', figure: { value: 406, unit: '件', label: '化解' } },
      { text: '噪音纠纷五方联合调解', case: '法院、司法局、派出所、街道、社区联合调解，双方达成和解' },
    ],
    shortcomings: [
      { text: '部分镇街回访不及时', figure: { value: 34, unit: '件', label: '未按期回访' } },
      { text: '合同合法性审查流于形式', case: '2025 年一份采购合同未经合法性审查即签订' },
    ],
    preTest: 88,
  };
}
