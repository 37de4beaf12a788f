// The dispute loop's rules of who may act and when, as guard verdicts. Each refusal has its own
// rule name (listed in `DISPUTE_RULES`) and says in zh-CN and English what is wrong.
import { chinaDay, CHINA_OFFSET_MS, formatDate, formatInstant, instantBefore, parseDate, parseInstant } from '../calendar/instant.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { TimeLimit } from '../loop/definition.js';
import { type Verdict, firstRefusal, guardRefusal } from '../loop/refusal.js';
import type { LoopEvent, Snapshot } from '../loop/types.js';
import type { Dispute } from './schema.js';
import { handlerOnly } from '../loop/handler.js';

/** Mediators and liaisons act for a routed body: once a handler is named, only the handler does (`handler_only`). */
const BODY_ROLES = ['mediator', 'departmentLiaison'];

type DisputeSnapshot = Snapshot<string, Dispute>;

/** A China-time `YYYY-MM-DD HH:mm` reading of an instant, for messages. */
function chinaTime(ms: number): string {
  return formatInstant(ms + CHINA_OFFSET_MS).slice(0, 16).replace('T', ' ');
}

/** A time limit in words. */
export function limitText(limit: TimeLimit): { zh: string; en: string } {
  if ('hours' in limit) return { zh: `${limit.hours} 小时`, en: `${limit.hours} hours` };
  if ('days' in limit) return { zh: `${limit.days} 天`, en: `${limit.days} days` };
  return { zh: `${limit.workingDays} 个工作日`, en: `${limit.workingDays} working days` };
}

// Who may act.

/** Whether the actor sits on the dispute's mediation panel (`data.mediation.mediators`). */
export function onPanel(data: Dispute, actorId: string): boolean {
  return data.mediation?.mediators.includes(actorId) ?? false;
}

/** A mediator or liaison acts for the panel only when listed on it. */
export function panelMember(s: DisputeSnapshot, e: LoopEvent): Verdict {
  if (e.actor.role !== 'mediator' && e.actor.role !== 'departmentLiaison') return true;
  return firstRefusal(
    () => handlerOnly(s, e, BODY_ROLES),
    () => onPanel(s.data, e.actor.id) || guardRefusal('mediator_on_panel', `${e.actor.id} 不在本纠纷的调解员名单中，不能代表调解组办理`, `${e.actor.id} is not one of this dispute's mediators and cannot act for the panel`, 'actor.id'),
  );
}

/** A department liaison acts only for a body the dispute is routed to, and must say which. */
export function liaisonOfRoutedBody(s: DisputeSnapshot, e: LoopEvent): Verdict {
  return firstRefusal(
    () => handlerOnly(s, e, BODY_ROLES),
    () => routedLiaison(s, e),
  );
}

function routedLiaison(s: DisputeSnapshot, e: LoopEvent): Verdict {
  if (e.actor.role !== 'departmentLiaison') return true;
  const unit = e.actor.unit;
  if (unit === undefined) return guardRefusal('liaison_unit_missing', '部门联络员必须注明所代表的部门（actor.unit）', 'a department liaison must name the body they act for (actor.unit)', 'actor.unit');
  if (!(s.data.routing?.departments.includes(unit) ?? false)) {
    return guardRefusal('liaison_unit_routed', `本纠纷未分流给 ${unit}，其联络员不能办理`, `this dispute is not routed to ${unit}: its liaison cannot act on it`, 'actor.unit');
  }
  return true;
}

/** Writing off is a second pair of eyes: not by whoever recorded the passing follow-up. */
export function writeOffByOther(s: DisputeSnapshot, e: LoopEvent): Verdict {
  const last = s.data.followUps[s.data.followUps.length - 1];
  if (last !== undefined && last.by === e.actor.id) return guardRefusal('write_off_by_other', '回访人不能为自己回访的纠纷销号', 'whoever recorded the follow-up cannot also write the dispute off', 'actor.id');
  return true;
}

// When.

/** A date in a payload lies within the case's life: not before acceptance, not after the day it is recorded. */
export function dateInCase(s: DisputeSnapshot, e: LoopEvent, date: string, field: string): Verdict {
  // Day numbers compared; the texts only for a refusal's message.
  const day = parseDate(date);
  const accepted = chinaDay(parseInstant(s.createdAt));
  if (day < accepted) return guardRefusal('date_after_acceptance', `日期 ${date} 早于受理日 ${formatDate(accepted)}`, `the date ${date} is before the dispute was accepted (${formatDate(accepted)})`, field);
  const recorded = chinaDay(parseInstant(e.at));
  if (day > recorded) return guardRefusal('date_not_after_event', `日期 ${date} 晚于记录当天 ${formatDate(recorded)}`, `the date ${date} is after the day it is recorded (${formatDate(recorded)})`, field);
  return true;
}

/** The moment of the latest `type` event in the history (undefined when none). */
function lastAt(s: DisputeSnapshot, type: string): number | undefined {
  for (let i = s.history.length - 1; i >= 0; i--) if (s.history[i]!.type === type) return parseInstant(s.history[i]!.at);
  return undefined;
}

/**
 * A follow-up checks that the agreement is being kept: it comes at least `after` after the
 * settlement (a referral has no agreement to wait on).
 */
export function followUpInterval(s: DisputeSnapshot, e: LoopEvent, after: TimeLimit, earliest: (startMs: number, calendar: WorkCalendar) => string, calendar: WorkCalendar): Verdict {
  if (s.data.outcome?.kind !== 'settled') return true;
  const settledAt = lastAt(s, 'settle');
  if (settledAt === undefined) return true;
  const earliestAt = earliest(settledAt, calendar);
  if (!instantBefore(e.at, earliestAt)) return true;
  const from = parseInstant(earliestAt);
  const t = limitText(after);
  return guardRefusal('follow_up_interval', `回访须在协议达成 ${t.zh}之后，以核实协议是否履行：最早 ${chinaTime(from)}（北京时间）`, `a follow-up checks the agreement is being kept: not before ${t.en} after the settlement, at ${chinaTime(from)} China time at the earliest`);
}
