import { InvalidArgumentError } from '../errors/errors.js';
import { checkStoreWith } from '../schema/argument.js';
import type { TransitionContext } from '../loop/transition.js';
import type { LoopEvent } from '../loop/types.js';
import type { Refusal } from '../loop/refusal.js';
import { applyLoopEvent } from '../store/loop-event.js';
import { type AttachmentSource, itemAttachments } from '../store/item-attachments.js';
import type { ApplyResult, ApplyOptions } from '../store/types.js';
import { TASK_LOOP_ID, taskOrderLoop, type TaskLoopContext, type TaskOrder } from './definition.js';
import { eventNeedsAttachments } from '../attachment/rules.js';
import type { TaskStore } from './store.js';

/** Options of `applyTaskEvent`: the store's write options, and where the order's attachments are kept. */
export interface TaskApplyOptions extends ApplyOptions {
  /**
   * Where the orders' attachments are kept (a store made from `attachmentStoreSpec`); the task
   * store itself when it declares an `attachments` collection. Feedback with evidence is checked
   * against them (`evidence_not_attached`, `photos_required`).
   */
  readonly attachments?: AttachmentSource;
}

/**
 * Applies one event to a stored task order, as `applyLoopEvent` does, with the attachment rules
 * held on this path whatever the caller passes: feedback is checked against the order's live
 * attachments as stored (`options.attachments`, or the task store when it keeps them), else the
 * list given in `context.attachments`, else none — so evidence that names no attached file
 * (`evidence_not_attached`) or no photo (`photos_required`) is refused, and nothing is written.
 */
export async function applyTaskEvent(store: TaskStore, id: string, event: LoopEvent, context?: TransitionContext<TaskLoopContext>, options: TaskApplyOptions = {}): Promise<ApplyResult<TaskOrder, Refusal>> {
  const fn = 'applyTaskEvent';
  checkStoreWith(fn, store, { collections: ['orders'], spec: 'taskStoreSpec' });
  if (typeof id !== 'string' || id.length === 0) throw new InvalidArgumentError(fn, 'id', { 'zh-CN': '必须是任务单编号', en: 'must be a task order id' }, id);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError(fn, 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  let ctx = context;
  if (event !== null && typeof event === 'object' && eventNeedsAttachments(TASK_LOOP_ID, event.type)) {
    const stored = await itemAttachments(fn, store, options.attachments, { kind: 'taskOrder', id });
    ctx = { ...context, attachments: stored ?? context?.attachments ?? [] } as TransitionContext<TaskLoopContext>;
  }
  const { attachments: _source, ...write } = options;
  return applyLoopEvent(store, 'orders', taskOrderLoop, id, event as never, ctx, write) as Promise<ApplyResult<TaskOrder, Refusal>>;
}
