import type { Locale } from '@bihuan/core/schema';

const zhCN = {
  noCases: '暂无案件，无法计算比率',
  counts: (denominatorLabel: string, denominator: string, numeratorLabel: string, numerator: string, unit: string) =>
    `${denominatorLabel} ${denominator}${unit ? ` ${unit}` : ''}，${numeratorLabel} ${numerator}${unit ? ` ${unit}` : ''}`,
  defaultDenominatorLabel: '总数',
  defaultNumeratorLabel: '达成',
  defaultPrevious: '上期',
  up: (points: string, previous: string) => `较${previous}上升 ${points} 个百分点`,
  down: (points: string, previous: string) => `较${previous}下降 ${points} 个百分点`,
  flat: (previous: string) => `与${previous}持平`,
  noPrevious: (previous: string) => `${previous}无案件，无从比较`,
  // Asides after the change, with their marks (words.ts's aside()): （向好） / (better).
  better: '（向好）',
  worse: '（变差）',
};

export type RateCardMessages = typeof zhCN;

const en: RateCardMessages = {
  noCases: 'No cases yet, so no rate',
  counts: (denominatorLabel, denominator, numeratorLabel, numerator, unit) =>
    `${denominatorLabel} ${denominator}${unit ? ` ${unit}` : ''}, ${numeratorLabel} ${numerator}${unit ? ` ${unit}` : ''}`,
  defaultDenominatorLabel: 'Total',
  defaultNumeratorLabel: 'achieved',
  defaultPrevious: 'the previous period',
  up: (points, previous) => `up ${points} percentage points on ${previous}`,
  down: (points, previous) => `down ${points} percentage points on ${previous}`,
  flat: (previous) => `unchanged from ${previous}`,
  noPrevious: (previous) => `no cases in ${previous} to compare with`,
  better: ' (better)',
  worse: ' (worse)',
};

export const rateCardMessages: Record<Locale, RateCardMessages> = { 'zh-CN': zhCN, en };
