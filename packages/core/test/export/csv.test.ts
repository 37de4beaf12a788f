import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, chinaDate, chinaDateTime, toCsv } from '@bihuan/core';

const FORMULA = '=HYPERLINK("http://evil.example","点此")';

function cells(csv: string): string[] {
  return csv.replace(/^\uFEFF/, '').split('\r\n')[1]!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
}

describe('CSV cells are guarded whatever their column type', () => {
  test.each(['date', 'datetime'] as const)('a %s column whose value is no date goes out as guarded text', (type) => {
    const csv = toCsv([{ at: FORMULA }], [{ header: '日期', value: 'at', type }]);
    const [cell] = cells(csv);
    expect(cell!.replace(/^"|"$/g, '').startsWith("'=")).toBe(true);
  });

  test('2026-02-30 is not rolled over to 03-02: written as the text it is', () => {
    const csv = toCsv([{ d: '2026-02-30', t: '2026-02-30T10:00:00+08:00' }], [{ header: 'D', value: 'd', type: 'date' }, { header: 'T', value: 't', type: 'datetime' }]);
    expect(cells(csv)).toEqual(['2026-02-30', '2026-02-30T10:00:00+08:00']);
    expect(csv).not.toContain('03-02');
  });

  test('real dates and instants are written in China time', () => {
    const csv = toCsv([{ d: '2026-02-28', t: '2026-02-28T20:30:00Z' }], [{ header: 'D', value: 'd', type: 'date' }, { header: 'T', value: 't', type: 'datetime' }]);
    expect(cells(csv)).toEqual(['2026-02-28', '2026-03-01 04:30']);
  });

  test('chinaDate and chinaDateTime refuse a date that does not exist', () => {
    expect(() => chinaDate('2026-02-30')).toThrow(InvalidArgumentError);
    expect(() => chinaDateTime('2026-02-30T10:00:00Z')).toThrow(InvalidArgumentError);
    expect(chinaDate('2026-02-28T20:30:00Z')).toBe('2026-03-01');
  });

  test('rows and columns that are not arrays, and a column without a header, are refused', () => {
    expect(() => toCsv('x'.repeat(1_000_000) as never, [])).toThrow(/rows/);
    expect(() => toCsv([], [null as never])).toThrow(/columns\[0\]/);
  });

  test('a field named __proto__ reads nothing from the prototype', () => {
    const csv = toCsv([{}], [{ header: 'P', value: '__proto__' as never }, { header: 'C', value: 'constructor' as never }]);
    expect(cells(csv)).toEqual(['', '']);
  });
});
