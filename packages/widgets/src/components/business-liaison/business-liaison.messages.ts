import { counted, formatNumber } from '../../internal/format.js';
import type { Locale } from '@bihuan/core/schema';

const zhCN = {
  region: '服务企业：一企一警一助理',
  loading: '正在读取联络台账…',
  figures: { subjects: '重点企业（项目）', coverage: '配齐警助比例', visits: '走访记录', matters: '一窗通办事项', reduction: '办理时限变化', onTime: '按时办结率' },
  firmsCaption: '重点企业（项目）联络台账',
  mattersCaption: '一窗通办事项及办理时限（工作日）',
  emptyFirms: '暂无重点企业（项目）。',
  emptyMatters: '暂无一窗通办事项。',
  kinds: { firm: '企业', project: '项目' },
  columns: { name: '企业（项目）', officer: '联络民警', assistant: '助理', visits: '走访', actions: '操作', matter: '事项', department: '部门', previous: '原时限', limit: '现时限', change: '变化' },
  unassigned: '未配备',
  lastVisit: (n: number, date: string | undefined) => (n === 0 ? '尚无' : `${n} 次，最近 ${date}`),
  assign: '配备警助',
  reassign: '更换警助',
  logVisit: '登记走访',
  actionFor: (action: string, name: string) => `${action}：${name}`,
  assignFor: (name: string) => `为“${name}”配备联络民警和助理`,
  visitFor: (name: string) => `登记“${name}”的走访`,
  fields: { officerId: '联络民警编号', officerName: '联络民警姓名', assistantId: '助理编号', assistantName: '助理姓名', date: '日期', handover: '这是交接：更换原有警助', by: '走访人', kind: '方式', needs: '企业诉求', note: '办理情况' },
  visitKinds: { onSite: '上门走访', phone: '电话联系', online: '线上对接' },
  hint: '每个重点企业（项目）只能有一名联络民警和一名助理，且须由两人分别担任。',
  submit: '保存',
  cancel: '取消',
  errorTitle: '未能保存，请修改：',
  assigned: (name: string) => `已为“${name}”配备警助`,
  visited: (name: string) => `已登记“${name}”的走访`,
  days: (n: number) => `${formatNumber(n)} 个工作日`,
};

export type BusinessLiaisonMessages = typeof zhCN;

const en: BusinessLiaisonMessages = {
  region: 'Service to business: one firm, one officer, one assistant',
  loading: 'Loading the liaison register…',
  figures: { subjects: 'Key firms and projects', coverage: 'With officer and assistant', visits: 'Visits logged', matters: 'One-window matters', reduction: 'Change in time limits', onTime: 'Completed on time' },
  firmsCaption: 'Liaison register of key firms and projects',
  mattersCaption: 'One-window matters and their time limits (working days)',
  emptyFirms: 'No key firms or projects yet.',
  emptyMatters: 'No one-window matters yet.',
  kinds: { firm: 'firm', project: 'project' },
  columns: { name: 'Firm or project', officer: 'Liaison officer', assistant: 'Assistant', visits: 'Visits', actions: 'Actions', matter: 'Matter', department: 'Department', previous: 'Old limit', limit: 'Limit now', change: 'Change' },
  unassigned: 'not assigned',
  lastVisit: (n, date) => (n === 0 ? 'none yet' : `${n}, last on ${date}`),
  assign: 'Assign',
  reassign: 'Hand over',
  logVisit: 'Log visit',
  actionFor: (action, name) => `${action}: ${name}`,
  assignFor: (name) => `Assign an officer and an assistant to "${name}"`,
  visitFor: (name) => `Log a visit to "${name}"`,
  fields: { officerId: 'Officer’s id', officerName: 'Officer’s name', assistantId: 'Assistant’s id', assistantName: 'Assistant’s name', date: 'Date', handover: 'This is a handover: replace the current pair', by: 'Visited by', kind: 'How', needs: 'What the firm needs', note: 'What was done' },
  visitKinds: { onSite: 'visit on site', phone: 'phone call', online: 'online' },
  hint: 'Each key firm or project has exactly one liaison officer and one assistant, two different people.',
  submit: 'Save',
  cancel: 'Cancel',
  errorTitle: 'Not saved — please correct:',
  assigned: (name) => `Officer and assistant assigned to "${name}"`,
  visited: (name) => `Visit to "${name}" logged`,
  days: (n) => counted(n, 'working day'),
};

export const businessLiaisonMessages: Record<Locale, BusinessLiaisonMessages> = { 'zh-CN': zhCN, en };
