import { formatDate, parseDate } from '../calendar/instant.js';
import { DISPUTE_CATEGORIES } from './routing.js';
import { acceptDispute } from './intake.js';
import type { DisputeItem } from './definition.js';
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
