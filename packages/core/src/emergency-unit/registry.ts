import { uniqueIds } from '../schema/unique.js';
import { formatRate } from '../rate/rate.js';
import { checkArray, parseArgument } from '../schema/argument.js';
import { keyedRecord } from '../schema/keyed.js';
import { type Result, refused } from '../schema/result.js';
import {
  type EmergencyUnit,
  type EmergencyUnitInput,
  EmergencyUnitSchema,
  RESPONSE_STAGES,
  type ResponseStage,
  UNIT_KINDS,
  type UnitKind,
  type UnitResponse,
  type UnitResponseInput,
  UnitResponseSchema,
} from './schema.js';
import { judge, judgeResponse, missing, type ResponseJudgement } from './standard.js';

/** Adds a unit to a registry, or says why not (its id is taken, or its station has a unit of that name). */
export function registerUnit(unit: EmergencyUnitInput, existing: readonly EmergencyUnit[] = []): Result<EmergencyUnit> {
  const u = parseArgument('registerUnit', 'unit', EmergencyUnitSchema, unit);
  checkArray('registerUnit', 'existing', existing);
  if (existing.some((e) => e.id === u.id)) return refused('id_unique', `编号 ${u.id} 已被使用`, `the id ${u.id} is already used`, 'id');
  if (existing.some((e) => e.station === u.station && e.name === u.name)) {
    return refused('name_unique', `${u.station}已有名为“${u.name}”的应急单元`, `${u.station} already has a unit named "${u.name}"`, 'name');
  }
  return { ok: true, value: u };
}

/**
 * Records a drill or a real incident for a registered unit, judged against the 1-3-5 standard;
 * refused for a unit that is not in `units`.
 */
export function recordResponse(input: UnitResponseInput, units: readonly Pick<EmergencyUnit, 'id'>[]): Result<{ response: UnitResponse; judgement: ResponseJudgement }> {
  const response = parseArgument('recordResponse', 'input', UnitResponseSchema, input);
  checkArray('recordResponse', 'units', units);
  if (!units.some((u) => u?.id === response.unitId)) {
    return refused('unit_registered', `应急单元 ${response.unitId} 未登记`, `unit ${response.unitId} is not registered`, 'unitId');
  }
  return { ok: true, value: { response, judgement: judgeResponse(response.times) } };
}

export interface OnTime {
  /** Responses whose stage was in place within its limit. */
  readonly met: number;
  /** Responses that timed the stage (a stage not needed is not counted). */
  readonly timed: number;
  /** `formatRate(met, timed)`; "—" when none was timed. */
  readonly rate: string;
}

export interface EmergencyUnitSummary {
  readonly units: number;
  readonly members: number;
  readonly byKind: Readonly<Record<UnitKind, number>>;
  /** Units and members per supervising police station. */
  readonly byStation: Readonly<Record<string, { readonly units: number; readonly members: number }>>;
  /** Units meeting every item of the uniform standard. */
  readonly meetingStandard: number;
  readonly standardRate: string;
  readonly drills: number;
  readonly incidents: number;
  /** Offenders detained and handed over (控制扭送违法人员). */
  readonly detained: number;
  /** Disputes stopped early (先期制止矛盾纠纷). */
  readonly disputesStopped: number;
  /** People helped (参与帮扶救助). */
  readonly helped: number;
  readonly onTime: Readonly<Record<ResponseStage | 'all', OnTime>>;
}

const onTime = (met: number, timed: number): OnTime => ({ met, timed, rate: formatRate(met, timed) });

/** The totals the source reports (units, members, detained, disputes stopped, people helped) and the 1-3-5 rates. */
export function summarizeEmergencyUnits(unitsGiven: readonly EmergencyUnitInput[], responsesGiven: readonly UnitResponseInput[] = []): EmergencyUnitSummary {
  // Every unit and response is checked in full (their kinds and stations become keys of the
  // summary), and each id counts once: a unit or response listed twice is refused, not counted twice.
  // What is summed is what the check returned, with the schema's defaults filled in (a response
  // given without its outcome counts none), never the caller's objects.
  const units = parseArgument('summarizeEmergencyUnits', 'units', uniqueIds(EmergencyUnitSchema), unitsGiven, { brackets: true });
  const responses = parseArgument('summarizeEmergencyUnits', 'responses', uniqueIds(UnitResponseSchema), responsesGiven, { brackets: true });
  const byKind = Object.fromEntries(UNIT_KINDS.map((k) => [k, 0])) as Record<UnitKind, number>;
  const byStation = keyedRecord<{ units: number; members: number }>();
  let members = 0;
  let meeting = 0;
  for (const u of units) {
    byKind[u.kind]++;
    members += u.members.length;
    const s = (byStation[u.station] ??= { units: 0, members: 0 });
    s.units++;
    s.members += u.members.length;
    if (missing(u.meets).length === 0) meeting++;
  }
  const met = { selfRescue: 0, mutualAid: 0, reinforcement: 0, all: 0 };
  const timed = { selfRescue: 0, mutualAid: 0, reinforcement: 0, all: responses.length };
  let drills = 0;
  let detained = 0;
  let disputesStopped = 0;
  let helped = 0;
  for (const r of responses) {
    if (r.kind === 'drill') drills++;
    detained += r.outcome.detained;
    disputesStopped += r.outcome.disputesStopped;
    helped += r.outcome.helped;
    const j = judge(r.times);
    for (const stage of RESPONSE_STAGES) {
      if (j[stage] !== 'notNeeded') timed[stage]++;
      if (j[stage] === 'met') met[stage]++;
    }
    if (j.met) met.all++;
  }
  return {
    units: units.length,
    members,
    byKind,
    byStation,
    meetingStandard: meeting,
    standardRate: formatRate(meeting, units.length),
    drills,
    incidents: responses.length - drills,
    detained,
    disputesStopped,
    helped,
    onTime: {
      selfRescue: onTime(met.selfRescue, timed.selfRescue),
      mutualAid: onTime(met.mutualAid, timed.mutualAid),
      reinforcement: onTime(met.reinforcement, timed.reinforcement),
      all: onTime(met.all, timed.all),
    },
  };
}
