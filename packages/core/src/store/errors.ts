import { BihuanError, clip } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import type { Key } from './types.js';

/** What went wrong in a store, for programs to switch on. */
export type StoreErrorCode =
  | 'invalid_record'
  | 'invalid_key'
  | 'not_found'
  | 'exists'
  | 'conflict'
  | 'quota_exceeded'
  | 'aborted'
  | 'closed'
  | 'blocked'
  | 'version'
  | 'schema_mismatch'
  | 'unknown_collection'
  | 'unknown_index'
  | 'invalid_cursor'
  | 'invalid_backup'
  | 'failed';

/** Where a store error happened: the collection, the record's key, the failing field path. */
export interface StoreErrorDetails {
  readonly collection?: string;
  readonly key?: Key;
  /** Dotted path of the failing field (`parties.0.phone`); '' for the record itself. */
  readonly path?: string;
  /** Position of the failing record in a batch. */
  readonly position?: number;
  /** Every problem found, when there are several (imports). */
  readonly problems?: readonly RecordProblemLike[];
}

interface RecordProblemLike {
  readonly collection: string;
  readonly key?: Key;
  readonly path: string;
  readonly message: string;
}

/** A typed store failure. Whatever raised it, the store holds what it held before the call. */
export class StoreError extends BihuanError {
  override readonly code: StoreErrorCode;
  readonly details: StoreErrorDetails;

  constructor(code: StoreErrorCode, texts: Localized, details: StoreErrorDetails = {}, options?: { cause?: unknown }) {
    super(code, texts, options);
    this.name = 'StoreError';
    this.code = code;
    this.details = details;
  }
}

const where = (d: StoreErrorDetails): Localized => {
  const zh: string[] = [];
  const en: string[] = [];
  if (d.collection) {
    zh.push(`集合 ${clip(String(d.collection), 64)}`);
    en.push(`collection ${clip(String(d.collection), 64)}`);
  }
  if (d.key !== undefined) {
    const key = keyText(d.key);
    zh.push(`键 ${key}`);
    en.push(`key ${key}`);
  }
  if (d.position !== undefined) {
    zh.push(`第 ${d.position + 1} 条`);
    en.push(`item ${d.position + 1}`);
  }
  if (d.path !== undefined && d.path !== '') {
    zh.push(`字段 ${d.path}`);
    en.push(`field ${d.path}`);
  }
  return { 'zh-CN': zh.length ? `（${zh.join('，')}）` : '', en: en.length ? ` (${en.join(', ')})` : '' };
};

// A key as a message quotes it: JSON, clipped (a key given by a caller may be huge or unprintable).
function keyText(key: unknown): string {
  try {
    return clip(JSON.stringify(key) ?? String(typeof key), 120);
  } catch {
    return typeof key;
  }
}

/**
 * Builds a StoreError with the standard readable text for its code. `extra` says more: a text in
 * both languages (a schema's rule, from `issueText`), or a developer's note that is the same in both.
 */
export function storeError(code: StoreErrorCode, details: StoreErrorDetails = {}, extra?: string | Localized, cause?: unknown): StoreError {
  const base = TEXTS[code];
  const w = where(details);
  const more: Localized | undefined = extra === undefined ? undefined : typeof extra === 'string' ? { 'zh-CN': clip(extra, 300), en: clip(extra, 300) } : { 'zh-CN': clip(extra['zh-CN'], 300), en: clip(extra.en, 300) };
  return new StoreError(
    code,
    { 'zh-CN': `${base['zh-CN']}${w['zh-CN']}${more?.['zh-CN'] ? `：${more['zh-CN']}` : ''}`, en: `${base.en}${w.en}${more?.en ? `: ${more.en}` : ''}` },
    details,
    cause === undefined ? undefined : { cause },
  );
}

const TEXTS: Record<StoreErrorCode, Localized> = {
  invalid_record: { 'zh-CN': '记录未通过校验，未写入任何数据', en: 'Record failed validation; nothing was written' },
  invalid_key: { 'zh-CN': '记录缺少有效的主键', en: 'Record has no valid key' },
  not_found: { 'zh-CN': '找不到该记录', en: 'Record not found' },
  exists: { 'zh-CN': '该编号的记录已存在，未写入任何数据', en: 'A record with this key already exists; nothing was written' },
  conflict: { 'zh-CN': '与已有记录冲突（唯一索引重复），未写入任何数据', en: 'Conflicts with an existing record (unique index); nothing was written' },
  quota_exceeded: { 'zh-CN': '浏览器存储空间已满，本次操作未写入任何数据', en: 'Browser storage quota exceeded; nothing was written' },
  aborted: { 'zh-CN': '操作已中止，未写入任何数据', en: 'The operation was aborted; nothing was written' },
  closed: { 'zh-CN': '数据库已关闭，请刷新页面后重试', en: 'The database is closed; reload the page and try again' },
  blocked: {
    'zh-CN': '数据库升级被另一个打开的标签页阻塞，请关闭本系统的其他标签页后重试',
    en: 'The database upgrade is blocked by another open tab; close the other tabs of this application and try again',
  },
  version: {
    'zh-CN': '本地数据库版本比本页面的程序更新，请刷新页面以加载新版本',
    en: 'The local database is newer than this page’s code; reload to get the new version',
  },
  schema_mismatch: {
    'zh-CN': '集合定义已改变但未增加迁移，数据库结构与代码不符',
    en: 'The declared collections changed without a new migration; the database does not match the code',
  },
  unknown_collection: { 'zh-CN': '未声明的集合', en: 'Unknown collection' },
  unknown_index: { 'zh-CN': '未声明的索引', en: 'Unknown index' },
  invalid_cursor: { 'zh-CN': '分页游标无效', en: 'Invalid page cursor' },
  invalid_backup: { 'zh-CN': '备份文件无效，未导入任何数据', en: 'Invalid backup; nothing was imported' },
  failed: { 'zh-CN': '存储操作失败，未写入任何数据', en: 'The store operation failed; nothing was written' },
};

/** Maps an IndexedDB DOMException (or anything thrown) to a StoreError. */
export function fromDomError(error: unknown, details: StoreErrorDetails = {}): StoreError {
  if (error instanceof StoreError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = (error as { message?: string } | null)?.message;
  switch (name) {
    case 'QuotaExceededError':
      return storeError('quota_exceeded', details, undefined, error);
    case 'AbortError':
    case 'TransactionInactiveError':
      return storeError('aborted', details, undefined, error);
    case 'InvalidStateError':
      return storeError('closed', details, undefined, error);
    case 'ConstraintError':
      return storeError('conflict', details, undefined, error);
    case 'DataError':
      return storeError('invalid_key', details, message, error);
    case 'VersionError':
      return storeError('version', details, undefined, error);
    default:
      return storeError('failed', details, message ?? String(error), error);
  }
}
