import * as z from '../schema/zod.js';
import { id } from '../schema/fields.js';
import { parseArgument } from '../schema/argument.js';
import type { Rejection } from '../schema/result.js';
import { AddedBySchema, checkAgreementScan, checkEvidencePhotos, liveAttachments, AttachmentSchema, type Attachment } from '../schema/attachment.js';

/** Roles that may remove anyone's attachment (besides the person who added it). */
export const ATTACHMENT_REMOVER_ROLES: readonly string[] = ['supervisor'];

/**
 * Which loops' rules read an item's attachments, in one place for every path that applies events
 * (the local store paths `applyDisputeEvent` / `applyTaskEvent`, and the server's push): by loop
 * id, the attachment kind the rule reads (`item.kind` of the records), the collection the loop's
 * items are kept in locally, and the events whose guards read `context.attachments`.
 */
export const ATTACHMENT_EVENTS: Readonly<Record<string, { readonly kind: string; readonly collection: string; readonly events: readonly string[] }>> = {
  dispute: { kind: 'dispute', collection: 'disputes', events: ['settle'] },
  'task-order': { kind: 'taskOrder', collection: 'orders', events: ['feedback'] },
};

/** The rule entry of a loop (undefined when none of its events reads attachments). */
export function attachmentRuleOf(loopId: string): (typeof ATTACHMENT_EVENTS)[string] | undefined {
  return typeof loopId === 'string' && Object.hasOwn(ATTACHMENT_EVENTS, loopId) ? ATTACHMENT_EVENTS[loopId] : undefined;
}

/** Whether an event of this loop is decided on the item's attachments (`context.attachments`). */
export function eventNeedsAttachments(loopId: string, eventType: string): boolean {
  return attachmentRuleOf(loopId)?.events.includes(eventType) ?? false;
}

/** The loop entry whose records are of this attachment kind (`dispute`, `taskOrder`). */
export function attachmentRuleOfKind(kind: string): { readonly loop: string; readonly kind: string; readonly collection: string; readonly events: readonly string[] } | undefined {
  for (const [loop, rule] of Object.entries(ATTACHMENT_EVENTS)) if (rule.kind === kind) return { loop, ...rule };
  return undefined;
}

const ItemLike = /* @__PURE__ */ z.object({ id, data: z.unknown() });
type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : undefined);

/**
 * Whether an attachment may be withdrawn from its item: refused (`attachment_still_needed`) when a
 * rule the item already passed would fail without it — the same checks the events ran
 * (`checkAgreementScan` for a settled dispute, `checkEvidencePhotos` for each evidence field of a
 * task order's feedback), now over the item's live attachments less this one. `item` is the
 * item's snapshot (or undefined when it is not at hand: then nothing is known to need the file).
 */
export function checkWithdrawal(attachment: Attachment, item: unknown, attachmentsGiven: readonly Attachment[]): Rejection | true {
  const a = parseArgument('checkWithdrawal', 'attachment', AttachmentSchema, attachment);
  const attachments = parseArgument('checkWithdrawal', 'attachments', z.array(AttachmentSchema), attachmentsGiven);
  if (item === undefined || item === null) return true;
  const snapshot = parseArgument('checkWithdrawal', 'item', ItemLike, item);
  const rest = liveAttachments(attachments, a.item).filter((x) => x.id !== a.id);
  const data = dict(snapshot.data) ?? {};
  const refuse = (zh: string, en: string): Rejection => ({ rule: 'attachment_still_needed', field: 'attachmentId', message: { 'zh-CN': zh, en } });
  if (a.item.kind === 'dispute') {
    const outcome = dict(data.outcome);
    const settlement = dict(outcome?.settlement);
    if (outcome?.kind === 'settled' && checkAgreementScan(snapshot.id, typeof settlement?.document === 'string' ? settlement.document : undefined, rest) !== true) {
      return refuse(`“${a.name}”是本纠纷已达成协议的签字协议扫描件，不能删除`, `"${a.name}" is the signed agreement scan of this settled dispute: it stays`);
    }
  } else if (a.item.kind === 'taskOrder') {
    const values = dict(dict(data.feedback)?.values);
    const done = dict(data.template)?.done;
    for (const f of Array.isArray(done) ? (done as unknown[]).map(dict) : []) {
      const refs = values?.[String(f?.id)];
      if (f?.kind !== 'evidence' || !Array.isArray(refs) || !refs.includes(a.id)) continue;
      if (checkEvidencePhotos(snapshot.id, `values.${String(f.id)}`, refs.map(String), rest) !== true) {
        return refuse(`“${a.name}”是本任务反馈引用的佐证材料，不能删除`, `"${a.name}" is evidence this task's feedback cites: it stays`);
      }
    }
  }
  return true;
}

/**
 * Every rule a removal (withdrawal) answers to, in order, on the local store and on the server
 * alike: not one already removed (`attachment_removed`), only by whoever added it or a supervisor
 * (`remove_not_allowed`), never a file a rule still needs (`attachment_still_needed`, `checkWithdrawal`).
 */
export function checkRemoval(attachment: Attachment, actor: { readonly id: string; readonly role: string }, item: unknown, attachments: readonly Attachment[]): Rejection | true {
  const a = parseArgument('checkRemoval', 'attachment', AttachmentSchema, attachment);
  const who = parseArgument('checkRemoval', 'actor', AddedBySchema, actor);
  const refuse = (rule: string, zh: string, en: string, field: string): Rejection => ({ rule, field, message: { 'zh-CN': zh, en } });
  if (a.removedAt !== undefined) return refuse('attachment_removed', `附件“${a.name}”已于 ${a.removedAt} 删除`, `"${a.name}" was removed at ${a.removedAt}`, 'attachmentId');
  if (a.addedBy.id !== who.id && !ATTACHMENT_REMOVER_ROLES.includes(who.role)) {
    const by = a.addedBy.name ?? a.addedBy.id;
    return refuse('remove_not_allowed', `附件“${a.name}”由 ${by} 上传，只有上传人或督导人员可以删除`, `"${a.name}" was added by ${by}: only they or a supervisor may remove it`, 'actor');
  }
  return checkWithdrawal(a, item, attachments);
}
