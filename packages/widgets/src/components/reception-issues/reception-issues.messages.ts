import type { Locale } from '@bihuan/core/schema';
import { counted } from '../../internal/format.js';

/** A change in percentage points with its unit, or "—" alone where there is none to compare. */
const points = (p: string, unit: string): string => (p === '—' ? p : `${p} ${unit}`);

const zhCN = {
  heading: '企业家接待日问题清单',
  loading: '正在读取接待日问题…',
  empty: '暂无接待日收集的问题。',
  periodEmpty: '本期没有收集的问题。',
  previousPeriod: '上一期',
  lastYear: '去年同期',
  /** The change on another period (`—` where that period had none to compare). */
  change: (name: string, collected: string, closed: string, satisfied: string, _first: boolean) => `较${name}：收集问题 ${collected}，办结率 ${points(closed, '个百分点')}，满意率 ${points(satisfied, '个百分点')}`,
  sep: '；',
  collected: '收集问题',
  firms: '接待企业',
  closed: '已办结',
  closedRate: '办结率',
  ledger: '督办台账',
  satisfactionRate: '满意率',
  rated: (n: number) => `（${n} 件已评价）`,
  caption: (n: number) => `接待日问题（共 ${n} 件）`,
  firm: '企业',
  issue: '问题',
  department: '承办部门',
  state: '状态',
  satisfaction: '满意度',
  actions: '操作',
  notRated: '未评价',
  reopened: (n: number) => `已重新督办 ${n} 次`,
  fields: {
    department: '承办部门',
    dueDate: '办理期限',
    instruction: '督办要求',
    result: '办理结果',
    satisfaction: '满意度',
    comment: '评价意见（选填）',
    reason: '重新督办理由',
  },
};

export type ReceptionIssuesMessages = typeof zhCN;

const en: ReceptionIssuesMessages = {
  heading: 'Entrepreneur reception day: issues',
  loading: 'Loading reception-day issues…',
  empty: 'No issues collected yet.',
  periodEmpty: 'No issues were collected in this period.',
  previousPeriod: 'Previous period',
  lastYear: 'same period last year',
  change: (name, collected, closed, satisfied, first) => `${first ? 'On' : 'on'} the ${name.toLowerCase()}: issues collected ${collected}, closed share ${points(closed, 'percentage points')}, satisfaction ${points(satisfied, 'percentage points')}`,
  sep: '; ',
  collected: 'Issues collected',
  firms: 'Firms received',
  closed: 'Closed',
  closedRate: 'Closed share',
  ledger: 'On the supervision ledger',
  satisfactionRate: 'Satisfaction',
  rated: (n) => ` (${n} rated)`,
  caption: (n) => `Reception-day issues (${n} in all)`,
  firm: 'Firm',
  issue: 'Issue',
  department: 'Department',
  state: 'State',
  satisfaction: 'Satisfaction',
  actions: 'Actions',
  notRated: 'not rated',
  reopened: (n) => `reopened ${counted(n, 'time')}`,
  fields: {
    department: 'Handling department',
    dueDate: 'Due date',
    instruction: 'Supervision instruction',
    result: 'Result',
    satisfaction: 'Satisfaction',
    comment: 'Comment (optional)',
    reason: 'Reason for reopening',
  },
};

export const receptionIssuesMessages: Record<Locale, ReceptionIssuesMessages> = { 'zh-CN': zhCN, en };
