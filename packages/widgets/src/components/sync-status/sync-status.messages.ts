import type { Locale } from '@bihuan/core/schema';

const zhCN = {
  region: '同步状态',
  online: '在线',
  offline: '离线：所做的操作先保存在本机，联网后自动提交',
  syncing: '正在同步…',
  pending: (n: string) => `${n} 项待同步`,
  nonePending: '全部已同步',
  lastSync: (at: string) => `上次同步：${at}`,
  neverSynced: '尚未同步',
  localOnly: '本地存储：不与服务器同步',
  signedOut: '未登录',
  signedIn: (who: string, scope: string) => `${who} · ${scope}`,
  error: (message: string) => `同步出错：${message}`,
  refusals: (n: string) => `${n} 项操作未被服务器接受`,
  refusalsTitle: '未被接受的操作',
  refusal: (what: string, key: string, message: string) => `${key}（${what}）：${message}`,
  dismiss: '知道了',
  dismissLabel: (key: string) => `知道了：${key}`,
  syncNow: '立即同步',
};

export type SyncStatusMessages = typeof zhCN;

const en: SyncStatusMessages = {
  region: 'Sync status',
  online: 'Online',
  offline: 'Offline: what you do is kept on this computer and sent when back online',
  syncing: 'Syncing…',
  pending: (n) => `${n} waiting to sync`,
  nonePending: 'Everything synced',
  lastSync: (at) => `Last synced: ${at}`,
  neverSynced: 'Not synced yet',
  localOnly: 'Local store: not synced with a server',
  signedOut: 'Not signed in',
  signedIn: (who, scope) => `${who} · ${scope}`,
  error: (message) => `Sync failed: ${message}`,
  refusals: (n) => `${n} not accepted by the server`,
  refusalsTitle: 'Not accepted',
  refusal: (what, key, message) => `${key} (${what}): ${message}`,
  dismiss: 'Dismiss',
  dismissLabel: (key) => `Dismiss: ${key}`,
  syncNow: 'Sync now',
};

export const syncStatusMessages: Record<Locale, SyncStatusMessages> = { 'zh-CN': zhCN, en };
