import type { Locale } from '@bihuan/core/schema';

const zhCN = {
  heading: '通知记录',
  empty: '暂无通知',
  count: (n: string) => `共 ${n} 条通知，最新的在前`,
  countWithInvalid: (total: string, shown: string, invalid: string) => `共 ${total} 条通知：可显示 ${shown} 条，无法显示 ${invalid} 条`,
  time: '时间',
  recipient: '接收方',
  text: '内容',
  item: '事项',
  party: '当事人',
  partyAt: (phone: string) => `当事人（手机 ${phone}）`,
  department: (name: string) => `部门：${name}`,
  centre: { intakeClerk: '综治中心受理窗口', supervisor: '综治中心负责人' } as Record<string, string>,
  level: (name: string) => `上级：${name}`,
  staff: (id: string) => `承办人 ${id}`,
  invalid: (n: string) => `第 ${n} 条通知无法显示`,
  fields: {
    key: '通知类型不在已知类型之中',
    itemId: '缺少事项编号',
    at: '时间不是有效的日期时间',
    recipient: '接收方必须是当事人、部门、中心、上级或承办人',
    text: '内容须同时有中文和英文',
    entry: '必须是通知对象',
  } as Record<string, string>,
};

export type NoticeLogMessages = typeof zhCN;

const en: NoticeLogMessages = {
  heading: 'Notices',
  empty: 'No notices yet',
  count: (n) => `${n} notices, newest first`,
  countWithInvalid: (total, shown, invalid) => `${total} notices: ${shown} shown, ${invalid} cannot be shown`,
  time: 'Time',
  recipient: 'Recipient',
  text: 'Message',
  item: 'Item',
  party: 'Party',
  partyAt: (phone) => `Party (mobile ${phone})`,
  department: (name) => `Department: ${name}`,
  centre: { intakeClerk: 'Centre intake desk', supervisor: 'Centre supervisor' },
  level: (name) => `Higher level: ${name}`,
  staff: (id) => `Handler ${id}`,
  invalid: (n) => `Notice ${n} cannot be shown`,
  fields: {
    key: 'the notice type is not a known one',
    itemId: 'the item number is missing',
    at: 'the time is not a valid date and time',
    recipient: 'the recipient must be a party, a department, the centre, a level or a handler',
    text: 'the message must have both Chinese and English',
    entry: 'it must be a notice object',
  },
};

export const noticeLogMessages: Record<Locale, NoticeLogMessages> = { 'zh-CN': zhCN, en };
