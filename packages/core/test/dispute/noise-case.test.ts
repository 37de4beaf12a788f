import { describe, expect, test } from 'vitest';
import {
  availableEvents,
  disputeLoop,
  loadSnapshot,
  maskSnapshot,
  replay,
  snapshotSchema,
  suggestRouting,
  summarizeLedger,
  transition,
} from '@bihuan/core';
import { accept, clerk, mediator, send, supervisor } from './fixtures.js';

describe('the source’s noise case, from 受理 to 销号', () => {
  test('five bodies mediate jointly, a settlement is followed up by phone, the centre writes it off', () => {
    // 受理: Mr Chen comes to the centre's hall on Friday 2025-09-26.
    let item = accept('D-2025-0425', '2025-09-26T09:00:00+08:00');
    expect(item.state).toBe('received');
    // One working day to route it: Sunday 2025-09-28 is a make-up working day.
    expect(item.deadline).toBe('2025-09-28T16:00:00.000Z');

    // 分流: an ordinary noise complaint gets the residents' committee and people's mediation; the
    // source's case is a hard one, and the rules add the court, the police and the sub-district
    // office for joint mediation by the five bodies of the source.
    expect(suggestRouting(item.data.category)).toEqual({ departments: ['residentsCommittee', 'judicialAdministration'], joint: false });
    const suggestion = suggestRouting(item.data.category, undefined, undefined, { hard: true });
    expect(suggestion).toEqual({ departments: ['residentsCommittee', 'judicialAdministration', 'court', 'publicSecurity', 'subDistrictOffice'], joint: true });
    item = send(item, 'route', clerk, { ...suggestion, lead: 'judicialAdministration' }, '2025-09-26T10:00:00+08:00');
    expect(item.data.routing).toEqual({ departments: suggestion.departments, joint: true, lead: 'judicialAdministration' });

    // 调解 at the centre; the settlement: lower the noise, talk more, both parties consent.
    item = send(item, 'mediate', mediator, { mode: 'atCentre', mediators: ['mediator-wang', 'court-judge-zhao'] }, '2025-09-29T09:00:00+08:00');
    expect(item.deadline).toBe('2025-10-29T16:00:00.000Z'); // 30 calendar days
    item = send(item, 'settle', mediator, { terms: ['降低生活噪声', '加强沟通谅解'], consentedBy: ['p1', 'p2'], date: '2025-09-30', document: 'file:agreement-0425.pdf' }, '2025-09-30T15:00:00+08:00');
    expect(item.state).toBe('followUp');
    // Follow-up within 10 working days, across the National Day holiday (10-01..08).
    expect(item.deadline).toBe('2025-10-21T16:00:00.000Z'); // 10-09, 10, 11 (make-up Saturday), 13 … 21

    // 回访 by phone: the agreement is kept, Mr Chen is satisfied.
    item = send(item, 'recordFollowUp', clerk, { method: 'phone', agreementKept: true, satisfaction: 'satisfied' }, '2025-10-15T10:00:00+08:00');
    expect(item.state).toBe('pendingWriteOff');
    expect(availableEvents(disputeLoop, item, 'supervisor')).toEqual(['writeOff', 'linkDuplicate', 'unlinkDuplicate', 'supervise', 'escalate', 'assignHandler', 'reassignHandler']);

    // 销号 by the centre's head.
    item = send(item, 'writeOff', supervisor, undefined, '2025-10-16T09:00:00+08:00');
    expect(item.state).toBe('closed');
    expect(item.deadline).toBeUndefined();
    expect(item.history.map((h) => h.type)).toEqual(['@create', 'route', 'mediate', 'settle', 'recordFollowUp', 'writeOff']);
    expect(item.history.map((h) => `${h.from}→${h.to}`)).toEqual([
      'null→received',
      'received→routed',
      'routed→mediating',
      'mediating→followUp',
      'followUp→pendingWriteOff',
      'pendingWriteOff→closed',
    ]);

    // The record survives JSON, validates, and replays to the same snapshot.
    expect(snapshotSchema(disputeLoop).safeParse(item).success).toBe(true);
    expect(loadSnapshot(disputeLoop, JSON.stringify(item))).toEqual(item);
    expect(replay(disputeLoop, item.history)).toEqual(item);
    expect(summarizeLedger([item])).toMatchObject({ accepted: 1, resolved: 1, resolutionRate: '100%', writtenOff: 1, open: 0 });

    // Written off: only the reopen rule is left, and only for the supervisor.
    expect(availableEvents(disputeLoop, item, 'supervisor')).toEqual(['reopen']);
    const late = transition(disputeLoop, item, { type: 'supervise', actor: supervisor, at: '2025-10-17T09:00:00+08:00', payload: { instruction: 'x' } });
    expect(late.ok === false && late.reason.code).toBe('not_allowed_in_state');
  });

  test('a follow-up that finds the agreement broken reopens mediation', () => {
    let item = send(send(send(accept(), 'route', clerk), 'mediate', mediator), 'settle', mediator);
    item = send(item, 'recordFollowUp', clerk, { method: 'homeVisit', agreementKept: false, satisfaction: 'dissatisfied', findings: '夜间噪声依旧' });
    expect(item.state).toBe('mediating');
    expect(item.data.outcome).toBeNull();
    expect(item.data.reopened).toBe(1);
    expect(item.data.followUps).toHaveLength(1);
    expect(item.data.followUps[0]).toMatchObject({ passed: false, by: 'clerk-li', method: 'homeVisit' });
    // Mediation again, this time settled and kept.
    item = send(send(item, 'settle', mediator), 'recordFollowUp', clerk);
    expect(item.state).toBe('pendingWriteOff');
    expect(replay(disputeLoop, item.history)).toEqual(item);
  });

  test('an unresolved dispute is referred to the fast-track court, followed up, and written off', () => {
    let item = send(send(accept(), 'route', clerk), 'mediate', mediator);
    item = send(item, 'refer', mediator, { to: 'fastTrackCourt', reason: '被申请人拒绝调解', date: '2025-09-29', reference: '(2025)辽0603民初123号' }, '2025-09-29T16:00:00+08:00');
    expect(item.data.outcome).toEqual({ kind: 'referred', referral: { to: 'fastTrackCourt', reason: '被申请人拒绝调解', date: '2025-09-29', reference: '(2025)辽0603民初123号' } });
    item = send(item, 'recordFollowUp', clerk, { method: 'phone', agreementKept: null, satisfaction: 'basicallySatisfied' });
    item = send(item, 'writeOff', supervisor);
    expect(summarizeLedger([item])).toMatchObject({ accepted: 1, resolved: 0, referred: 1, resolutionRate: '0%' });
  });

  test('personal data is masked in views and exports, in the data and in the history', () => {
    const item = send(accept(), 'route', clerk);
    const masked = maskSnapshot(disputeLoop, item);
    const applicant = masked.data.parties[0]!;
    expect(applicant).toMatchObject({ name: '陈**', phone: '138****5678', idNumber: '210603********1234' });
    expect(applicant.address).toBe('辽宁省丹东市********');
    const created = masked.history[0]!.payload as { data: typeof item.data };
    expect(created.data.parties[1]!.name).toBe('李**');
    expect(JSON.stringify(masked)).not.toContain('13812345678');
    // The original is untouched.
    expect(item.data.parties[0]!.phone).toBe('13812345678');
  });
});
