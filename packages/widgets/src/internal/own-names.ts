// The names we own, in English: the whole table and the reader that puts composed names together.
// Apart from words.ts (the punctuation and case rules every widget uses), so that a widget that
// shows none of our example data's names (the rate card) never loads the table.
import type { Locale } from '@bihuan/core/schema';
import { RATE_NAMES } from './rate-names.js';

/**
 * English for the names we own: the departments, matters, firms, police stations, emergency units,
 * venues and events of our own example data, and the labels of our own stories' rate cards. A
 * portal's own data has no English and is shown as it is (`ownName` returns it); a name of ours is
 * never left in Chinese on an English page. Names our examples build from parts (a district and a
 * station, `海港城区派出所`; a unit numbered `山海关商户联防组12号`; an event `第3届海滨马拉松`) are
 * read from the parts below (`ownName` puts their English together): a name only some of whose parts
 * are ours (`厂区周边治安`) is a portal's and stays as it is.
 */
export const OWN_NAMES: Readonly<Record<string, string>> = {
  // Departments (the reception day's and the one-window matters' bodies).
  区人力社保局: 'District Human Resources and Social Security Bureau',
  区规划自然资源局: 'District Planning and Natural Resources Bureau',
  区金融办: 'District Financial Affairs Office',
  区市场监管局: 'District Market Regulation Bureau',
  振兴区司法局: 'Zhenxing District Justice Bureau',
  户政: 'Household registration',
  治安: 'Public order',
  // Matters (one-window services).
  公章刻制备案: 'Company seal engraving filing',
  大型活动安全许可: 'Large-event safety permit',
  无犯罪记录证明: 'Certificate of no criminal record',
  // Firms and projects.
  山海关文旅开发公司: 'Shanhaiguan Culture and Tourism Development Co.',
  昌黎葡萄酒酿造公司: 'Changli Winery Co.',
  秦皇岛某帆船体育文化公司: 'A Qinhuangdao sailing sports and culture company',
  秦皇岛体育文化有限公司: 'Qinhuangdao Sports and Culture Co., Ltd.',
  北戴河康养度假区项目: 'Beidaihe wellness resort project',
  港口物流园项目: 'Port logistics park project',
  北碚智造科技: 'Beibei Smart Manufacturing Technology',
  嘉陵物流: 'Jialing Logistics',
  歇马建材: 'Xiema Building Materials',
  水土新材料: 'Shuitu New Materials',
  温泉文旅: 'Wenquan Culture and Tourism',
  卢龙建材: 'Lulong Building Materials',
  抚宁新材料: 'Funing New Materials',
  滨海物流: 'Binhai Logistics',
  锦绣物业服务有限公司: 'Jinxiu Property Services Co., Ltd.',
  湖北某人力资源服务公司: 'A Hubei human-resources services company',
  鄂州某机械制造公司: 'An Ezhou machinery manufacturer',
  黄石某物业服务公司: 'A Huangshi property services company',
  // Places: the districts and towns our example stations, units and venues stand in.
  海港: 'Haigang',
  山海关: 'Shanhaiguan',
  北戴河: 'Beidaihe',
  抚宁: 'Funing',
  昌黎: 'Changli',
  卢龙: 'Lulong',
  青龙: 'Qinglong',
  // Police stations (a place, then the station: 海港城区派出所).
  城区派出所: 'Urban Police Station',
  城郊派出所: 'Suburban Police Station',
  城关派出所: 'Chengguan Police Station',
  // Emergency units (a place, the kind, its number: 海港商户联防组3号).
  商户联防组: 'Merchant Joint Defence Group',
  企业应急队: 'Enterprise Emergency Team',
  村街应急队: 'Village Emergency Team',
  社区应急队: 'Community Emergency Team',
  // Venues and events (第3届海滨马拉松).
  秦皇岛奥体中心: 'Qinhuangdao Olympic Sports Centre',
  北戴河鸽子窝公园: 'Beidaihe Geziwo Park',
  山海关古城: 'Shanhaiguan Ancient City',
  南戴河海滨: 'Nandaihe Seashore',
  西港花园: 'Xigang Garden',
  昌黎黄金海岸: 'Changli Golden Coast',
  国际帆船赛: 'International Sailing Regatta',
  海滨马拉松: 'Seaside Marathon',
  沙滩排球邀请赛: 'Beach Volleyball Invitational',
  海滨音乐节: 'Seaside Music Festival',
  长城文化旅游节: 'Great Wall Culture and Tourism Festival',
  灯光秀: 'Light Show',
  // Our stories' rate cards (internal/rate-names.ts, which the rate card and rate trend read alone).
  ...RATE_NAMES,
};

/** Parts of composed names, longest first (`山海关古城` is one venue before `山海关` is a place); one-character words (件) never compose. Sorted when first needed, so that importing the table computes nothing. */
let parts: readonly string[] | undefined;
const PARTS = (): readonly string[] => (parts ??= Object.keys(OWN_NAMES).filter((k) => k.length > 1).sort((a, b) => b.length - a.length));

/** The English of `name` read as our parts in a row (with `第N届` and `N号`), or `undefined` when any part is not ours. */
function composed(name: string): string[] | undefined {
  if (name === '') return [];
  const edition = /^第(\d+)届/.exec(name);
  if (edition) {
    const n = Number(edition[1]);
    const rest = composed(name.slice(edition[0].length));
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
    return rest && rest.length > 0 ? [`${n}${suffix}`, ...rest] : undefined;
  }
  const numbered = /^(\d+)号$/.exec(name);
  if (numbered) return [`No. ${numbered[1]}`];
  for (const part of PARTS()) {
    if (!name.startsWith(part)) continue;
    const rest = composed(name.slice(part.length));
    if (rest) return [OWN_NAMES[part]!, ...rest];
  }
  return undefined;
}

/** A department, matter or firm name in `locale`: ours in English on an English page, anything else as given. */
export function ownName(name: string, locale: Locale): string {
  if (locale !== 'en') return name;
  const whole = OWN_NAMES[name];
  if (whole !== undefined) return whole;
  // Only a name made of two or more of our parts: a part alone is in the table already.
  const parts = /\p{Script=Han}/u.test(name) ? composed(name) : undefined;
  return parts && parts.length > 1 ? parts.join(' ') : name;
}
