import type { EvaluationSchemeInput } from './scheme.js';
import { L } from '../i18n/locale.js';

const SCORE_0_100 = { min: 0, max: 100, step: 0.5 } as const;

/** The id of the default preset. */
export const SIX_DIMENSIONS_ID = 'shangqiu-six-dimensions';

/**
 * The default preset: Shangqiu's six-dimension law reporting (DOMAIN.md S12) as this library reads
 * it — three pairs, six dimensions. The source names the pairs but not the weights or bands: these
 * are illustrative defaults, meant to be replaced by a party committee's own scheme.
 *
 * - 双要求 double requirement: 讲绩 achievements, 摆短 shortcomings (with cases and data);
 * - 双驱动 double drive: 法治素养测试 the legal-literacy pre-test (its own weight, the test score),
 *   法治实绩 the weight of rule-of-law performance in the annual assessment;
 * - 双闭环 double closed loop: 整改 rectification of what was found, 问责 accountability for it.
 *
 * Plain data (validated by `defineScheme` when used), so that importing it computes nothing.
 */
export const SIX_DIMENSIONS: EvaluationSchemeInput = {
  id: SIX_DIMENSIONS_ID,
  label: L('述法评议“六维度”（商丘）', 'Six-dimension law-report evaluation (Shangqiu)'),
  weighting: 'fraction',
  total: 100,
  dimensions: [
    { id: 'achievements', pair: 'doubleRequirement', weight: 0.2, label: L('讲绩', 'Achievements'), description: L('履行推进法治建设第一责任人职责的实绩，有案例、有数据', 'Rule-of-law duties performed, with cases and figures'), scale: SCORE_0_100 },
    { id: 'shortcomings', pair: 'doubleRequirement', weight: 0.2, label: L('摆短', 'Shortcomings'), description: L('查摆问题是否具体、深刻，作“法治体检”', 'Whether the shortcomings exposed are concrete and candid — a rule-of-law health check'), scale: SCORE_0_100 },
    { id: 'preTest', pair: 'doubleDrive', weight: 0.15, source: 'preTest', label: L('法治素养测试', 'Legal-literacy pre-test'), description: L('述法前的法治素养和能力测试成绩', 'The legal-literacy and capability test taken before reporting'), scale: { min: 0, max: 100 } },
    { id: 'performance', pair: 'doubleDrive', weight: 0.15, label: L('法治实绩', 'Rule-of-law performance'), description: L('法治建设实绩在年度考核、选拔任用中的分量', 'Weight of rule-of-law performance in the annual assessment and appointment review'), scale: SCORE_0_100 },
    { id: 'rectification', pair: 'doubleClosedLoop', weight: 0.15, label: L('整改', 'Rectification'), description: L('对评议发现问题的整改措施与成效', 'Measures taken on what the evaluation found, and their effect'), scale: SCORE_0_100 },
    { id: 'accountability', pair: 'doubleClosedLoop', weight: 0.15, label: L('问责', 'Accountability'), description: L('整改不力者是否被问责', 'Whether failures to rectify are answered for'), scale: SCORE_0_100 },
  ],
  aggregation: 'trimmedMean',
  missing: 'refuse',
  // 评议 is by a panel: three at least, the fewest whose trimmed mean drops a highest and a lowest.
  panel: { minAssessors: 3, unitRequired: false },
  decimals: 2,
  grades: [
    { id: 'excellent', min: 90, label: L('优秀', 'Excellent') },
    { id: 'good', min: 80, label: L('良好', 'Good') },
    { id: 'pass', min: 60, label: L('合格', 'Pass') },
    { id: 'fail', min: 0, label: L('不合格', 'Fail') },
  ],
  // At most 30% 优秀, rounded down, but never none: a unit of three can have one.
  topGradeCap: { share: 0.3, rounding: 'floor', minimum: 1 },
  vetoes: [
    { id: 'majorViolation', label: L('发生重大违法行政、司法不公事件', 'A major unlawful administrative act or miscarriage of justice') },
    { id: 'falseReport', label: L('述法报告弄虚作假', 'The report was falsified') },
  ],
  adjustments: [
    { id: 'innovation', kind: 'bonus', max: 3, label: L('法治创新经验被上级推广', 'A rule-of-law innovation adopted higher up') },
    { id: 'overdueRectification', kind: 'penalty', max: 5, label: L('整改逾期未完成', 'Rectification overdue') },
  ],
  bonusCap: 3,
  penaltyCap: 10,
  tieBreak: ['preTest', 'shortcomings'],
};

/** A 1–5 variant for assessors' quick votes: five levels and "cannot judge", equal points. */
export const FIVE_LEVELS_SCALE = { min: 1, max: 5, step: 1, cannotJudge: true } as const;
