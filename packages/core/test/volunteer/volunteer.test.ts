import { describe, expect, test } from 'vitest';
import {
  ASSIST_KINDS,
  InvalidArgumentError,
  VolunteerSchema,
  createMemoryStore,
  formatHours,
  logAssist,
  logAssistIn,
  personalKindOf,
  summarizeVolunteerLog,
  volunteerStore,
  type Volunteer,
} from '@bihuan/core';
import { exampleVolunteerLog } from '@bihuan/core/examples';
import { expectInvalidArgument } from '../support/invalid-argument.js';

const roster: Volunteer[] = [
  VolunteerSchema.parse({ id: 'V1', name: '王建国', joinedOn: '2024-03-20' }),
  VolunteerSchema.parse({ id: 'V2', name: '李秀兰', joinedOn: '2024-04-01', leftOn: '2025-01-31' }),
];
const assist = (over: object = {}) => ({ id: 'A1', volunteerId: 'V1', kind: 'patrol' as const, date: '2025-05-01', minutes: 150, ...over });

describe('hours, exactly', () => {
  test.each([
    [0, '0'],
    [60, '1'],
    [90, '1.5'],
    [20, '0.33'],
    [50, '0.83'],
    [1, '0.02'],
    [249_000, '4,150'],
  ])('%s minutes is %s hours', (m, h) => expect(formatHours(m)).toBe(h));
});

describe('the assists log', () => {
  test('counts and hours per volunteer and per kind', () => {
    const log = [assist(), assist({ id: 'A2', kind: 'schoolGate', minutes: 45 }), assist({ id: 'A3', volunteerId: 'V2', kind: 'eventSecurity', date: '2024-08-01', minutes: 240 })];
    const s = summarizeVolunteerLog(roster, log);
    expect(s).toMatchObject({ members: 2, active: 1, assists: 3, minutes: 435 });
    expect(s.byKind).toEqual({ eventSecurity: { assists: 1, minutes: 240 }, patrol: { assists: 1, minutes: 150 }, schoolGate: { assists: 1, minutes: 45 }, emergencyRescue: { assists: 0, minutes: 0 } });
    expect(s.byVolunteer.map((v) => [v.id, v.assists, v.minutes])).toEqual([
      ['V1', 2, 195],
      ['V2', 1, 240],
    ]);
    expect(s.byVolunteer[0]!.byKind.schoolGate).toEqual({ assists: 1, minutes: 45 });
  });

  test('refusals: not on the roster, before joining, after leaving, more than 24 hours in a day, a used id', () => {
    expect(logAssist(assist(), roster).ok).toBe(true);
    expect(logAssist(assist({ volunteerId: 'V9' }), roster)).toMatchObject({ ok: false, reason: { rule: 'volunteer_registered', field: 'volunteerId' } });
    expect(logAssist(assist({ date: '2024-03-19' }), roster)).toMatchObject({ ok: false, reason: { rule: 'joined_before' } });
    expect(logAssist(assist({ date: '2024-03-20' }), roster).ok).toBe(true);
    expect(logAssist(assist({ volunteerId: 'V2', date: '2025-01-31' }), roster).ok).toBe(true);
    expect(logAssist(assist({ volunteerId: 'V2', date: '2025-02-01' }), roster)).toMatchObject({ ok: false, reason: { rule: 'still_member' } });
    const day = [assist({ minutes: 1000 })];
    expect(logAssist(assist({ id: 'A2', minutes: 440 }), roster, day).ok).toBe(true);
    const over = logAssist(assist({ id: 'A2', minutes: 441 }), roster, day);
    expect(over).toMatchObject({ ok: false, reason: { rule: 'day_has_24_hours', field: 'minutes' } });
    expect(over.ok === false && over.reason.message['zh-CN']).toContain('16.67 小时');
    expect(logAssist(assist(), roster, day)).toMatchObject({ ok: false, reason: { rule: 'id_unique' } });
  });

  test('a roster and log as the schema takes them (leftOn and skills left out, names untrimmed) are read with the defaults filled in', () => {
    const given = [{ id: 'V1', name: ' 王建国 ', joinedOn: '2024-03-20' }];
    expect(logAssist(assist({ date: '2030-01-01' }), given).ok).toBe(true);
    const s = summarizeVolunteerLog(given, [assist()]);
    expect(s.byVolunteer.map((v) => [v.id, v.name, v.minutes])).toEqual([['V1', '王建国', 150]]);
  });

  test('the source’s association: 630+ members and 4,150+ assists, of every kind', () => {
    const { roster: r, assists } = exampleVolunteerLog();
    const s = summarizeVolunteerLog(r, assists);
    expect(s.members).toBeGreaterThanOrEqual(630);
    expect(s.members).toBeLessThan(640);
    expect(s.assists).toBeGreaterThanOrEqual(4150);
    expect(s.assists).toBeLessThan(4160);
    for (const k of ASSIST_KINDS) expect(s.byKind[k].assists).toBeGreaterThan(0);
    expect(ASSIST_KINDS.reduce((n, k) => n + s.byKind[k].assists, 0)).toBe(s.assists);
    expect(s.byVolunteer.reduce((n, v) => n + v.assists, 0)).toBe(s.assists);
    // Every example assist passes the log's own rules.
    const byId = new Map(r.map((v) => [v.id, v]));
    for (const a of assists) expect(logAssist(a, [byId.get(a.volunteerId)!]).ok).toBe(true);
  });

  test('names and phones are personal data', () => {
    expect(personalKindOf(VolunteerSchema.shape.name)).toBe('name');
    expect(personalKindOf(VolunteerSchema.shape.phone)).toBe('phone');
  });
});

describe('bad input is refused with a typed error naming the argument', () => {
  test.each([
    [() => formatHours(1.5), 'minutes'],
    [() => formatHours(-1), 'minutes'],
    [() => logAssist(assist({ minutes: 0 }), roster), 'input.minutes'],
    [() => logAssist(assist({ minutes: 1441 }), roster), 'input.minutes'],
    [() => logAssist(assist({ kind: 'traffic' }), roster), 'input.kind'],
    [() => logAssist(assist({ date: '2025-02-29' }), roster), 'input.date'],
    [() => logAssist(assist(), 'V1' as never), 'roster'],
    [() => logAssist(assist(), roster, null as never), 'log'],
    [() => summarizeVolunteerLog(roster, {} as never), 'assists'],
  ] as [() => unknown, string][])('%#: names %s', (fn, argument) => expectInvalidArgument(fn, argument));
});

describe('in a store', () => {
  test('logs against the stored roster and that volunteer’s day; a refusal writes nothing', async () => {
    const store = createMemoryStore(volunteerStore);
    await store.bulkPut('volunteers', roster);
    expect((await logAssistIn(store, assist({ minutes: 1000 }))).ok).toBe(true);
    expect(await logAssistIn(store, assist({ id: 'A2', minutes: 441 }))).toMatchObject({ ok: false, reason: { rule: 'day_has_24_hours' } });
    expect(await logAssistIn(store, assist({ minutes: 5, date: '2025-05-02' }))).toMatchObject({ ok: false, reason: { rule: 'id_unique' } });
    expect(await logAssistIn(store, assist({ id: 'A3', volunteerId: 'V7' }))).toMatchObject({ ok: false, reason: { rule: 'volunteer_registered' } });
    expect(await store.count('assists')).toBe(1);
    await expect(logAssistIn(undefined as never, assist())).rejects.toThrow(InvalidArgumentError);
    store.close();
  });
});
