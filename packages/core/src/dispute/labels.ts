import type { Localized } from '../i18n/locale.js';
import type { DisputeRole } from './definition.js';
import type { Presence } from './departments.js';
import type { DisputeCategory } from './schema.js';
import type { Channel, DeclineReason, ReferralTarget } from './schema.js';

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

/** Whether a viewer in `role` may see personal data in clear (masked for an unknown or absent role). */
export function maySeePersonalData(role: string | null | undefined, roles: readonly string[] = DISPUTE_PERSONAL_DATA_ROLES): boolean {
  return typeof role === 'string' && roles.includes(role);
}
