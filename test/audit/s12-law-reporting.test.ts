// S12 — six-dimension law reporting (Shangqiu): leaders report on their rule-of-law duties, a panel
// of assessors from other units evaluates, results are graded and ranked (at most 30% 优秀).
// Walked as a county's year-end evaluation, then every out-of-rule variant is refused by rule name.
import { describe, expect, test } from 'vitest';
import { createMemoryStore } from '@bihuan/core/store';
import {
  SIX_DIMENSIONS,
  type EvaluationResult,
  type LawReportInput,
  type ScoredEvaluation,
  type StoredScoreSheet,
  LawReportSchema,
  checkReport,
  defineScheme,
  evaluationStoreSpec,
  rankEvaluations,
  scoreReport,
} from '@bihuan/core/evaluation';

const scheme = defineScheme(SIX_DIMENSIONS);
const SUBMITTED = '2026-01-16T15:30:00+08:00'; // the Friday afternoon of the evaluation meeting

/** The three units reporting this year, each with achievements and shortcomings backed by cases or figures. */
const report = (id: string, unit: string, reporter: string, preTest: number): LawReportInput => ({
  id,
  schemeId: scheme.id,
  unit,
  reporter,
  position: '主要负责人',
  period: '2025',
  achievements: [
    { text: '行政复议纠错', figure: { value: 12, unit: '件' } },
    { text: '重大决策合法性审查全覆盖', case: '2025 年 38 项重大行政决策均经合法性审查' },
  ],
  shortcomings: [{ text: '执法案卷评查发现问题', figure: { value: 7, unit: '卷' } }],
  preTest,
});

/** The panel: assessors from the city's bodies, each acting for their own unit. */
const panel = [
  { assessor: '市委依法治市办-刘', unit: '市委依法治市办' },
  { assessor: '市人大法工委-陈', unit: '市人大法工委' },
  { assessor: '市司法局-周', unit: '市司法局' },
  { assessor: '梁园区司法局-孙', unit: '梁园区司法局' },
];
const flat = (n: number) => ({ achievements: n, shortcomings: n - 2, performance: n, rectification: n - 4, accountability: n - 2 });
const sheetsFor = (reportId: string, base: number, who = panel.filter((p) => p.unit !== '梁园区司法局')): StoredScoreSheet[] =>
  who.map((p, i) => ({ reportId, assessor: p.assessor, unit: p.unit, scores: flat(base + i), submittedAt: SUBMITTED }));
const scored = (r: EvaluationResult): ScoredEvaluation => {
  if (!r.ok) throw new Error(r.reasons.map((x) => x.message.en).join('; '));
  return r;
};

async function yearEnd() {
  const store = createMemoryStore(evaluationStoreSpec);
  await store.put('schemes', SIX_DIMENSIONS);
  const reports = [report('SF-2025-LY', '梁园区司法局', '梁园区司法局局长', 92), report('SF-2025-SY', '睢阳区公安分局', '睢阳区公安分局局长', 86), report('SF-2025-YC', '虞城县住建局', '虞城县住建局局长', 78)];
  for (const r of reports) await store.put('reports', r);
  // Three assessors from other units score each report (梁园区's own assessor sits out its report).
  await store.bulkPut('sheets', [...sheetsFor('SF-2025-LY', 94), ...sheetsFor('SF-2025-SY', 88, panel.slice(1)), ...sheetsFor('SF-2025-YC', 80, panel.slice(1))]);
  const results = [];
  for (const r of reports) {
    const stored = (await store.get('reports', r.id))!;
    const { items } = await store.all('sheets', { index: 'report', equals: r.id });
    results.push(scoreReport(scheme, stored, items));
  }
  return { store, reports, results };
}

describe('S12 as a county party committee runs it', () => {
  test('three reports, each checked for the double requirement, scored by a panel from other units, graded and ranked', async () => {
    const { reports, results } = await yearEnd();
    expect(reports.map((r) => checkReport(r).acceptable)).toEqual([true, true, true]);
    const [ly, sy, yc] = results.map(scored);
    // Each total is exact, shown to two decimals, and graded from the figure shown. 梁园区: the
    // trimmed means of three are the middle sheet's 95, 93, 95, 91, 93, with the pre-test 92:
    // 0.2 × 95 + 0.2 × 93 + 0.15 × (92 + 95 + 91 + 93) = 93.25.
    expect([ly!.shown, ly!.grade.label['zh-CN']]).toEqual(['93.25', '优秀']);
    expect([sy!.shown, sy!.grade.label['zh-CN']]).toEqual(['87.25', '良好']);
    expect([yc!.shown, yc!.grade.label['zh-CN']]).toEqual(['79.25', '合格']);
    // Ranking: the preset caps 优秀 at 30%, rounded down but never none — a county of three keeps its one 优秀.
    const ranked = rankEvaluations(scheme, [yc!, ly!, sy!]);
    expect(ranked.map((r) => `${r.rank}:${r.subject}:${r.grade.label['zh-CN']}`)).toEqual(['1:SF-2025-LY:优秀', '2:SF-2025-SY:良好', '3:SF-2025-YC:合格']);
  });
});

describe('S12 out of rule: refused, by rule name, the stored records unchanged', () => {
  test('an assessor of the unit reporting never scores it (own_unit)', async () => {
    const { store } = await yearEnd();
    const before = await store.all('sheets', { index: 'report', equals: 'SF-2025-LY' });
    const own = { reportId: 'SF-2025-LY', assessor: '梁园区司法局-孙', unit: '梁园区司法局', scores: flat(100), submittedAt: SUBMITTED };
    const r = scoreReport(scheme, (await store.get('reports', 'SF-2025-LY'))!, [...before.items, own]);
    expect(r.ok ? [] : r.reasons.map((x) => [x.rule, x.field])).toEqual([['own_unit', 'sheets[3].unit']]);
    expect((await store.all('sheets', { index: 'report', equals: 'SF-2025-LY' })).items).toEqual(before.items);
  });

  test('one assessor, or two, where the preset means a panel of three (panel_too_small)', async () => {
    const { store } = await yearEnd();
    const stored = (await store.get('reports', 'SF-2025-SY'))!;
    const { items } = await store.all('sheets', { index: 'report', equals: 'SF-2025-SY' });
    for (const few of [items.slice(0, 1), items.slice(0, 2)]) {
      const r = scoreReport(scheme, stored, few);
      expect(r.ok ? [] : r.reasons.map((x) => x.rule)).toEqual(['panel_too_small']);
    }
  });

  test('a report with no shortcomings is not scored, with the rule checkReport names (shortcomings_required)', async () => {
    const { store } = await yearEnd();
    const glowing = { ...report('SF-2025-XX', '夏邑县教育局', '夏邑县教育局局长', 95), shortcomings: [] };
    await store.put('reports', glowing);
    const sheets = sheetsFor('SF-2025-XX', 99);
    const r = scoreReport(scheme, (await store.get('reports', 'SF-2025-XX'))!, sheets);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.reasons.map((x) => x.rule)).toEqual(checkReport(glowing).problems.map((p) => p.rule));
    expect(r.ok ? [] : r.reasons.map((x) => x.rule)).toEqual(['shortcomings_required']);
    expect((await store.get('reports', 'SF-2025-XX'))!.shortcomings).toEqual([]);
  });

  test('a claim without a case or figure is not scored (claim_needs_evidence)', async () => {
    const vague = { ...report('SF-2025-ZZ', '柘城县市场监管局', '柘城县市场监管局局长', 90), achievements: [{ text: '法治建设成效显著' }] };
    const r = scoreReport(scheme, LawReportSchema.parse(vague), sheetsFor('SF-2025-ZZ', 95));
    expect(r.ok ? [] : r.reasons.map((x) => [x.rule, x.field])).toEqual([['claim_needs_evidence', 'achievements[0]']]);
  });
});
