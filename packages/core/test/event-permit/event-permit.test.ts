import { describe, expect, test } from 'vitest';
import {
  InvalidArgumentError,
  checkFilingWindow,
  createMemoryStore,
  eventKeyOf,
  eventPermitLoop,
  eventPermitStore,
  fileEventPermit,
  fileEventPermitIn,
  filingWindow,
  personalKindOf,
  OrganizerSchema,
  lapsedFilings,
  summarizeEventPermits,
  transition,
  type EventApplication,
  type EventPermitItem,
} from '@bihuan/core';
import { exampleEventPermits, examplePermitsInProgress } from '@bihuan/core/examples';
import { expectInvalidArgument } from '../support/invalid-argument.js';

const organizer = { id: 'org-1', role: 'organizer' } as const;
const reviewer = { id: 'police-1', role: 'reviewer' } as const;
const application = (over: Partial<EventApplication> = {}): EventApplication => ({
  name: '秦皇岛国际帆船赛',
  kind: 'sports',
  venue: '西港花园',
  eventDate: '2026-08-31',
  expectedAttendance: 5000,
  organizer: { name: '秦皇岛体育文化有限公司', contact: '汪洋', phone: '0335-1234567' },
  ...over,
});
const on = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;
function file(date: string, over: Partial<EventApplication> = {}, existing: EventPermitItem[] = [], id = 'EP-1') {
  return fileEventPermit({ id, application: application(over), actor: organizer, at: on(date) }, existing);
}
function step(item: EventPermitItem, type: string, at: string, payload?: unknown, actor: { id: string; role: 'organizer' | 'reviewer' } = reviewer) {
  return transition(eventPermitLoop, item, { type, actor, at, ...(payload === undefined ? {} : { payload }) } as never);
}
function ok<T>(r: { ok: true; value?: T; snapshot?: T } | { ok: false; reason: { message: { en: string } } }): T {
  if (!r.ok) throw new Error(r.reason.message.en);
  return (r.value ?? r.snapshot) as T;
}

describe('the filing window: from 6 calendar months before the event', () => {
  test.each([
    ['2026-08-31', '2026-02-28'], // month end: February has no 31st
    ['2026-08-29', '2026-02-28'],
    ['2028-08-30', '2028-02-29'], // leap year
    ['2026-08-15', '2026-02-15'],
    ['2026-03-31', '2025-09-30'], // across a year
    ['2026-01-10', '2025-07-10'],
    ['2026-12-31', '2026-06-30'],
  ])('an event on %s opens on %s', (event, opens) => {
    expect(filingWindow(event).opens).toBe(opens);
  });

  test('boundary days: the opening day and the closing day are in, the days beside them out', () => {
    expect(filingWindow('2026-08-31')).toEqual({ opens: '2026-02-28', closes: '2026-08-11' });
    expect(checkFilingWindow('2026-08-31', '2026-02-27')).toMatchObject({ ok: false, reason: { rule: 'filing_too_early', field: 'eventDate' } });
    expect(checkFilingWindow('2026-08-31', '2026-02-28').ok).toBe(true);
    expect(checkFilingWindow('2026-08-31', '2026-08-11').ok).toBe(true);
    expect(checkFilingWindow('2026-08-31', '2026-08-12')).toMatchObject({ ok: false, reason: { rule: 'filing_too_late' } });
    // A host's own window.
    expect(filingWindow('2026-08-31', { opensMonthsBefore: 3, closesDaysBefore: 1 })).toEqual({ opens: '2026-05-31', closes: '2026-08-30' });
  });

  test('the filing day is the China-time day of the filing instant', () => {
    // 2026-02-27T16:30Z is 2026-02-28 00:30 in China: in the window.
    expect(fileEventPermit({ id: 'x', application: application(), actor: organizer, at: '2026-02-27T16:30:00Z' }).ok).toBe(true);
    const early = fileEventPermit({ id: 'x', application: application(), actor: organizer, at: '2026-02-27T15:59:59Z' });
    expect(early.ok === false && early.reason.rule).toBe('filing_too_early');
    expect(early.ok === false && early.reason.message['zh-CN']).toContain('最早可于 2026-02-28 申报');
  });
});

describe('one event, one filing, one plan', () => {
  test('a second filing for the same event is refused; spacing and width do not make another event', () => {
    const first = ok<EventPermitItem>(file('2026-05-01'));
    const again = file('2026-05-02', { name: '秦皇岛 国际帆船赛', venue: '西港花园 ' }, [first], 'EP-2');
    expect(again).toMatchObject({ ok: false, reason: { rule: 'one_filing_per_event' } });
    expect(again.ok === false && again.reason.message.en).toContain('EP-1');
    // Another day or venue is another event.
    expect(file('2026-05-02', { eventDate: '2026-09-01' }, [first], 'EP-2').ok).toBe(true);
    // A withdrawn filing does not block a new one.
    const withdrawn = ok<EventPermitItem>(step(first, 'withdraw', on('2026-05-03'), { reason: '改期' }, organizer));
    expect(file('2026-05-04', {}, [withdrawn], 'EP-3').ok).toBe(true);
    expect(eventKeyOf(application())).toBe(eventKeyOf(application({ name: '秦皇岛国际帆船赛　' })));
  });

  test('the whole loop: approval needs the plan; the event is recorded held from its date on', () => {
    let item = ok<EventPermitItem>(file('2026-05-01'));
    expect(item.state).toBe('filed');
    item = ok(step(item, 'accept', on('2026-05-02')));
    // 7 working days, to 24:00 China time: the rest of Labour Day (05-03…05-05) and Sunday 05-10
    // do not count, Saturday 05-09 (a make-up working day) does: 05-06, 07, 08, 09, 11, 12, 13.
    expect(item.deadline).toBe('2026-05-13T16:00:00.000Z');
    const noPlan = step(item, 'approve', on('2026-05-03'));
    expect(noPlan).toMatchObject({ ok: false, reason: { code: 'guard_failed', rule: 'plan_required', field: 'plan' } });
    expect(noPlan.ok === false && noPlan.reason.message['zh-CN']).toContain('一活动一方案');
    item = ok(step(item, 'submitPlan', on('2026-05-03'), { summary: '分区疏导、应急通道', stewards: 60 }, organizer));
    item = ok(step(item, 'submitPlan', on('2026-05-04'), { summary: '修订：增设医疗点', stewards: 80 }, organizer));
    expect(item.data.plan?.stewards).toBe(80);
    expect(item.data.planRevisions).toBe(1);
    item = ok(step(item, 'approve', on('2026-05-05')));
    expect(step(item, 'submitPlan', on('2026-05-06'), { summary: 'x', stewards: 1 }, organizer)).toMatchObject({ ok: false, reason: { code: 'not_allowed_in_state' } });
    expect(step(item, 'recordHeld', on('2026-08-30', '23:59:59'), { attendance: 4800, incidents: 0 })).toMatchObject({ ok: false, reason: { rule: 'event_not_yet' } });
    item = ok(step(item, 'recordHeld', on('2026-08-31', '21:00:00'), { attendance: 4800, incidents: 0 }));
    item = ok(step(item, 'close', on('2026-09-01')));
    expect(item.state).toBe('closed');
    expect(summarizeEventPermits([item])).toMatchObject({ held: 1, heldSafely: 1, safeRate: '100%' });
  });

  test('roles: an organizer may not approve, nor a reviewer be refused a reason', () => {
    const item = ok<EventPermitItem>(step(ok<EventPermitItem>(file('2026-05-01')), 'accept', on('2026-05-02')));
    expect(step(item, 'approve', on('2026-05-03'), undefined, organizer)).toMatchObject({ ok: false, reason: { code: 'role_not_allowed' } });
    expect(step(item, 'refuse', on('2026-05-03'), {})).toMatchObject({ ok: false, reason: { code: 'field_missing', field: 'reason' } });
    expect(ok<EventPermitItem>(step(item, 'refuse', on('2026-05-03'), { reason: '场地不符合安全条件' })).state).toBe('refused');
  });
});

describe('the rate of events held without incident', () => {
  test('the source: 192 events in 2025, all safe', () => {
    const year = exampleEventPermits();
    expect(year).toHaveLength(192);
    expect(summarizeEventPermits(year)).toMatchObject({ filings: 192, held: 192, heldSafely: 192, incidents: 0, safeRate: '100%', open: 0 });
  });

  test('an incident counts against the rate; nothing held shows "—"', () => {
    const mixed = examplePermitsInProgress();
    const s = summarizeEventPermits(mixed);
    expect(s).toMatchObject({ filings: 8, held: 3, heldSafely: 2, incidents: 2, safeRate: '66.67%', refused: 1, withdrawn: 1, open: 4 });
    expect(s.byState).toEqual({ filed: 1, underReview: 1, planApproved: 1, held: 1, closed: 2, refused: 1, withdrawn: 1, expired: 0 });
    expect(summarizeEventPermits([]).safeRate).toBe('—');
  });
});

describe('bad input is refused with a typed error naming the argument', () => {
  test.each([
    [() => filingWindow('2026-02-30'), 'eventDate'],
    [() => filingWindow('2026-08-31', { opensMonthsBefore: 0 }), 'options.opensMonthsBefore'],
    [() => checkFilingWindow('2026-08-31', '31/08/2026'), 'filedOn'],
    [() => fileEventPermit({ id: '', application: application(), actor: organizer, at: on('2026-05-01') }), 'input.id'],
    [() => fileEventPermit({ id: 'a', application: application({ expectedAttendance: 0 }), actor: organizer, at: on('2026-05-01') }), 'input.application.expectedAttendance'],
    [() => fileEventPermit({ id: 'a', application: application({ endDate: '2026-08-30' }), actor: organizer, at: on('2026-05-01') }), 'input.application.endDate'],
    [() => fileEventPermit({ id: 'a', application: application(), actor: organizer, at: '2026-05-01 10:00' }), 'input.at'],
    [() => fileEventPermit({ id: 'a', application: application(), actor: organizer, at: on('2026-05-01') }, 'x' as never), 'existing'],
    [() => eventKeyOf({ name: '', venue: 'v', eventDate: '2026-01-01' }), 'application.name'],
    [() => summarizeEventPermits([{ state: 'lost' }] as never), 'items[0].loop'],
  ] as [() => unknown, string][])('%#: names %s', (fn, argument) => expectInvalidArgument(fn, argument));

  test('the organizer’s contact is marked as personal data', () => {
    expect(personalKindOf(OrganizerSchema.shape.contact)).toBe('name');
    expect(personalKindOf(OrganizerSchema.shape.phone)).toBe('phone');
  });
});

describe('in a store', () => {
  test('files into the store; a second filing of the event writes nothing', async () => {
    const store = createMemoryStore(eventPermitStore);
    const input = { id: 'EP-1', application: application(), actor: organizer, at: on('2026-05-01') };
    expect((await fileEventPermitIn(store, input)).ok).toBe(true);
    const twin = await fileEventPermitIn(store, { ...input, id: 'EP-2' });
    expect(twin).toMatchObject({ ok: false, reason: { rule: 'one_filing_per_event' } });
    const sameId = await fileEventPermitIn(store, { ...input, application: application({ eventDate: '2026-09-01' }) });
    expect(sameId).toMatchObject({ ok: false, reason: { rule: 'id_unique' } });
    expect(await store.count('permits')).toBe(1);
    await expect(fileEventPermitIn({} as never, input)).rejects.toThrow(InvalidArgumentError);
    store.close();
  });
});

describe('permits after the event (issue 14)', () => {
  // The event is on 2026-08-31; filed on 05-01, in its window.
  const filed = (id = 'EP-1') => ok<EventPermitItem>(file('2026-05-01', {}, [], id));
  const underReview = (id = 'EP-1') => ok<EventPermitItem>(step(filed(id), 'accept', on('2026-05-02')));
  const withPlan = (id = 'EP-1') => ok<EventPermitItem>(step(underReview(id), 'submitPlan', on('2026-05-03'), { summary: '分区疏导、应急通道', stewards: 60 }, organizer));

  test('accept_before_event: a filing is accepted for review before the event date, not on it or after', () => {
    expect(step(filed(), 'accept', on('2026-08-30', '23:59:59')).ok).toBe(true);
    for (const at of [on('2026-08-31', '00:00:00'), on('2026-09-05')]) {
      const r = step(filed(), 'accept', at);
      expect(r).toMatchObject({ ok: false, reason: { code: 'guard_failed', rule: 'accept_before_event', field: 'at' } });
      expect(r.ok === false && r.reason.message['zh-CN']).toContain('2026-08-31');
      expect(r.ok === false && r.reason.message.en).toContain('before');
    }
  });

  test('approve_before_event: the plan is approved before the event date; an approval after the fact is refused and changes nothing', () => {
    const item = withPlan();
    const before = JSON.stringify(item);
    const late = step(item, 'approve', on('2026-09-01'));
    expect(late).toMatchObject({ ok: false, reason: { code: 'guard_failed', rule: 'approve_before_event', field: 'at' } });
    expect(step(item, 'approve', on('2026-08-31', '08:00:00'))).toMatchObject({ ok: false, reason: { rule: 'approve_before_event' } });
    expect(JSON.stringify(item)).toBe(before);
    expect(ok<EventPermitItem>(step(item, 'approve', on('2026-08-30'))).state).toBe('planApproved');
    // No plan is still refused for the plan first.
    expect(step(underReview(), 'approve', on('2026-09-01'))).toMatchObject({ ok: false, reason: { rule: 'plan_required' } });
  });

  test('expire_after_event: an undecided filing expires from the event date on, never before; lapsedFilings lists them', () => {
    const waiting = [filed(), underReview('EP-2')];
    expect(step(waiting[0]!, 'expire', on('2026-08-30'))).toMatchObject({ ok: false, reason: { code: 'guard_failed', rule: 'expire_after_event', field: 'at' } });
    expect(lapsedFilings(waiting, '2026-08-30')).toEqual([]);
    expect(lapsedFilings(waiting, '2026-08-31').map((i) => i.id)).toEqual(['EP-1', 'EP-2']);
    const expired = waiting.map((i) => ok<EventPermitItem>(step(i, 'expire', on('2026-08-31', '00:05:00'))));
    expect(expired.map((i) => i.state)).toEqual(['expired', 'expired']);
    // An end of the loop: it cannot be approved or recorded held afterwards, and is never held safely.
    expect(step(expired[1]!, 'approve', on('2026-09-01'))).toMatchObject({ ok: false, reason: { code: 'not_allowed_in_state' } });
    expect(summarizeEventPermits(expired)).toMatchObject({ filings: 2, expired: 2, held: 0, heldSafely: 0, open: 0, safeRate: '—' });
    // An approved plan does not expire: its event is recorded held (or not) instead.
    const approved = ok<EventPermitItem>(step(withPlan(), 'approve', on('2026-06-01')));
    expect(step(approved, 'expire', on('2026-09-01'))).toMatchObject({ ok: false, reason: { code: 'not_allowed_in_state' } });
    expect(lapsedFilings([approved], '2026-09-01')).toEqual([]);
  });

  test('an approval after the fact never counts as held safely toward the 100% rate', () => {
    // A record written before the rule: approved on the event day, then recorded held without incident.
    const approvedLate = withPlan('EP-late');
    const lateEntry = { seq: 3, type: 'approve', actor: reviewer, at: '2026-08-31T09:00:00+08:00', from: 'underReview', to: 'planApproved' };
    const heldEntry = { seq: 4, type: 'recordHeld', actor: reviewer, at: '2026-08-31T22:00:00+08:00', from: 'planApproved', to: 'held', payload: { attendance: 4000, incidents: 0 } };
    const late = {
      ...approvedLate,
      state: 'held',
      data: { ...approvedLate.data, outcome: { attendance: 4000, incidents: 0 } },
      history: [...approvedLate.history, lateEntry, heldEntry],
      updatedAt: heldEntry.at,
    } as unknown as EventPermitItem;
    delete (late as { deadline?: string }).deadline;
    const inTime = ok<EventPermitItem>(
      step(ok<EventPermitItem>(step(withPlan(), 'approve', on('2026-06-01'))), 'recordHeld', on('2026-08-31', '22:00:00'), { attendance: 4800, incidents: 0 }),
    );
    const s = summarizeEventPermits([inTime, late]);
    expect(s).toMatchObject({ held: 2, heldSafely: 1, approvedLate: 1, safeRate: '50%' });
    expect(summarizeEventPermits([late])).toMatchObject({ held: 1, heldSafely: 0, approvedLate: 1, safeRate: '0%' });
  });

  test('the 7-day review counts working days: National Day does not eat it', () => {
    // Accepted on Monday 2025-09-29: 09-30, then 10-01…10-08 are National Day and Mid-Autumn,
    // 10-11 (Saturday) is a make-up working day: 09-30, 10-09, 10-10, 10-11, 10-13, 10-14, 10-15.
    const item = ok<EventPermitItem>(
      fileEventPermit({ id: 'EP-ND', application: application({ eventDate: '2025-12-20' }), actor: organizer, at: on('2025-09-26') }),
    );
    const accepted = ok<EventPermitItem>(step(item, 'accept', on('2025-09-29')));
    expect(accepted.deadline).toBe('2025-10-15T16:00:00.000Z');
    expect(eventPermitLoop.states.underReview.limit).toEqual({ workingDays: 7 });
  });

  test('summaries refuse hollow and repeated filings, naming the argument', () => {
    const item = filed();
    expect(() => summarizeEventPermits([{ state: 'held', data: {} }] as never)).toThrow(InvalidArgumentError);
    expectInvalidArgument(() => summarizeEventPermits([{ state: 'held', data: {} }] as never), 'items[0].loop');
    expectInvalidArgument(() => summarizeEventPermits([item, item]), 'items[1].id');
    expectInvalidArgument(() => lapsedFilings([item], '2026-02-30'), 'today');
  });
});
