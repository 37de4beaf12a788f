import type { Locale } from '@bihuan/core/schema';
import { counted } from '../../internal/format.js';

const zhCN = {
  region: '出监前专场招聘会',
  loading: '正在读取招聘会信息…',
  figures: { firms: '参会企业', openings: '招聘岗位', jobs: '就业岗位数', forms: '就业意向表', matched: '有匹配岗位的比例' },
  openingsCaption: '企业与岗位',
  formsCaption: '就业意向表（姓名已脱敏）',
  emptyOpenings: '暂无企业岗位。',
  emptyForms: '暂无就业意向表。',
  columns: { firm: '企业', title: '岗位', kind: '工种', count: '人数', pay: '月薪（元）', conditions: '条件', name: '姓名', kinds: '意向工种', expected: '期望月薪（元）', matches: '匹配岗位', actions: '操作' },
  none: '无特殊要求',
  skills: '技能',
  certificates: '证书',
  showMatches: (name: string) => `查看匹配：${name}`,
  show: '查看匹配',
  matchesTitle: (name: string, n: number) => `${name} 的匹配岗位：${n} 个`,
  noMatch: '暂无符合全部条件的岗位。',
  formTitle: '填写就业意向表',
  fields: { name: '姓名', kinds: '意向工种（可多选）', expectedPay: '期望月薪（元）', skills: '技能', certificates: '证书', preferredLocation: '意向工作地点', filledOn: '填表日期' },
  listHint: '多项用逗号或顿号分隔',
  submit: '提交意向表',
  errorTitle: '未能提交，请修改：',
  saved: (name: string, n: number) => `已提交 ${name} 的意向表，匹配到 ${n} 个岗位`,
};

export type JobFairMessages = typeof zhCN;

const en: JobFairMessages = {
  region: 'Job fair before release',
  loading: 'Loading the job fair…',
  figures: { firms: 'Firms', openings: 'Openings', jobs: 'Jobs', forms: 'Intention forms', matched: 'Forms with a suitable job' },
  openingsCaption: 'Firms and openings',
  formsCaption: 'Employment-intention forms (names masked)',
  emptyOpenings: 'No openings yet.',
  emptyForms: 'No intention forms yet.',
  columns: { firm: 'Firm', title: 'Opening', kind: 'Kind', count: 'Places', pay: 'Pay a month (yuan)', conditions: 'Conditions', name: 'Name', kinds: 'Kinds wanted', expected: 'Expected pay (yuan)', matches: 'Suitable jobs', actions: 'Actions' },
  none: 'none',
  skills: 'skills',
  certificates: 'certificates',
  showMatches: (name) => `Show matches: ${name}`,
  show: 'Show matches',
  matchesTitle: (name, n) => `Suitable jobs for ${name}: ${n}`,
  noMatch: 'No opening meets every condition yet.',
  formTitle: 'Fill in an employment-intention form',
  fields: { name: 'Name', kinds: 'Kinds of job wanted (any number)', expectedPay: 'Expected monthly pay (yuan)', skills: 'Skills', certificates: 'Certificates', preferredLocation: 'Preferred place of work', filledOn: 'Date filled in' },
  listHint: 'Separate several with commas',
  submit: 'Submit form',
  errorTitle: 'Not submitted — please correct:',
  saved: (name, n) => `Form of ${name} submitted: ${counted(n, 'suitable job')}`,
};

export const jobFairMessages: Record<Locale, JobFairMessages> = { 'zh-CN': zhCN, en };
