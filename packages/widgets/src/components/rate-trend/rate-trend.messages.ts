import type { Locale } from '@bihuan/core/schema';

const zhCN = {
  chart: (label: string) => `${label}图`,
  table: (label: string) => `${label}数据表`,
  period: '统计期',
  point: (series: string, period: string, label: string, rate: string, numerator: number, denominator: number) => `${series} ${period} ${label} ${rate}（${numerator}/${denominator}）`,
  empty: '暂无数据',
  noCases: '暂无案件',
  latest: (series: string, period: string, label: string, rate: string) => `${series}最近一期（${period}）${label} ${rate}`,
  against: (other: string, rate: string) => `，${other}同期 ${rate}`,
  change: (points: string) => `，相差 ${points} 个百分点`,
  reference: (name: string, rate: string) => `${name} ${rate}`,
  above: (n: number, name: string) => `${n} 个高于或等于${name}`,
  below: (n: number, name: string) => `${n} 个低于${name}`,
  highest: (who: string, rate: string) => `最高 ${who} ${rate}`,
  lowest: (who: string, rate: string) => `最低 ${who} ${rate}`,
  sep: '；',
  keys: '用方向键在各点之间移动',
};

export type RateTrendMessages = typeof zhCN;

const en: RateTrendMessages = {
  chart: (label) => `${label} chart`,
  table: (label) => `${label}: the figures`,
  period: 'Period',
  point: (series, period, label, rate, numerator, denominator) => `${series} ${period}: ${label} ${rate} (${numerator} of ${denominator})`,
  empty: 'No figures yet',
  noCases: 'no cases',
  latest: (series, period, label, rate) => `${series}, latest period (${period}): ${label} ${rate}`,
  against: (other, rate) => `; ${other}, same period: ${rate}`,
  change: (points) => `, a difference of ${points} percentage points`,
  reference: (name, rate) => `${name} ${rate}`,
  above: (n, name) => `${n} at or above ${name}`,
  below: (n, name) => `${n} below ${name}`,
  highest: (who, rate) => `highest ${who} ${rate}`,
  lowest: (who, rate) => `lowest ${who} ${rate}`,
  sep: '; ',
  keys: 'Use the arrow keys to move between points',
};

export const rateTrendMessages: Record<Locale, RateTrendMessages> = { 'zh-CN': zhCN, en };
