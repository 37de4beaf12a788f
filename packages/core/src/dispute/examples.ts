import * as z from '../schema/zod.js';
import { chinaDay, formatDate, formatInstant, parseDate, startOfChinaDay } from '../calendar/instant.js';
import { momentMs, type Moment } from '../loop/deadlines.js';
import { transition } from '../loop/transition.js';
import type { Actor } from '../loop/types.js';
import { parseArgument } from '../schema/argument.js';
import { suggestRouting } from './routing.js';
import { DISPUTE_CATEGORIES } from './schema.js';
import { acceptDispute } from './intake.js';
import { disputeLoop, type DisputeItem, type DisputeRole } from './definition.js';
import type { AreaTreeInput } from './areas.js';

// AN EXAMPLE, NOT REAL PEOPLE: names, phones and places below are made up.
const TOWNS = [
  ['站前街道', '锦绣社区'],
  ['临江街道', '江城社区'],
  ['帽儿山街道', '花园社区'],
  ['六道口街道', '新华社区'],
] as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = ['建国', '秀英', '志强', '丽华', '海涛', '春梅', '国庆', '晓东'];
const clerk = { id: 'clerk-example', role: 'intakeClerk' } as const;

/**
 * `count` accepted disputes (受理) spread over the days from `firstDay` (YYYY-MM-DD), each with an
 * applicant and a respondent, accepted through `acceptDispute` so that every one is valid: for
 * stories, the example portal and tests.
 */
export function exampleDisputes(count = 24, firstDay = '2025-09-01'): DisputeItem[] {
  const start = parseDate(firstDay);
  return Array.from({ length: count }, (_, i) => {
    const [town, community] = TOWNS[i % TOWNS.length]!;
    const name = (k: number) => `${SURNAMES[(i * 7 + k * 3) % SURNAMES.length]}${GIVEN[(i + k) % GIVEN.length]}`;
    const category = DISPUTE_CATEGORIES[i % DISPUTE_CATEGORIES.length]!;
    const day = formatDate(start + Math.floor(i / 3));
    return acceptDispute({
      id: `D-EX-${String(i + 1).padStart(4, '0')}`,
      intake: {
        title: `${community}纠纷（示例 ${i + 1}）`,
        category,
        description: '示例：双方就此事多次协商未果，申请调解。',
        channel: 'walkIn',
        town,
        community,
        parties: [
          { id: 'p1', side: 'applicant', name: name(0), phone: `138${String(10_000_000 + i * 7919).slice(-8)}` },
          { id: 'p2', side: 'respondent', name: name(1) },
        ],
        reportedBy: null,
      },
      actor: clerk,
      at: `${day}T${String(9 + (i % 8)).padStart(2, '0')}:00:00+08:00`,
    });
  });
}

// AN EXAMPLE COUNTY, NOT A REAL ONE: 9 towns and sub-districts and 92 villages and communities,
// as many as the source's county has (S11); the first four towns hold the example disputes' communities.
const EXAMPLE_TOWNS: readonly (readonly [string, string, number])[] = [
  ['站前街道', 'Zhanqian', 11],
  ['临江街道', 'Linjiang', 11],
  ['帽儿山街道', 'Maoershan', 10],
  ['六道口街道', 'Liudaokou', 10],
  ['永昌街道', 'Yongchang', 10],
  ['头道桥街道', 'Toudaoqiao', 10],
  ['西城街道', 'Xicheng', 10],
  ['纤维街道', 'Xianwei', 10],
  ['汤池镇', 'Tangchi', 10],
];
const EXAMPLE_PLACES =
  '春江和平友谊光明振兴胜利繁荣幸福永安兴隆民主团结建设文化东升西山南湖北岭青年红旗长青安居福民金山银河翠竹松涛柳岸桃源杏林梨园枫叶兰亭梅园荷塘菊香朝阳晨光旭日明珠宝山玉泉清河碧水蓝天白云凤凰龙泉鹤鸣鹿苑雁塔新村三合四方五星六合七里八里九龙十里大堡小堡上河下河前进后屯东沟西沟南营北营老街新街站前江畔山景水岸果园茶园稻香麦香丰收富民利民惠民安民康宁祥和瑞丰';

/** The example county's town–village tree (9 towns, 92 villages): for stories, the portal and tests. */
export function exampleAreaTree(): AreaTreeInput {
  let n = 0;
  return {
    id: 'county-example',
    name: '振兴区（示例）',
    nameEn: 'Zhenxing District (example)',
    towns: EXAMPLE_TOWNS.map(([name, nameEn, count], t) => ({
      id: `town-${String(t + 1).padStart(2, '0')}`,
      name,
      nameEn,
      villages: Array.from({ length: count }, (_, i) => {
        const k = n++;
        // A town's first village is the example disputes' community there (TOWNS above).
        const place = i === 0 && t < TOWNS.length ? TOWNS[t]![1] : `${EXAMPLE_PLACES.slice((k - Math.min(t + 1, TOWNS.length)) * 2, (k - Math.min(t + 1, TOWNS.length)) * 2 + 2)}${name.endsWith('镇') ? '村' : '社区'}`;
        return { id: `village-${String(k + 1).padStart(3, '0')}`, name: place };
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// A county centre's year of disputes, relative to today (the example portal's data).
// AN EXAMPLE, NOT REAL PEOPLE: every name, phone and address below is generated.

const FAMILY = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN_NAMES = '秀兰,桂英,玉珍,建华,国强,德明,淑芬,志刚,海燕,红梅,春生,文斌,丽娟,永红,晓燕,振华,金凤,伟,敏,静,磊,军,洋,勇,艳,杰,娟,涛,明,超,秀珍,俊杰,雨涵,子轩,浩然,欣怡,梓萱,宇航,佳怡,思远,立新,凤英,长江,玉兰,宝山,淑华,广发,翠花,家豪,晨阳,一鸣,若曦,明辉,冬梅,跃进,建军,秀云,守信,福来,兰芳'.split(',');
const CATEGORY_WEIGHTS: readonly (readonly [(typeof DISPUTE_CATEGORIES)[number], number])[] = [
  ['neighbour', 20], ['family', 12], ['labour', 12], ['landAndHousing', 10], ['propertyRepair', 10], ['noise', 8], ['consumer', 8], ['leak', 6], ['publicService', 5], ['medical', 3], ['other', 6],
];
const SUBJECTS: Readonly<Record<(typeof DISPUTE_CATEGORIES)[number], readonly (readonly [string, string])[]>> = {
  neighbour: [['宅基地边界', '两家因院墙位置各执一词，多次争吵'], ['楼道堆放杂物', '一方长期在公共楼道堆放杂物，影响通行'], ['共用通道', '一方在共用通道搭建棚子，另一方出行受阻']],
  family: [['赡养老人', '子女对老人赡养费用分担意见不一'], ['遗产分割', '兄弟姐妹对父母遗留房屋分割有争议'], ['婚姻家庭', '夫妻因家庭开支长期争执，申请调解']],
  labour: [['拖欠工资', '工程完工后工资未按约定结清'], ['工伤赔偿', '务工期间受伤，双方对赔偿金额有分歧'], ['解除劳动合同', '单位解除合同，员工要求经济补偿']],
  landAndHousing: [['土地承包', '承包地流转费用及期限有争议'], ['房屋买卖', '二手房交易后对过户费用分担有争议'], ['房屋租赁', '租期未满房东收房，租户要求退还押金']],
  propertyRepair: [['电梯维修费用', '老旧电梯维修费用分摊意见不一'], ['物业服务', '业主对物业服务不满拒交物业费'], ['外墙渗水', '外墙渗水维修责任归属有争议']],
  noise: [['夜间噪音', '楼上夜间噪音影响休息，多次沟通无果'], ['广场舞噪音', '广场舞音响音量过大，周边居民反映强烈'], ['装修噪音', '装修施工时间超出约定，影响邻居']],
  consumer: [['预付卡退费', '健身房停业，会员要求退还预付卡余额'], ['家电质量', '新购家电多次维修仍有故障，要求退换'], ['装修质量', '装修完工后出现质量问题，双方协商不成']],
  leak: [['楼上漏水', '楼上卫生间漏水致楼下天花板受损'], ['暖气管道漏水', '暖气管道漏水浸泡楼下地板'], ['阳台渗水', '阳台渗水导致邻居墙面发霉']],
  publicService: [['供暖不达标', '冬季室温不达标，住户要求退还部分供暖费'], ['停车位管理', '小区停车位分配引发住户争执'], ['垃圾清运', '垃圾站位置及清运时间引发周边居民不满']],
  medical: [['医疗费用', '对诊疗费用及后续治疗有异议'], ['诊疗纠纷', '患者家属对诊疗结果不满，要求说明与赔偿']],
  other: [['合同欠款', '个人借款到期未还，双方对利息有争议'], ['交通事故赔偿', '轻微交通事故后对赔偿金额协商不成'], ['宠物伤人', '宠物咬伤他人，双方对医药费分担有争议']],
};
const EXAMPLE_MEDIATORS: readonly (readonly [string, string])[] = [['mediator-zhao', '赵桂芝'], ['mediator-qian', '钱立群'], ['mediator-sun', '孙德胜'], ['mediator-li', '李春燕'], ['mediator-zhou', '周建业']];
const EXAMPLE_CLERKS: readonly (readonly [string, string])[] = [['clerk-wu', '吴晓梅'], ['clerk-zheng', '郑海鹏']];
const EXAMPLE_SUPERVISOR = { id: 'head-gao', role: 'supervisor', name: '高振东' } as const;

/** A small deterministic generator (mulberry32): the same `seed` gives the same county. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ExampleCaseloadOptions {
  /** Today: every event of the example lies before it, and ages are counted back from it. */
  readonly now: Moment;
  /** How many disputes (300 by default: about a county centre's year). */
  readonly count?: number;
  /** Over how many days before `now` they were accepted (365 by default). */
  readonly days?: number;
  /** Another seed gives another county's year (1 by default). */
  readonly seed?: number;
}

const CaseloadOptionsSchema = z.object({ count: z._default(z.int().check(z.gte(0), z.lte(20_000)), 300), days: z._default(z.int().check(z.gte(1), z.lte(3660)), 365), seed: z._default(z.int().check(z.gte(0), z.lte(2 ** 31)), 1) });

/**
 * A county centre's year of disputes up to `now` (the example portal's and stories' realistic
 * data): varied people, villages of the example county's town–village tree, categories, walk-ins
 * and grid reports (some from the 12345 hotline), each taken through the dispute loop by its
 * real events to where its age puts it — today's still accepted, last week's in mediation or
 * awaiting follow-up, older ones settled, followed up and written off, a few referred, withdrawn
 * or declined, and a few mediations running a day or three past their 30 days (overdue, never by
 * months). Deterministic for a given `now` and `seed`. Ids start with `EX-` and every description
 * with 【示例】: they are examples, not real people.
 */
export function exampleCaseload(options: ExampleCaseloadOptions): DisputeItem[] {
  const nowMs = momentMs('exampleCaseload', 'options.now', options?.now as Moment);
  const { count, days, seed } = parseArgument('exampleCaseload', 'options', CaseloadOptionsSchema, { count: options.count, days: options.days, seed: options.seed });
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const weighted = <T>(list: readonly (readonly [T, number])[]): T => {
    let r = rnd() * list.reduce((a, [, w]) => a + w, 0);
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[list.length - 1]![0];
  };
  const person = () => `${pick([...FAMILY])}${pick(GIVEN_NAMES)}`;
  const mobile = () => `1${pick(['35', '36', '37', '38', '39', '50', '51', '58', '59', '86', '87', '88', '89'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
  const tree = exampleAreaTree();
  // Sub-districts in town see more disputes than the rural town.
  const towns = tree.towns.map((t, i) => [t, i < 4 ? 14 : t.name.endsWith('镇') ? 7 : 10] as const);
  const today = chinaDay(nowMs);
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const stamp = (ms: number) => formatInstant(Math.floor(ms / 60_000) * 60_000);
  const dayOf = (ms: number) => formatDate(chinaDay(ms));
  // Ages (days before today) spread over the period, more recent ones a little more often.
  const ages = Array.from({ length: count }, () => Math.floor(days * rnd() ** 1.15)).sort((a, b) => b - a);
  // The desk took two in today, not yet routed.
  for (let k = Math.max(0, count - 2); k < count; k++) ages[k] = 0;
  const serial = new Map<string, number>();
  const out: DisputeItem[] = [];
  for (const age of ages) {
    const town = weighted(towns);
    const village = pick(town.villages);
    const category = weighted(CATEGORY_WEIGHTS);
    const [subject, story] = pick(SUBJECTS[category]);
    const grid = rnd() < 0.4;
    const [clerkId, clerkName] = pick(EXAMPLE_CLERKS);
    const clerk = { id: clerkId, role: 'intakeClerk', name: clerkName } as const;
    // Accepted during office hours, China time, `age` days ago (and before now).
    let accepted = startOfChinaDay(today - age) + (8.5 + rnd() * 8.5) * HOUR;
    if (accepted >= nowMs) accepted = nowMs - (0.2 + rnd() * 2) * HOUR;
    const day = dayOf(accepted);
    const n = (serial.get(day) ?? 0) + 1;
    serial.set(day, n);
    const applicant = person();
    const respondent = person();
    const homeVisit = rnd() < 0.06;
    const parties = [
      { id: 'p1', side: 'applicant' as const, name: applicant, phone: mobile(), ...(rnd() < 0.5 ? { address: `${town.name}${village.name}${1 + Math.floor(rnd() * 60)}号` } : {}), needsHomeVisit: homeVisit },
      { id: 'p2', side: 'respondent' as const, name: respondent, ...(rnd() < 0.6 ? { phone: mobile() } : {}) },
    ];
    let item = acceptDispute({
      id: `EX-${day.replaceAll('-', '')}-${String(n).padStart(3, '0')}`,
      intake: {
        title: `${village.name}${subject}纠纷`,
        category,
        description: `【示例】${story}。申请人${applicant}，被申请人${respondent}。`,
        channel: grid ? 'grid' : 'walkIn',
        town: town.name,
        community: village.name,
        parties,
        reportedBy: grid ? { id: `grid-${village.id}`, name: person() } : null,
        hotline: !grid && rnd() < 0.12 ? `${day.replaceAll('-', '')}${String(Math.floor(rnd() * 1e4)).padStart(4, '0')}` : null,
      },
      actor: clerk,
      at: stamp(accepted),
    });
    const step = (type: string, actor: Actor<DisputeRole>, at: number, payload?: unknown): boolean => {
      if (!(at < nowMs)) return false;
      const r = transition(disputeLoop, item, { type: type as never, actor, at: stamp(at), ...(payload === undefined ? {} : { payload }) } as never);
      if (!r.ok) throw new Error(`exampleCaseload: ${item.id} ${type}: ${r.reason.message.en}`);
      item = r.snapshot;
      return true;
    };
    const fate = rnd();
    if (fate < 0.03) {
      step('decline', clerk, accepted + 0.5 * HOUR, { reason: 'inLitigation', advice: '请向人民法院了解案件进展' });
      out.push(item);
      continue;
    }
    if (fate < 0.05) {
      step('transfer', clerk, accepted + 0.5 * HOUR, { to: '区劳动人事争议仲裁委员会', reason: '属劳动仲裁受理范围', date: dayOf(accepted) });
      out.push(item);
      continue;
    }
    const routing = suggestRouting(category);
    if (!step('route', clerk, accepted + (age === 0 ? 4 + rnd() * 20 : 0.5 + rnd() * 2) * HOUR, { departments: [...routing.departments], joint: routing.joint, lead: routing.joint ? routing.departments[0] : null })) {
      out.push(item);
      continue;
    }
    const [mediatorId, mediatorName] = pick(EXAMPLE_MEDIATORS);
    const mediator = { id: mediatorId, role: 'mediator', name: mediatorName } as const;
    const started = accepted + (0.6 + rnd() * 1.2) * DAY;
    if (!step('mediate', mediator, started, { mode: homeVisit ? 'atHome' : 'atCentre', mediators: [mediatorId] })) {
      out.push(item);
      continue;
    }
    step('assignHandler', EXAMPLE_SUPERVISOR, started + HOUR, { handler: mediatorId, name: mediatorName, unit: routing.departments[0] });
    if (fate < 0.08) {
      step('withdraw', mediator, started + (1 + rnd() * 10) * DAY, { reason: '双方已自行和解，申请人撤回申请' });
      out.push(item);
      continue;
    }
    // Most mediations end within 3–25 days; some begun a month ago run a day or three past the 30-day limit.
    const length = age >= 31 && age <= 34 && rnd() < 0.5 ? age + 5 : 3 + rnd() * 22;
    const ended = started + length * DAY;
    const referred = fate > 0.91;
    const endedOk = referred
      ? step('refer', mediator, ended, { to: pick(['litigation', 'fastTrackCourt', 'arbitration'] as const), reason: '双方分歧较大，调解不成', date: dayOf(ended) })
      : step('settle', mediator, ended, { terms: ['被申请人于十五日内履行约定义务', '双方不再就此事发生争执'], consentedBy: ['p1', 'p2'], date: dayOf(ended), document: `协议书-${item.id}` });
    if (!endedOk) {
      out.push(item);
      continue;
    }
    // A follow-up a week or so later; a dissatisfied party (now and then) reopens mediation, settled again.
    let settledAt = ended;
    const stateNow = (): string => item.state;
    for (let round = 0; round < 2 && stateNow() === 'followUp'; round++) {
      const followed = settledAt + (8 + rnd() * 3) * DAY;
      const dissatisfied = round === 0 && !referred && rnd() < 0.03;
      step('recordFollowUp', clerk, followed, { method: homeVisit ? 'homeVisit' : 'phone', agreementKept: referred ? null : !dissatisfied, satisfaction: dissatisfied ? 'dissatisfied' : rnd() < 0.7 ? 'satisfied' : 'basicallySatisfied' });
      if (stateNow() === 'pendingWriteOff') step('writeOff', EXAMPLE_SUPERVISOR, followed + (0.2 + rnd() * 1.5) * DAY);
      if (stateNow() !== 'mediating') break;
      settledAt = followed + (3 + rnd() * 12) * DAY;
      step('settle', mediator, settledAt, { terms: ['被申请人于七日内履行补充约定', '双方不再就此事发生争执'], consentedBy: ['p1', 'p2'], date: dayOf(settledAt), document: `补充协议书-${item.id}` });
    }
    out.push(item);
  }
  return out;
}
