import * as z from '../schema/zod.js';
import { isTrusted, trust, trustNew } from './trusted.js';
import { parseArgument } from '../schema/argument.js';
import { clip, InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { issueText, valueAtPath } from '../schema/issues.js';

const NO_PAYLOAD: Localized = { 'zh-CN': '此操作不带任何填写内容', en: 'this action takes no payload' };
import { chinaCalendar, type WorkCalendar } from '../calendar/work-calendar.js';
import { type AnyLoopDefinition, type CompiledEvent, type CompiledLoop, compiledOf, type LoopDefinition } from './definition.js';
import { LoopDefinitionError, LoopMismatchError } from './errors.js';
import { checkEvent } from './event.js';
import { firstDifference } from './difference.js';
import { instantBefore } from '../calendar/instant.js';
import { nextDeadline } from './deadlines.js';
import { payloadParser } from './payload-parser.js';
import { refusalMessage, type RefusalMessageParts } from './messages.js';
import type { Refusal, RefusalCode } from './refusal.js';
import type { AcceptedLoopEvent, Actor, HistoryEntry, LoopEvent, LoopEventBase, Snapshot } from './types.js';

/** What the host may pass to a transition: a calendar, and whatever the definition's guards read. */
export type TransitionContext<C = unknown> = C & { readonly calendar?: WorkCalendar };

export type TransitionResult<S extends string = string, D = unknown, E extends string = string, R extends string = string> =
  | { readonly ok: true; readonly snapshot: Snapshot<S, D, E, R> }
  | { readonly ok: false; readonly reason: Refusal };

function refuse(
  def: AnyLoopDefinition,
  code: RefusalCode,
  snapshot: Snapshot,
  event: LoopEvent,
  extra: { field?: string; rule?: string; detail?: Localized; lastAt?: string } = {},
): { ok: false; reason: Refusal } {
  const spec = def.events[event.type] as CompiledEvent['spec'] | undefined;
  const parts: RefusalMessageParts = {
    loopId: def.id,
    eventType: event.type,
    eventLabel: spec?.label,
    stateLabel: def.states[snapshot.state]?.label,
    roleLabel: def.roles[event.actor.role]?.label,
    role: event.actor.role,
    field: extra.field,
    detail: extra.detail,
    at: event.at,
    lastAt: extra.lastAt,
  };
  const reason: { -readonly [K in keyof Refusal]: Refusal[K] } = { code, message: refusalMessage(code, parts), event: event.type, state: snapshot.state };
  if (extra.field !== undefined) reason.field = extra.field;
  if (extra.rule !== undefined) reason.rule = extra.rule;
  return { ok: false, reason };
}

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text ? `.${String(key)}` : String(key);
  return text || 'payload';
}

function payloadRefusal(def: AnyLoopDefinition, snapshot: Snapshot, event: LoopEvent, error: z.ZodError) {
  const issue = error.issues[0]!;
  // zod keeps no `input` on its issues (unless asked): whether the field is missing is read off the
  // payload itself, and the detail is the kernel's words for the issue in each language.
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && valueAtPath(event.payload, issue.path) === undefined;
  const text = issueText(issue, event.payload);
  return refuse(def, missing ? 'field_missing' : 'field_invalid', snapshot, event, {
    field: pathText(issue.path),
    rule: issue.code,
    detail: missing ? undefined : { 'zh-CN': clip(text['zh-CN']), en: clip(text.en) },
  });
}

/**
 * @internal Checks a snapshot argument of `fn` and returns the snapshot to read from then on: the
 * same one when the engine made (or checked) it, else one holding the data as its schema parsed it
 * (a schema may trim, default or coerce, and the loop's guards and `apply` read checked data, not
 * the caller's). The caller's own object is marked when the parse kept its data as it was.
 */
export function checkSnapshot<T extends Snapshot>(def: AnyLoopDefinition, snapshot: T, fn: string): T {
  if (snapshot === null || typeof snapshot !== 'object' || snapshot.loop === null || typeof snapshot.loop !== 'object' || !Array.isArray(snapshot.history)) {
    throw new InvalidArgumentError(fn, 'snapshot', { 'zh-CN': '必须是闭环快照（请用 createItem 或 loadSnapshot 得到）', en: 'must be a loop snapshot (from createItem or loadSnapshot)' }, snapshot);
  }
  if (snapshot.loop.id !== def.id || snapshot.loop.version !== def.version) throw new LoopMismatchError(fn, def, snapshot.loop);
  if (isTrusted(snapshot)) return snapshot;
  if (typeof snapshot.state !== 'string' || !compiledOf(def, fn).states.has(snapshot.state)) {
    throw new InvalidArgumentError(fn, 'snapshot.state', { 'zh-CN': '必须是该闭环的状态', en: 'must be a state of this loop' }, snapshot.state);
  }
  const data: unknown = parseArgument(fn, 'snapshot.data', def.data as z.ZodType, snapshot.data);
  // Data already as its schema reads it (the common case: a record read back from a host's own
  // storage) marks the caller's snapshot, which is then not checked again.
  return firstDifference(snapshot.data, data, '') === undefined ? trust(snapshot) : trustNew({ ...snapshot, data });
}

/**
 * Applies one event to an item. Pure: the inputs are never changed, and the same inputs give the
 * same result. A business refusal comes back as `{ ok: false, reason }`; an input that is not an
 * event at all throws `MalformedEventError`, a snapshot of another loop `LoopMismatchError`.
 *
 * Checks run in this order: the event is known, allowed in the state, allowed for the role, its
 * payload is complete and valid, its time is not before the item's last update, the guard agrees.
 */
export function transition<S extends string, E extends string, R extends string, D, C, P extends { readonly [K in E]?: unknown }, Ev extends LoopEventBase<NoInfer<E>, NoInfer<R>>>(
  def: LoopDefinition<S, E, R, D, C, P>,
  snapshot: Snapshot<S, D, E, R>,
  event: Ev & AcceptedLoopEvent<Ev, NoInfer<E>, NoInfer<R>, NoInfer<P>>,
  context?: TransitionContext<C>,
): TransitionResult<S, D, E, R> {
  const compiled = compiledOf(def, 'transition');
  const checked = checkSnapshot(def, snapshot as Snapshot, 'transition');
  const atMs = checkEvent('transition', event);
  return step(def, compiled, checked, event as LoopEvent, atMs, context) as TransitionResult<S, D, E, R>;
}

/**
 * @internal The transition after its inputs have been checked (replay reuses it). `guards: false`
 * recomputes an accepted history's effect without its guards (the rules of the day it was accepted
 * may since have changed, and the host's context is not at hand): `checkAgainstHistory`.
 */
export function step(
  def: AnyLoopDefinition,
  compiled: CompiledLoop,
  snapshot: Snapshot,
  event: LoopEvent,
  atMs: number,
  context: TransitionContext | undefined,
  guards = true,
): TransitionResult {
  const spec = compiled.events.get(event.type);
  const from = snapshot.state;
  if (spec === undefined) return refuse(def, 'unknown_event', snapshot, event);
  if (!spec.from.has(from)) return refuse(def, 'not_allowed_in_state', snapshot, event);
  if (!spec.roles.has(event.actor.role)) return refuse(def, 'role_not_allowed', snapshot, event);

  // Only events with a payload schema pay for parsing; the others must not carry one.
  let payload: unknown = undefined;
  if (spec.payload !== undefined) {
    if (event.payload === undefined) return refuse(def, 'field_missing', snapshot, event, { field: 'payload', rule: 'required' });
    // The schema's own `safeParse` method where it has one (zod/mini's and zod's schemas do): on a
    // compiled parser it calls the parser directly, without the parse context `z.safeParse` builds.
    const parser = (spec.parser ??= payloadParser(spec.payload)) as z.ZodType & { readonly safeParse?: (value: unknown) => ReturnType<typeof z.safeParse> };
    const parsed = typeof parser.safeParse === 'function' ? parser.safeParse(event.payload) : z.safeParse(parser, event.payload);
    if (!parsed.success) return payloadRefusal(def, snapshot, event, parsed.error);
    payload = parsed.data;
  } else if (event.payload !== undefined) {
    return refuse(def, 'field_invalid', snapshot, event, { field: 'payload', rule: 'no_payload', detail: NO_PAYLOAD });
  }

  if (instantBefore(event.at, snapshot.updatedAt)) return refuse(def, 'out_of_order', snapshot, event, { rule: 'chronological', lastAt: snapshot.updatedAt });

  const guard = spec.guard;
  if (guard !== undefined && guards) {
    const verdict = guard.call(spec.spec, snapshot, event, context, payload);
    if (verdict !== true) {
      if (verdict && typeof verdict === 'object' && 'message' in verdict) {
        const refusal = refuse(def, 'guard_failed', snapshot, event, { rule: verdict.rule, field: verdict.field });
        return { ok: false, reason: { ...refusal.reason, message: verdict.message } };
      }
      const refusal = refuse(def, 'guard_failed', snapshot, event, { rule: 'guard' });
      return verdict && typeof verdict === 'object' ? { ok: false, reason: { ...refusal.reason, message: verdict } } : refusal;
    }
  }

  const to = spec.toState ?? spec.toFn!(payload, snapshot, event);
  const target = spec.target ?? compiled.states.get(to);
  if (target === undefined) {
    throw new LoopDefinitionError(def.id, { 'zh-CN': `事件 ${event.type} 的 to 函数返回了不存在的状态 ${String(to)}`, en: `event ${event.type}: its to function returned ${String(to)}, which is not a state` });
  }
  const apply = spec.apply;
  const data = apply === undefined ? snapshot.data : apply.call(spec.spec, snapshot.data, payload, event, snapshot);

  // Copied into an array of the final length: slice-then-push would allocate twice.
  const previous = snapshot.history;
  const count = previous.length;
  const history = new Array<HistoryEntry>(count + 1);
  for (let i = 0; i < count; i++) history[i] = previous[i]!;
  history[count] = historyEntry(count, event, from, to, payload);

  // The deadline belongs to the stage: it restarts on entering another state, and stays on a
  // self-transition (a note or a supervision does not buy time) unless the event restarts it. A
  // definition whose data holds the due moment names it with its `deadline` hook.
  let deadline: string | undefined;
  const restarts = spec.restartsLimit;
  if (compiled.deadline !== undefined) {
    deadline = nextDeadline(compiled, { loop: snapshot.loop, id: snapshot.id, state: to, data, history, createdAt: snapshot.createdAt, updatedAt: event.at }, snapshot, atMs, calendarOf(def, context));
  } else if (to === from && (restarts === undefined || restarts === false || (restarts !== true && !restarts.call(spec.spec, payload, snapshot)))) deadline = snapshot.deadline;
  else if (target.deadline !== undefined) deadline = target.deadline(atMs, calendarOf(def, context));

  const next: Snapshot =
    deadline === undefined
      ? { loop: snapshot.loop, id: snapshot.id, state: to, data, history, createdAt: snapshot.createdAt, updatedAt: event.at }
      : { loop: snapshot.loop, id: snapshot.id, state: to, data, history, deadline, createdAt: snapshot.createdAt, updatedAt: event.at };
  return { ok: true, snapshot: trustNew(next) };
}

/** @internal */
export function calendarOf(def: AnyLoopDefinition, context: TransitionContext | undefined): WorkCalendar {
  return context?.calendar ?? def.calendar ?? chinaCalendar;
}

/** @internal A history entry; optional parts only when present, so that it stays plain JSON. */
export function historyEntry(seq: number, event: LoopEvent, from: string | null, to: string, payload: unknown): HistoryEntry {
  const actor = actorOf(event.actor);
  // The common cases as whole literals: one object shape each, no shape changes on the hot path.
  if (event.note === undefined && event.attachments === undefined) {
    return payload === undefined ? { seq, type: event.type, actor, at: event.at, from, to } : { seq, type: event.type, actor, at: event.at, from, to, payload };
  }
  const entry: { -readonly [K in keyof HistoryEntry]: HistoryEntry[K] } = { seq, type: event.type, actor, at: event.at, from, to };
  if (event.note !== undefined) entry.note = event.note;
  if (event.attachments !== undefined) entry.attachments = event.attachments.slice();
  if (payload !== undefined) entry.payload = payload;
  return entry;
}

/** The actor as stored: id and role, and unit and name only when given (plain JSON, no extras). */
function actorOf(a: Actor): Actor {
  if (a.unit === undefined && a.name === undefined) return { id: a.id, role: a.role };
  const actor: { -readonly [K in keyof Actor]: Actor[K] } = { id: a.id, role: a.role };
  if (a.unit !== undefined) actor.unit = a.unit;
  if (a.name !== undefined) actor.name = a.name;
  return actor;
}

/** The events `role` may send to the item now (guards are not run: they need the payload). */
export function availableEvents<S extends string, E extends string, R extends string, D, C>(
  def: LoopDefinition<S, E, R, D, C>,
  snapshot: Pick<Snapshot<S>, 'state'>,
  role: NoInfer<R>,
): readonly E[] {
  const compiled = compiledOf(def, 'availableEvents');
  if (snapshot === null || typeof snapshot !== 'object' || !compiled.states.has(snapshot.state)) {
    throw new InvalidArgumentError('availableEvents', 'snapshot.state', { 'zh-CN': '必须是该闭环的状态', en: 'must be a state of this loop' }, snapshot?.state);
  }
  return (compiled.available.get(snapshot.state)?.get(role) ?? []) as readonly E[];
}
