// Records that fill the printed documents (examples, not real people): a settled noise dispute
// followed up, a supervision order, an evaluation scored under the six-dimension preset.
import { defineScheme, scoreEvaluation, SIX_DIMENSIONS, type DisputeItem } from '@bihuan/core';
import { accept, walk } from './disputes.js';

/** The source's noise case, settled and followed up (the agreement kept). */
export function settledCase(id = 'JF-20251110-0425'): DisputeItem {
  return walk(accept(id, '2025-11-10T09:00:00+08:00'), ['route', 'mediate', 'settle', 'recordFollowUp']);
}

/** Only accepted: no agreement to print yet. */
export const freshCase = (id = 'JF-20251112-0431'): DisputeItem => accept(id, '2025-11-12T09:30:00+08:00');

/** A settlement with many terms (a long agreement: two pages). */
export function longAgreement(): DisputeItem {
  const terms = Array.from({ length: 28 }, (_, i) => `第${i + 1}项：楼上住户每日 22:00 至次日 7:00 降低生活噪声，如有违反，由社区居委会当面提醒并记录在案。`);
  return walk(accept('JF-20251110-0426', '2025-11-10T09:00:00+08:00'), ['route', 'mediate', ['settle', { terms, consentedBy: ['p1', 'p2'], date: '2025-11-10' }]]);
}

export const supervisionOrder = {
  id: 'DB-2025-0031',
  item: { kind: '矛盾纠纷', id: 'JF-20251028-0398', title: '物业维修费用纠纷' },
  from: '振兴区综治中心',
  to: '站前街道综治中心',
  instruction: '该纠纷调解阶段已超期 5 个工作日，请于限期内完成调解或依法移送，并书面报送办理结果。',
  reason: '调解阶段逾期 5 个工作日',
  issuedAt: '2025-11-18T09:00:00+08:00',
  due: '2025-11-25',
  issuedBy: '高主任',
};

export function lawReportRecord() {
  const scores = { achievements: 86, shortcomings: 80, performance: 88, rectification: 84, accountability: 82 };
  const result = scoreEvaluation(defineScheme(SIX_DIMENSIONS), {
    subject: 'SF-2025-01',
    preTest: 88,
    sheets: Array.from({ length: 7 }, (_, i) => ({ assessor: `评议人${i + 1}`, unit: `单位${i + 1}`, scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v + (i % 3) - 1])) })),
  });
  if (!result.ok) throw new Error('the example evaluation does not score');
  return {
    id: 'SF-2025-01',
    unit: '振兴区司法局',
    reporter: '王局长',
    post: '局长',
    period: '2025年度',
    date: '2025-12-20',
    result,
    rank: { position: 3, of: 12 },
    findings: ['部分镇街回访不及时（34 件未按期回访）', '合同合法性审查流于形式'],
  };
}
