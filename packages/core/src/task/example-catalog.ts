import { loadCatalog, loadRoster } from './catalog.js';
import type { Catalog, CatalogInput, DueRuleInput, Roster, RosterInput } from './schema.js';

/**
 * AN EXAMPLE, NOT A REAL CITY'S CATALOG. The source names 6 categories and 103 standardized tasks
 * but only three of the categories (治安要素, 基础管控, 入户宣传); the other three and every task
 * below are plausible illustrations. A city loads its own with `loadCatalog`.
 *
 * Each row: [id, 中文, English, spec], where spec lists what counts as done — n note, c count,
 * p place, e evidence — then optional flags: `na` may be marked not applicable; `lw` due on the
 * last working day, `w5` on the 5th working day, `d15` on the 15th (default: the 25th, or the
 * working day before it).
 */
type Row = readonly [id: string, zh: string, en: string, spec: string];

const CATEGORIES: readonly (readonly [id: string, zh: string, en: string, rows: readonly Row[]])[] = [
  ['publicSecurity', '治安要素', 'Public-security elements', [
    ['hotels', '旅馆业治安检查', 'Inspect hotels and guesthouses', 'c'],
    ['rentals', '出租房屋登记核查', 'Check the registration of rented housing', 'c'],
    ['internetCafes', '上网服务场所检查', 'Inspect internet cafés', 'c na'],
    ['entertainment', '娱乐场所治安检查', 'Inspect entertainment venues', 'c na'],
    ['repairShops', '机动车修理业检查', 'Inspect vehicle repair shops', 'c na'],
    ['scrapMetal', '废旧金属收购点检查', 'Inspect scrap-metal buyers', 'c na'],
    ['printShops', '印章刻制与印刷业检查', 'Inspect seal-engraving and print shops', 'c na'],
    ['parcels', '寄递物流网点检查', 'Inspect parcel and logistics outlets', 'c'],
    ['keyUnits', '内保重点单位检查', 'Inspect key units under internal security', 'ce'],
    ['knives', '管制刀具销售点检查', 'Check sellers of controlled knives', 'c na'],
    ['dangerousGoods', '危爆物品存放点检查', 'Check stores of dangerous and explosive goods', 'ce na'],
    ['fireworks', '烟花爆竹销售点检查', 'Check fireworks sellers', 'c na'],
    ['parking', '停车场及非机动车棚巡查', 'Patrol car parks and bicycle sheds', 'p'],
    ['cameras', '社区视频监控点位巡检', "Check the community's video-surveillance points", 'c'],
    ['crowdedPlaces', '公共复杂场所清查', 'Sweep crowded public places', 'p'],
    ['nightPatrol', '夜间治安巡逻', 'Night patrol', 'cp'],
    ['newResidents', '新增流动人口信息采集', 'Record newly arrived residents', 'c'],
    ['hazards', '治安隐患排查整改', 'Find and fix public-security hazards', 'ce'],
  ]],
  ['basicControl', '基础管控', 'Basic control', [
    ['keyPersons', '重点人员见面核查', 'Meet and check on key persons', 'cp'],
    ['mentalHealth', '严重精神障碍患者走访', 'Visit people with severe mental disorders', 'cp na'],
    ['correction', '社区矫正对象见面', 'Meet people under community correction', 'c na'],
    ['released', '刑满释放人员帮教', 'Support people released from prison', 'c na'],
    ['rehabilitation', '社区戒毒康复人员管控', 'Follow up people in community drug rehabilitation', 'c na'],
    ['petitioners', '信访重点人员稳控', 'Stay in touch with repeat petitioners', 'n na'],
    ['youth', '重点青少年关爱帮扶', 'Support at-risk young people', 'c'],
    ['population', '实有人口信息核对', 'Verify the actual-population records', 'c'],
    ['housing', '实有房屋信息核对', 'Verify the actual-housing records', 'c'],
    ['organisations', '实有单位信息核对', 'Verify the records of businesses and organisations', 'c'],
    ['gridMeeting', '网格员联席会议', "Hold the grid workers' joint meeting", 'ne'],
    ['informants', '社区信息员联络', 'Keep in touch with community informants', 'c'],
    ['incidents', '警情研判与反馈', 'Review incident reports and report back', 'n w5'],
    ['wanted', '在逃人员排查', 'Check for wanted persons', 'n'],
    ['vehicles', '涉案车辆线索核查', 'Check leads on vehicles linked to cases', 'n na'],
    ['foreigners', '境外人员住宿登记核查', 'Check lodging registration of foreign nationals', 'c na'],
    ['rota', '警务室值班表更新', "Update the police room's duty rota", 'n w5'],
    ['ledger', '社区警务台账整理', 'Keep the community-policing ledger', 'e lw'],
  ]],
  ['householdVisits', '入户宣传', 'Household visits and publicity', [
    ['households', '入户走访', 'Visit households', 'cp'],
    ['elderly', '独居老人走访', 'Visit elderly people living alone', 'cp'],
    ['antiFraud', '反电信网络诈骗宣传', 'Publicise anti-telecom-fraud advice', 'ce'],
    ['antiFraudApp', '推广国家反诈中心App', 'Promote the national anti-fraud app', 'c'],
    ['lawTalks', '法治宣传讲座', 'Give a rule-of-law talk', 'ce'],
    ['schoolLesson', '校园法治课', 'Teach a law lesson at a school', 'ce na'],
    ['shops', '沿街商户走访', 'Visit street-front shops', 'c'],
    ['firms', '辖区企业走访', 'Visit firms in the area', 'c'],
    ['contactCards', '警民联系卡发放', 'Hand out police contact cards', 'c'],
    ['wechatGroup', '社区警务微信群维护', 'Look after the community-policing WeChat group', 'n'],
    ['noticeBoard', '警务公开栏更新', 'Update the police notice board', 'e d15'],
    ['securitySurvey', '群众安全感满意度回访', 'Call residents back on their sense of security', 'c'],
    ['antiDrug', '禁毒宣传', 'Anti-drug publicity', 'ce'],
    ['fireSafety', '消防安全宣传', 'Fire-safety publicity', 'ce'],
    ['roadSafety', '交通安全宣传', 'Road-safety publicity', 'ce'],
    ['domesticViolence', '反家暴宣传', 'Publicity against domestic violence', 'ce'],
    ['opinions', '征求群众意见建议', "Collect residents' opinions", 'c'],
    ['servicePoint', '便民服务点接待', 'Receive residents at the service point', 'c'],
  ]],
  ['disputeScreening', '矛盾纠纷排查化解', 'Dispute screening and settlement', [
    ['screening', '矛盾纠纷排查', 'Screen the community for disputes', 'c'],
    ['neighbours', '邻里纠纷调处', 'Mediate neighbour disputes', 'c'],
    ['family', '婚姻家庭纠纷化解', 'Help settle family and marriage disputes', 'c'],
    ['propertyManagement', '物业纠纷协调', 'Coordinate property-management disputes', 'c'],
    ['wages', '劳资纠纷排查', 'Screen for wage disputes', 'c'],
    ['land', '土地山林纠纷排查', 'Screen for land and forest disputes', 'c na'],
    ['followUps', '已调纠纷回访', 'Follow up disputes already mediated', 'c'],
    ['mediationCommittee', '参加人民调解委员会会议', "Attend the people's mediation committee", 'n'],
    ['centre', '对接综治中心', 'Coordinate with the comprehensive-governance centre', 'n'],
    ['earlyWarning', '矛盾风险预警上报', 'Report disputes at risk of escalating', 'n'],
    ['hotline', '12345热线转办件办理', 'Handle items referred from the 12345 hotline', 'c'],
    ['firstPetitions', '初信初访化解', 'Settle first-time petitions', 'c'],
    ['deliberation', '平安议事会', 'Hold a safety deliberation meeting', 'ne'],
    ['civilToCriminal', '民转刑风险排查', 'Screen for civil disputes that could turn criminal', 'c'],
    ['disputeLedger', '纠纷化解台账更新', 'Update the dispute ledger', 'e lw'],
    ['patterns', '纠纷规律分析', 'Analyse recurring disputes', 'n lw'],
  ]],
  ['safetyPrevention', '安全防范', 'Safety and prevention', [
    ['techPrevention', '技防设施检查', 'Check technical security devices', 'c'],
    ['schoolGate', '校园周边护学岗', 'Guard the school gate at rush hours', 'cp na'],
    ['hospital', '医院安保检查', "Check a hospital's security", 'n na'],
    ['market', '农贸市场安全检查', "Check a farmers' market", 'p na'],
    ['smallVenues', '九小场所消防检查', 'Fire-inspect small venues', 'c'],
    ['gas', '燃气安全检查', 'Check gas safety', 'c'],
    ['eBikes', '电动自行车充电隐患排查', 'Check e-bike charging hazards', 'c'],
    ['flood', '防汛隐患排查', 'Check flood hazards', 'p na'],
    ['construction', '建筑工地治安检查', 'Check construction sites', 'c na'],
    ['water', '水域安全巡查', 'Patrol open water', 'p na'],
    ['events', '大型活动安保', 'Secure large events', 'n na'],
    ['banks', '金融网点安全检查', "Check bank branches' security", 'c na'],
    ['petrol', '加油站安全检查', 'Check petrol stations', 'c na'],
    ['drill', '应急演练', 'Run an emergency drill', 'ce'],
    ['patrol', '社区治安巡逻', 'Patrol the community', 'cp'],
    ['theft', '防盗窃宣传提示', 'Warn residents about theft', 'c'],
    ['scenic', '景区安全检查', 'Check scenic areas', 'p na'],
  ]],
  ['communityMobilization', '群防群治', 'Community mobilization', [
    ['emergencyUnits', '最小应急单元检查', 'Inspect minimum emergency units', 'c'],
    ['unitDrill', '最小应急单元拉动演练', 'Drill a minimum emergency unit (1-3-5 minutes)', 'ce'],
    ['volunteers', '义警队伍组织', 'Organise the volunteer police', 'c'],
    ['volunteerPatrol', '义警巡逻', 'Lead a volunteer patrol', 'cp'],
    ['gridTraining', '网格员业务培训', 'Train grid workers', 'ce'],
    ['guards', '保安员培训', 'Train security guards', 'c'],
    ['safetyVolunteers', '平安志愿者活动', 'Run a safety-volunteer activity', 'c'],
    ['buildingHeads', '楼院长联络', 'Keep in touch with building heads', 'c'],
    ['infoPoints', '平安信息点建设', 'Build safety information points', 'c'],
    ['propertySecurity', '物业保安联动', 'Coordinate with property-management security', 'n'],
    ['merchantDefence', '商户联防', "Organise merchants' joint defence", 'c'],
    ['oneFirmOneOfficer', '一企一警联系', 'Keep in touch with the firms under "one firm, one officer"', 'c na'],
    ['youngVolunteers', '青少年志愿服务', 'Involve young volunteers', 'c'],
    ['tipRewards', '群众举报线索奖励', "Handle rewards for residents' tips", 'n'],
    ['partyPosts', '党员先锋岗', 'Work with party-member volunteer posts', 'c'],
    ['monthlySummary', '群防群治月度总结', 'Write the monthly community-mobilization summary', 'n lw'],
  ]],
];

const FIELDS = {
  n: { kind: 'note', id: 'note', label: { 'zh-CN': '工作情况', en: 'What was done' }, required: true },
  c: { kind: 'count', id: 'count', label: { 'zh-CN': '完成数量', en: 'Number done' }, required: true, min: 0 },
  p: { kind: 'place', id: 'place', label: { 'zh-CN': '走访地点', en: 'Place visited' }, required: true },
  e: { kind: 'evidence', id: 'evidence', label: { 'zh-CN': '照片或文件', en: 'Photos or documents' }, required: true, minItems: 1 },
  remark: { kind: 'note', id: 'note', label: { 'zh-CN': '备注', en: 'Remarks' }, required: false },
} as const;

function template(category: string, [id, zh, en, spec]: Row): CatalogInput['templates'][number] {
  const [kinds = 'n', ...flags] = spec.split(' ');
  const done: CatalogInput['templates'][number]['done'] = [...kinds].map((k) => FIELDS[k as 'n' | 'c' | 'p' | 'e']);
  if (!kinds.includes('n')) done.push(FIELDS.remark);
  const due: DueRuleInput = flags.includes('lw')
    ? { kind: 'lastWorkingDay' }
    : flags.includes('w5')
      ? { kind: 'workingDay', n: 5 }
      : { kind: 'dayOfMonth', day: flags.includes('d15') ? 15 : 25, ifNotWorkingDay: 'before' };
  return {
    id: `${category}.${id}`,
    category,
    title: { 'zh-CN': zh, en },
    asks: { 'zh-CN': `按月完成“${zh}”并反馈`, en: `${en}, every month, and feed back` },
    frequency: 'monthly',
    due,
    done,
    mayBeNotApplicable: flags.includes('na'),
  };
}

let catalog: Catalog | undefined;

/**
 * The shipped EXAMPLE catalog: 6 categories, 103 monthly tasks (`example: true`). For demos,
 * tests and benchmarks; a city's real catalog is its own data (`loadCatalog`).
 */
export function exampleCatalog(): Catalog {
  catalog ??= loadCatalog({
    id: 'example-community-policing',
    version: 1,
    name: { 'zh-CN': '社区警务标准化任务清单（示例）', en: 'Community-policing task catalog (example)' },
    example: true,
    effectiveFrom: '2025-01',
    categories: CATEGORIES.map(([id, zh, en]) => ({ id, name: { 'zh-CN': zh, en } })),
    templates: CATEGORIES.flatMap(([id, , , rows]) => rows.map((row) => template(id, row))),
  } satisfies CatalogInput);
  return catalog;
}

const COUNTIES = [
  ['海港区', 'Haigang'], ['山海关区', 'Shanhaiguan'], ['北戴河区', 'Beidaihe'], ['抚宁区', 'Funing'], ['昌黎县', 'Changli'],
  ['卢龙县', 'Lulong'], ['青龙县', 'Qinglong'], ['开发区', 'Development Zone'], ['北戴河新区', 'Beidaihe New Area'], ['高新区', 'High-tech Zone'],
] as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '海涛', '志强', '秀英', '丽华', '伟', '敏', '静', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平'];
const TYPES = ['urban', 'urban', 'rural', 'mixed'] as const;

export interface ExampleRosterOptions {
  readonly counties?: number;
  readonly stationsPerCounty?: number;
  readonly officersPerStation?: number;
}

/**
 * An EXAMPLE roster (invented units and names): by default 10 counties × 10 stations × 20
 * officers = 2,000 community officers, the scale the source's 200,000+ orders imply.
 */
export function exampleRoster(options: ExampleRosterOptions = {}): Roster {
  const { counties = 10, stationsPerCounty = 10, officersPerStation = 20 } = options;
  const input: RosterInput = { id: 'example-city', city: { id: 'example-city', name: { 'zh-CN': '示例市', en: 'Example City' } }, counties: [], stations: [], officers: [] };
  let officer = 0;
  for (let c = 0; c < counties; c++) {
    const [zh, en] = COUNTIES[c % COUNTIES.length]!;
    const county = `C${String(c + 1).padStart(2, '0')}`;
    const suffix = c < COUNTIES.length ? '' : String(Math.floor(c / COUNTIES.length) + 1);
    input.counties.push({ id: county, name: { 'zh-CN': `${zh}${suffix}`, en: `${en}${suffix}` } });
    for (let s = 0; s < stationsPerCounty; s++) {
      const station = `${county}S${String(s + 1).padStart(2, '0')}`;
      input.stations.push({ id: station, county, name: { 'zh-CN': `${zh}${suffix}第${s + 1}派出所`, en: `${en}${suffix} station ${s + 1}` } });
      for (let o = 0; o < officersPerStation; o++, officer++) {
        input.officers.push({
          id: `P${String(officer + 1).padStart(5, '0')}`,
          name: `${SURNAMES[officer % SURNAMES.length]}${GIVEN[Math.floor(officer / SURNAMES.length) % GIVEN.length]}`,
          station,
          community: `第${s + 1}所${o + 1}号社区`,
          communityType: TYPES[officer % TYPES.length]!,
        });
      }
    }
  }
  return loadRoster(input);
}
