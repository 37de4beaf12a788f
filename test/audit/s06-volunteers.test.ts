// S6 Volunteer police association (义警协会): 630+ members, 4,150+ assists — event security,
// patrols, school-gate duty, emergency rescue.
import { describe, expect, test } from 'vitest';
import { createMemoryStore } from '@bihuan/core/store';
import { logAssistIn, summarizeVolunteerLog, volunteerStore, type Volunteer } from '@bihuan/core/volunteer';
import { exampleVolunteerLog } from '@bihuan/core/examples';

const member: Volunteer = { id: 'V-0001', name: '赵建国', joinedOn: '2024-03-15', leftOn: null, skills: ['急救'] };
const left: Volunteer = { id: 'V-0002', name: '孙丽娟', joinedOn: '2024-03-15', leftOn: '2025-06-30', skills: [] };

describe('S6 volunteer police: assists logged and counted once', () => {
  test('the source figures: 630+ members, 4,150+ assists of every kind', () => {
    const { roster, assists } = exampleVolunteerLog();
    const s = summarizeVolunteerLog(roster, assists);
    expect(s.members).toBeGreaterThanOrEqual(630);
    expect(s.assists).toBeGreaterThanOrEqual(4150);
    expect(Object.values(s.byKind).every((k) => k.assists > 0)).toBe(true);
  });

  test('a school-gate morning and a marathon are logged for one member; hours add up exactly', async () => {
    const store = createMemoryStore(volunteerStore);
    await store.bulkPut('volunteers', [member, left]);
    expect((await logAssistIn(store, { id: 'A-1', volunteerId: member.id, kind: 'schoolGate', date: '2025-09-01', minutes: 90, place: '海港区实验小学' })).ok).toBe(true);
    expect((await logAssistIn(store, { id: 'A-2', volunteerId: member.id, kind: 'eventSecurity', date: '2025-10-19', minutes: 480, place: '秦皇岛奥体中心' })).ok).toBe(true);
    const s = summarizeVolunteerLog((await store.all('volunteers')).items, (await store.all('assists')).items);
    expect(s).toMatchObject({ members: 2, active: 1, assists: 2, minutes: 570 });
    expect(s.byVolunteer[0]).toMatchObject({ id: member.id, assists: 2, minutes: 570 });
  });

  test('out of rule: refused by name, the store unchanged', async () => {
    const store = createMemoryStore(volunteerStore);
    await store.bulkPut('volunteers', [member, left]);
    await logAssistIn(store, { id: 'A-1', volunteerId: member.id, kind: 'patrol', date: '2025-09-01', minutes: 1000 });
    const before = JSON.stringify(await store.dump());
    expect(await logAssistIn(store, { id: 'A-2', volunteerId: 'V-none', kind: 'patrol', date: '2025-09-01', minutes: 60 })).toMatchObject({ ok: false, reason: { rule: 'volunteer_registered' } });
    expect(await logAssistIn(store, { id: 'A-2', volunteerId: member.id, kind: 'patrol', date: '2024-03-01', minutes: 60 })).toMatchObject({ ok: false, reason: { rule: 'joined_before' } });
    expect(await logAssistIn(store, { id: 'A-2', volunteerId: left.id, kind: 'patrol', date: '2025-07-01', minutes: 60 })).toMatchObject({ ok: false, reason: { rule: 'still_member' } });
    expect(await logAssistIn(store, { id: 'A-2', volunteerId: member.id, kind: 'patrol', date: '2025-09-01', minutes: 441 })).toMatchObject({ ok: false, reason: { rule: 'day_has_24_hours' } });
    expect(await logAssistIn(store, { id: 'A-1', volunteerId: member.id, kind: 'patrol', date: '2025-09-02', minutes: 60 })).toMatchObject({ ok: false, reason: { rule: 'id_unique' } });
    await expect(logAssistIn(store, { id: 'A-3', volunteerId: member.id, kind: '__proto__' as never, date: '2025-09-02', minutes: 60 })).rejects.toThrow(/input\.kind/);
    expect(JSON.stringify(await store.dump())).toBe(before);
    // Two tabs logging at once cannot give one member more than 24 hours: the check and the write are one unit.
    const both = await Promise.all([
      logAssistIn(store, { id: 'A-4', volunteerId: member.id, kind: 'patrol', date: '2025-09-03', minutes: 800 }),
      logAssistIn(store, { id: 'A-5', volunteerId: member.id, kind: 'patrol', date: '2025-09-03', minutes: 800 }),
    ]);
    expect(both.map((r) => r.ok).sort()).toEqual([false, true]);
    // Summaries refuse a hollow or repeated record.
    const { items } = await store.all('assists');
    expect(() => summarizeVolunteerLog([member, member], items)).toThrow(/roster\[1\]\.id .*twice/);
    expect(() => summarizeVolunteerLog([member], [...items, items[0]!])).toThrow(/assists\[\d+\]\.id/);
    expect(() => summarizeVolunteerLog([{}] as never, [])).toThrow(/roster\[0\]/);
    expect(Object.prototype).not.toHaveProperty('minutes');
  });
});
