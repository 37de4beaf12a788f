/**
 * Mainland China's statutory public holidays (全国年节及纪念日放假办法, as revised by State Council
 * Decree No. 795, in force from 2025-01-01), for years the State Council's annual notice has not
 * yet arranged. Article 2 fixes the days every citizen has off:
 *
 *   元旦 1 day (01-01) · 春节 4 days (除夕 to 正月初三) · 清明节 1 day (the Qingming solar term) ·
 *   劳动节 2 days (05-01, 05-02) · 端午节 1 day (五月初五) · 中秋节 1 day (八月十五) ·
 *   国庆节 3 days (10-01 to 10-03).
 *
 * Article 6: a holiday that falls on a Saturday or Sunday is made up on a working day (补假); this
 * fallback gives it on the first following weekday that is not itself a holiday. The annual notice
 * also moves weekends around (调休) — that cannot be known in advance, so a deadline counted on
 * these days is provisional (`WorkCalendar.isFallbackYear`, `deadlineProvisional`).
 *
 * Lunar dates: one four-character group per year from 2025 to 2100, base 36 — Spring Festival
 * (正月初一) as days after 01-21, the Qingming day of April, Dragon Boat (五月初五) as days after
 * 05-27, Mid-Autumn (八月十五) as days after 09-07. Computed from the Purple Mountain Observatory
 * rules as implemented by the `lunar-javascript` package (6tail, MIT), and checked against it for
 * every year and against the 2025 and 2026 notices in `test/calendar/statutory.test.ts`.
 */
import { daysFromCivil, weekday } from './instant.js';

/** The first and last years the lunar table holds. */
export const STATUTORY_FIRST_YEAR = 2025;
export const STATUTORY_LAST_YEAR = 2100;

const LUNAR =
  '844tr5nig5d8541qn4kfd59525sol4gca451t5oki5e9743rp4mhe5b6350pm4idb47314qlk5fa944sr4nig4c8552ro4jfc48424rnl5hcb450t4oji4e9753sp4lhe4a634tpm5iec47204qlj4fa855tr4nif4c8541qo5kgd48424rml4hca561t4ojh4e9643sp4lhf4a534som4idc48314qlj4fa845tr4njg4b7540qo4jfd49434rmk4hb9461s4pkh4d9642sp4lhf4a644snm4idb48204rmj5gb';

/** The lunar festival dates of a year (day numbers), or undefined outside the table. */
export interface LunarFestivals {
  readonly springFestival: number;
  readonly qingming: number;
  readonly dragonBoat: number;
  readonly midAutumn: number;
}

export function lunarFestivals(year: number): LunarFestivals | undefined {
  if (!Number.isInteger(year) || year < STATUTORY_FIRST_YEAR || year > STATUTORY_LAST_YEAR) return undefined;
  const at = (year - STATUTORY_FIRST_YEAR) * 4;
  const digit = (i: number) => parseInt(LUNAR[at + i]!, 36);
  return {
    springFestival: daysFromCivil(year, 1, 21) + digit(0),
    qingming: daysFromCivil(year, 4, digit(1)),
    dragonBoat: daysFromCivil(year, 5, 27) + digit(2),
    midAutumn: daysFromCivil(year, 9, 7) + digit(3),
  };
}

/** The festival names, in the form the shipped calendar uses. */
export const STATUTORY_NAMES = {
  newYear: '元旦 New Year',
  springFestival: '春节 Spring Festival',
  qingming: '清明节 Qingming',
  labourDay: '劳动节 Labour Day',
  dragonBoat: '端午节 Dragon Boat',
  midAutumn: '中秋节 Mid-Autumn',
  nationalDay: '国庆节 National Day',
  makeUp: '补假 Make-up day off',
} as const;

/**
 * The statutory days off of `year` (day number → festival name), with the make-up days off for
 * holidays on a weekend; undefined for a year outside 2025–2100.
 */
export function statutoryHolidays(year: number): ReadonlyMap<number, string> | undefined {
  const lunar = lunarFestivals(year);
  if (lunar === undefined) return undefined;
  const days = new Map<number, string>();
  // Mid-Autumn can fall on National Day (as in 2028): one day off, both names.
  const add = (day: number, name: string) => days.set(day, days.has(day) ? `${days.get(day)}、${name}` : name);
  add(daysFromCivil(year, 1, 1), STATUTORY_NAMES.newYear);
  for (let d = -1; d <= 2; d++) add(lunar.springFestival + d, STATUTORY_NAMES.springFestival);
  add(lunar.qingming, STATUTORY_NAMES.qingming);
  add(daysFromCivil(year, 5, 1), STATUTORY_NAMES.labourDay);
  add(daysFromCivil(year, 5, 2), STATUTORY_NAMES.labourDay);
  add(lunar.dragonBoat, STATUTORY_NAMES.dragonBoat);
  add(lunar.midAutumn, STATUTORY_NAMES.midAutumn);
  for (let d = 1; d <= 3; d++) add(daysFromCivil(year, 10, d), STATUTORY_NAMES.nationalDay);
  // 补假: each holiday on a weekend gives the first later weekday that is not a holiday (in order,
  // so that two weekend days of one festival give two days).
  const weekendHolidays = [...days.keys()].filter((d) => weekday(d) === 0 || weekday(d) === 6).sort((a, b) => a - b);
  for (const day of weekendHolidays) {
    let next = day + 1;
    while (weekday(next) === 0 || weekday(next) === 6 || days.has(next)) next++;
    // A make-up day in the next year belongs to that year's arrangement: left to its notice.
    if (next < daysFromCivil(year + 1, 1, 1)) add(next, STATUTORY_NAMES.makeUp);
  }
  return days;
}
