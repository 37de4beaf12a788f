// The example county the portal's server starts with: AN EXAMPLE, NOT REAL PEOPLE. Two towns with
// their comprehensive-governance centres and police stations, six sample users for the
// development sign-in, and a few disputes (the other loops: seed-loops.mjs), seeded idempotently (a fixed client id and mutation ids:
// a second start finds them recorded and writes nothing).
export const CITY = '示例市';
export const COUNTY = '东区';
export const TOWNS = [
  { name: '甲镇', centre: '甲镇综治中心', station: '甲镇派出所', community: '幸福社区' },
  { name: '乙镇', centre: '乙镇综治中心', station: '乙镇派出所', community: '和平社区' },
];
const [A, B] = TOWNS;

/** The sample users the development sign-in offers (`DevUser`s). */
export const USERS = [
  { id: 'clerk-a', name: '王受理', roles: ['intakeClerk'], unit: A.centre, scope: { city: CITY, county: COUNTY, town: A.name }, label: { 'zh-CN': `${A.centre}受理员`, en: `Intake clerk, ${A.name} centre` } },
  { id: 'clerk-b', name: '李受理', roles: ['intakeClerk'], unit: B.centre, scope: { city: CITY, county: COUNTY, town: B.name }, label: { 'zh-CN': `${B.centre}受理员`, en: `Intake clerk, ${B.name} centre` } },
  { id: 'mediator-a', name: '赵调解', roles: ['mediator'], unit: `${A.name}人民调解委员会`, scope: { city: CITY, county: COUNTY, town: A.name }, label: { 'zh-CN': `${A.name}人民调解员`, en: `Mediator, ${A.name}` } },
  { id: 'officer-a', name: '孙警官', roles: ['officer'], unit: A.station, scope: { city: CITY, county: COUNTY, town: A.name }, label: { 'zh-CN': `${A.station}社区民警`, en: `Community officer, ${A.name} station` } },
  { id: 'officer-b', name: '周警官', roles: ['officer'], unit: B.station, scope: { city: CITY, county: COUNTY, town: B.name }, label: { 'zh-CN': `${B.station}社区民警`, en: `Community officer, ${B.name} station` } },
  { id: 'supervisor-county', name: '钱主任', roles: ['supervisor'], unit: `${COUNTY}综治中心`, scope: { city: CITY, county: COUNTY }, label: { 'zh-CN': `${COUNTY}综治中心督导（全区）`, en: `Supervisor, ${COUNTY} county (whole county)` } },
];

const SEED_CLIENT = 'example-seed'; // one client per clerk: `example-seed-<user id>`
const AT = (day, hour) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

function intake(n, town, title, applicant, respondent) {
  return {
    title,
    category: n % 2 ? 'neighbour' : 'family',
    description: '示例：双方多次协商未果，申请调解。',
    channel: 'walkIn',
    town: town.name,
    community: town.community,
    parties: [
      { id: 'p1', side: 'applicant', name: applicant, phone: `1381234${String(5670 + n).padStart(4, '0')}` },
      { id: 'p2', side: 'respondent', name: respondent },
    ],
  };
}

/** The seed: disputes accepted by each town's clerk (mutation ids fixed: creating again is a no-op). */
const SEED = [
  [1, A, '楼上漏水纠纷（示例）', '张建国', '李秀英'],
  [2, A, '宅基地边界纠纷（示例）', '刘志强', '陈丽华'],
  [3, A, '停车位占用纠纷（示例）', '杨海涛', '赵春梅'],
  [4, B, '噪音扰民纠纷（示例）', '黄国庆', '周晓东'],
  [5, B, '赡养费纠纷（示例）', '吴建国', '徐秀英'],
];

/**
 * Seeds the example county through the server's own creation path (core's intake, the clerk of the
 * town as actor), idempotently. Answers how many items it created this time.
 */
export async function seedCounty(service) {
  let created = 0;
  for (const [n, town, title, applicant, respondent] of SEED) {
    const clerk = USERS.find((u) => u.unit === town.centre);
    const identity = { sub: clerk.id, name: clerk.name, roles: clerk.roles, unit: clerk.unit, scope: clerk.scope };
    const { result } = await service.create(identity, {
      clientId: `${SEED_CLIENT}-${clerk.id}`,
      mutationId: n,
      collection: 'disputes',
      id: `D-DEMO-${String(n).padStart(3, '0')}`,
      input: intake(n, town, title, applicant, respondent),
      at: AT(n, 9),
      actor: { id: clerk.id, role: 'intakeClerk', unit: clerk.unit, name: clerk.name },
    });
    if (!result.ok) throw new Error(`example seed ${n}: ${result.error.message.en}`);
    if (!result.replayed) created++;
  }
  return created;
}
