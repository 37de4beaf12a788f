import * as z from '../schema/zod.js';
import { uniqueIds } from '../schema/unique.js';
import { fraction } from '../rate/fraction.js';
import { formatFraction } from '../rate/rate.js';
import { parseArgument } from '../schema/argument.js';
import { type Result, refused } from '../schema/result.js';
import { ASSIST_KINDS, type Assist, type AssistInput, AssistSchema, type AssistKind, type VolunteerInput, VolunteerSchema } from './schema.js';

const DAY_MINUTES = 1440;

/** Minutes as hours, exact: at most two decimals, half-up, trailing zeros dropped (90 → "1.5"). */
export function formatHours(minutes: number): string {
  const m = parseArgument('formatHours', 'minutes', z.int().check(z.gte(0)), minutes);
  return formatFraction(fraction(BigInt(m), 60n), 1n);
}

/**
 * Logs one assist, or says why not: the volunteer is not on the roster, had not joined yet or had
 * left by that day, or the day would hold more than 24 hours of that volunteer's assists.
 */
export function logAssist(input: AssistInput, rosterGiven: readonly VolunteerInput[], logGiven: readonly AssistInput[] = []): Result<Assist> {
  const a = parseArgument('logAssist', 'input', AssistSchema, input);
  // The rules read what the checks returned, defaults filled in (a member given without leftOn has not left).
  const roster = parseArgument('logAssist', 'roster', uniqueIds(VolunteerSchema), rosterGiven, { brackets: true });
  const log = parseArgument('logAssist', 'log', uniqueIds(AssistSchema), logGiven, { brackets: true });
  const v = roster.find((r) => r?.id === a.volunteerId);
  if (!v) return refused('volunteer_registered', `义警 ${a.volunteerId} 不在花名册中`, `volunteer ${a.volunteerId} is not on the roster`, 'volunteerId');
  if (a.date < v.joinedOn) return refused('joined_before', `该义警 ${v.joinedOn} 才入会，不能登记 ${a.date} 的协助`, `this volunteer joined on ${v.joinedOn}, after ${a.date}`, 'date');
  if (v.leftOn !== null && a.date > v.leftOn) return refused('still_member', `该义警已于 ${v.leftOn} 退出协会`, `this volunteer left the association on ${v.leftOn}`, 'date');
  if (log.some((x) => x.id === a.id)) return refused('id_unique', `编号 ${a.id} 已被使用`, `the id ${a.id} is already used`, 'id');
  const sameDay = log.reduce((sum, x) => (x.volunteerId === a.volunteerId && x.date === a.date ? sum + x.minutes : sum), 0);
  if (sameDay + a.minutes > DAY_MINUTES) {
    return refused('day_has_24_hours', `该义警 ${a.date} 已登记 ${formatHours(sameDay)} 小时，再加 ${formatHours(a.minutes)} 小时超过一天 24 小时`, `this volunteer already has ${formatHours(sameDay)} h on ${a.date}; ${formatHours(a.minutes)} h more exceeds 24 h`, 'minutes');
  }
  return { ok: true, value: a };
}

export interface AssistTally {
  readonly assists: number;
  readonly minutes: number;
}

export interface VolunteerTally extends AssistTally {
  readonly id: string;
  readonly name: string;
  readonly byKind: Readonly<Record<AssistKind, AssistTally>>;
}

export interface VolunteerLogSummary {
  /** Members on the roster (including those who left). */
  readonly members: number;
  /** Members who have not left. */
  readonly active: number;
  readonly assists: number;
  readonly minutes: number;
  readonly byKind: Readonly<Record<AssistKind, AssistTally>>;
  /** Per volunteer, most assists first (then most minutes, then id). */
  readonly byVolunteer: readonly VolunteerTally[];
}

const emptyKinds = (): Record<AssistKind, { assists: number; minutes: number }> =>
  Object.fromEntries(ASSIST_KINDS.map((k) => [k, { assists: 0, minutes: 0 }])) as Record<AssistKind, { assists: number; minutes: number }>;

/** Counts and hours per kind and per volunteer. Assists of volunteers not on the roster still count in the totals. */
export function summarizeVolunteerLog(rosterGiven: readonly VolunteerInput[], assistsGiven: readonly AssistInput[]): VolunteerLogSummary {
  // Checked in full (an assist's kind and volunteer are keys of the tallies), each id once: a
  // member or an assist listed twice is refused rather than counted twice. Tallied from what the
  // checks returned (trimmed, defaults filled in), not the caller's objects.
  const roster = parseArgument('summarizeVolunteerLog', 'roster', uniqueIds(VolunteerSchema), rosterGiven, { brackets: true });
  const assists = parseArgument('summarizeVolunteerLog', 'assists', uniqueIds(AssistSchema), assistsGiven, { brackets: true });
  const byKind = emptyKinds();
  const people = new Map(roster.map((v) => [v.id, { id: v.id, name: v.name, assists: 0, minutes: 0, byKind: emptyKinds() }]));
  let minutes = 0;
  for (const a of assists) {
    minutes += a.minutes;
    byKind[a.kind].assists++;
    byKind[a.kind].minutes += a.minutes;
    const p = people.get(a.volunteerId);
    if (!p) continue;
    p.assists++;
    p.minutes += a.minutes;
    p.byKind[a.kind].assists++;
    p.byKind[a.kind].minutes += a.minutes;
  }
  const byVolunteer = [...people.values()].sort((x, y) => y.assists - x.assists || y.minutes - x.minutes || (x.id < y.id ? -1 : 1));
  return { members: roster.length, active: roster.filter((v) => v.leftOn === null).length, assists: assists.length, minutes, byKind, byVolunteer };
}
