import type { Localized } from '../i18n/locale.js';
import type { JobKind } from './schema.js';

export const JOB_KIND_LABELS: Readonly<Record<JobKind, Localized>> = {
  general: { 'zh-CN': '普工', en: 'general labour' },
  skilled: { 'zh-CN': '技工', en: 'skilled trade' },
  logistics: { 'zh-CN': '后勤', en: 'logistics and support' },
  service: { 'zh-CN': '服务', en: 'services' },
  other: { 'zh-CN': '其他', en: 'other' },
};
