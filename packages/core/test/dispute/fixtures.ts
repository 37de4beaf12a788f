import { expect } from 'vitest';
import { acceptDispute, type DisputeEvent, type DisputeIntake, type DisputeItem, type DisputeRole, disputeLoop, transition } from '@bihuan/core';

export const clerk = { id: 'clerk-li', role: 'intakeClerk' } as const;
export const mediator = { id: 'mediator-wang', role: 'mediator' } as const;
export const liaison = { id: 'liaison-court', role: 'departmentLiaison', unit: 'court' } as const;
export const supervisor = { id: 'head-gao', role: 'supervisor' } as const;
export type Who = { id: string; role: DisputeRole; unit?: string };
export const ACTORS: Record<DisputeRole, Who> = {
  intakeClerk: clerk,
  mediator,
  departmentLiaison: liaison,
  supervisor,
  system: { id: 'scheduler', role: 'system' },
};

/** The source's noise case: Mr Chen and his neighbour, Jinxiu community, Zhenxing district. */
export function noiseIntake(overrides: Partial<DisputeIntake> = {}): DisputeIntake {
  return {
    title: '邻里噪声纠纷',
    category: 'noise',
    description: '楼上住户夜间生活噪声，双方多次争执，僵持已久。',
    channel: 'walkIn',
    town: '站前街道',
    community: '锦绣社区',
    parties: [
      { id: 'p1', side: 'applicant', name: '陈建国', phone: '13812345678', idNumber: '210603198001011234', address: '辽宁省丹东市振兴区锦绣小区3号楼502' },
      { id: 'p2', side: 'respondent', name: '李秀英', phone: '13987654321', address: '辽宁省丹东市振兴区锦绣小区3号楼602' },
    ],
    reportedBy: null,
    ...overrides,
  };
}

export function accept(id = 'D-2025-0001', at = '2025-09-26T09:00:00+08:00', overrides: Partial<DisputeIntake> = {}): DisputeItem {
  return acceptDispute({ id, intake: noiseIntake(overrides), actor: clerk, at });
}

/** A valid payload for each event of the dispute loop (for the noise case's two parties). */
export const PAYLOADS: Record<DisputeEvent, unknown> = {
  route: { departments: ['court', 'judicialAdministration', 'publicSecurity', 'subDistrictOffice', 'residentsCommittee'], joint: true, lead: 'judicialAdministration' },
  mediate: { mode: 'atCentre', mediators: ['mediator-wang', 'liaison-court'] },
  settle: { terms: ['降低生活噪声', '加强沟通谅解'], consentedBy: ['p1', 'p2'], date: '2025-09-26' },
  refer: { to: 'fastTrackCourt', reason: '一方拒绝调解', date: '2025-09-26' },
  recordFollowUp: { method: 'phone', agreementKept: true, satisfaction: 'satisfied' },
  writeOff: undefined,
  withdraw: { reason: '申请人与邻居自行和解' },
  merge: { into: 'D-2025-0000', reason: '同一纠纷重复登记' },
  unmerge: { reason: '并非同一纠纷，误合并' },
  linkDuplicate: { duplicate: 'D-2025-0002', reason: '同一纠纷重复登记' },
  unlinkDuplicate: { duplicate: 'D-2025-0002', reason: '并非同一纠纷，误合并' },
  supervise: { instruction: '请三日内完成' },
  reopen: { reason: '协议未履行，再次投诉' },
  decline: { reason: 'outsideRemit', detail: '属刑事案件线索，已告知向公安机关报案' },
  transfer: { to: '区劳动人事争议仲裁院', reason: '劳动争议须先经仲裁', date: '2025-09-26' },
  assignHandler: { handler: 'mediator-wang', name: '王调解', unit: 'court' },
  reassignHandler: { handler: 'liaison-court', name: '李联络', unit: 'court', reason: '原承办人调岗' },
  escalate: { from: 'centre', to: 'subDistrict', deadline: '2025-09-29T00:00:00+08:00' },
};

/** How long after the last event a step comes by default: an hour, and eight days before a follow-up (which waits to see the agreement kept). */
export const gapBefore = (type: DisputeEvent) => (type === 'recordFollowUp' ? 8 * 86_400_000 : 3_600_000);

/** Sends one event that must be accepted; times advance an hour per step (eight days before a follow-up). */
export function send(item: DisputeItem, type: DisputeEvent, actor: Who, payload: unknown = PAYLOADS[type], at?: string): DisputeItem {
  const when = at ?? new Date(Date.parse(item.updatedAt) + gapBefore(type)).toISOString();
  const result = transition(disputeLoop, item, payload === undefined ? { type, actor, at: when } : { type, actor, at: when, payload });
  if (!result.ok) expect.fail(`${type} by ${actor.role} in ${item.state} refused: ${result.reason.code} ${result.reason.message.en}`);
  return result.snapshot;
}

/** Walks an accepted dispute to a state by the loop's main path. */
export function walkTo(state: DisputeItem['state'], item: DisputeItem = accept()): DisputeItem {
  const path: [DisputeEvent, DisputeRole][] = [];
  switch (state) {
    case 'received': break;
    case 'routed': path.push(['route', 'intakeClerk']); break;
    case 'mediating': path.push(['route', 'intakeClerk'], ['mediate', 'mediator']); break;
    case 'followUp': path.push(['route', 'intakeClerk'], ['mediate', 'mediator'], ['settle', 'mediator']); break;
    case 'pendingWriteOff': path.push(['route', 'intakeClerk'], ['mediate', 'mediator'], ['settle', 'mediator'], ['recordFollowUp', 'intakeClerk']); break;
    case 'closed': path.push(['route', 'intakeClerk'], ['mediate', 'mediator'], ['settle', 'mediator'], ['recordFollowUp', 'intakeClerk'], ['writeOff', 'supervisor']); break;
    case 'withdrawn': path.push(['withdraw', 'intakeClerk']); break;
    case 'merged': path.push(['merge', 'intakeClerk']); break;
    case 'declined': path.push(['decline', 'intakeClerk']); break;
    case 'transferred': path.push(['transfer', 'intakeClerk']); break;
  }
  return path.reduce((s, [type, role]) => send(s, type, ACTORS[role]), item);
}
