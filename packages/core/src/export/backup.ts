import { storeError } from '../store/errors.js';
import { clip, InvalidArgumentError } from '../errors/errors.js';
import { checkStore } from '../schema/argument.js';
import { keyedRecord } from '../schema/keyed.js';
import { migrateRecord } from '../store/spec.js';
import type { Collections, RestoreOptions, RestoreSummary, Store, StoreDump } from '../store/types.js';

/** The backup file format's own version (not the store's schema version). */
export const BACKUP_FORMAT = 'bihuan-backup';
/** 2: no separate history rows (an item's history is in its record). Version 1 files still import. */
export const BACKUP_FORMAT_VERSION = 2;

/**
 * A whole-store JSON backup: every record (verbatim, even one that no longer validates — nothing
 * is lost; each item carries its history) and the change log. Keys are sorted and dates tagged,
 * so the same store always gives the same bytes and a restored store re-exports byte-identical.
 */
export async function exportBackup(store: Store<Collections>): Promise<string> {
  checkStore('exportBackup', store);
  const dump = await store.dump();
  return stringifyCanonical({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    store: dump.name,
    schemaVersion: dump.schemaVersion,
    collections: dump.collections,
    changes: dump.changes,
  });
}

export interface ImportOptions extends RestoreOptions {
  /** Accept a backup made from a store with another name (another tenant, a renamed portal). */
  readonly allowOtherStore?: boolean;
}

/**
 * Replaces the whole store with a backup (it never merges), in one transaction. A backup from an
 * earlier schema version is migrated record by record first; everything is then checked before
 * anything is written (records, change-log entries, history rows of format-1 files): one problem
 * refuses the import (`invalid_backup`, every problem in `details.problems`), nothing changes and
 * the store stays writable. A backup without records would wipe the store: refused unless
 * `allowEmpty`. Resolves with what was written.
 */
export async function importBackup(store: Store<Collections>, text: string, options: ImportOptions = {}): Promise<RestoreSummary> {
  checkStore('importBackup', store);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('importBackup', 'options', { 'zh-CN': '必须是选项对象', en: 'must be an options object' }, options);
  if (typeof text !== 'string') throw storeError('invalid_backup', {}, 'a backup is a JSON text');
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text, revive) as Record<string, unknown>;
  } catch (error) {
    throw storeError('invalid_backup', {}, `not JSON: ${clip((error as Error).message)}`);
  }
  if (!parsed || parsed.format !== BACKUP_FORMAT) throw storeError('invalid_backup', {}, 'not a bihuan backup');
  if (parsed.formatVersion !== 1 && parsed.formatVersion !== BACKUP_FORMAT_VERSION) throw storeError('invalid_backup', {}, `backup format ${String(parsed.formatVersion)}`);
  if (parsed.store !== store.name && !options.allowOtherStore) throw storeError('invalid_backup', {}, `backup of store ${String(parsed.store)}, not ${store.name}`);
  const from = parsed.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) throw storeError('invalid_backup', {}, 'no schema version');
  if (from > store.schemaVersion) throw storeError('version', {}, `backup version ${from}, store version ${store.schemaVersion}`);
  const collections = parsed.collections as Record<string, unknown[]> | undefined;
  if (!collections || typeof collections !== 'object' || Array.isArray(collections) || !Array.isArray(parsed.changes)) {
    throw storeError('invalid_backup', {}, 'missing collections (an object of name → records) or changes');
  }
  if (parsed.formatVersion === 1 && !Array.isArray(parsed.history)) throw storeError('invalid_backup', {}, 'missing history');
  // A store opened from an outline (createLazyIndexedDbStore) knows its migrations once its full
  // spec has loaded, which any call beyond reading does: this cheap one makes sure before they run.
  if (from < store.schemaVersion) await store.lastSeq();
  const migrated: Record<string, unknown[]> = {};
  // Collections added since the backup's version start empty, as the upgrade would leave them.
  if (from < store.schemaVersion) for (const name of Object.keys(store.spec.collections)) migrated[name] = [];
  for (const [name, rows] of Object.entries(collections)) {
    if (!Array.isArray(rows)) throw storeError('invalid_backup', { collection: name }, 'not a list');
    // Collections dropped since the backup's version are left behind, as the upgrade would.
    if (!(name in store.spec.collections)) {
      if (from < store.schemaVersion) continue;
      throw storeError('unknown_collection', { collection: name });
    }
    try {
      migrated[name] = from === store.schemaVersion ? rows : rows.map((r) => migrateRecord(store.spec, name, r, from)).filter((r) => r != null);
    } catch (error) {
      throw storeError('invalid_backup', { collection: name }, `a migration failed: ${String((error as Error)?.message ?? error).slice(0, 200)}`, error);
    }
  }
  const dump: StoreDump = {
    name: store.name,
    schemaVersion: store.schemaVersion,
    collections: migrated,
    changes: parsed.changes as StoreDump['changes'],
    ...(parsed.history !== undefined ? { history: parsed.history as StoreDump['history'] } : {}),
  };
  return store.restore(dump, options.allowEmpty ? { allowEmpty: true } : {});
}

/** JSON with object keys sorted and Dates as `{"$date": ISO}`: one value, one text. */
export function stringifyCanonical(value: unknown): string {
  return JSON.stringify(canonical(value, 0));
}

// Records nest a few levels; anything this deep is not a record of ours.
const MAX_DEPTH = 200;

function canonical(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new InvalidArgumentError('stringifyCanonical', 'value', { 'zh-CN': `嵌套不得超过 ${MAX_DEPTH} 层`, en: `must not nest deeper than ${MAX_DEPTH} levels` }, value);
  if (typeof value === 'bigint') throw new InvalidArgumentError('stringifyCanonical', 'value', { 'zh-CN': '不能含 bigint（JSON 无此类型）', en: 'must not hold a bigint (JSON has none)' }, value);
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? null : value.toISOString() };
  if (Array.isArray(value)) return value.map((v) => canonical(v, depth + 1));
  if (value && typeof value === 'object') {
    const out = keyedRecord<unknown>();
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v, depth + 1);
    }
    return out;
  }
  return value;
}

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$date' && typeof (value as { $date: unknown }).$date === 'string') {
      return new Date((value as { $date: string }).$date);
    }
  }
  return value;
}
