import * as z from '../schema/zod.js';
import { parseArgument } from '../schema/argument.js';
import { type EmergencyUnit, RESPONSE_STAGES, type ResponseStage, type ResponseTimes, ResponseTimesSchema, UNIT_STANDARD, type StandardItem } from './schema.js';

/**
 * The 1-3-5 standard in seconds: self-rescue within 1 minute, mutual aid within 3, reinforcement
 * on site within 5 (1分钟自救、3分钟互助、5分钟增援到位). "Within" includes the limit itself: a stage
 * in place at exactly 60 s meets the 1-minute standard, at 60.001 s it does not.
 */
export const RESPONSE_STANDARD: Readonly<Record<ResponseStage, number>> = { selfRescue: 60, mutualAid: 180, reinforcement: 300 };

const StandardSchema = z.strictObject({ selfRescue: z.number().check(z.positive()), mutualAid: z.number().check(z.positive()), reinforcement: z.number().check(z.positive()) });

export type StageVerdict = 'met' | 'missed' | 'notNeeded';

export interface ResponseJudgement {
  readonly selfRescue: StageVerdict;
  readonly mutualAid: StageVerdict;
  readonly reinforcement: StageVerdict;
  /** No stage missed its limit. */
  readonly met: boolean;
}

/** Judges a response's times against the 1-3-5 standard (or a host's own limits, in seconds). */
export function judgeResponse(times: ResponseTimes, standard: Readonly<Record<ResponseStage, number>> = RESPONSE_STANDARD): ResponseJudgement {
  const t = parseArgument('judgeResponse', 'times', ResponseTimesSchema, times);
  return judge(t, standard === RESPONSE_STANDARD ? standard : parseArgument('judgeResponse', 'standard', StandardSchema, standard));
}

/** @internal `judgeResponse` on times already validated (stored records). */
export function judge(t: ResponseTimes, limits: Readonly<Record<ResponseStage, number>> = RESPONSE_STANDARD): ResponseJudgement {
  const verdict = (stage: ResponseStage): StageVerdict => (t[stage] === null ? 'notNeeded' : t[stage] <= limits[stage] ? 'met' : 'missed');
  const v = { selfRescue: verdict('selfRescue'), mutualAid: verdict('mutualAid'), reinforcement: verdict('reinforcement') };
  return { ...v, met: RESPONSE_STAGES.every((s) => v[s] !== 'missed') };
}

/** The items of the uniform standard a unit does not yet meet (an empty list: it meets all). */
export function missingStandard(unit: Pick<EmergencyUnit, 'meets'>, checklist: readonly StandardItem[] = UNIT_STANDARD): StandardItem[] {
  const u = parseArgument('missingStandard', 'unit', z.looseObject({ meets: z.array(z.string().check(z.maxLength(200))) }), unit);
  if (checklist !== UNIT_STANDARD) parseArgument('missingStandard', 'checklist', z.array(z.enum(UNIT_STANDARD)), checklist);
  return missing(u.meets, checklist);
}

/** @internal */
export function missing(meets: readonly string[], checklist: readonly StandardItem[] = UNIT_STANDARD): StandardItem[] {
  return checklist.filter((item) => !meets.includes(item));
}
