import * as z from '../schema/zod.js';
import { trust } from './trusted.js';
import { clip, InvalidArgumentError } from '../errors/errors.js';
import { parseInstant } from '../calendar/instant.js';
import { type AnyLoopDefinition, compiledOf, type LoopDefinition } from './definition.js';
import { deadlineFor, nextDeadline } from './deadlines.js';
import { instant } from '../schema/fields.js';
import { SnapshotLoadError } from './errors.js';
import { checkAgainstHistory } from './history-check.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { checkEvent } from './event.js';
import { calendarOf, historyEntry, type TransitionContext } from './transition.js';
import { type Actor, CREATED, type HistoryEntry, type Snapshot } from './types.js';
import { parseArgument } from '../schema/argument.js';
import { issueText } from '../schema/issues.js';

/** ISO 8601 instant with an explicit offset (the kernel's `instant`). */
export const isoInstant = instant;

const entrySchemas = new WeakMap<AnyLoopDefinition, z.ZodMiniType>();
const snapshotSchemas = new WeakMap<AnyLoopDefinition, z.ZodMiniType>();

function names(record: object): [string, ...string[]] {
  return Object.keys(record) as [string, ...string[]];
}

/** The zod schema of one history entry of this loop (event, role and state names checked). */
export function historyEntrySchema<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
): z.ZodMiniType<HistoryEntry<S, E, R>> {
  compiledOf(def, 'historyEntrySchema');
  let schema = entrySchemas.get(def);
  if (!schema) {
    schema = z.object({
      seq: z.int().check(z.gte(0)),
      type: z.enum([CREATED, ...names(def.events)]),
      actor: z.object({ id: z.string().check(z.minLength(1), z.maxLength(120)), role: z.enum(names(def.roles)), unit: z.optional(z.string().check(z.minLength(1), z.maxLength(120))), name: z.optional(z.string().check(z.minLength(1), z.maxLength(120))) }),
      at: isoInstant,
      from: z.nullable(z.enum(names(def.states))),
      to: z.enum(names(def.states)),
      note: z.optional(z.string().check(z.maxLength(2000))),
      attachments: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(1000)))),
      payload: z.optional(z.unknown()),
    });
    entrySchemas.set(def, schema);
  }
  return schema as z.ZodMiniType<HistoryEntry<S, E, R>>;
}

/**
 * The zod schema of this loop's snapshots: names, data (with the definition's data schema) and
 * the history's own consistency — numbered from 0, starting with the creation, each entry leaving
 * the state the previous one reached, the last one reaching the current state.
 */
export function snapshotSchema<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
): z.ZodMiniType<Snapshot<S, D, E, R>> {
  compiledOf(def, 'snapshotSchema');
  let schema = snapshotSchemas.get(def);
  if (!schema) {
    const createdPayload = z.object({ id: z.string().check(z.minLength(1)), data: def.data });
    schema = z
      .object({
        loop: z.object({ id: z.literal(def.id), version: z.literal(def.version) }),
        id: z.string().check(z.minLength(1)),
        state: z.enum(names(def.states)),
        data: def.data,
        history: z.array(historyEntrySchema(def)).check(z.minLength(1)),
        deadline: z.optional(isoInstant),
        createdAt: isoInstant,
        updatedAt: isoInstant,
      }).check(z.superRefine((s, ctx) => {
        const history = s.history as HistoryEntry[];
        history.forEach((entry, i) => {
          const issue = (message: string, key: string) => ctx.addIssue({ code: 'custom', path: ['history', i, key], message });
          if (entry.seq !== i) issue(`seq must be ${i}`, 'seq');
          if (i === 0) {
            if (entry.type !== CREATED) issue(`the first entry must be ${CREATED}`, 'type');
            if (entry.from !== null) issue('the creation has no from', 'from');
            const created = createdPayload.safeParse(entry.payload);
            if (!created.success || created.data.id !== s.id) issue('the creation must carry { id, data } of this item', 'payload');
            if (entry.to !== def.initial) issue(`the creation must reach ${def.initial}`, 'to');
          } else {
            const previous = history[i - 1]!;
            if (entry.type === CREATED) issue(`only the first entry may be ${CREATED}`, 'type');
            if (entry.from !== previous.to) issue(`from must be ${previous.to}`, 'from');
            if (parseInstant(entry.at) < parseInstant(previous.at)) issue('entries must be in time order', 'at');
          }
        });
        const last = history[history.length - 1];
        if (last && last.to !== s.state) ctx.addIssue({ code: 'custom', path: ['state'], message: `state must be ${last.to}, where the history ends`, params: { 'zh-CN': `状态必须是历史记录结束处的 ${last.to}`, en: `state must be ${last.to}, where the history ends` } });
        if (last && last.at !== s.updatedAt) ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'must be the time of the last history entry', params: { 'zh-CN': '必须是最后一条历史记录的时间', en: 'must be the time of the last history entry' } });
        if (history[0] && history[0].at !== s.createdAt) ctx.addIssue({ code: 'custom', path: ['createdAt'], message: 'must be the time of the creation', params: { 'zh-CN': '必须是创建时间', en: 'must be the time of the creation' } });
        if (def.states[s.state as S]?.final && s.deadline !== undefined) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'a final state has no deadline', params: { 'zh-CN': '终态没有时限', en: 'a final state has no deadline' } });
      }));
    snapshotSchemas.set(def, schema);
    schemaLoops.set(schema, def);
  }
  return schema as z.ZodMiniType<Snapshot<S, D, E, R>>;
}

const schemaLoops = new WeakMap<z.ZodType, AnyLoopDefinition>();

/** @internal The loop whose `snapshotSchema` this is (a store's restore checks its items' histories). */
export function loopOfSnapshotSchema(schema: unknown): AnyLoopDefinition | undefined {
  return schema !== null && typeof schema === 'object' ? schemaLoops.get(schema as z.ZodType) : undefined;
}

export interface CreateItemInput<R extends string, D> {
  readonly id: string;
  readonly data: D;
  readonly actor: Actor<R>;
  readonly at: string;
  readonly note?: string;
  readonly attachments?: readonly string[];
}

/**
 * A new item in the loop's initial state. Its data is validated with the definition's schema and
 * the creation is the first history entry, so that `replay` can rebuild the item from history.
 */
export function createItem<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  input: CreateItemInput<NoInfer<R>, NoInfer<D>>,
  context?: TransitionContext<C>,
): Snapshot<S, D, E, R> {
  compiledOf(def, 'createItem');
  if (input === null || typeof input !== 'object') throw new InvalidArgumentError('createItem', 'input', { 'zh-CN': '必须是对象', en: 'must be an object' }, input);
  if (typeof input.id !== 'string' || input.id.length === 0) throw new InvalidArgumentError('createItem', 'input.id', { 'zh-CN': '必须是非空字符串', en: 'must be a non-empty string' }, input.id);
  const event = { type: CREATED, actor: input.actor, at: input.at, note: input.note, attachments: input.attachments };
  const atMs = checkEvent('createItem', event);
  if (!def.creators.includes(input.actor.role)) {
    throw new InvalidArgumentError('createItem', 'input.actor.role', { 'zh-CN': `必须是可以新建事项的角色（${def.creators.join('、')}）`, en: `must be a role that may create items (${def.creators.join(', ')})` }, input.actor.role);
  }
  const data = parseArgument('createItem', 'input.data', def.data, input.data);
  const entry = historyEntry(0, event, null, def.initial, { id: input.id, data });
  const limit = def.states[def.initial].limit;
  const snapshot: { -readonly [K in keyof Snapshot<S, D, E, R>]: Snapshot<S, D, E, R>[K] } = {
    loop: { id: def.id, version: def.version },
    id: input.id,
    state: def.initial,
    data,
    history: [entry as HistoryEntry<S, E, R>],
    createdAt: input.at,
    updatedAt: input.at,
  };
  const compiled = compiledOf(def, 'createItem');
  const deadline = compiled.deadline === undefined ? (limit === undefined ? undefined : deadlineFor(limit, atMs, calendarOf(def, context))) : nextDeadline(compiled, snapshot, undefined, atMs, calendarOf(def, context));
  if (deadline !== undefined) snapshot.deadline = deadline;
  return trust(snapshot);
}

/** Moves a snapshot of one version to the next; chained until the definition's version. */
export interface SnapshotMigration {
  readonly from: number;
  readonly to: number;
  migrate(snapshot: Record<string, unknown>): unknown;
}

const LOAD_TEXT = {
  notJson: { 'zh-CN': '快照不是有效的 JSON', en: 'the snapshot is not valid JSON' },
  invalid: { 'zh-CN': '快照未通过校验，未读取任何内容', en: 'the snapshot failed validation; nothing of it was read' },
} as const;

// The first issues as `path: text`, in one language (zod's English never reaches a Chinese reader).
function issuesOf(error: z.ZodError, value: unknown, locale: 'zh-CN' | 'en' = 'en'): string[] {
  return error.issues.slice(0, 20).map((i) => `${clip(i.path.join('.'), 120) || (locale === 'en' ? '(root)' : '（整体）')}${locale === 'en' ? ': ' : '：'}${clip(issueText(i, value)[locale])}`);
}

/**
 * Reads a stored snapshot (JSON text or a parsed object): validated whole with `snapshotSchema`,
 * an older version first migrated step by step, a newer or unmigratable one refused with
 * `SnapshotLoadError`. Either the whole snapshot is returned or nothing.
 */
export function loadSnapshot<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  input: unknown,
  migrations: readonly SnapshotMigration[] = [],
  options: LoadSnapshotOptions = {},
): Snapshot<S, D, E, R> {
  compiledOf(def, 'loadSnapshot');
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      throw new SnapshotLoadError('snapshot_not_json', LOAD_TEXT.notJson, [clip(String((cause as Error).message))], []);
    }
  }
  const loop = (value as { loop?: { id?: unknown; version?: unknown } } | null)?.loop;
  if (!value || typeof value !== 'object' || !loop || typeof loop !== 'object') {
    throw new SnapshotLoadError('snapshot_invalid', LOAD_TEXT.invalid, ['loop: must be { id, version }'], ['loop：必须是 { id, version }']);
  }
  if (loop.id !== def.id) {
    throw new SnapshotLoadError('snapshot_wrong_loop', { 'zh-CN': `快照属于闭环 ${String(loop.id)}，不是 ${def.id}`, en: `the snapshot belongs to loop ${String(loop.id)}, not ${def.id}` });
  }
  const stated = loop.version;
  if (typeof stated !== 'number' || !Number.isInteger(stated) || stated > def.version) {
    throw new SnapshotLoadError('snapshot_version_unsupported', {
      'zh-CN': `快照版本 ${String(stated)} 比本程序支持的 ${def.version} 更新或无效，拒绝读取`,
      en: `snapshot version ${String(stated)} is newer than ${def.version} or not a version; refused`,
    });
  }
  let version: number = stated;
  while (version < def.version) {
    const from: number = version;
    const migration = migrations.find((m) => m.from === from);
    if (!migration) {
      throw new SnapshotLoadError('snapshot_version_unsupported', {
        'zh-CN': `没有从版本 ${from} 迁移到 ${def.version} 的办法，拒绝读取`,
        en: `no migration from version ${from} towards ${def.version}; refused`,
      });
    }
    // Each step works on its own deep copy, so that a failed chain leaves the input untouched.
    value = migration.migrate(structuredClone(value) as Record<string, unknown>);
    const reached = (value as { loop?: { version?: unknown } } | null)?.loop?.version;
    if (reached !== migration.to || migration.to <= from) {
      throw new SnapshotLoadError('snapshot_version_unsupported', {
        'zh-CN': `从版本 ${from} 的迁移没有得到版本 ${migration.to}`,
        en: `the migration from version ${from} did not produce version ${migration.to}`,
      });
    }
    version = reached as number;
  }
  const parsed = z.safeParse(snapshotSchema(def), value);
  if (!parsed.success) throw new SnapshotLoadError('snapshot_invalid', LOAD_TEXT.invalid, issuesOf(parsed.error, value), issuesOf(parsed.error, value, 'zh-CN'));
  const loaded = trust(parsed.data);
  const check = options === null || typeof options !== 'object' ? true : options.checkHistory ?? true;
  if (check !== false) {
    if (check !== true && (check === null || typeof check !== 'object' || (check.calendar !== undefined && !(check.calendar instanceof WorkCalendar)))) {
      throw new InvalidArgumentError('loadSnapshot', 'options.checkHistory', { 'zh-CN': '必须是 true、false 或 { calendar }', en: 'must be true, false or { calendar }' }, check);
    }
    const checked = checkAgainstHistory(def, loaded, check === true ? undefined : ({ calendar: check.calendar } as TransitionContext<C>));
    if (!checked.ok) throw new SnapshotLoadError('snapshot_history_mismatch', checked.reason.message, [checked.reason.field], []);
  }
  return loaded;
}

/** How `loadSnapshot` reads. */
export interface LoadSnapshotOptions {
  /**
   * Check the snapshot against its own history (`checkAgainstHistory`): default on; `{ calendar }`
   * when its deadlines were counted on a host's calendar; `false` to skip.
   */
  readonly checkHistory?: boolean | { readonly calendar?: WorkCalendar };
}
