import type { Localized } from '../i18n/locale.js';

/** The synced store's own words (errors of the connection, not refusals of the engine). */
export const SYNC_TEXTS = {
  unauthorized: { 'zh-CN': '登录已失效，请重新登录后再同步', en: 'You are signed out; sign in again to sync' },
  tokenExpired: { 'zh-CN': '登录已过期，请重新登录后再同步', en: 'Your sign-in has expired; sign in again to sync' },
  offline: { 'zh-CN': '无法连接服务器，改动已保存在本机，联网后自动同步', en: 'The server cannot be reached; changes are kept on this computer and sync when back online' },
  server: { 'zh-CN': '服务器暂时无法处理，稍后自动重试', en: 'The server could not handle the request; retrying shortly' },
  refusedCreate: { 'zh-CN': '服务器未接受新建的事项', en: 'The server did not accept the new item' },
  /** The reason sent when a file removed on the device carries none of its own. */
  fileWithdrawn: { 'zh-CN': '上传有误，已在本机删除', en: 'Added in error and removed on the device' },
  tokenMissing: { 'zh-CN': 'getToken 没有返回令牌', en: 'getToken returned no token' },
} satisfies Record<string, Localized>;
