// The centre's default departments and the registry's shape, without a schema: the default list is
// ours and needs no parse (a test holds it to what createDepartmentRegistry makes of it), so a page
// that only names departments (the ledger) loads no zod. departments.ts checks a host's own list.
import type { Department, DepartmentInput } from './departments.js';

/**
 * How a body takes part at the comprehensive-governance centre (常驻 + 轮驻 + 随驻), plus the
 * local bodies of the area (属地: sub-district office, residents' committee), which the source's
 * noise case brought into joint mediation without being stationed at the centre.
 */
export const PRESENCES = ['resident', 'rotating', 'onCall', 'local'] as const;
export type Presence = (typeof PRESENCES)[number];

const d = (id: string, zh: string, en: string, presence: Presence, illustrative = false): DepartmentInput => ({
  id,
  name: { 'zh-CN': zh, en },
  presence,
  illustrative,
});

/**
 * The Zhenxing centre's departments as the source names them: six resident core departments,
 * eleven rotating ones (housing and health named; the other nine are illustrative), on-call
 * groups, and the local bodies of the noise case.
 */
export const DEFAULT_DEPARTMENTS: readonly DepartmentInput[] = [
  d('court', '人民法院', "People's Court", 'resident'),
  d('procuratorate', '人民检察院', "People's Procuratorate", 'resident'),
  d('publicSecurity', '公安（派出所）', 'Public security (police station)', 'resident'),
  d('judicialAdministration', '司法行政（区司法局）', 'Judicial administration (district judicial bureau)', 'resident'),
  d('lettersAndVisits', '信访', 'Letters and visits', 'resident'),
  d('humanResources', '人力资源和社会保障', 'Human resources and social security', 'resident'),
  d('housing', '住房和城乡建设', 'Housing and urban-rural development', 'rotating'),
  d('health', '卫生健康', 'Health', 'rotating'),
  d('marketRegulation', '市场监督管理', 'Market regulation', 'rotating', true),
  d('civilAffairs', '民政', 'Civil affairs', 'rotating', true),
  d('naturalResources', '自然资源', 'Natural resources', 'rotating', true),
  d('ecologyEnvironment', '生态环境', 'Ecology and environment', 'rotating', true),
  d('urbanManagement', '城市管理综合执法', 'Urban management and law enforcement', 'rotating', true),
  d('education', '教育', 'Education', 'rotating', true),
  d('emergencyManagement', '应急管理', 'Emergency management', 'rotating', true),
  d('transport', '交通运输', 'Transport', 'rotating', true),
  d('agriculture', '农业农村', 'Agriculture and rural affairs', 'rotating', true),
  d('lawSchool', '法学院', 'Law school', 'onCall'),
  d('womensFederation', '妇女联合会', "Women's federation", 'onCall'),
  d('merchantPartyMembers', '商圈商户党员', 'Merchant party members of the shopping district', 'onCall'),
  d('subDistrictOffice', '街道办事处', 'Sub-district office', 'local'),
  d('residentsCommittee', '社区居民委员会', "Residents' committee", 'local'),
];

/** The bodies a dispute can be routed to. Immutable; make another to replace it. */
export interface DepartmentRegistry {
  readonly departments: readonly Department[];
  get(id: string): Department | undefined;
  has(id: string): boolean;
  byPresence(presence: Presence): readonly Department[];
}

/** @internal A registry over departments already checked (ids unique). */
export function registryOf(byId: ReadonlyMap<string, Department>): DepartmentRegistry {
  const departments = Object.freeze([...byId.values()]);
  return Object.freeze({
    departments,
    get: (id: string) => byId.get(id),
    has: (id: string) => byId.has(id),
    byPresence: (presence: Presence) => departments.filter((dept) => dept.presence === presence),
  });
}

/** The centre's default departments (`DEFAULT_DEPARTMENTS`) as a registry. */
export const defaultDepartmentRegistry: DepartmentRegistry = /* @__PURE__ */ registryOf(
  new Map(DEFAULT_DEPARTMENTS.map((d) => [d.id, Object.freeze({ id: d.id, name: { ...d.name }, presence: d.presence, illustrative: d.illustrative ?? false })])),
);
