import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import {
  CN_HOLIDAYS,
  CalendarYearMissingError,
  InvalidArgumentError,
  STATUTORY_FIRST_YEAR,
  STATUTORY_LAST_YEAR,
  STATUTORY_NAMES,
  chinaCalendar,
  createWorkCalendar,
  formatDate,
  lunarFestivals,
  parseDate,
  statutoryHolidays,
} from '@bihuan/core';

// The reference implementation of the Chinese calendar the table was checked against (test only).
const { Lunar } = createRequire(import.meta.url)('lunar-javascript') as {
  Lunar: { fromYmd(y: number, m: number, d: number): { getSolar(): { toYmd(): string }; getJieQiTable(): Record<string, { toYmd(): string }> } };
};

const dates = (days: ReadonlyMap<number, string> | undefined, name?: string) =>
  [...(days ?? new Map<number, string>())].filter(([, n]) => name === undefined || n === name).map(([d]) => formatDate(d)).sort();

describe('statutory holidays without the annual notice (全国年节及纪念日放假办法, from 2025)', () => {
  test('the lunar table matches the reference calendar for every year it holds', () => {
    for (let year = STATUTORY_FIRST_YEAR; year <= STATUTORY_LAST_YEAR; year++) {
      const l = lunarFestivals(year)!;
      expect(formatDate(l.springFestival), `${year} 春节`).toBe(Lunar.fromYmd(year, 1, 1).getSolar().toYmd());
      expect(formatDate(l.dragonBoat), `${year} 端午`).toBe(Lunar.fromYmd(year, 5, 5).getSolar().toYmd());
      expect(formatDate(l.midAutumn), `${year} 中秋`).toBe(Lunar.fromYmd(year, 8, 15).getSolar().toYmd());
      expect(formatDate(l.qingming), `${year} 清明`).toBe(Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明']!.toYmd());
    }
    expect(lunarFestivals(2024)).toBeUndefined();
    expect(lunarFestivals(2101)).toBeUndefined();
  });

  test('known dates: 2027 Spring Festival 02-06, Qingming 04-05, Dragon Boat 06-09, Mid-Autumn 09-15', () => {
    const l = lunarFestivals(2027)!;
    expect([l.springFestival, l.qingming, l.dragonBoat, l.midAutumn].map(formatDate)).toEqual(['2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15']);
  });

  test('every statutory day of 2025 and 2026 is a day off in that year’s notice', () => {
    for (const year of [2025, 2026] as const) {
      const notice = new Set(Object.values(CN_HOLIDAYS[year].holidays).flat());
      const law = [...statutoryHolidays(year)!].filter(([, name]) => name !== STATUTORY_NAMES.makeUp).map(([d]) => formatDate(d));
      expect(law.length).toBe(13); // 1 + 4 + 1 + 2 + 1 + 1 + 3
      for (const day of law) expect(notice.has(day), `${day} in the ${year} notice`).toBe(true);
    }
  });

  test('2027 without its notice: 元旦, 除夕–初三 and make-up days for the weekend ones', () => {
    const y = statutoryHolidays(2027)!;
    expect(dates(y, STATUTORY_NAMES.newYear)).toEqual(['2027-01-01']);
    expect(dates(y, STATUTORY_NAMES.springFestival)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    // 02-06/07, 05-01/02 and 10-02/03 are Saturdays and Sundays: made up on the next weekdays.
    expect(dates(y, STATUTORY_NAMES.makeUp)).toEqual(['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05']);
    expect(chinaCalendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(chinaCalendar.holidayName('2027-02-08')).toBe(STATUTORY_NAMES.springFestival);
    expect(chinaCalendar.isWorkingDay('2027-02-11')).toBe(true);
    expect(chinaCalendar.basis(2027)).toBe('statutory');
    expect(chinaCalendar.basis(2026)).toBe('notice');
    expect(chinaCalendar.isFallbackYear(2027)).toBe(true);
    expect(chinaCalendar.isFallbackYear(2026)).toBe(false);
  });

  test('the notice, once added, replaces the fallback for its year', () => {
    const notice = chinaCalendar.extend({ 2027: { holidays: { '元旦 New Year': ['2027-01-01', '2027-01-02', '2027-01-03'] }, workdays: [] } });
    expect(notice.basis(2027)).toBe('notice');
    expect(notice.isWorkingDay('2027-02-08')).toBe(true); // this made-up notice gives no Spring Festival
    expect(chinaCalendar.isWorkingDay('2027-02-08')).toBe(false); // the shipped calendar is unchanged
  });

  test('2028: Mid-Autumn on National Day is one day off with both names', () => {
    expect(formatDate(lunarFestivals(2028)!.midAutumn)).toBe('2028-10-03');
    expect(chinaCalendar.holidayName('2028-10-03')).toBe(`${STATUTORY_NAMES.midAutumn}、${STATUTORY_NAMES.nationalDay}`);
  });

  test('property: a statutory year has 13 days by law (12 when Mid-Autumn falls on National Day), made-up weekend ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: STATUTORY_FIRST_YEAR, max: STATUTORY_LAST_YEAR }), (year) => {
        const days = statutoryHolidays(year)!;
        const law = [...days].filter(([, n]) => n !== STATUTORY_NAMES.makeUp).map(([d]) => d);
        const makeUp = [...days].filter(([, n]) => n === STATUTORY_NAMES.makeUp).map(([d]) => d);
        const weekend = law.filter((d) => [0, 6].includes(new Date(d * 86_400_000).getUTCDay()));
        const onNationalDay = formatDate(lunarFestivals(year)!.midAutumn) <= `${year}-10-03` && formatDate(lunarFestivals(year)!.midAutumn) >= `${year}-10-01`;
        expect(law.length).toBe(onNationalDay ? 12 : 13);
        for (const d of makeUp) expect([0, 6]).not.toContain(new Date(d * 86_400_000).getUTCDay());
        // A make-up day that would fall into the next year is left to that year's notice.
        expect(makeUp.length).toBeLessThanOrEqual(weekend.length);
        for (const d of days.keys()) expect(formatDate(d).startsWith(String(year))).toBe(true);
      }),
    );
  });

  test('bad years and policies are refused, naming the argument; a strict calendar still throws', () => {
    expect(() => chinaCalendar.basis(1800)).toThrow(InvalidArgumentError);
    expect(() => chinaCalendar.isFallbackYear(Number.NaN)).toThrow(/argument year/);
    expect(() => createWorkCalendar({}, { uncoveredYears: 'lunar' as never })).toThrow(/options.uncoveredYears/);
    const strict = createWorkCalendar({}, { uncoveredYears: 'throw' });
    expect(() => strict.isWorkingDay('2027-01-04')).toThrow(CalendarYearMissingError);
    expect(() => strict.basis(2027)).toThrow(CalendarYearMissingError);
    expect(parseDate('2027-01-01')).toBe(statutoryHolidays(2027)!.keys().next().value);
  });
});
