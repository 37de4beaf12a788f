import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, checkReport, createMemoryStore, evaluationStoreSpec, formatScore, scoreReport } from '@bihuan/core';
import { flat, goodReport, six } from './fixtures.js';

describe('the report itself: the double requirement', () => {
  test('a report with achievements and shortcomings, each with a case or figure, is acceptable', () => {
    expect(checkReport(goodReport())).toEqual({ acceptable: true, problems: [] });
  });

  test('a report with no shortcomings is not acceptable, with the rule it breaks', () => {
    const check = checkReport({ ...goodReport(), shortcomings: [] });
    expect(check.acceptable).toBe(false);
    expect(check.problems).toEqual([
      {
        rule: 'shortcomings_required',
        field: 'shortcomings',
        message: {
          'zh-CN': '双要求：必须摆短，没有查摆问题的述法报告不合格（未查摆任何问题）',
          en: 'double requirement: a report with no shortcomings is not acceptable (no shortcoming is exposed)',
        },
      },
    ]);
  });

  test('claims without a case or figure are refused one by one, by field', () => {
    const check = checkReport({ ...goodReport(), achievements: [{ text: '法治建设成效显著' }], shortcomings: [{ text: '学法不够深入' }, { text: '回访不及时', figure: { value: 34, unit: '件' } }] });
    expect(check.problems.map((p) => `${p.rule}@${p.field}`)).toEqual(['claim_needs_evidence@achievements[0]', 'claim_needs_evidence@shortcomings[0]']);
    expect(check.problems[1]!.message['zh-CN']).toContain('第 1 项问题“学法不够深入”没有案例或数据');
  });

  test('input that is not a report throws naming the field', () => {
    try {
      checkReport({ ...goodReport(), shortcomings: [{ text: '   ' }] });
      throw new Error('did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe('report.shortcomings.0.text');
    }
  });

  test('a stored report is scored from its stored sheets', async () => {
    const store = createMemoryStore(evaluationStoreSpec);
    const report = await store.put('reports', goodReport());
    const at = '2026-01-10T10:00:00+08:00';
    await store.bulkPut('sheets', [
      { reportId: report.id, assessor: 'a1', scores: flat(90), submittedAt: at },
      { reportId: report.id, assessor: 'a2', scores: flat(80), submittedAt: at },
      { reportId: report.id, assessor: 'a3', scores: flat(85), submittedAt: at },
      { reportId: 'other', assessor: 'a1', scores: flat(10), submittedAt: at },
    ]);
    const { items } = await store.all('sheets', { index: 'report', equals: report.id });
    const result = scoreReport(six(), report, items);
    expect(result.ok && formatScore(result.total)).toBe('85.45'); // 0.85 × 85 (the trimmed mean of 80, 85, 90) + 0.15 × 88
    expect(() => scoreReport(six(), report, [{ reportId: 'other', assessor: 'x', scores: {}, submittedAt: at }])).toThrow(InvalidArgumentError);
  });
});
