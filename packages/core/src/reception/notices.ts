// Notices (通知) for reception-day issues: who should hear of a step, as plain data for the same
// one hook (`onNotice`) the disputes use. The firm hears at its contact's own phone; the
// department by its id; a named handler by their actor id; an escalation goes to the level reached.
import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import type { LoopEvent } from '../loop/types.js';
import { handlerOf } from '../loop/handler.js';
import { levelReached, notifyMade, type Notice, type NoticeDelivery, type NoticeErrorHandler, type NoticeHandler, type NoticeKey, type NoticeRecipient } from '../dispute/notices.js';
import type { ReceptionItem } from './definition.js';

function checkIssue(fn: string, argument: string, item: unknown): asserts item is ReceptionItem {
  const d = (item as ReceptionItem | null)?.data;
  if (item === null || typeof item !== 'object' || typeof (item as ReceptionItem).id !== 'string' || typeof (item as ReceptionItem).state !== 'string' || d === null || typeof d !== 'object' || typeof d.firm !== 'string' || !Array.isArray((item as ReceptionItem).history)) {
    throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是企业家接待日闭环的快照', en: 'must be a snapshot of the reception-day loop' }, item);
  }
}

/**
 * The notices one step of a reception-day issue calls for (`before` → `after` by `event`, the last
 * history entry of `after` when not given). Assigned → the department and the firm; a 督办 → the
 * department (with its new due date, if one was set); fed back → the firm, asked to rate; reopened
 * (by a dissatisfied rating or by the host) → the department; a handler named → that person;
 * escalated → the level reached. Other steps call for none. Pure: nothing is sent.
 */
export function receptionNoticesFor(before: ReceptionItem, after: ReceptionItem, event?: Pick<LoopEvent, 'type' | 'at'>): Notice[] {
  checkIssue('receptionNoticesFor', 'before', before);
  checkIssue('receptionNoticesFor', 'after', after);
  if (event !== undefined && (event === null || typeof event !== 'object' || typeof event.type !== 'string' || typeof event.at !== 'string')) {
    throw new InvalidArgumentError('receptionNoticesFor', 'event', { 'zh-CN': '必须是闭环事件 { type, at }', en: 'must be a loop event { type, at }' }, event);
  }
  const last = after.history[after.history.length - 1];
  const type = event?.type ?? last?.type ?? '';
  const at = event?.at ?? last?.at ?? after.updatedAt;
  const { id } = after;
  const d = after.data;
  const firm: NoticeRecipient = d.phone === undefined ? { kind: 'party', partyId: d.firm } : { kind: 'party', partyId: d.firm, phone: d.phone };
  const department: NoticeRecipient[] = d.department === null ? [] : [{ kind: 'department', departmentId: d.department }];
  const to = (recipients: readonly NoticeRecipient[], key: NoticeKey, text: Localized): Notice[] => recipients.map((recipient) => ({ key, itemId: id, event: type, at, recipient, text }));
  const due = d.dueDate ?? '';
  switch (type) {
    case 'assign':
      return [
        ...to(department, 'reception.assigned', { 'zh-CN': `企业反映问题 ${id} 已交办贵单位，请于 ${due} 前办结并反馈。`, en: `Issue ${id} raised by a firm is assigned to your body: please resolve it and report back by ${due}.` }),
        ...to([firm], 'reception.assigned', { 'zh-CN': `您反映的问题（编号 ${id}）已交办有关部门，办理期限 ${due}。`, en: `Your issue (number ${id}) is assigned to the responsible department, due by ${due}.` }),
      ];
    case 'supervise':
      return to(department, 'reception.supervised', { 'zh-CN': `问题 ${id} 收到督办意见，请于 ${due} 前办结并反馈。`, en: `Issue ${id} has a supervision instruction: please resolve it and report back by ${due}.` });
    case 'feedBack':
      return to([firm], 'reception.fedBack', { 'zh-CN': `您反映的问题（编号 ${id}）已办理反馈，请评价是否满意。`, en: `Your issue (number ${id}) has been answered: please say whether you are satisfied.` });
    case 'rate':
    case 'reopen':
      return after.state === 'handling' ? to(department, 'reception.reopened', { 'zh-CN': `问题 ${id} 已重新交办，请于 ${due} 前办结并反馈。`, en: `Issue ${id} is reopened: please resolve it and report back by ${due}.` }) : [];
    case 'assignHandler':
    case 'reassignHandler': {
      const handler = handlerOf(after);
      return handler === undefined ? [] : to([{ kind: 'staff', staffId: handler.id }], 'reception.handlerAssigned', { 'zh-CN': `您已被指定为企业反映问题 ${id} 的承办人。`, en: `You are named the handler of issue ${id}.` });
    }
    case 'escalate': {
      const up = levelReached(after);
      return up === undefined ? [] : to([up.recipient], 'reception.escalated', { 'zh-CN': `企业反映问题 ${id} 超过办理期限 ${due}，已逐级上报至${up.label['zh-CN']}，请督促办理。`, en: `Issue ${id} passed its due date (${due}) and is escalated to the ${up.label.en}: please see that it is resolved.` });
    }
    default:
      return [];
  }
}

/** The hook's whole path for one stored step of an issue: its notices, handed to the gateway. Never throws. */
export function notifyReceptionStep(before: ReceptionItem, after: ReceptionItem, event: Pick<LoopEvent, 'type' | 'at'> | undefined, onNotice: NoticeHandler, onError?: NoticeErrorHandler): Promise<NoticeDelivery> {
  return notifyMade(() => receptionNoticesFor(before, after, event), onNotice, onError);
}
