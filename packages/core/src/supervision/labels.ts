import type { Localized } from '../i18n/locale.js';
import type { SupervisionState } from './definition.js';

/** The supervision order's states as a ledger shows them. */
export const SUPERVISION_STATE_LABELS: Readonly<Record<SupervisionState, Localized>> = {
  issued: { 'zh-CN': '待反馈', en: 'Awaiting answer' },
  answered: { 'zh-CN': '已反馈', en: 'Answered' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  withdrawn: { 'zh-CN': '已撤销', en: 'Withdrawn' },
};

/** What each supervised loop's items are called in a supervision ledger. */
export const SUPERVISED_LOOP_LABELS: Readonly<Record<string, Localized>> = {
  dispute: { 'zh-CN': '矛盾纠纷', en: 'Dispute' },
  'task-order': { 'zh-CN': '警务任务', en: 'Task order' },
  'reception-day': { 'zh-CN': '接待日问题', en: 'Reception-day issue' },
  'event-permit': { 'zh-CN': '大型活动审批', en: 'Event permit review' },
  rectification: { 'zh-CN': '整改事项', en: 'Rectification item' },
};
