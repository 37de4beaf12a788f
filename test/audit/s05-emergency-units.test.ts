// S5 Minimum emergency units (最小应急单元): firms, villages, communities and grouped merchants form
// units under their police station; 1-minute self-rescue, 3-minute mutual aid, 5-minute
// reinforcement; 3,419 units, 14,000+ members, 124 detained, 728 disputes stopped, 367 helped.
import { describe, expect, test } from 'vitest';
import { createMemoryStore } from '@bihuan/core/store';
import { emergencyUnitStore, judgeResponse, recordResponseIn, registerUnit, summarizeEmergencyUnits, type EmergencyUnit } from '@bihuan/core/emergency-unit';
import { exampleEmergencyUnits } from '@bihuan/core/examples';

const unit: EmergencyUnit = {
  id: 'U-BDH-0001',
  name: '北戴河鸽子窝景区商户联防组',
  kind: 'merchantGroup',
  station: '北戴河城区派出所',
  establishedOn: '2025-05-10',
  members: [
    { id: 'm1', name: '王海涛' },
    { id: 'm2', name: '李秀兰' },
    { id: 'm3', name: '张志强' },
  ],
  meets: ['marking', 'equipment', 'duties', 'procedure'],
};

describe('S5 minimum emergency units: 1-3-5', () => {
  test('the source figures: 3,419 units, 14,000+ members, 124 detained, 728 disputes stopped, 367 helped', () => {
    const { units, responses } = exampleEmergencyUnits();
    const s = summarizeEmergencyUnits(units, responses);
    expect(s).toMatchObject({ units: 3419, detained: 124, disputesStopped: 728, helped: 367 });
    expect(s.members).toBeGreaterThan(14_000);
  });

  test('a merchants’ unit is registered at its station and answers a real incident within 1-3-5', async () => {
    const store = createMemoryStore(emergencyUnitStore);
    const registered = registerUnit(unit);
    expect(registered.ok).toBe(true);
    await store.put('units', unit);
    const r = await recordResponseIn(store, {
      id: 'R-2025-0712-1',
      unitId: unit.id,
      kind: 'incident',
      at: '2025-07-12T20:41:00+08:00',
      times: { selfRescue: 45, mutualAid: 150, reinforcement: 290 },
      outcome: { detained: 1, disputesStopped: 0, helped: 2 },
    });
    expect(r).toMatchObject({ ok: true, value: { judgement: { met: true, selfRescue: 'met', mutualAid: 'met', reinforcement: 'met' } } });
    // Exactly at the limit still meets it; a moment over does not.
    expect(judgeResponse({ selfRescue: 60, mutualAid: 180, reinforcement: 300 }).met).toBe(true);
    expect(judgeResponse({ selfRescue: 60.001, mutualAid: 180, reinforcement: 300 })).toMatchObject({ met: false, selfRescue: 'missed' });
    const s = summarizeEmergencyUnits((await store.all('units')).items, (await store.all('responses')).items);
    expect(s).toMatchObject({ units: 1, members: 3, detained: 1, helped: 2, meetingStandard: 1, standardRate: '100%' });
    expect(s.onTime.all).toEqual({ met: 1, timed: 1, rate: '100%' });
  });

  test('out of rule: refused by name, the store unchanged', async () => {
    const store = createMemoryStore(emergencyUnitStore);
    await store.put('units', unit);
    const before = JSON.stringify(await store.dump());
    const response = { id: 'R-1', unitId: unit.id, kind: 'drill' as const, at: '2025-08-01T09:00:00+08:00', times: { selfRescue: 50, mutualAid: 170, reinforcement: 280 } };
    expect(await recordResponseIn(store, { ...response, unitId: 'U-none' })).toMatchObject({ ok: false, reason: { rule: 'unit_registered', field: 'unitId' } });
    expect(registerUnit(unit, [unit])).toMatchObject({ ok: false, reason: { rule: 'id_unique' } });
    expect(registerUnit({ ...unit, id: 'U-2' }, [unit])).toMatchObject({ ok: false, reason: { rule: 'name_unique' } });
    // A drill times every stage and counts no outcome.
    await expect(recordResponseIn(store, { ...response, times: { selfRescue: 50, mutualAid: null, reinforcement: 280 } })).rejects.toThrow(/input\.times/);
    expect(JSON.stringify(await store.dump())).toBe(before);
    // Recorded once; the same response again is refused, not counted twice.
    expect((await recordResponseIn(store, response)).ok).toBe(true);
    expect(await recordResponseIn(store, response)).toMatchObject({ ok: false, reason: { rule: 'id_unique', field: 'id' } });
    expect(await store.count('responses')).toBe(1);
    // Summaries: a hollow unit is refused naming it (no TypeError), a unit or response listed twice is refused.
    expect(() => summarizeEmergencyUnits([{}] as never)).toThrow(/summarizeEmergencyUnits: argument units\[0\]\.id/);
    expect(() => summarizeEmergencyUnits([unit, unit])).toThrow(/units\[1\]\.id .*twice/);
    const stored = (await store.all('responses')).items;
    expect(() => summarizeEmergencyUnits([unit], [...stored, ...stored])).toThrow(/responses\[1\]\.id/);
  });
});
