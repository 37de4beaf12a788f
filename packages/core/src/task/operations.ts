import { InvalidArgumentError } from '../errors/errors.js';
import { checkStoreWith } from '../schema/argument.js';
import type { Refusal } from '../loop/refusal.js';
import { applyLoopEventIn } from '../store/loop-event.js';
import type { WriteOptions } from '../store/types.js';
import { taskOrderLoop, type TaskOrder } from './definition.js';
import { type DispatchInput, type DispatchResult, dispatchMonth, instantArg, reassignOnLeave, type ReassignInput, type ReassignResult, type TaskActor } from './dispatch.js';
import { monthText } from './schema.js';
import type { TaskStore } from './store.js';

function storeArg(fn: string, store: unknown): TaskStore {
  checkStoreWith(fn, store, { collections: ['orders'], spec: 'taskStoreSpec' });
  return store as TaskStore;
}

/**
 * Dispatches a month into the store: the orders already there are skipped (dispatching twice
 * creates nothing twice), the new ones are created — read and written in one transaction, so a
 * dispatch running at the same time in another tab cannot create an order twice or replace one.
 */
export async function dispatchMonthToStore(store: TaskStore, input: Omit<DispatchInput, 'existing'>, options: WriteOptions = {}): Promise<DispatchResult> {
  const s = storeArg('dispatchMonthToStore', store);
  if (!monthText.safeParse(input?.month).success) {
    throw new InvalidArgumentError('dispatchMonthToStore', 'input.month', { 'zh-CN': '必须是 YYYY-MM 格式的月份', en: 'must be a month written YYYY-MM' }, input?.month);
  }
  const actor = input.actor ?? { id: 'dispatcher', role: 'dispatcher' };
  return s.batch(async (tx) => {
    const items = await tx.all('orders', { index: 'month', equals: input.month });
    const result = dispatchMonth({ ...input, existing: new Set(items.map((o) => o.id)) });
    for (const order of result.orders) await tx.add('orders', order);
    return result;
  }, { actor, ...options });
}

/**
 * Reassigns a leaving officer's open orders in the store (see `reassignOnLeave`): each order goes
 * through the loop's `reassign` event on what is stored when the transaction runs, and all of
 * them are written in that one transaction (a feedback filed meanwhile is never undone).
 */
export async function reassignOnLeaveInStore(store: TaskStore, input: Omit<ReassignInput, 'orders'>, options: WriteOptions = {}): Promise<ReassignResult> {
  const s = storeArg('reassignOnLeaveInStore', store);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new InvalidArgumentError('reassignOnLeaveInStore', 'input', { 'zh-CN': '必须是对象', en: 'must be an object' }, input);
  const actor = input?.actor ?? { id: 'dispatcher', role: 'dispatcher' };
  return s.batch(async (tx) => {
    const items = (await tx.all('orders', { index: 'officer', equals: input?.from })) as TaskOrder[];
    // The pure function decides (and checks the input); its result is applied as events.
    const decided = reassignOnLeave({ ...input, orders: items });
    const reassigned: TaskOrder[] = [];
    const refused = [...decided.refused];
    for (const order of decided.reassigned) {
      const event = order.history[order.history.length - 1]!;
      const r = await applyLoopEventIn(tx, 'orders', taskOrderLoop, order.id, { type: 'reassign', actor: event.actor, at: event.at, payload: event.payload } as never, { roster: input.roster });
      if (r.ok) reassigned.push(r.snapshot as TaskOrder);
      else refused.push({ id: order.id, reason: r.reason as Refusal });
    }
    return { reassigned, refused };
  }, { actor, ...options });
}

export interface UrgeInput {
  /** The orders the urging concerns. */
  readonly orders: readonly string[];
  readonly instruction: string;
  readonly actor: TaskActor;
  readonly at: string;
}

/**
 * Records a supervisor's urging (督导) on each order it concerns, through the loop's `urge` event,
 * and writes the urged orders back in one transaction (one change notice, however many orders: a
 * county-wide urging must not reload a board once per order). Returns the orders urged and those
 * the loop refused (already done, say) or the store does not have.
 */
export async function urgeOrders(store: TaskStore, input: UrgeInput): Promise<{ urged: string[]; refused: { id: string; reason: Refusal | 'not_found' }[] }> {
  const fn = 'urgeOrders';
  const s = storeArg(fn, store);
  if (input === null || typeof input !== 'object' || !Array.isArray(input.orders) || input.orders.some((id) => typeof id !== 'string')) {
    throw new InvalidArgumentError(fn, 'input.orders', { 'zh-CN': '必须是任务单编号数组', en: 'must be an array of order ids' }, input?.orders);
  }
  instantArg(fn, 'input.at', input.at);
  const event = { type: 'urge' as const, actor: input.actor, at: input.at, payload: { instruction: input.instruction } };
  // Each order is urged on what is stored when the transaction runs, through the engine, and all
  // urgings land together: a feedback or cancellation committed meanwhile is kept, never undone.
  return s.batch(async (tx) => {
    const urged: string[] = [];
    const refused: { id: string; reason: Refusal | 'not_found' }[] = [];
    for (const id of input.orders) {
      if ((await tx.get('orders', id)) === undefined) {
        refused.push({ id, reason: 'not_found' });
        continue;
      }
      const r = await applyLoopEventIn(tx, 'orders', taskOrderLoop, id, event as never);
      if (r.ok) urged.push(id);
      else refused.push({ id, reason: r.reason as Refusal });
    }
    return { urged, refused };
  }, { actor: input.actor });
}
