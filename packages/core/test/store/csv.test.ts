import { describe, expect, test } from 'vitest';
import { chinaDate, chinaDateTime, createMemoryStore, csvBytes, exportLedgerCsv, toCsv, type CsvColumn } from '@bihuan/core';
import { makeTasks, taskSpec, type TaskOrder } from '../../../../test/store-contract/fixtures.js';

const columns: CsvColumn<TaskOrder>[] = [
  { header: '编号', value: 'id' },
  { header: '任务', value: 'title' },
  { header: '责任民警', value: 'officerName' },
  { header: '联系电话', value: 'officerPhone' },
  { header: '截止日期', value: 'dueAt', type: 'date' },
  { header: '优先级', value: 'priority', type: 'number' },
];

describe('CSV export of a ledger', () => {
  test('UTF-8 with BOM, CRLF, Chinese headers, China dates, personal data masked', () => {
    const [task] = makeTasks(1);
    const csv = toCsv([{ ...task!, dueAt: '2025-03-31T16:30:00.000Z' }], columns, { schema: undefined });
    expect(csv.startsWith('\uFEFF编号,任务,责任民警,联系电话,截止日期,优先级\r\n')).toBe(true);
    // 16:30 UTC on 31 March is 00:30 on 1 April in China.
    expect(csv).toBe('\uFEFF编号,任务,责任民警,联系电话,截止日期,优先级\r\nT000000,社区警务任务 0,陈明,13812341234,2025-04-01,0\r\n');
    const bytes = csvBytes(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('masks the fields the schema marks unless the caller asks for them in clear', async () => {
    const store = createMemoryStore(taskSpec());
    await store.bulkPut('tasks', makeTasks(2));
    const masked = await exportLedgerCsv(store, 'tasks', columns);
    expect(masked.rows).toBe(2);
    expect(masked.csv).toContain(',陈*,138****1234,');
    expect(masked.csv).not.toContain('13812341234');
    const clear = await exportLedgerCsv(store, 'tasks', columns, { unmasked: true });
    expect(clear.csv).toContain(',陈明,13812341234,');
    const onlyDone = await exportLedgerCsv(store, 'tasks', columns, { where: { index: 'state', equals: 'done' } });
    expect(onlyDone.rows).toBe(0);
    // A column may mark personal data the schema does not.
    const byColumn = toCsv([{ who: '欧阳碧云' }], [{ header: '当事人', value: 'who', personal: 'name' }]);
    expect(byColumn).toBe('\uFEFF当事人\r\n欧阳**\r\n');
    store.close();
  });

  test('RFC 4180 quoting and formula-injection guard', () => {
    type Row = { a: unknown };
    const col: CsvColumn<Row>[] = [{ header: '内容', value: 'a' }];
    const line = (a: unknown) => toCsv([{ a }], col).split('\r\n')[1];
    expect(line('他说"好",然后走了')).toBe('"他说""好"",然后走了"');
    expect(line('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(line('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(line('+86 138')).toBe("'+86 138");
    expect(line('-1')).toBe("'-1");
    expect(line('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(line('\tcmd')).toBe("'\tcmd");
    // Real numbers stay numbers, negative ones included.
    expect(toCsv([{ a: -5 }], [{ header: 'n', value: 'a', type: 'number' }]).split('\r\n')[1]).toBe('-5');
    expect(line(null)).toBe('');
    expect(line(true)).toBe('是');
    expect(line(['海港', '山海关'])).toBe('海港、山海关');
  });

  test('China dates and times (UTC+8, no DST); local dates stay as they are', () => {
    expect(chinaDate('2025-12-31T16:00:00Z')).toBe('2026-01-01');
    expect(chinaDate('2025-12-31T15:59:59Z')).toBe('2025-12-31');
    expect(chinaDate('2025-07-01T00:30:00+08:00')).toBe('2025-07-01');
    expect(chinaDate('2025-07-01')).toBe('2025-07-01');
    expect(chinaDate(new Date(Date.UTC(2025, 5, 30, 20)))).toBe('2025-07-01');
    expect(chinaDateTime('2025-06-30T20:05:00Z')).toBe('2025-07-01 04:05');
    const withTime = toCsv([{ at: '2025-06-30T20:05:00Z' }], [{ header: '时间', value: 'at', type: 'datetime' }]);
    expect(withTime).toBe('\uFEFF时间\r\n2025-07-01 04:05\r\n');
  });
});
