import type { Localized } from '../i18n/locale.js';
import type { PersonalOutline } from '../privacy/mask.js';
import { SYSTEM_ROLE } from '../loop/system-role.js';
import type { DisputeRole } from './definition.js';
import type { Presence } from './departments.js';
import type { DeclineReason, ReferralTarget } from './schema.js';

/** Kinds of dispute the source mentions (neighbours, noise, property repair, leaks …) and common others. */
export const DISPUTE_CATEGORIES = [
  'neighbour',
  'noise',
  'propertyRepair',
  'leak',
  'family',
  'labour',
  'consumer',
  'landAndHousing',
  'medical',
  'publicService',
  'other',
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

/** Where a dispute came in: at the centre's hall, or reported online from a grid. */
export const CHANNELS = ['walkIn', 'grid'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The dispute loop's id (snapshots carry it). */
export const DISPUTE_LOOP_ID = 'dispute';

// The loop's states and roles with their names, as data: the definition (definition.ts) builds on
// them, and a page that only lists disputes (the ledger) reads them without the loop's guards.
/** The dispute states, in the loop's order, with their names. */
export const DISPUTE_STATE_LABELS = {
  received: { 'zh-CN': '已受理', en: 'accepted' },
  routed: { 'zh-CN': '已分流', en: 'routed' },
  mediating: { 'zh-CN': '调解中', en: 'in mediation' },
  followUp: { 'zh-CN': '待回访', en: 'awaiting follow-up' },
  pendingWriteOff: { 'zh-CN': '待销号', en: 'awaiting write-off' },
  closed: { 'zh-CN': '已销号', en: 'written off' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  merged: { 'zh-CN': '已合并', en: 'merged as duplicate' },
  declined: { 'zh-CN': '不予受理', en: 'declined' },
  transferred: { 'zh-CN': '已直接移交', en: 'referred elsewhere' },
} as const satisfies Readonly<Record<string, Localized>>;

/** The roles that act in the dispute loop, with their names (the scheduler's `system` last). */
export const DISPUTE_ROLE_LABELS = {
  intakeClerk: { 'zh-CN': '受理员', en: 'intake clerk' },
  mediator: { 'zh-CN': '调解员', en: 'mediator' },
  departmentLiaison: { 'zh-CN': '部门联络员', en: 'department liaison' },
  supervisor: { 'zh-CN': '中心负责人', en: 'centre supervisor' },
  system: SYSTEM_ROLE.system.label,
} as const satisfies Readonly<Record<string, Localized>>;

/** Names of the dispute categories, for forms, ledgers and exports. */
export const DISPUTE_CATEGORY_LABELS: Readonly<Record<DisputeCategory, Localized>> = {
  neighbour: { 'zh-CN': '邻里纠纷', en: 'Neighbours' },
  noise: { 'zh-CN': '噪声扰民', en: 'Noise' },
  propertyRepair: { 'zh-CN': '物业维修', en: 'Property repair' },
  leak: { 'zh-CN': '漏水渗水', en: 'Leak' },
  family: { 'zh-CN': '婚姻家庭', en: 'Family' },
  labour: { 'zh-CN': '劳动争议', en: 'Labour' },
  consumer: { 'zh-CN': '消费纠纷', en: 'Consumer' },
  landAndHousing: { 'zh-CN': '土地房屋', en: 'Land and housing' },
  medical: { 'zh-CN': '医疗纠纷', en: 'Medical' },
  publicService: { 'zh-CN': '公共服务', en: 'Public service' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const CHANNEL_LABELS: Readonly<Record<Channel, Localized>> = {
  walkIn: { 'zh-CN': '来访（中心窗口）', en: 'Walk-in (centre window)' },
  grid: { 'zh-CN': '网格上报', en: 'Reported by a grid worker' },
};

export const PRESENCE_LABELS: Readonly<Record<Presence, Localized>> = {
  resident: { 'zh-CN': '常驻部门', en: 'Resident departments' },
  rotating: { 'zh-CN': '轮驻部门', en: 'Rotating departments' },
  onCall: { 'zh-CN': '随驻力量', en: 'On-call groups' },
  local: { 'zh-CN': '属地单位', en: 'Local bodies' },
};

export const REFERRAL_TARGET_LABELS: Readonly<Record<ReferralTarget, Localized>> = {
  litigation: { 'zh-CN': '诉讼', en: 'Litigation' },
  fastTrackCourt: { 'zh-CN': '速裁法庭', en: 'Fast-track court' },
  arbitration: { 'zh-CN': '仲裁', en: 'Arbitration' },
};

export const FOLLOW_UP_METHOD_LABELS: Readonly<Record<'phone' | 'homeVisit', Localized>> = {
  phone: { 'zh-CN': '电话回访', en: 'By phone' },
  homeVisit: { 'zh-CN': '上门回访', en: 'Home visit' },
};

export { SATISFACTION_LABELS } from '../schema/fields.js';

/** The stated reasons for 不予受理, for forms, the case view and notices. */
export const DECLINE_REASON_LABELS: Readonly<Record<DeclineReason, Localized>> = {
  outsideRemit: { 'zh-CN': '不属于本中心受理范围', en: "Outside the centre's remit" },
  inLitigation: { 'zh-CN': '已进入诉讼程序', en: 'Already in litigation' },
  inArbitration: { 'zh-CN': '已申请仲裁', en: 'Already in arbitration' },
  alreadyMediated: { 'zh-CN': '已经人民调解且已达成协议', en: 'Already mediated to an agreement' },
  criminalMatter: { 'zh-CN': '涉嫌违法犯罪，应由公安机关处理', en: 'A criminal matter, for the police' },
  other: { 'zh-CN': '其他理由', en: 'Another reason' },
};

export const MEDIATION_MODE_LABELS: Readonly<Record<'atCentre' | 'atHome', Localized>> = {
  atCentre: { 'zh-CN': '在中心调解', en: 'At the centre' },
  atHome: { 'zh-CN': '上门调解（不跑一次）', en: 'At home ("not one trip")' },
};

/**
 * Roles that see parties' personal data in clear: the clerk who takes the dispute in and the
 * mediator who contacts the parties. Everyone else (the supervisor watching the ledger, a
 * department's liaison) sees it masked (138****1234).
 */
export const DISPUTE_PERSONAL_DATA_ROLES: readonly DisputeRole[] = ['intakeClerk', 'mediator'];

/**
 * Where a dispute's data hold personal data, as plain data: what `personalOutline(DisputeSchema)`
 * derives from the schema's marks (a test holds the two equal), so that a list masks its rows
 * (`maskByOutline`) without loading the schema.
 */
export const DISPUTE_PERSONAL_FIELDS = {
  parties: [{ name: 'name', phone: 'phone', idNumber: 'idNumber', address: 'address' }],
  reportedBy: { name: 'name' },
  handler: { name: 'name' },
} as const satisfies PersonalOutline;

/** Whether a viewer in `role` may see personal data in clear (masked for an unknown or absent role). */
export function maySeePersonalData(role: string | null | undefined, roles: readonly string[] = DISPUTE_PERSONAL_DATA_ROLES): boolean {
  return typeof role === 'string' && roles.includes(role);
}
