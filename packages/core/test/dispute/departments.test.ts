import { describe, expect, test } from 'vitest';
import {
  InvalidArgumentError,
  PartySchema,
  acceptDispute,
  createDepartmentRegistry,
  createDisputeLoop,
  defaultDepartmentRegistry,
  personalKindOf,
  suggestRouting,
  transition,
} from '@bihuan/core';
import { accept, clerk, noiseIntake } from './fixtures.js';

describe('the centre’s departments and routing suggestions', () => {
  test('the source’s registry: six resident, eleven rotating, on-call groups', () => {
    const r = defaultDepartmentRegistry;
    expect(r.byPresence('resident').map((d) => d.id)).toEqual(['court', 'procuratorate', 'publicSecurity', 'judicialAdministration', 'lettersAndVisits', 'humanResources']);
    const rotating = r.byPresence('rotating');
    expect(rotating).toHaveLength(11);
    expect(rotating.filter((d) => !d.illustrative).map((d) => d.id)).toEqual(['housing', 'health']);
    expect(r.byPresence('onCall').map((d) => d.id)).toEqual(['lawSchool', 'womensFederation', 'merchantPartyMembers']);
    expect(r.get('court')?.name['zh-CN']).toBe('人民法院');
  });

  test('suggestions by category; a host’s rules and registry replace the defaults', () => {
    expect(suggestRouting('labour')).toEqual({ departments: ['humanResources'], joint: false });
    const small = createDepartmentRegistry([{ id: 'mediationCommittee', name: { 'zh-CN': '人民调解委员会', en: "People's mediation committee" }, presence: 'resident' }]);
    expect(suggestRouting('noise', [{ category: 'noise', departments: ['mediationCommittee', 'court'], joint: true }], small)).toEqual({ departments: ['mediationCommittee'], joint: false });
    expect(() => suggestRouting('weather' as never)).toThrow(InvalidArgumentError);
    expect(() => createDepartmentRegistry([...defaultDepartmentRegistry.departments, { id: 'court', name: { 'zh-CN': '法院', en: 'court' }, presence: 'resident' }])).toThrow(/repeat/);
    // A loop on the small registry refuses departments it does not have.
    const loop = createDisputeLoop({ registry: small });
    const item = acceptDispute({ id: 'S-1', intake: noiseIntake(), actor: clerk, at: '2025-09-26T09:00:00+08:00' }, loop);
    const r = transition(loop, item, { type: 'route', actor: clerk, at: '2025-09-26T10:00:00+08:00', payload: { departments: ['court'] } });
    expect(r.ok === false && r.reason.rule).toBe('department_known');
    expect(transition(loop, item, { type: 'route', actor: clerk, at: '2025-09-26T10:00:00+08:00', payload: { departments: ['mediationCommittee'] } }).ok).toBe(true);
  });

  test('the record marks personal data and validates intake', () => {
    const party = PartySchema.shape;
    expect([personalKindOf(party.name), personalKindOf(party.phone), personalKindOf(party.idNumber), personalKindOf(party.address)]).toEqual(['name', 'phone', 'idNumber', 'address']);
    expect(() => accept('X', '2025-09-26T09:00:00+08:00', { channel: 'grid' })).toThrow(/reportedBy/);
    expect(() => accept('X', '2025-09-26T09:00:00+08:00', { parties: [] })).toThrow(/intake\.parties/);
    expect(() => acceptDispute({ id: 'X', intake: noiseIntake(), actor: { id: 'm', role: 'mediator' }, at: '2025-09-26T09:00:00+08:00' })).toThrow(/actor\.role/);
  });
});
