import type { Locale } from '@bihuan/core/schema';

const zhCN = {
  region: '义警协会',
  loading: '正在读取义警名册与协助记录…',
  figures: { members: '义警队员', active: '在册', assists: '协助公安机关', hours: '服务时长（小时）' },
  kinds: { eventSecurity: '大型活动安保', patrol: '日常巡逻', schoolGate: '校园护学疏导', emergencyRescue: '应急救援处置' },
  kindCaption: '按协助类型统计',
  kindTotal: '合计',
  volunteerCaption: '按队员统计（姓名已脱敏）',
  volunteerCaptionRevealed: '按队员统计',
  columns: { kind: '类型', assists: '次数', hours: '小时', name: '队员', total: '合计次数' },
  empty: '暂无义警。',
  logTitle: '登记一次协助',
  fields: { volunteer: '义警队员', kind: '协助类型', date: '日期', hours: '时长（小时）', place: '地点（选填）' },
  hoursHint: '可填 0.25 小时的倍数；同一队员一天合计不超过 24 小时。',
  choose: '请选择',
  save: '登记',
  errorTitle: '未能登记，请修改：',
  logged: (name: string, kind: string, hours: string) => `已登记：${name} ${kind} ${hours} 小时`,
};

export type VolunteerLogMessages = typeof zhCN;

const en: VolunteerLogMessages = {
  region: 'Volunteer police association',
  loading: 'Loading the roster and assists…',
  figures: { members: 'Members', active: 'Active', assists: 'Assists to the police', hours: 'Hours given' },
  kinds: { eventSecurity: 'Event security', patrol: 'Patrol', schoolGate: 'School-gate duty', emergencyRescue: 'Emergency rescue' },
  kindCaption: 'By kind of assist',
  kindTotal: 'Total',
  volunteerCaption: 'By volunteer (names masked)',
  volunteerCaptionRevealed: 'By volunteer',
  columns: { kind: 'Kind', assists: 'Assists', hours: 'Hours', name: 'Volunteer', total: 'Total assists' },
  empty: 'No volunteers yet.',
  logTitle: 'Log an assist',
  fields: { volunteer: 'Volunteer', kind: 'Kind of assist', date: 'Date', hours: 'Hours', place: 'Place (optional)' },
  hoursHint: 'In steps of 0.25 hours; one volunteer’s day holds at most 24 hours.',
  choose: 'Choose…',
  save: 'Log',
  errorTitle: 'Not logged — please correct:',
  logged: (name, kind, hours) => `Logged: ${name}, ${kind}, ${hours} h`,
};

export const volunteerLogMessages: Record<Locale, VolunteerLogMessages> = { 'zh-CN': zhCN, en };
