// S9: the departments at the centre — resident, rotating, on-call and local bodies — as the noise
// case of the source brought five of them together; each body's liaison acts only where the
// dispute is routed, and a re-routing gives the new body its own limit.
import { describe, expect, test } from 'vitest';
import { acceptDispute, applyDisputeEvent, defaultDepartmentRegistry, disputeStoreSpec, suggestRouting, type DisputeIntake, type DisputeItem } from '@bihuan/core/dispute';
import { createMemoryStore } from '@bihuan/core/store';
import { deadlineFor } from '@bihuan/core/loop';
import { parseInstant } from '@bihuan/core/calendar';

const clerk = { id: 'clerk-zhang', role: 'intakeClerk', unit: 'zhenxing-centre' } as const;
const liaisonOf = (unit: string) => ({ id: `liaison-${unit}`, role: 'departmentLiaison', unit }) as const;

const intake: DisputeIntake = {
  title: '楼上噪声扰民',
  category: 'noise',
  description: '楼上住户长期夜间噪声，楼下住户多次报警。',
  channel: 'walkIn',
  town: '站前街道',
  community: '锦绣社区',
  parties: [
    { id: 'p1', side: 'applicant', name: '陈先生' },
    { id: 'p2', side: 'respondent', name: '楼上住户' },
  ],
};

describe('S9: the five bodies of the noise case, each acting for itself', () => {
  test('routed jointly to the five bodies the rules suggest; each one’s liaison may open mediation, no other body’s', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    await store.add('disputes', acceptDispute({ id: 'JF-0925-01', intake, actor: clerk, at: '2025-09-25T09:00:00+08:00' }));
    // An ordinary noise complaint is suggested the first-line bodies only; the source's case is a
    // hard one, for which the rules add the court, the police and the sub-district office, jointly.
    expect(suggestRouting('noise').departments).toEqual(['residentsCommittee', 'judicialAdministration']);
    const suggestion = suggestRouting('noise', undefined, undefined, { hard: true });
    expect(suggestion).toEqual({ departments: ['residentsCommittee', 'judicialAdministration', 'court', 'publicSecurity', 'subDistrictOffice'], joint: true });
    const routed = await applyDisputeEvent(store, 'JF-0925-01', { type: 'route', actor: clerk, at: '2025-09-25T10:00:00+08:00', payload: { ...suggestion, lead: 'judicialAdministration' } });
    expect(routed.ok).toBe(true);
    const stored = (await store.get('disputes', 'JF-0925-01')) as DisputeItem;

    // Every body at the centre that is not among the five is refused, with its rule.
    const others = defaultDepartmentRegistry.departments.map((d) => d.id).filter((id) => !suggestion.departments.includes(id));
    expect(others).toContain('housing');
    for (const unit of others) {
      const r = await applyDisputeEvent(store, 'JF-0925-01', { type: 'mediate', actor: liaisonOf(unit), at: '2025-09-26T09:00:00+08:00', payload: { mode: 'atCentre' } });
      expect(r.ok === false && r.reason).toMatchObject({ code: 'guard_failed', rule: 'liaison_unit_routed', field: 'actor.unit' });
    }
    expect(await store.get('disputes', 'JF-0925-01')).toEqual(stored);
    // The police station's liaison opens it (any of the five could).
    const opened = await applyDisputeEvent(store, 'JF-0925-01', { type: 'mediate', actor: liaisonOf('publicSecurity'), at: '2025-09-26T09:00:00+08:00', payload: { mode: 'atCentre', mediators: ['liaison-publicSecurity', 'liaison-court'] } });
    expect(opened.ok && opened.snapshot.data.mediation).toEqual({ mode: 'atCentre', mediators: ['liaison-publicSecurity', 'liaison-court'] });
  });

  test('joint mediation needs two bodies, the lead is one of them, every body is in the registry', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    await store.add('disputes', acceptDispute({ id: 'JF-0925-02', intake, actor: clerk, at: '2025-09-25T09:00:00+08:00' }));
    const before = await store.get('disputes', 'JF-0925-02');
    const cases: [unknown, string][] = [
      [{ departments: ['court'], joint: true }, 'joint_needs_two'],
      [{ departments: ['court', 'housing'], joint: true, lead: 'health' }, 'lead_routed'],
      [{ departments: ['court', 'fireBrigade'] }, 'department_known'],
      [{ departments: ['court', 'court'] }, 'departments_distinct'],
    ];
    for (const [payload, rule] of cases) {
      const r = await applyDisputeEvent(store, 'JF-0925-02', { type: 'route', actor: clerk, at: '2025-09-25T10:00:00+08:00', payload });
      expect(r.ok === false && r.reason).toMatchObject({ code: 'guard_failed', rule });
    }
    expect(await store.get('disputes', 'JF-0925-02')).toEqual(before);
  });

  test('re-routed from housing to health: health gets its own two working days, counted from the re-routing', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    await store.add('disputes', acceptDispute({ id: 'JF-0929-01', intake: { ...intake, category: 'leak' }, actor: clerk, at: '2025-09-29T09:00:00+08:00' }));
    const first = await applyDisputeEvent(store, 'JF-0929-01', { type: 'route', actor: clerk, at: '2025-09-29T10:00:00+08:00', payload: { departments: ['housing'] } });
    // Monday 09-29: 09-30, then the National Day holiday, then Thursday 10-09.
    expect(first.ok && first.snapshot.deadline).toBe('2025-10-09T16:00:00.000Z');
    const again = await applyDisputeEvent(store, 'JF-0929-01', { type: 'route', actor: clerk, at: '2025-10-09T11:00:00+08:00', payload: { departments: ['health'] } });
    expect(again.ok && again.snapshot.deadline).toBe(deadlineFor({ workingDays: 2 }, parseInstant('2025-10-09T11:00:00+08:00')));
    // The housing liaison no longer acts on it.
    const r = await applyDisputeEvent(store, 'JF-0929-01', { type: 'mediate', actor: liaisonOf('housing'), at: '2025-10-09T14:00:00+08:00', payload: { mode: 'atCentre' } });
    expect(r.ok === false && r.reason).toMatchObject({ code: 'guard_failed', rule: 'liaison_unit_routed' });
  });
});
