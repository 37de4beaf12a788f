import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  CalendarYearMissingError,
  InvalidArgumentError,
  WorkCalendar,
  chinaCalendar,
  chinaDay,
  createWorkCalendar,
  formatDate,
  formatInstant,
  parseInstant,
} from '@bihuan/core';

describe('mainland China working days', () => {
  test('make-up working days are working days, holidays are not', () => {
    expect(chinaCalendar.isWorkingDay('2025-09-28')).toBe(true); // a Sunday, 调休上班
    expect(chinaCalendar.isWorkingDay('2025-10-11')).toBe(true); // a Saturday, 调休上班
    expect(chinaCalendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(chinaCalendar.isWorkingDay('2025-09-27')).toBe(false); // an ordinary Saturday
    for (let d = 1; d <= 8; d++) expect(chinaCalendar.isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(chinaCalendar.holidayName('2025-10-06')).toBe('国庆节、中秋节 National Day and Mid-Autumn');
  });

  test('2026: National Day 10-01..07 is off; 10-08 is a working day in the State Council notice', () => {
    // The notice of 2025-11-04 gives seven days (Mid-Autumn falls on 09-25 that year), so 10-08,
    // a Thursday, is a working day; 09-20 and 10-10 are make-up working days.
    for (let d = 1; d <= 7; d++) expect(chinaCalendar.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(chinaCalendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(chinaCalendar.isWorkingDay('2026-09-20')).toBe(true);
    expect(chinaCalendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(chinaCalendar.isWorkingDay('2026-09-25')).toBe(false);
  });

  test('adding working days across the Spring Festival', () => {
    expect(chinaCalendar.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05'); // 01-28..02-04 off
    expect(chinaCalendar.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26'); // Sunday make-up day
    expect(chinaCalendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // Saturday make-up day
    expect(chinaCalendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24'); // 02-15..23 off
    expect(chinaCalendar.addWorkingDays('2026-02-24', 4)).toBe('2026-02-28'); // Saturday make-up day
    expect(chinaCalendar.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
    expect(chinaCalendar.addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(chinaCalendar.workingDaysBetween('2025-09-30', '2025-10-14')).toBe(5);
    expect(chinaCalendar.workingDaysBetween('2025-10-14', '2025-09-30')).toBe(0);
  });

  test('working-day deadlines end at 24:00 China time, whatever the machine’s zone', () => {
    // 23:30 on 09-30 in China is still 09-30 there (15:30 UTC).
    const start = parseInstant('2025-09-30T23:30:00+08:00');
    expect(formatDate(chinaDay(start))).toBe('2025-09-30');
    expect(formatInstant(chinaCalendar.workingDaysDeadline(start, 1))).toBe('2025-10-09T16:00:00.000Z');
    // 00:30 on 10-01 in China is 16:30 UTC on 09-30: already a holiday there.
    const holiday = parseInstant('2025-09-30T16:30:00Z');
    expect(formatDate(chinaDay(holiday))).toBe('2025-10-01');
  });

  test('a host supplies later years; a strict calendar refuses years it does not know', () => {
    const next = chinaCalendar.extend({ 2027: { holidays: { '元旦 New Year': ['2027-01-01'] }, workdays: [] } });
    expect(next.covers(2027)).toBe(true);
    expect(next.isWorkingDay('2027-01-01')).toBe(false);
    expect(chinaCalendar.isWorkingDay('2027-01-01')).toBe(false); // the statutory 元旦, without the notice
    const plain = createWorkCalendar({}, { uncoveredYears: 'weekdays' });
    expect(plain.isWorkingDay('2027-01-01')).toBe(true); // weekdays alone, when a host asks for them
    expect(plain.basis(2027)).toBe('weekdays');
    const strict = createWorkCalendar({ 2025: { holidays: {}, workdays: [] } }, { uncoveredYears: 'throw' });
    expect(() => strict.isWorkingDay('2027-01-04')).toThrow(CalendarYearMissingError);
    expect(() => strict.addWorkingDays('2025-12-31', 1)).toThrow(/2026/);
  });

  test('bad input is refused with the argument named', () => {
    expect(() => chinaCalendar.isWorkingDay('2025-02-30')).toThrow(InvalidArgumentError);
    expect(() => chinaCalendar.addWorkingDays('2025-10-01', -1)).toThrow(/argument n/);
    expect(() => new WorkCalendar({ 2025: { holidays: {}, workdays: ['2025-10-08'] } })).toThrow(/Saturdays or Sundays/);
    expect(() => new WorkCalendar({ 2025: { holidays: { x: ['2026-01-01'] }, workdays: [] } })).toThrow(/2025/);
    expect(() => new WorkCalendar({ 2025: { holidays: { x: ['2025-09-28'] }, workdays: ['2025-09-28'] } })).toThrow(/both/);
  });
});

describe('instants without the machine’s time zone', () => {
  test('parseInstant and formatInstant agree with Date for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: -12, max: 14 }), (date, offsetHours) => {
        const iso = date.toISOString();
        expect(formatInstant(date.getTime())).toBe(iso);
        expect(parseInstant(iso)).toBe(date.getTime());
        const local = new Date(date.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 19);
        const sign = offsetHours < 0 ? '-' : '+';
        const withOffset = `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
        expect(parseInstant(withOffset)).toBe(Date.parse(withOffset));
      }),
      { numRuns: 2000 },
    );
  });

  test('texts that are not instants with an offset give NaN', () => {
    for (const text of ['2025-10-09', '2025-10-09T09:30:00', '2025-02-30T00:00:00Z', '2025-10-09T24:00:00Z', '2025-10-09 09:30:00Z', '2025-10-09T09:30:00.Z', 'x']) {
      expect(parseInstant(text)).toBeNaN();
    }
    expect(parseInstant('2025-10-09T09:30Z')).toBe(Date.parse('2025-10-09T09:30:00Z'));
    expect(parseInstant('2025-10-09T09:30:00.5+08:00')).toBe(Date.parse('2025-10-09T09:30:00.500+08:00'));
  });
});
