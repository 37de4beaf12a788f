/**
 * A named handler (承办人): the one person inside the routed body who works an item. A loop that
 * has handlers keeps `data.handler` (`{ id, name, unit, since }`, or absent/null before anyone is
 * assigned) and takes two events, `assignHandler` and `reassignHandler` (the latter with a reason),
 * both kept in the item's history with the handler's id and name.
 *
 * Once an item has a handler, only that person acts for the body: an actor in one of the loop's
 * body roles (a mediator, a department, an owner) who is not the handler is refused with rule
 * `handler_only`, naming the handler. Supervisors and the loop's other roles are not affected.
 * Items without a handler keep working as before, and records written before handlers load as
 * they are (the field is optional).
 */
import * as z from '../schema/zod.js';
import { id, personName, text } from '../schema/fields.js';
import type { Localized } from '../i18n/locale.js';
import { InvalidArgumentError } from '../errors/errors.js';
import type { GuardRefusal, Verdict } from './refusal.js';
import type { LoopEvent, Snapshot } from './types.js';
import { handlerOf, type HandledData } from './handler-of.js';

export { handlerOf };

/** Who handles an item: their actor id, name, the body they work in, and since when. */
export const HandlerSchema = /* @__PURE__ */ z.object({ id, name: personName, unit: id, since: z.string().check(z.minLength(1), z.maxLength(40)) });
export type Handler = z.output<typeof HandlerSchema>;

/** The `handler` field of a loop's data: optional, so records written before it load unchanged. */
export const handlerField = /* @__PURE__ */ z.optional(z.nullable(HandlerSchema));

/** `assignHandler`: the person (`handler`, their actor id), their name and the body they work in. */
export const AssignHandlerPayloadSchema = /* @__PURE__ */ z.object({ handler: id, name: personName, unit: id });
export type AssignHandlerPayload = z.output<typeof AssignHandlerPayloadSchema>;
/** `reassignHandler`: the same, with the reason for the change (required). */
export const ReassignHandlerPayloadSchema = /* @__PURE__ */ z.extend(AssignHandlerPayloadSchema, { reason: text });
export type ReassignHandlerPayload = z.output<typeof ReassignHandlerPayloadSchema>;

/** The handler rules, each with what it asks (listed with each loop's rules). */
export const HANDLER_RULES = {
  handler_only: { 'zh-CN': '指定承办人后，只有承办人（或负责人）代表承办单位办理', en: 'once a handler is named, only the handler (or a supervisor) acts for the body' },
  handler_in_body: { 'zh-CN': '承办人属于本件所交办（分流）的单位', en: 'the handler works in a body the item is routed to' },
  handler_assigned_by_body: { 'zh-CN': '承办人由其所在单位或负责人指定', en: 'a handler is named by their own body or a supervisor' },
  handler_assigned: { 'zh-CN': '已有承办人：更换承办人请用“改派”并说明理由', en: 'a handler is already named: reassign, with a reason' },
  handler_missing: { 'zh-CN': '尚无承办人：请先指定', en: 'no handler yet: assign one first' },
  handler_same: { 'zh-CN': '改派给另一人', en: 'reassign to someone else' },
} as const satisfies Record<string, Localized>;

type HandledSnapshot = Snapshot<string, HandledData>;

const refuse = (rule: keyof typeof HANDLER_RULES, field: string, zh: string, en: string): GuardRefusal => ({ rule, field, message: { 'zh-CN': zh, en } });

/** The items whose handler is `viewerId` (我的案件), in the order given. */
export function handledBy<T extends { readonly data?: unknown }>(items: readonly T[], viewerId: string): T[] {
  if (!Array.isArray(items)) throw new InvalidArgumentError('handledBy', 'items', { 'zh-CN': '必须是快照数组', en: 'must be an array of snapshots' }, items);
  if (typeof viewerId !== 'string' || viewerId.length === 0) throw new InvalidArgumentError('handledBy', 'viewerId', { 'zh-CN': '必须是非空的编号', en: 'must be a non-empty id' }, viewerId);
  return items.filter((item) => handlerOf(item)?.id === viewerId);
}

/** Rule `handler_only`: an actor in a body role who is not the named handler is refused. */
export function handlerOnly(s: HandledSnapshot, e: LoopEvent, bodyRoles: readonly string[]): Verdict {
  const handler = handlerOf(s);
  if (handler === undefined || !bodyRoles.includes(e.actor.role) || e.actor.id === handler.id) return true;
  return refuse('handler_only', 'actor.id', `本件由承办人 ${handler.name}（${handler.id}）办理，${e.actor.id} 不能代表 ${handler.unit} 办理`, `${handler.name} (${handler.id}) handles this item: ${e.actor.id} cannot act for ${handler.unit}`);
}

export interface HandlerOptions<S extends string, R extends string> {
  /** The states in which a handler may be named or changed. */
  readonly from: readonly S[];
  /** Roles that act for the routed body: they are bound by `handler_only` and may name a handler of their own body. */
  readonly bodyRoles: readonly R[];
  /** Roles above the body (a supervisor, a host): they name handlers of any routed body and are not bound by `handler_only`. */
  readonly supervisorRoles: readonly R[];
  /** The bodies an item is routed to now (a dispute's departments, an issue's department, an item's unit). */
  readonly bodiesOf: (data: never) => readonly string[];
}

function assignVerdict(s: HandledSnapshot, e: LoopEvent, p: AssignHandlerPayload, options: HandlerOptions<string, string>, reassign: boolean): Verdict {
  const current = handlerOf(s);
  if (!reassign && current !== undefined) return refuse('handler_assigned', 'handler', `本件已由 ${current.name}（${current.id}）承办；更换承办人请改派并说明理由`, `${current.name} (${current.id}) already handles this item; reassign it, with a reason`);
  if (reassign && current === undefined) return refuse('handler_missing', 'handler', '本件尚无承办人，请先指定承办人', 'this item has no handler yet: assign one first');
  if (reassign && current?.id === p.handler) return refuse('handler_same', 'handler', `${p.name}（${p.handler}）已是本件承办人`, `${p.name} (${p.handler}) already handles this item`);
  const bodies = options.bodiesOf(s.data as never);
  if (!bodies.includes(p.unit)) {
    const list = bodies.length ? bodies.join('、') : '—';
    return refuse('handler_in_body', 'unit', `本件交办（分流）给 ${list}，承办人不能来自 ${p.unit}`, `this item is routed to ${bodies.length ? bodies.join(', ') : '—'}: its handler cannot come from ${p.unit}`);
  }
  if (!options.supervisorRoles.includes(e.actor.role) && e.actor.unit !== p.unit) {
    return refuse('handler_assigned_by_body', 'actor.unit', `承办人由 ${p.unit} 或负责人指定，${e.actor.unit ?? e.actor.id} 不能指定`, `a handler in ${p.unit} is named by ${p.unit} or a supervisor, not by ${e.actor.unit ?? e.actor.id}`);
  }
  return true;
}

function withHandler<D>(data: D, p: AssignHandlerPayload, e: LoopEvent): D {
  return { ...data, handler: { id: p.handler, name: p.name, unit: p.unit, since: e.at } };
}

function handlerEvent<S extends string, R extends string, P extends AssignHandlerPayload>(options: HandlerOptions<S, R>, label: Localized, payload: z.ZodType<P>, reassign: boolean) {
  const o = options as unknown as HandlerOptions<string, string>;
  return {
    label,
    from: options.from,
    to: <T extends string>(_p: unknown, s: { readonly state: T }): T => s.state,
    roles: [...options.bodyRoles, ...options.supervisorRoles],
    payload,
    guard: (s: HandledSnapshot, e: LoopEvent, _c: unknown, p: P): Verdict => assignVerdict(s, e, p, o, reassign),
    apply: <D>(data: D, p: P, e: LoopEvent): D => withHandler(data, p, e),
  } as const;
}

/**
 * The `assignHandler` and `reassignHandler` events of a loop (指定承办人 / 改派), to spread into its
 * `events`. Neither moves the item, nor restarts its stage's time limit.
 */
export function handlerEvents<S extends string, R extends string>(options: HandlerOptions<S, R>) {
  return {
    assignHandler: handlerEvent(options, { 'zh-CN': '指定承办人', en: 'assign a handler' }, AssignHandlerPayloadSchema, false),
    reassignHandler: handlerEvent(options, { 'zh-CN': '改派承办人', en: 'reassign the handler' }, ReassignHandlerPayloadSchema, true),
  } as const;
}
