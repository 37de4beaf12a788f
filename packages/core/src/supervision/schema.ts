import * as z from '../schema/zod.js';
import { calendarDate, code, id, shortText, text } from '../schema/fields.js';

/** The item a supervision order (督办单) supervises: its loop, its id, and a title to show. */
export const SupervisionTargetSchema = /* @__PURE__ */ z.object({ loop: code, id, title: z.optional(shortText) });
export type SupervisionTarget = z.output<typeof SupervisionTargetSchema>;

const stamp = { at: z.string().check(z.minLength(1), z.maxLength(40)), by: id };

/** One answer (反馈) of the lower level: what it did, when, and whether it came after the due day. */
export const SupervisionResponseSchema = /* @__PURE__ */ z.object({ response: text, ...stamp, unit: z.optional(id), late: z.boolean() });
export type SupervisionResponse = z.output<typeof SupervisionResponseSchema>;

/** A re-issue (重新督办): why the answer did not suffice, when, by whom, and the due day it replaced. */
export const SupervisionReissueSchema = /* @__PURE__ */ z.object({ reason: text, ...stamp, previousDueDate: calendarDate });
export type SupervisionReissue = z.output<typeof SupervisionReissueSchema>;

/**
 * A supervision order (督办单): issued by a higher level (`issuedBy`, at `level` of `chain`) to
 * the lower body that handles the item (`addressee`), with what it requires (`instruction`) and
 * by when it must be answered (`dueDate`, due at 24:00 China time of that day).
 */
export const SupervisionOrderSchema = /* @__PURE__ */ z.object({
  target: SupervisionTargetSchema,
  /** The escalation chain the levels are of (`ESCALATION_CHAINS`), and the issuing level. */
  chain: code,
  level: code,
  issuedBy: id,
  addressee: id,
  instruction: text,
  dueDate: calendarDate,
  responses: z._default(z.array(SupervisionResponseSchema), []),
  reissues: z._default(z.array(SupervisionReissueSchema), []),
  closing: z._default(z.nullable(z.object({ assessment: text, ...stamp })), null),
  withdrawal: z._default(z.nullable(z.object({ reason: text, ...stamp })), null),
});
export type SupervisionOrder = z.output<typeof SupervisionOrderSchema>;

/** `answer` (反馈): what the lower level did. */
export const AnswerPayloadSchema = /* @__PURE__ */ z.object({ response: text });
export type AnswerPayload = z.output<typeof AnswerPayloadSchema>;
/** `reissue` (重新督办): why, what is now required, and the new due day. */
export const ReissuePayloadSchema = /* @__PURE__ */ z.object({ reason: text, instruction: z.optional(text), dueDate: calendarDate });
export type ReissuePayload = z.output<typeof ReissuePayloadSchema>;
/** `close` (办结): the higher level's assessment of the answer. */
export const ClosePayloadSchema = /* @__PURE__ */ z.object({ assessment: text });
export type ClosePayload = z.output<typeof ClosePayloadSchema>;
/** `withdraw` (撤销): why the order is no longer needed. */
export const WithdrawPayloadSchema = /* @__PURE__ */ z.object({ reason: text });
export type WithdrawPayload = z.output<typeof WithdrawPayloadSchema>;
