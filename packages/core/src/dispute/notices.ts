// Notices (通知): what a party or an office should hear of when a dispute moves, as plain data
// that a host hands to its SMS or messaging gateway through one hook (`onNotice`).
import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { checkArray, parseArgument } from '../schema/argument.js';
import { dueSoon, type Moment, momentMs, type Within } from '../loop/deadlines.js';
import type { LoopEvent } from '../loop/types.js';
import type { DisputeItem } from './definition.js';
import { DECLINE_REASON_LABELS, REFERRAL_TARGET_LABELS } from './labels.js';
import { ESCALATION_CHAINS, escalationsOf } from '../loop/escalation.js';
import { handlerOf } from '../loop/handler.js';

/** Which notice: one template per thing worth hearing of. */
export const NOTICE_KEYS = [
  'dispute.accepted',
  'dispute.declined',
  'dispute.transferred',
  'dispute.routed',
  'dispute.dueSoon',
  'dispute.followUpDue',
  'dispute.writtenOff',
  'dispute.referred',
  'dispute.merged',
  'dispute.escalated',
  'dispute.supervised',
  'dispute.handlerAssigned',
  // Reception-day issues (`receptionNoticesFor`, `@bihuan/core/reception`).
  'reception.assigned',
  'reception.supervised',
  'reception.fedBack',
  'reception.reopened',
  'reception.escalated',
  'reception.handlerAssigned',
] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];

/**
 * Who a notice is for. A party (`partyId`) gets it at their own phone (`phone`: theirs, so theirs
 * to see; absent when none was given); a department by its registry id; the centre (the intake
 * desk, which routes and follows up) by role; the level an item is escalated to by its chain and
 * level ids (`governance`, `subDistrict`); a named handler (承办人) by their actor id. No other
 * personal data is ever in a notice.
 */
export type NoticeRecipient =
  | { readonly kind: 'party'; readonly partyId: string; readonly phone?: string }
  | { readonly kind: 'department'; readonly departmentId: string }
  | { readonly kind: 'centre'; readonly role: 'intakeClerk' | 'supervisor' }
  | { readonly kind: 'level'; readonly chain: string; readonly level: string }
  | { readonly kind: 'staff'; readonly staffId: string };

/** A recipient as one string (`party:p1`, `department:court`, `centre:intakeClerk`, `level:governance/subDistrict`, `staff:mediator-zhao`). */
export function recipientKey(r: NoticeRecipient): string {
  if (r === null || typeof r !== 'object') refuseRecipient(r);
  switch (r.kind) {
    case 'party':
      return `party:${r.partyId}`;
    case 'department':
      return `department:${r.departmentId}`;
    case 'centre':
      return `centre:${r.role}`;
    case 'level':
      return `level:${r.chain}/${r.level}`;
    case 'staff':
      return `staff:${r.staffId}`;
    default:
      return refuseRecipient(r);
  }
}

function refuseRecipient(r: unknown): never {
  throw new InvalidArgumentError('recipientKey', 'recipient', { 'zh-CN': '必须是通知对象 { kind, … }', en: 'must be a notice recipient { kind, … }' }, r);
}

/** Where an item's last escalation took it on the governance chain (centre → sub-district → county): the level as a recipient, its name, and the deadline missed. */
export function levelReached(item: { readonly history: readonly unknown[] }): { recipient: NoticeRecipient; label: Localized; deadline: string } | undefined {
  const record = escalationsOf(item as never).at(-1);
  if (record === undefined) return undefined;
  const chain = ESCALATION_CHAINS.governance;
  const label = chain.levels.find((l) => l.id === record.to)?.label ?? { 'zh-CN': record.to, en: record.to };
  return { recipient: { kind: 'level', chain: chain.id, level: record.to }, label, deadline: record.deadline };
}

export interface Notice {
  readonly key: NoticeKey;
  readonly itemId: string;
  /** The event that caused it (absent for deadline notices). */
  readonly event?: string;
  /** When it happened (the event's time, or the `now` of a deadline check). */
  readonly at: string;
  readonly recipient: NoticeRecipient;
  /** The message, ready to send: the case number and what happened, in every locale. */
  readonly text: Localized;
}

const applicants = (item: DisputeItem): NoticeRecipient[] =>
  item.data.parties
    .filter((p) => p.side === 'applicant')
    .map((p) => (p.phone === undefined ? { kind: 'party', partyId: p.id } : { kind: 'party', partyId: p.id, phone: p.phone }));

function checkItem(fn: string, argument: string, item: unknown): asserts item is DisputeItem {
  const d = (item as DisputeItem | null)?.data;
  if (item === null || typeof item !== 'object' || typeof (item as DisputeItem).id !== 'string' || typeof (item as DisputeItem).state !== 'string' || d === null || typeof d !== 'object' || !Array.isArray(d.parties)) {
    throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是纠纷闭环的快照', en: 'must be a snapshot of the dispute loop' }, item);
  }
}

/**
 * The notices one step of a dispute calls for: `before` is the snapshot before the event (null or
 * undefined when the dispute was just accepted), `after` the one after, `event` the event (the
 * last history entry of `after` when not given). Accepted → the applicants; declined or referred
 * elsewhere → the applicants, with the reason or the body; routed → each newly routed department;
 * referred to a court or arbitration after mediation → the applicants, naming where; merged as a
 * second report → that report's applicants, naming the case it joined; escalated → the level it
 * went to; a 督办 instruction → the routed departments; a handler named or changed → the handler;
 * written off → the applicants. Other events call for none. Pure: nothing is sent.
 */
export function noticesFor(before: DisputeItem | null | undefined, after: DisputeItem, event?: Pick<LoopEvent, 'type' | 'at'>): Notice[] {
  checkItem('noticesFor', 'after', after);
  if (before !== null && before !== undefined) checkItem('noticesFor', 'before', before);
  if (event !== undefined && (event === null || typeof event !== 'object' || typeof event.type !== 'string' || typeof event.at !== 'string')) {
    throw new InvalidArgumentError('noticesFor', 'event', { 'zh-CN': '必须是闭环事件 { type, at }', en: 'must be a loop event { type, at }' }, event);
  }
  const last = Array.isArray(after.history) ? after.history[after.history.length - 1] : undefined;
  const type = event?.type ?? (before ? last?.type : 'create');
  const at = event?.at ?? last?.at ?? after.updatedAt;
  const id = after.id;
  const to = (recipients: NoticeRecipient[], key: NoticeKey, text: Localized): Notice[] => recipients.map((recipient) => ({ key, itemId: id, event: type, at, recipient, text }));
  if (!before) {
    return after.state === 'received' ? to(applicants(after), 'dispute.accepted', { 'zh-CN': `您的纠纷调解申请已受理，受理编号 ${id}。`, en: `Your request for mediation is accepted: case number ${id}.` }) : [];
  }
  switch (type) {
    case 'escalate': {
      const up = levelReached(after);
      if (up === undefined) return [];
      const due = up.deadline.slice(0, 16).replace('T', ' ');
      return to([up.recipient], 'dispute.escalated', { 'zh-CN': `纠纷 ${id} 超过办理期限（${due}），已逐级上报至${up.label['zh-CN']}，请督促办理。`, en: `Dispute ${id} passed its limit (${due}) and is escalated to the ${up.label.en}: please see that it is taken up.` });
    }
    case 'supervise':
      return to(
        (after.data.routing?.departments ?? []).map((departmentId) => ({ kind: 'department', departmentId })),
        'dispute.supervised',
        { 'zh-CN': `纠纷 ${id} 收到督办意见，请按要求办理并反馈。`, en: `Dispute ${id} has a supervision instruction: please act on it and report back.` },
      );
    case 'assignHandler':
    case 'reassignHandler': {
      const handler = handlerOf(after);
      return handler === undefined ? [] : to([{ kind: 'staff', staffId: handler.id }], 'dispute.handlerAssigned', { 'zh-CN': `您已被指定为纠纷 ${id} 的承办人。`, en: `You are named the handler of dispute ${id}.` });
    }
    case 'refer': {
      const outcome = after.data.outcome;
      if (outcome?.kind !== 'referred') return [];
      const where = REFERRAL_TARGET_LABELS[outcome.referral.to] ?? { 'zh-CN': outcome.referral.to, en: outcome.referral.to };
      return to(applicants(after), 'dispute.referred', { 'zh-CN': `您的纠纷（编号 ${id}）调解未成，已引导至${where['zh-CN']}。`, en: `Your dispute (case ${id}) was not settled by mediation and is referred to: ${where.en.toLowerCase()}.` });
    }
    case 'merge': {
      const into = after.data.mergedInto?.id;
      return into === undefined ? [] : to(applicants(after), 'dispute.merged', { 'zh-CN': `您反映的纠纷（编号 ${id}）与已受理的纠纷 ${into} 为同一事项，已并入 ${into} 一并办理。`, en: `Your report (case ${id}) concerns the same matter as case ${into}, already accepted, and is handled with it.` });
    }
  }
  if (before.state === after.state && type !== 'route') return [];
  switch (after.state) {
    case 'declined': {
      const reason = after.data.declined?.reason;
      const label = reason !== undefined && Object.hasOwn(DECLINE_REASON_LABELS, reason) ? DECLINE_REASON_LABELS[reason] : { 'zh-CN': '见告知书', en: 'see the written notice' };
      return to(applicants(after), 'dispute.declined', { 'zh-CN': `您的纠纷（编号 ${id}）不予受理，理由：${label['zh-CN']}。`, en: `Your dispute (case ${id}) is not accepted: ${label.en}.` });
    }
    case 'transferred': {
      const body = after.data.transfer?.to ?? '';
      return to(applicants(after), 'dispute.transferred', { 'zh-CN': `您的纠纷（编号 ${id}）已移交${body}办理。`, en: `Your dispute (case ${id}) is referred to ${body}.` });
    }
    case 'routed': {
      const had = new Set(before.data.routing?.departments ?? []);
      const fresh = (after.data.routing?.departments ?? []).filter((d) => !had.has(d));
      return to(fresh.map((departmentId) => ({ kind: 'department', departmentId })), 'dispute.routed', { 'zh-CN': `纠纷 ${id} 已分流至贵单位，请及时办理。`, en: `Dispute ${id} is routed to your body: please take it up.` });
    }
    case 'closed':
      return to(applicants(after), 'dispute.writtenOff', { 'zh-CN': `您的纠纷（编号 ${id}）已办结销号，感谢您的配合。`, en: `Your dispute (case ${id}) is resolved and closed. Thank you.` });
    default:
      return [];
  }
}

const WithinSchema = z.object({ days: z.optional(z.number().check(z.gte(0), z.lte(366))), hours: z.optional(z.number().check(z.gte(0), z.lte(10_000))), minutes: z.optional(z.number().check(z.gte(0), z.lte(1_000_000))) });

/**
 * Deadline notices at `now`: for each open dispute whose stage ends within `within` (a working
 * day by default: 24 hours), `dispute.followUpDue` to the centre for a dispute awaiting its
 * follow-up, `dispute.dueSoon` otherwise (to the routed departments, or the centre before routing).
 */
export function dueNotices(items: readonly DisputeItem[], now: Moment, within: Within = { hours: 24 }): Notice[] {
  checkArray('dueNotices', 'items', items);
  const nowMs = momentMs('dueNotices', 'now', now);
  const span = parseArgument('dueNotices', 'within', WithinSchema, within) as Within;
  const at = new Date(nowMs).toISOString();
  const out: Notice[] = [];
  for (const [i, item] of items.entries()) {
    checkItem('dueNotices', `items[${i}]`, item);
    if (item.deadline === undefined || !dueSoon(item, nowMs, span)) continue;
    const text: Localized = { 'zh-CN': `纠纷 ${item.id} 本阶段将于 ${item.deadline.slice(0, 16).replace('T', ' ')} 到期。`, en: `Dispute ${item.id}: this stage is due at ${item.deadline.slice(0, 16).replace('T', ' ')}.` };
    if (item.state === 'followUp') {
      out.push({ key: 'dispute.followUpDue', itemId: item.id, at, recipient: { kind: 'centre', role: 'intakeClerk' }, text: { 'zh-CN': `纠纷 ${item.id} 待回访，请在 ${item.deadline.slice(0, 10)} 前完成回访。`, en: `Dispute ${item.id} awaits its follow-up: due by ${item.deadline.slice(0, 10)}.` } });
    } else if (item.state === 'routed' || item.state === 'mediating') {
      for (const departmentId of item.data.routing?.departments ?? []) out.push({ key: 'dispute.dueSoon', itemId: item.id, at, recipient: { kind: 'department', departmentId }, text });
    } else {
      out.push({ key: 'dispute.dueSoon', itemId: item.id, at, recipient: { kind: 'centre', role: item.state === 'pendingWriteOff' ? 'supervisor' : 'intakeClerk' }, text });
    }
  }
  return out;
}

/** The host's gateway: called once per notice; may return a promise. */
export type NoticeHandler = (notice: Notice) => void | PromiseLike<void>;
/** Where a gateway's failure is reported (it is never thrown into the event). */
export type NoticeErrorHandler = (error: unknown, notice: Notice | undefined) => void;

export interface NoticeDelivery {
  readonly delivered: number;
  readonly failed: readonly { readonly notice: Notice; readonly error: unknown }[];
}

/**
 * Hands notices to the host's gateway, one by one, and never throws or rejects: a handler that
 * throws or whose promise rejects is reported to `onError` (itself guarded) and counted in
 * `failed`. The event that caused the notices is stored already; do not await this in its path.
 */
export async function deliverNotices(notices: readonly Notice[], onNotice: NoticeHandler, onError?: NoticeErrorHandler): Promise<NoticeDelivery> {
  const failed: { notice: Notice; error: unknown }[] = [];
  if (!Array.isArray(notices) || typeof onNotice !== 'function') return { delivered: 0, failed };
  let delivered = 0;
  await Promise.all(
    notices.map(async (notice) => {
      try {
        await onNotice(notice);
        delivered++;
      } catch (error) {
        failed.push({ notice, error });
        try {
          onError?.(error, notice);
        } catch {
          // The error handler's own failure has nowhere further to go.
        }
      }
    }),
  );
  return { delivered, failed };
}

/**
 * The hook's whole path for one stored step: the notices it calls for, handed to the gateway.
 * Never throws (a record the notices cannot be made from is reported to `onError` with no notice).
 */
export function notifyStep(before: DisputeItem | null | undefined, after: DisputeItem, event: Pick<LoopEvent, 'type' | 'at'> | undefined, onNotice: NoticeHandler, onError?: NoticeErrorHandler): Promise<NoticeDelivery> {
  return notifyMade(() => noticesFor(before, after, event), onNotice, onError);
}

/** Makes a step's notices and hands them to the gateway; a record they cannot be made from goes to `onError`. Never throws. */
export function notifyMade(make: () => Notice[], onNotice: NoticeHandler, onError?: NoticeErrorHandler): Promise<NoticeDelivery> {
  let notices: Notice[];
  try {
    notices = make();
  } catch (error) {
    try {
      onError?.(error, undefined);
    } catch {
      // Nowhere further to go.
    }
    return Promise.resolve({ delivered: 0, failed: [] });
  }
  return deliverNotices(notices, onNotice, onError);
}
