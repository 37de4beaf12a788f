import * as z from '../schema/zod.js';
import { timeLimit } from '../schema/fields.js';
import { MAX_LIMIT_DAYS, MAX_LIMIT_HOURS } from '../schema/bounds.js';
import { clip, describe, InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { LoopDefinitionError } from './errors.js';
import { deadlineFunction, deadlineHook } from './deadlines.js';
import type { GuardRefusal } from './refusal.js';
import { CREATED, type LoopEvent, type Snapshot, type TypedLoopEvent } from './types.js';

/**
 * How long an item may stay in a state: exact hours, calendar days or working days (the
 * day-based limits end at 24:00 China time of the last day).
 */
export type TimeLimit = { readonly hours: number } | { readonly days: number } | { readonly workingDays: number };

export interface StateSpec {
  readonly label: Localized;
  /** An end of the loop (written off, withdrawn …): no deadline, left only by a reopen rule. */
  readonly final?: boolean;
  readonly limit?: TimeLimit;
}

export interface RoleSpec {
  readonly label: Localized;
}

// Method-style signatures are bivariant in their parameters, so a definition can type `payload`
// precisely (`(data, payload: RoutePayload) => …`) while the engine holds it as unknown.
type Bivariant<F extends (...args: never[]) => unknown> = { bivarianceHack(...args: Parameters<F>): ReturnType<F> }['bivarianceHack'];

export interface EventSpec<S extends string, E extends string, R extends string, D, C> {
  readonly label: Localized;
  readonly from: readonly S[];
  /** The target state, or a function choosing it (follow-up failed → back to mediating). */
  readonly to: S | Bivariant<(payload: unknown, snapshot: Snapshot<S, D, E, R>, event: LoopEvent<E, R>) => S>;
  readonly roles: readonly R[];
  /** Required fields. Parsed before guards; the parsed value is stored in history. */
  readonly payload?: z.ZodType;
  /** Allowed to leave a final state: the definition's reopen rule. */
  readonly reopen?: boolean;
  /**
   * A self-transition keeps the stage's deadline (a note or a supervision buys no time), unless
   * this says it starts the stage afresh (re-routing to another body): `true`, or a function of
   * the payload and the snapshot before the event.
   */
  readonly restartsLimit?: boolean | Bivariant<(payload: unknown, snapshot: Snapshot<S, D, E, R>) => boolean>;
  guard?(snapshot: Snapshot<S, D, E, R>, event: LoopEvent<E, R>, context: C | undefined, payload: unknown): true | GuardRefusal;
  /** The item's new data; must return a new object (never mutate `data`). */
  apply?(data: D, payload: unknown, event: LoopEvent<E, R>, snapshot: Snapshot<S, D, E, R>): D;
}

export interface LoopSpec<S extends string, E extends string, R extends string, D, C> {
  readonly id: string;
  /** Positive integer; raise it when the data or history shape changes, and give a migration. */
  readonly version: number;
  readonly label?: Localized;
  readonly initial: NoInfer<S>;
  readonly roles: Readonly<Record<R, RoleSpec>>;
  readonly states: Readonly<Record<S, StateSpec>>;
  readonly events: Readonly<Record<E, EventSpec<NoInfer<S>, NoInfer<E>, NoInfer<R>, NoInfer<D>, C>>>;
  /** The item's data schema: the single source of truth for its type. */
  readonly data: z.ZodType<D>;
  /** Roles that may create an item (all roles when absent). */
  readonly creators?: readonly NoInfer<R>[];
  /** Working-day calendar for `workingDays` limits (mainland China's by default). */
  readonly calendar?: WorkCalendar;
  /**
   * Where the item's deadline comes from when its data holds it (a task order's `data.due`, a
   * reception issue's `data.dueDate`): the engine sets `snapshot.deadline` from it after every
   * event and at creation, so that `overdue`, `dueSoon`, `timeLeft` and the store's `deadline`
   * index see it. Returns an ISO instant, a `YYYY-MM-DD` date (due at its end, 24:00 China time),
   * or null/undefined for "the state's `limit`, if any". Never called in a final state.
   */
  deadline?(snapshot: Snapshot<NoInfer<S>, NoInfer<D>, NoInfer<E>, NoInfer<R>>): string | null | undefined;
}

/**
 * The payload type a host sends with each event type: the `z.input` of the event's payload schema,
 * `undefined` for an event that takes none.
 */
export type PayloadInputs<E extends string, V> = {
  [K in E]: V extends { readonly [P in K]: { readonly payload: infer Z extends z.ZodType } } ? z.input<Z> : undefined;
};

/** What `defineLoop` reads off the events to type their payloads (`payload`, when present). */
export type EventPayloadSchemas<E extends string> = { readonly [K in E]: object };

declare const PAYLOADS: unique symbol;

/**
 * A loop definition: plain data and guard functions, with lookup tables built once. `P` maps each
 * event type to the payload a host sends with it (`PayloadInputs`; `unknown` for each when untyped).
 */
export interface LoopDefinition<S extends string = string, E extends string = string, R extends string = string, D = unknown, C = unknown, P extends { readonly [K in E]?: unknown } = { readonly [K in E]: unknown }>
  extends LoopSpec<S, E, R, D, C> {
  readonly creators: readonly R[];
  /** Type only (never present at run time): the payload type of each event type. */
  readonly [PAYLOADS]?: P;
  /** @internal Lookup tables for `transition`, not part of the data. */
  readonly [COMPILED]: CompiledLoop;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLoopDefinition = LoopDefinition<string, string, string, any, any>;

export type StateOf<L> = L extends LoopDefinition<infer S, infer _E, infer _R, infer _D, infer _C> ? S : never;
export type EventOf<L> = L extends LoopDefinition<infer _S, infer E, infer _R, infer _D, infer _C> ? E : never;
export type RoleOf<L> = L extends LoopDefinition<infer _S, infer _E, infer R, infer _D, infer _C> ? R : never;
export type DataOf<L> = L extends LoopDefinition<infer _S, infer _E, infer _R, infer D, infer _C> ? D : never;
export type ContextOf<L> = L extends LoopDefinition<infer _S, infer _E, infer _R, infer _D, infer C> ? C : never;
/** Each event type's payload type (`z.input` of its schema) of a definition. */
export type PayloadsOf<L> = L extends LoopDefinition<infer _S, infer _E, infer _R, infer _D, infer _C, infer P> ? P : never;
/** An event a host may send to items of a definition: each event type with its own payload type. */
export type LoopEventOf<L> = L extends LoopDefinition<infer _S, infer E, infer R, infer _D, infer _C, infer P> ? TypedLoopEvent<E, R, P> : never;
/** The snapshot type of a definition. */
export type SnapshotOf<L> = Snapshot<StateOf<L>, DataOf<L>, EventOf<L>, RoleOf<L>>;

export const COMPILED: unique symbol = Symbol('bihuan.loop.compiled');

/** @internal */
export interface CompiledEvent {
  readonly type: string;
  readonly spec: EventSpec<string, string, string, unknown, unknown>;
  readonly from: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly payload: z.ZodType | undefined;
  /** The schema `transition` parses payloads with (`payloadParser`): made on the event's first payload. */
  parser: z.ZodType | undefined;
  readonly toState: string | undefined;
  /** The target state as the hot path reads it, when `to` names one. */
  readonly target: CompiledState | undefined;
  readonly toFn: ((payload: unknown, snapshot: Snapshot, event: LoopEvent) => string) | undefined;
  // Copied off the spec: every compiled event has one shape, so the hot path's loads stay monomorphic.
  readonly guard: EventSpec<string, string, string, unknown, unknown>['guard'];
  readonly apply: EventSpec<string, string, string, unknown, unknown>['apply'];
  readonly restartsLimit: EventSpec<string, string, string, unknown, unknown>['restartsLimit'];
}

/** @internal A state as the hot path reads it. */
export interface CompiledState {
  readonly spec: StateSpec;
  readonly final: boolean;
  readonly limit: TimeLimit | undefined;
  /** The stage's deadline for an entry at `startMs` (undefined without a limit). */
  readonly deadline: ((startMs: number, calendar: WorkCalendar) => string) | undefined;
}

/** @internal */
export interface CompiledLoop {
  readonly events: ReadonlyMap<string, CompiledEvent>;
  readonly states: ReadonlyMap<string, CompiledState>;
  /** state → role → events that role may send there. */
  readonly available: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** The definition's `deadline` hook, its answer checked and made an instant. */
  readonly deadline: ((snapshot: Snapshot) => string | undefined) | undefined;
}

const EMPTY: readonly string[] = Object.freeze([]);

// A name from the spec as a message shows it: a string as it is, anything else by its kind
// (never `String(value)`, which throws on an object without a prototype).
const named = (value: unknown): string => (typeof value === 'string' ? clip(value, 60) : describe(value));

function fail(id: string, zh: string, en: string): never {
  throw new LoopDefinitionError(id, { 'zh-CN': zh, en });
}

function checkLimit(id: string, state: string, limit: unknown): void {
  if (!timeLimit.safeParse(limit).success) {
    fail(
      id,
      `状态 ${state} 的时限必须是 { hours }、{ days } 或 { workingDays } 之一且为正数（天数至多 ${MAX_LIMIT_DAYS}，小时至多 ${MAX_LIMIT_HOURS}）`,
      `state ${state}: limit must be one of { hours }, { days }, { workingDays } with a positive number (at most ${MAX_LIMIT_DAYS} days or ${MAX_LIMIT_HOURS} hours)`,
    );
  }
}

/**
 * Checks a loop's structure and builds its lookup tables. A wrong state, event or role name is a
 * TypeScript error for typed callers and a `LoopDefinitionError` here for everyone else; so is a
 * final state that an event leaves without being marked `reopen`, and a non-final state that no
 * event leaves (a closed loop drops nothing).
 */
export function defineLoop<const S extends string, const E extends string, const R extends string, D, C = unknown, V extends EventPayloadSchemas<E> = EventPayloadSchemas<E>>(
  spec: LoopSpec<S, E, R, D, C> & { readonly events: V },
): LoopDefinition<S, E, R, D, C, PayloadInputs<E, V>> {
  if (!spec || typeof spec !== 'object') {
    throw new InvalidArgumentError('defineLoop', 'spec', { 'zh-CN': '必须是对象', en: 'must be an object' }, spec);
  }
  const id = typeof spec.id === 'string' && spec.id.length > 0 ? spec.id : fail(named(spec.id), 'id 必须是非空字符串', 'id must be a non-empty string');
  if (!Number.isInteger(spec.version) || spec.version < 1) fail(id, 'version 必须是正整数', 'version must be a positive integer');
  if (!(spec.data instanceof z.$ZodType)) fail(id, 'data 必须是 zod 模式', 'data must be a zod schema');
  if (spec.deadline !== undefined && typeof spec.deadline !== 'function') fail(id, 'deadline 必须是函数', 'deadline must be a function');
  const states = new Map<string, StateSpec>(Object.entries(spec.states ?? {}) as [string, StateSpec][]);
  const roles = new Set(Object.keys(spec.roles ?? {}));
  if (states.size === 0) fail(id, '至少需要一个状态', 'needs at least one state');
  if (roles.size === 0) fail(id, '至少需要一个角色', 'needs at least one role');
  for (const [name, state] of states) {
    if (!state || typeof state.label?.['zh-CN'] !== 'string' || typeof state.label.en !== 'string') fail(id, `状态 ${name} 缺少中英文 label`, `state ${name} needs a label in zh-CN and en`);
    if (state.limit !== undefined) {
      if (state.final) fail(id, `终态 ${name} 不能有时限`, `final state ${name} cannot have a limit`);
      checkLimit(id, name, state.limit);
    }
  }
  if (![...states.values()].some((s) => s.final)) fail(id, '至少需要一个终态（销号）', 'needs at least one final state (written off)');
  const initialState = states.get(spec.initial);
  if (!initialState) fail(id, `初始状态 ${named(spec.initial)} 不存在`, `initial state ${named(spec.initial)} is not a state`);
  if (initialState.final) fail(id, '初始状态不能是终态', 'the initial state cannot be final');
  const creators = (spec.creators ?? [...roles]) as readonly R[];
  for (const role of creators) if (!roles.has(role)) fail(id, `creators 中的角色 ${named(role)} 不存在`, `creator role ${named(role)} is not a role`);

  const compiledStates = new Map<string, CompiledState>();
  for (const [name, state] of states) {
    compiledStates.set(name, { spec: state, final: state.final === true, limit: state.limit, deadline: state.limit === undefined ? undefined : deadlineFunction(state.limit) });
  }
  const events = new Map<string, CompiledEvent>();
  const leaves = new Set<string>();
  for (const [type, event] of Object.entries(spec.events ?? {}) as [string, EventSpec<string, string, string, unknown, unknown>][]) {
    if (type.startsWith('@')) fail(id, `事件名 ${type} 不能以 @ 开头（保留给创建记录）`, `event ${type}: names starting with @ are reserved (${CREATED})`);
    if (!event || typeof event.label?.['zh-CN'] !== 'string' || typeof event.label.en !== 'string') fail(id, `事件 ${type} 缺少中英文 label`, `event ${type} needs a label in zh-CN and en`);
    if (!Array.isArray(event.from) || event.from.length === 0) fail(id, `事件 ${type} 的 from 不能为空`, `event ${type}: from must list states`);
    if (!Array.isArray(event.roles) || event.roles.length === 0) fail(id, `事件 ${type} 的 roles 不能为空`, `event ${type}: roles must list roles`);
    for (const from of event.from) {
      const state = states.get(from);
      if (!state) fail(id, `事件 ${type} 的 from 中 ${named(from)} 不是状态`, `event ${type}: from ${named(from)} is not a state`);
      if (state.final && !event.reopen) fail(id, `事件 ${type} 离开终态 ${from}，必须标记 reopen`, `event ${type} leaves final state ${from} and must be marked reopen`);
      if (!state.final && event.reopen) fail(id, `事件 ${type} 标记了 reopen，但 ${from} 不是终态`, `event ${type} is marked reopen but ${from} is not final`);
      leaves.add(from);
    }
    for (const role of event.roles) if (!roles.has(role)) fail(id, `事件 ${type} 的角色 ${named(role)} 不存在`, `event ${type}: role ${named(role)} is not a role`);
    if (typeof event.to === 'string' && !states.has(event.to)) fail(id, `事件 ${type} 的 to ${event.to} 不是状态`, `event ${type}: to ${event.to} is not a state`);
    if (typeof event.to !== 'string' && typeof event.to !== 'function') fail(id, `事件 ${type} 的 to 必须是状态或函数`, `event ${type}: to must be a state or a function`);
    if (event.restartsLimit !== undefined && typeof event.restartsLimit !== 'boolean' && typeof event.restartsLimit !== 'function') fail(id, `事件 ${type} 的 restartsLimit 必须是布尔值或函数`, `event ${type}: restartsLimit must be a boolean or a function`);
    if (event.payload !== undefined && !(event.payload instanceof z.$ZodType)) fail(id, `事件 ${type} 的 payload 必须是 zod 模式`, `event ${type}: payload must be a zod schema`);
    events.set(type, {
      type,
      spec: event,
      from: new Set(event.from),
      roles: new Set(event.roles),
      payload: event.payload,
      parser: undefined,
      toState: typeof event.to === 'string' ? event.to : undefined,
      target: typeof event.to === 'string' ? compiledStates.get(event.to) : undefined,
      toFn: typeof event.to === 'function' ? (event.to as CompiledEvent['toFn']) : undefined,
      guard: event.guard,
      apply: event.apply,
      restartsLimit: event.restartsLimit,
    });
  }
  for (const [name, state] of states) {
    if (!state.final && !leaves.has(name)) fail(id, `非终态 ${name} 没有任何出口事件`, `non-final state ${name} has no event leaving it`);
  }

  const available = new Map<string, Map<string, string[]>>();
  for (const state of states.keys()) {
    const byRole = new Map<string, string[]>();
    for (const role of roles) {
      const list = [...events.values()].filter((e) => e.from.has(state) && e.roles.has(role)).map((e) => e.type);
      byRole.set(role, list.length ? Object.freeze(list) as string[] : (EMPTY as string[]));
    }
    available.set(state, byRole);
  }

  const definition = { ...spec, creators } as unknown as LoopDefinition<S, E, R, D, C, PayloadInputs<E, V>>;
  const deadline = spec.deadline === undefined ? undefined : deadlineHook(id, spec.deadline as (snapshot: Snapshot) => unknown);
  Object.defineProperty(definition, COMPILED, { value: { events, states: compiledStates, available, deadline } satisfies CompiledLoop, enumerable: false });
  return Object.freeze(definition);
}

/** @internal The lookup tables of a definition made by `defineLoop`. */
export function compiledOf(def: AnyLoopDefinition, fn: string): CompiledLoop {
  const compiled = (def as { [COMPILED]?: CompiledLoop } | null)?.[COMPILED];
  if (compiled === undefined) {
    throw new InvalidArgumentError(fn, 'definition', { 'zh-CN': '必须由 defineLoop 创建', en: 'must be made by defineLoop' }, def);
  }
  return compiled;
}

/** Whether a state is an end of the loop. */
export function isFinal(def: AnyLoopDefinition, state: string): boolean {
  return compiledOf(def, 'isFinal').states.get(state)?.final === true;
}

/** The events that may leave a final state (the definition's reopen rules). */
export function reopenEvents<L extends AnyLoopDefinition>(def: L): EventOf<L>[] {
  return [...compiledOf(def, 'reopenEvents').events.values()].filter((e) => e.spec.reopen).map((e) => e.type as EventOf<L>);
}
