import { describe, expect, test } from 'vitest';
import {
  EmergencyUnitSchema,
  InvalidArgumentError,
  RESPONSE_STANDARD,
  createMemoryStore,
  emergencyUnitStore,
  judgeResponse,
  missingStandard,
  personalKindOf,
  recordResponse,
  recordResponseIn,
  registerUnit,
  summarizeEmergencyUnits,
  UnitMemberSchema,
  type EmergencyUnitInput,
} from '@bihuan/core';
import { exampleEmergencyUnits } from '@bihuan/core/examples';
import { expectInvalidArgument } from '../support/invalid-argument.js';

const unit = (over: Partial<EmergencyUnitInput> = {}): EmergencyUnitInput => ({
  id: 'U1',
  name: '老龙头景区商户联防组',
  kind: 'merchantGroup',
  station: '山海关区南关派出所',
  establishedOn: '2025-04-01',
  members: [
    { id: 'm1', name: '王海涛', phone: '13800000001' },
    { id: 'm2', name: '李丽娟' },
  ],
  meets: ['marking', 'equipment', 'duties', 'procedure'],
  ...over,
});
const times = (selfRescue: number, mutualAid: number | null = 100, reinforcement: number | null = 200) => ({ selfRescue, mutualAid, reinforcement });

describe('the 1-3-5 standard: within 1, 3 and 5 minutes, the limit itself included', () => {
  test.each([
    ['selfRescue', 59, 'met'],
    ['selfRescue', 60, 'met'],
    ['selfRescue', 60.001, 'missed'],
    ['selfRescue', 61, 'missed'],
    ['mutualAid', 180, 'met'],
    ['mutualAid', 181, 'missed'],
    ['reinforcement', 300, 'met'],
    ['reinforcement', 301, 'missed'],
  ] as const)('%s at %s s is %s', (stage, seconds, verdict) => {
    const t = { ...times(30), [stage]: seconds };
    const j = judgeResponse(t);
    expect(j[stage]).toBe(verdict);
    expect(j.met).toBe(verdict === 'met');
  });

  test('a stage a real incident did not need is neither met nor missed', () => {
    expect(judgeResponse(times(45, null, null))).toEqual({ selfRescue: 'met', mutualAid: 'notNeeded', reinforcement: 'notNeeded', met: true });
    expect(RESPONSE_STANDARD).toEqual({ selfRescue: 60, mutualAid: 180, reinforcement: 300 });
    // A host's own limits.
    expect(judgeResponse(times(90), { selfRescue: 120, mutualAid: 240, reinforcement: 600 }).met).toBe(true);
  });
});

describe('the registry and the uniform standard', () => {
  test('the checklist names what a unit still lacks', () => {
    expect(missingStandard(unit() as never)).toEqual([]);
    expect(missingStandard({ meets: ['marking', 'duties'] })).toEqual(['equipment', 'procedure']);
  });

  test('registering refuses a taken id or a second unit of one name at one station', () => {
    const first = registerUnit(unit());
    expect(first.ok).toBe(true);
    const existing = first.ok ? [first.value] : [];
    expect(registerUnit(unit(), existing)).toMatchObject({ ok: false, reason: { rule: 'id_unique', field: 'id' } });
    const twin = registerUnit(unit({ id: 'U2' }), existing);
    expect(twin).toMatchObject({ ok: false, reason: { rule: 'name_unique' } });
    expect(twin.ok === false && twin.reason.message['zh-CN']).toContain('山海关区南关派出所');
    expect(registerUnit(unit({ id: 'U2', station: '海港城区派出所' }), existing).ok).toBe(true);
  });

  test('members’ names and phones are personal data', () => {
    expect(personalKindOf(UnitMemberSchema.shape.name)).toBe('name');
    expect(personalKindOf(UnitMemberSchema.shape.phone)).toBe('phone');
  });

  test('a drill times all three stages and counts no outcome; an incident needs its unit registered', () => {
    const units = [unit() as never];
    expect(() => recordResponse({ id: 'R1', unitId: 'U1', kind: 'drill', at: '2025-06-01T09:00:00+08:00', times: times(30, null) }, units)).toThrow(/input\.times/);
    expect(() => recordResponse({ id: 'R1', unitId: 'U1', kind: 'drill', at: '2025-06-01T09:00:00+08:00', times: times(30), outcome: { detained: 1, disputesStopped: 0, helped: 0 } }, units)).toThrow(/input\.outcome/);
    const r = recordResponse({ id: 'R1', unitId: 'U1', kind: 'incident', at: '2025-06-01T09:00:00+08:00', times: times(61, null, null), outcome: { detained: 1, disputesStopped: 0, helped: 0 } }, units);
    expect(r.ok && r.value.judgement).toEqual({ selfRescue: 'missed', mutualAid: 'notNeeded', reinforcement: 'notNeeded', met: false });
    const stranger = recordResponse({ id: 'R2', unitId: 'U9', kind: 'incident', at: '2025-06-01T09:00:00+08:00', times: times(30) }, units);
    expect(stranger).toMatchObject({ ok: false, reason: { rule: 'unit_registered', field: 'unitId' } });
  });
});

describe('the source’s totals', () => {
  test('the seeded example reproduces 3,419 units, 14,000+ members, 124 detained, 728 disputes stopped, 367 helped', () => {
    const { units, responses } = exampleEmergencyUnits();
    for (const u of units.slice(0, 50)) expect(EmergencyUnitSchema.safeParse(u).success).toBe(true);
    const s = summarizeEmergencyUnits(units, responses);
    expect(s.units).toBe(3419);
    expect(s.members).toBeGreaterThanOrEqual(14_000);
    expect(s.members).toBeLessThan(15_000);
    expect(s).toMatchObject({ detained: 124, disputesStopped: 728, helped: 367, drills: 3419, incidents: 400 });
    expect(Object.values(s.byKind).reduce((a, b) => a + b, 0)).toBe(3419);
    expect(Object.values(s.byStation).reduce((a, b) => a + b.units, 0)).toBe(3419);
    expect(s.meetingStandard).toBe(3419 - units.filter((u) => !u.meets.includes('equipment')).length);
    expect(s.onTime.reinforcement.timed).toBe(3419 + 200);
    expect(s.onTime.all.timed).toBe(3819);
    expect(s.onTime.selfRescue.rate).toMatch(/^\d+(\.\d{1,2})?%$/);
  });

  test('records as the schema takes them (a response without its outcome, which defaults to none) are summed from the checked values', () => {
    const s = summarizeEmergencyUnits([unit()], [{ id: 'R1', unitId: 'U1', kind: 'incident', at: '2025-06-01T09:00:00+08:00', times: times(30) }]);
    expect(s).toMatchObject({ units: 1, incidents: 1, detained: 0, disputesStopped: 0, helped: 0 });
  });

  test('nothing recorded gives zeros and "—", never NaN%', () => {
    const s = summarizeEmergencyUnits([], []);
    expect(s).toMatchObject({ units: 0, members: 0, standardRate: '—', onTime: { all: { met: 0, timed: 0, rate: '—' } } });
  });
});

describe('bad input is refused with a typed error naming the argument', () => {
  test.each([
    [() => judgeResponse({ selfRescue: -1, mutualAid: null, reinforcement: null }), 'times.selfRescue'],
    [() => judgeResponse(times(10), { selfRescue: 0, mutualAid: 1, reinforcement: 1 }), 'standard.selfRescue'],
    [() => missingStandard(null as never), 'unit'],
    [() => missingStandard({ meets: [] }, ['uniform' as never]), 'checklist.0'],
    [() => registerUnit(unit({ members: [] })), 'unit.members'],
    [() => registerUnit(unit({ kind: 'shop' as never })), 'unit.kind'],
    [() => registerUnit(unit(), {} as never), 'existing'],
    [() => recordResponse({ id: 'R', unitId: 'U1', kind: 'incident', at: 'yesterday', times: times(1) }, []), 'input.at'],
    [() => recordResponse({ id: 'R', unitId: 'U1', kind: 'incident', at: '2025-06-01T09:00:00+08:00', times: times(1) }, null as never), 'units'],
    [() => summarizeEmergencyUnits(null as never), 'units'],
  ] as [() => unknown, string][])('%#: names %s', (fn, argument) => expectInvalidArgument(fn, argument));
});

describe('in a store', () => {
  test('records a response for a registered unit; refuses and writes nothing otherwise', async () => {
    const store = createMemoryStore(emergencyUnitStore);
    await store.put('units', unit());
    const r = await recordResponseIn(store, { id: 'R1', unitId: 'U1', kind: 'drill', at: '2025-06-01T09:00:00+08:00', times: times(60, 180, 300) });
    expect(r.ok && r.value.judgement.met).toBe(true);
    expect(await recordResponseIn(store, { id: 'R2', unitId: 'U2', kind: 'drill', at: '2025-06-01T09:00:00+08:00', times: times(60) })).toMatchObject({ ok: false });
    expect(await store.count('responses')).toBe(1);
    expect(await store.count('units', { index: 'station', equals: '山海关区南关派出所' })).toBe(1);
    await expect(recordResponseIn(null as never, {} as never)).rejects.toThrow(InvalidArgumentError);
    store.close();
  });
});
