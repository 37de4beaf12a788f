// The scripted dispute lifecycles the loop and snapshot cases share (outside cases/: not a case).
import { acceptDispute } from '@bihuan/core';

export const clerk = { id: 'clerk', role: 'intakeClerk' };
export const mediator = { id: 'mediator', role: 'mediator' };
export const head = { id: 'head', role: 'supervisor' };
const route = { departments: ['court', 'judicialAdministration', 'publicSecurity', 'subDistrictOffice', 'residentsCommittee'], joint: true, lead: 'judicialAdministration' };
const mediate = { mode: 'atCentre', mediators: ['mediator'] };
const settle = { terms: ['降低生活噪声', '加强沟通谅解'], consentedBy: ['p1', 'p2'], date: '2025-09-27' };
const refer = { to: 'fastTrackCourt', reason: '拒绝调解', date: '2025-09-27' };
const kept = { method: 'phone', agreementKept: true, satisfaction: 'satisfied' };
const broken = { method: 'homeVisit', agreementKept: false, satisfaction: 'dissatisfied' };
const referredOk = { method: 'phone', agreementKept: null, satisfaction: 'basicallySatisfied' };

// Four lifecycles, 21 attempted transitions (one refused: a clerk may not write off).
export const LIFECYCLES = [
  [['route', clerk, route], ['mediate', mediator, mediate], ['settle', mediator, settle], ['recordFollowUp', clerk, kept], ['writeOff', clerk], ['writeOff', head]],
  [['route', clerk, route], ['mediate', mediator, mediate], ['settle', mediator, settle], ['recordFollowUp', clerk, broken], ['settle', mediator, settle], ['recordFollowUp', clerk, kept], ['writeOff', head]],
  [['route', clerk, route], ['mediate', mediator, mediate], ['refer', mediator, refer], ['recordFollowUp', clerk, referredOk], ['writeOff', head]],
  [['route', clerk, route], ['supervise', head, { instruction: '限期办结' }], ['withdraw', clerk, { reason: '自行和解' }]],
].map((steps) => {
  // Seven hours a step; a follow-up waits eight days more (the loop's interval after a settlement).
  let wait = 0;
  return steps.map(([type, actor, payload], i) => {
    if (type === 'recordFollowUp') wait += 8 * 86_400_000;
    const at = new Date(Date.parse('2025-09-26T01:00:00Z') + (i + 1) * 7 * 3_600_000 + wait).toISOString();
    return payload === undefined ? { type, actor, at } : { type, actor, at, payload };
  });
});
export const initial = acceptDispute({
  id: 'D-1',
  actor: clerk,
  at: '2025-09-26T01:00:00.000Z',
  intake: {
    title: '邻里噪声纠纷', category: 'noise', description: '夜间噪声', channel: 'walkIn', town: '站前街道', community: '锦绣社区', reportedBy: null,
    parties: [{ id: 'p1', side: 'applicant', name: '陈建国', phone: '13812345678' }, { id: 'p2', side: 'respondent', name: '李秀英' }],
  },
});
