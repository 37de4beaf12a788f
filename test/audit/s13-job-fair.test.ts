// S13 Return to society (E'dong prison): a job fair before release — 19 firms, 800+ jobs;
// inmates fill in employment-intention forms, matched to openings with reasons.
import { describe, expect, test } from 'vitest';
import { createMemoryStore } from '@bihuan/core/store';
import { explainMatch, intentionForm, jobFairStore, jobFairSummary, matchIntention, type EmploymentIntentionInput, type JobOpeningInput } from '@bihuan/core/job-fair';

const fairId = 'fair-2025-spring';
const firms = Array.from({ length: 19 }, (_, i) => ({ id: `firm-${String(i + 1).padStart(2, '0')}`, fairId, name: `鄂东爱心企业${i + 1}有限公司` }));
// 19 firms × (a general opening of 30 and a skilled one of 13) = 817 jobs: "800余个岗位".
const openings: JobOpeningInput[] = firms.flatMap((f) => [
  { id: `${f.id}-pack`, fairId, firmId: f.id, title: '包装工', kind: 'general', count: 30, pay: { min: 3500, max: 4500 } },
  { id: `${f.id}-weld`, fairId, firmId: f.id, title: '电焊工', kind: 'skilled', count: 13, pay: { min: 5500, max: 7500 }, conditions: { skills: ['电焊'], certificates: ['特种作业操作证'] } },
]);
const form: EmploymentIntentionInput = {
  id: 'I-0001',
  fairId,
  name: '刘某',
  kinds: ['skilled'],
  expectedPay: 6000,
  skills: ['电焊'],
  certificates: ['特种作业操作证'],
  releaseDate: '2025-06-30',
  filledOn: '2025-04-18',
};

describe('S13 the job fair before release', () => {
  test('19 firms, 800+ jobs; a welder’s form finds the welding openings, with reasons', async () => {
    const store = createMemoryStore(jobFairStore);
    await store.put('fairs', { id: fairId, title: '春风行动出监前专场招聘会', date: '2025-04-18', venue: '鄂东监狱教育中心' });
    await store.bulkPut('firms', firms);
    await store.bulkPut('openings', openings);
    await store.bulkPut('intentions', [intentionForm(form), { ...form, id: 'I-0002', name: '陈某', kinds: ['service'], skills: [], certificates: [] }]);
    const at = { index: 'fair', equals: fairId } as const;
    const s = jobFairSummary({ firms: (await store.all('firms', at)).items, openings: (await store.all('openings', at)).items, intentions: (await store.all('intentions', at)).items });
    expect(s).toMatchObject({ firms: 19, openings: 38, jobs: 817, forms: 2, formsMatched: 1, matchedShare: '50%' });
    const matches = matchIntention(form, openings);
    expect(matches).toHaveLength(19);
    expect(matches[0]!.reasons.map((r) => r.code)).toEqual(['kind', 'pay', 'skill', 'certificate']);
    expect(explainMatch({ ...form, certificates: [] }, openings[1]!).missing.map((r) => r.code)).toEqual(['certificate']);
    store.close();
  });

  test('out of rule: refused by name; a record listed twice is refused, not counted twice', () => {
    expect(() => intentionForm({ ...form, kinds: [] })).toThrow(/intention\.kinds/);
    expect(() => intentionForm({ ...form, kinds: ['skilled', 'skilled'] })).toThrow(/intention\.kinds/);
    expect(() => jobFairSummary({ firms, openings: [{ ...openings[0]!, firmId: 'firm-none' }], intentions: [] })).toThrow(/records\.openings\[0\]\.firmId/);
    expect(() => jobFairSummary({ firms: [...firms, firms[0]!], openings, intentions: [] })).toThrow(/records\.firms\.19\.id .*twice/);
    expect(() => jobFairSummary({ firms, openings: [...openings, openings[0]!], intentions: [] })).toThrow(/records\.openings\.38\.id/);
    expect(() => jobFairSummary({ firms, openings, intentions: [form, form] })).toThrow(/records\.intentions\.1\.id/);
    expect(() => jobFairSummary({ firms: [{}], openings: [], intentions: [] } as never)).toThrow(/records\.firms\.0/);
  });
});
