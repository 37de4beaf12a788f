import { storeError } from './errors.js';
import { MAX_SEQ } from './channel.js';
import { describe } from '../errors/errors.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { checkAgainstHistory } from '../loop/history-check.js';
import { loopOfSnapshotSchema } from '../loop/snapshot.js';
import { trust } from '../loop/trusted.js';
import { isValidKey, keyAt, keyId, validateOut, type ResolvedCollection } from './spec.js';
import type { ChangeEntry, Key, RecordProblem, RestoreOptions, StoreDump } from './types.js';

const OPS = new Set(['put', 'delete', 'event']);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isActor = (v: unknown) => isObject(v) && typeof v.id === 'string' && typeof v.role === 'string';
const isInstant = (v: unknown) => typeof v === 'string' && v.length <= 64 && !Number.isNaN(Date.parse(v));

// The restore's history check: off, or the calendar its deadlines are counted with.
function historyCheck(option: RestoreOptions['checkHistory']): { calendar?: WorkCalendar } | undefined {
  if (option === false) return undefined;
  if (option === undefined || option === true) return {};
  if (option !== null && typeof option === 'object' && (option.calendar === undefined || option.calendar instanceof WorkCalendar)) return option.calendar ? { calendar: option.calendar } : {};
  throw storeError('invalid_backup', {}, 'options.checkHistory must be true, false or { calendar }');
}

export interface CheckedDump {
  /** collection → keyId → the validated record. */
  readonly collections: Map<string, Map<string, { key: Key; value: unknown }>>;
  readonly changes: ChangeEntry[];
  readonly records: Record<string, number>;
}

/**
 * Checks everything a restore would write — all or nothing, before anything is touched — and lays
 * the records out by key. Shared by both stores so that they refuse the same dumps.
 */
export function checkDump(dump: StoreDump, cols: ReadonlyMap<string, ResolvedCollection>, version: number, storeHolds: boolean, options: RestoreOptions = {}): CheckedDump {
  const bad = (message: string, details = {}) => storeError('invalid_backup', details, message);
  if (!isObject(dump)) throw bad('not a store dump');
  if (dump.schemaVersion !== version) throw bad(`schema version ${describe(dump.schemaVersion)}, this store is version ${version}`);
  if (!isObject(dump.collections)) throw bad('collections must be an object of collection name → records');
  if (!Array.isArray(dump.changes)) throw bad('changes must be a list');
  if (dump.history !== undefined && !Array.isArray(dump.history)) throw bad('history must be a list');
  for (const name of Object.keys(dump.collections)) if (!cols.has(name)) throw storeError('unknown_collection', { collection: name });
  const history = historyCheck(options.checkHistory);
  const problems: RecordProblem[] = [];
  const collections = new Map<string, Map<string, { key: Key; value: unknown }>>();
  const records: Record<string, number> = {};
  let total = 0;
  for (const c of cols.values()) {
    const list = dump.collections[c.name];
    if (!Array.isArray(list)) throw bad(`collection ${c.name} is missing (list it, even empty: a restore replaces everything)`, { collection: c.name });
    const rows = new Map<string, { key: Key; value: unknown }>();
    const unique = [...c.indexes].filter(([, i]) => i.unique).map(([name, i]) => ({ name, path: i.path, seen: new Set<string>() }));
    const loop = history === undefined ? undefined : loopOfSnapshotSchema(c.spec.schema);
    for (const raw of list) {
      const r = validateOut(c, raw);
      if (!r.ok) {
        problems.push(r.problem);
        continue;
      }
      const key = keyAt(r.value, c.key);
      if (key === undefined) {
        problems.push({ collection: c.name, path: String(c.key), message: 'no valid key' });
        continue;
      }
      const id = keyId(key);
      if (rows.has(id)) {
        problems.push({ collection: c.name, key, path: '', message: 'the same key twice' });
        continue;
      }
      for (const u of unique) {
        const ik = keyAt(r.value, u.path);
        if (ik === undefined) continue;
        const iid = keyId(ik);
        if (u.seen.has(iid)) problems.push({ collection: c.name, key, path: String(u.path), message: `unique index ${u.name} repeats` });
        u.seen.add(iid);
      }
      if (loop !== undefined) {
        // Parsed with the loop's snapshot schema just now: the engine need not parse it again.
        const checked = checkAgainstHistory(loop, trust(r.value as object) as never, history);
        if (!checked.ok) problems.push({ collection: c.name, key, path: checked.reason.field, message: checked.reason.message.en });
      }
            rows.set(id, { key, value: r.value });
    }
    collections.set(c.name, rows);
    records[c.name] = rows.size;
    total += rows.size;
  }
  const changes: ChangeEntry[] = [];
  let last = 0;
  dump.changes.forEach((e: unknown, i) => {
    const at = (message: string) => problems.push({ collection: '_changes', key: i, path: `changes.${i}`, message });
    if (!isObject(e)) return at('not an entry');
    const seq = e.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1 || seq > MAX_SEQ) return at(`seq must be an integer from 1 to 2^48, got ${String(seq).slice(0, 30)}`);
    if (seq <= last) return at(`seq ${seq} does not follow ${last}`);
    last = seq;
    if (typeof e.collection !== 'string' || e.collection.length > 200) return at('collection must be a name');
    if (typeof e.op !== 'string' || !OPS.has(e.op)) return at('op must be put, delete or event');
    if (!Array.isArray(e.keys) || !e.keys.every(isValidKey)) return at('keys must be a list of keys');
    if (!isInstant(e.at)) return at('at must be an ISO 8601 instant');
    if (e.actor !== undefined && !isActor(e.actor)) return at('actor must be { id, role }');
    changes.push({ seq, collection: e.collection, op: e.op as ChangeEntry['op'], keys: e.keys as Key[], at: e.at as string, ...(e.actor ? { actor: { id: (e.actor as { id: string }).id, role: (e.actor as { role: string }).role } } : {}) });
  });
  // History rows of earlier versions: checked (a bad row means a bad backup), never written.
  (dump.history ?? []).forEach((row: unknown, i) => {
    const ok =
      isObject(row) &&
      typeof row.collection === 'string' &&
      cols.has(row.collection) &&
      isValidKey(row.key) &&
      typeof row.seq === 'number' &&
      Number.isSafeInteger(row.seq) &&
      row.seq >= 0 &&
      isObject(row.entry) &&
      typeof row.entry.type === 'string' &&
      isActor(row.entry.actor) &&
      isInstant(row.entry.at);
    if (!ok) problems.push({ collection: '_history', key: i, path: `history.${i}`, message: 'not a history row { collection, key, seq, entry }' });
  });
  if (problems.length) {
    // The first problem's collection, item and field name the refusal in both languages.
    const first = problems[0]!;
    throw storeError('invalid_backup', { problems, collection: first.collection, ...(first.key !== undefined ? { key: first.key } : {}), path: first.path });
  }
  if (total === 0 && storeHolds && !options.allowEmpty) {
    throw bad('the backup holds no records and would wipe this store; pass { allowEmpty: true } to do that on purpose');
  }
  return { collections, changes, records };
}
