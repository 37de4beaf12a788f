import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { parseArgument } from '../schema/argument.js';

/**
 * How a body takes part at the comprehensive-governance centre (常驻 + 轮驻 + 随驻), plus the
 * local bodies of the area (属地: sub-district office, residents' committee), which the source's
 * noise case brought into joint mediation without being stationed at the centre.
 */
export const PRESENCES = ['resident', 'rotating', 'onCall', 'local'] as const;
export type Presence = (typeof PRESENCES)[number];

const localized = z.object({ 'zh-CN': z.string().check(z.minLength(1), z.maxLength(2000)), en: z.string().check(z.minLength(1), z.maxLength(2000)) });

export const DepartmentSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z][\w-]*$/, 'an identifier: letters, digits, _ or -')),
  name: localized,
  presence: z.enum(PRESENCES),
  /** Named here for illustration; the source does not list it. */
  illustrative: z._default(z.boolean(), false),
});
export type Department = z.output<typeof DepartmentSchema>;
export type DepartmentInput = z.input<typeof DepartmentSchema>;

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

/** A registry from a host's list (ids unique); the centre's default list when none is given. */
export function createDepartmentRegistry(list: readonly DepartmentInput[] = DEFAULT_DEPARTMENTS): DepartmentRegistry {
  const parsed = parseArgument('createDepartmentRegistry', 'list', z.array(DepartmentSchema).check(z.minLength(1)), list, { brackets: true });
  const byId = new Map<string, Department>();
  for (const dept of parsed) {
    if (byId.has(dept.id)) {
      throw new InvalidArgumentError('createDepartmentRegistry', 'list', { 'zh-CN': '中的部门 id 必须唯一', en: 'must not repeat a department id' }, dept.id);
    }
    byId.set(dept.id, Object.freeze(dept));
  }
  const departments = Object.freeze([...byId.values()]);
  return Object.freeze({
    departments,
    get: (id: string) => byId.get(id),
    has: (id: string) => byId.has(id),
    byPresence: (presence: Presence) => departments.filter((dept) => dept.presence === presence),
  });
}

export const defaultDepartmentRegistry: DepartmentRegistry = createDepartmentRegistry();
