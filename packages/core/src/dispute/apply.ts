import { InvalidArgumentError } from '../errors/errors.js';
import { checkStore } from '../schema/argument.js';
import { applyLoopEvent, applyLoopEventIn, type LoopApplyRefusal } from '../store/loop-event.js';
import type { ChangeEntry, HistoryEntryLike } from '../store/types.js';
import type { TransitionContext } from '../loop/transition.js';
import type { LoopEvent } from '../loop/types.js';
import type { Refusal } from '../loop/refusal.js';
import { DISPUTE_LOOP_ID, type DisputeContext, type DisputeItem, type DisputeLoop, disputeLoop } from './definition.js';
import { eventNeedsAttachments } from '../attachment/rules.js';
import type { DisputeStore } from './store.js';
import { type NoticeErrorHandler, type NoticeHandler, notifyStep } from './notices.js';
import { type AttachmentSource, itemAttachments } from '../store/item-attachments.js';

/** Options of `applyDisputeEvent`. */
export interface DisputeApplyOptions {
  readonly expectedVersion?: number;
  readonly onNotice?: NoticeHandler;
  readonly onNoticeError?: NoticeErrorHandler;
  /**
   * Where the dispute's attachments are kept (a store made from `attachmentStoreSpec`); the
   * dispute store itself when it declares an `attachments` collection. A settlement is checked
   * against them (`agreement_scan_required`).
   */
  readonly attachments?: AttachmentSource;
}

/**
 * The attachment rule holds on the store path whatever the caller passes: a settlement's context
 * gets the dispute's live attachments as stored (from `options.attachments` or the store), or the
 * list the caller gave, or none — never "not checked".
 */
async function withAttachments(store: DisputeStore, id: string, event: LoopEvent, context: TransitionContext<DisputeContext> | undefined, source: unknown): Promise<TransitionContext<DisputeContext> | undefined> {
  if (!eventNeedsAttachments(DISPUTE_LOOP_ID, event.type)) return context;
  const stored = await itemAttachments('applyDisputeEvent', store, source, { kind: 'dispute', id });
  return { ...context, attachments: stored ?? context?.attachments ?? [] } as TransitionContext<DisputeContext>;
}

/**
 * What `applyDisputeEvent` did: the dispute's new snapshot and history entries — with the
 * change-log entry for a one-record event, the original's new snapshot for a merge or its
 * undoing (a batch, whose change-log entries come with its notice) — or the refusal.
 */
export type DisputeApplyResult<R = LoopApplyRefusal> =
  | { readonly ok: true; readonly snapshot: DisputeItem; readonly entries: HistoryEntryLike[]; readonly change?: ChangeEntry; readonly original?: DisputeItem }
  | { readonly ok: false; readonly reason: R };

/** Carries the original's refusal out of the batch, so that nothing the batch wrote is kept. */
class OriginalRefused {
  constructor(readonly reason: LoopApplyRefusal) {}
}

function checkArguments(id: unknown, event: unknown): asserts event is LoopEvent {
  if (typeof id !== 'string' || id.length === 0) throw new InvalidArgumentError('applyDisputeEvent', 'id', { 'zh-CN': '必须是纠纷编号', en: 'must be a dispute id' }, id);
  if (event === null || typeof event !== 'object' || typeof (event as LoopEvent).type !== 'string') {
    throw new InvalidArgumentError('applyDisputeEvent', 'event', { 'zh-CN': '必须是闭环事件 { type, actor, at, payload }', en: 'must be a loop event { type, actor, at, payload }' }, event);
  }
}

const reasonOf = (event: LoopEvent): string | undefined => {
  const reason = (event.payload as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason : undefined;
};

/**
 * Applies one event to a stored dispute, as `applyLoopEvent` does. A merge touches two records —
 * the duplicate (`merge`: merged into the original) and the original (`linkDuplicate`: it lists
 * the duplicate) — and so does its undoing (`unmerge` / `unlinkDuplicate`): both are written in
 * one batch, all or nothing, with the ledger at hand so that a merge into itself, a cycle
 * (A→B, then B→A), a chain (into a merged case) or a merge into a closed or withdrawn case is
 * refused. A refusal of either side writes nothing; the original's refusal names its event.
 * `options.onNotice` (with `onNoticeError`) is the notice hook: after a stored step, each notice
 * it calls for (`noticesFor`) goes to the host's SMS or messaging gateway — not awaited, and a
 * failing gateway is reported to `onNoticeError`, never thrown. A settlement needs the signed
 * agreement's scan among the dispute's attachments (`agreement_scan_required`), read from
 * `options.attachments` (or the store, when it keeps them): without one it is refused and
 * nothing is written.
 */
export async function applyDisputeEvent<O extends DisputeApplyOptions = {}>(
  store: DisputeStore,
  id: string,
  event: LoopEvent,
  context?: TransitionContext<DisputeContext>,
  options: O = {} as O,
  loop: DisputeLoop = disputeLoop,
): Promise<DisputeApplyResult<O extends { expectedVersion: number } ? LoopApplyRefusal : Refusal>> {
  checkStore('applyDisputeEvent', store);
  checkArguments(id, event);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('applyDisputeEvent', 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  // The notice hook: a host's gateway hears of the stored step, and can neither hold it up nor fail it.
  const onNotice = typeof options.onNotice === 'function' ? options.onNotice : undefined;
  if (event.type !== 'merge' && event.type !== 'unmerge') {
    context = await withAttachments(store, id, event, context, options.attachments);
    const before = onNotice ? ((await store.get('disputes', id)) as DisputeItem | undefined) : undefined;
    const r = await applyLoopEvent(store, 'disputes', loop, id, event as never, context, options);
    if (r.ok && onNotice && before) void notifyStep(before, r.snapshot as DisputeItem, event, onNotice, options.onNoticeError);
    return (r.ok ? { ok: true, snapshot: r.snapshot as DisputeItem, entries: r.entries, change: r.change } : { ok: false, reason: r.reason }) as never;
  }
  const merging = event.type === 'merge';
  let before: DisputeItem | undefined;
  let result: { ok: boolean; snapshot?: DisputeItem };
  try {
    result = await store.batch<never>(async (tx) => {
      const duplicate = (await tx.get('disputes', id)) as DisputeItem | undefined;
      before = duplicate;
      const into = merging ? (event.payload as { into?: unknown } | undefined)?.into : duplicate?.data.mergedInto?.id;
      const original = typeof into === 'string' && into !== id ? ((await tx.get('disputes', into)) as DisputeItem | undefined) : undefined;
      const lookup = (other: DisputeItem | undefined) => (key: string) => (key === id ? other : key === into ? original : context?.findDispute?.(key));
      const first = await applyLoopEventIn(tx, 'disputes', loop, id, event as never, { ...context, findDispute: lookup(duplicate) } as never, options);
      if (!first.ok) return { ok: false, reason: first.reason } as never;
      const snapshot = first.snapshot as DisputeItem;
      // An original that is gone, or (undoing a merge made before originals listed their duplicates) does not list it: only the duplicate changes.
      if (original === undefined || typeof into !== 'string' || (!merging && !(original.data.duplicates ?? []).some((d) => d.id === id))) return { ok: true, snapshot, entries: first.entries } as never;
      const link: LoopEvent = { type: merging ? 'linkDuplicate' : 'unlinkDuplicate', actor: event.actor, at: event.at, payload: { duplicate: id, reason: reasonOf(event) ?? '' } };
      const second = await applyLoopEventIn(tx, 'disputes', loop, into, link as never, { ...context, findDispute: lookup(snapshot) } as never);
      if (!second.ok) throw new OriginalRefused(second.reason);
      return { ok: true, snapshot, entries: first.entries, original: second.snapshot as DisputeItem } as never;
    }, { actor: event.actor });
  } catch (error) {
    if (error instanceof OriginalRefused) return { ok: false, reason: error.reason } as never;
    throw error;
  }
  // The merged report's applicants hear which case theirs joined (after both records are stored).
  if (result.ok && onNotice && before && result.snapshot) void notifyStep(before, result.snapshot, event, onNotice, options.onNoticeError);
  return result as never;
}
