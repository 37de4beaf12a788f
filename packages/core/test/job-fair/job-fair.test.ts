import { describe, expect, test } from 'vitest';
import {
  createMemoryStore,
  EmploymentIntentionSchema,
  type EmploymentIntentionInput,
  explainMatch,
  InvalidArgumentError,
  jobFairStore,
  jobFairSummary,
  type JobOpeningInput,
  maskRecord,
  matchIntention,
} from '@bihuan/core';

const welder: JobOpeningInput = {
  id: 'O-weld', fairId: 'fair-1', firmId: 'firm-1', title: '电焊工', kind: 'skilled', count: 20,
  pay: { min: 5000, max: 7000 }, conditions: { skills: ['电焊'], certificates: ['特种作业操作证'] }, location: '武汉',
};
const packer: JobOpeningInput = { id: 'O-pack', fairId: 'fair-1', firmId: 'firm-2', title: '包装普工', kind: 'general', count: 50, pay: { min: 3800, max: 4500 } };
const cook: JobOpeningInput = { id: 'O-cook', fairId: 'fair-1', firmId: 'firm-2', title: '食堂帮厨', kind: 'logistics', count: 5, pay: { min: 3500, max: 4000 }, conditions: { skills: ['烹饪'] } };
const form: EmploymentIntentionInput = {
  id: 'I-1', fairId: 'fair-1', name: '张某某', kinds: ['skilled', 'general'], expectedPay: 4200,
  skills: ['电焊', '叉车'], certificates: ['特种作业操作证'], preferredLocation: '武汉', filledOn: '2026-03-20',
};

describe('job fair before release: matching intentions to openings, with reasons', () => {
  test('a match states why: kind, pay against expectation, skills, certificates, place', () => {
    const e = explainMatch(form, welder);
    expect(e.matched).toBe(true);
    expect(e.reasons.map((r) => r.code)).toEqual(['kind', 'pay', 'skill', 'certificate', 'location']);
    expect(e.reasons[1]!.message['zh-CN']).toBe('月薪 5000–7000 元，可达期望的 4200 元');
    expect(e.reasons[2]!.message.en).toBe('has the required skill: 电焊');
  });

  test('no match names what is missing', () => {
    const noCert = explainMatch({ ...form, certificates: [] }, welder);
    expect(noCert.matched).toBe(false);
    expect(noCert.missing.map((r) => r.message['zh-CN'])).toEqual(['缺少所需证书：特种作业操作证']);
    const lowPay = explainMatch({ ...form, expectedPay: 8000 }, welder);
    expect(lowPay.missing.map((r) => r.code)).toEqual(['pay']);
    expect(explainMatch(form, cook).missing.map((r) => r.code)).toEqual(['kind', 'pay', 'skill']);
  });

  test('matchIntention lists the suitable openings, best first', () => {
    const matches = matchIntention(form, [cook, packer, welder]);
    expect(matches.map((m) => m.opening.id)).toEqual(['O-weld', 'O-pack']);
    expect(matchIntention({ ...form, kinds: ['service'] }, [cook, packer, welder])).toEqual([]);
  });

  test('the fair in figures: the source’s 19 firms and 800+ jobs', () => {
    const firms = Array.from({ length: 19 }, (_, i) => ({ id: `firm-${i}`, fairId: 'fair-1', name: `爱心企业${i + 1}` }));
    const openings = firms.flatMap((f, i) => [
      { ...packer, id: `${f.id}-a`, firmId: f.id, count: 30 },
      { ...welder, id: `${f.id}-b`, firmId: f.id, count: i < 5 ? 14 : 10 },
    ]);
    const s = jobFairSummary({ firms, openings, intentions: [form, { ...form, id: 'I-2', kinds: ['service'] }] });
    expect(s).toMatchObject({ firms: 19, openings: 38, jobs: 19 * 30 + 5 * 14 + 14 * 10, forms: 2, formsMatched: 1, matchedShare: '50%' });
    expect(s.jobs).toBe(780);
    expect(s.byKind.skilled).toEqual({ openings: 19, jobs: 210, forms: 1 });
    expect(jobFairSummary({ firms: [], openings: [], intentions: [] }).matchedShare).toBe('—');
  });

  test('bad input throws InvalidArgumentError naming the argument', () => {
    expect(() => explainMatch({ ...form, kinds: [] }, welder)).toThrow(/intention\.kinds/);
    expect(() => explainMatch(form, { ...welder, pay: { min: 8000, max: 5000 } })).toThrow(/opening\.pay\.max/);
    expect(() => explainMatch(form, { ...welder, count: 0 })).toThrow(InvalidArgumentError);
    expect(() => matchIntention(form, 'x' as never)).toThrow(/openings/);
    expect(() => jobFairSummary({ firms: [], openings: [welder], intentions: [] })).toThrow(/records\.openings\[0\]\.firmId/);
    expect(() => explainMatch({ ...form, kinds: ['skilled', 'skilled'] }, welder)).toThrow(/intention\.kinds/);
  });

  test('an inmate’s name is personal data, masked in exports; the store keeps forms', async () => {
    expect((maskRecord(EmploymentIntentionSchema, form) as { name: string }).name).toBe('张**');
    const store = createMemoryStore(jobFairStore);
    await store.put('intentions', form);
    await store.put('openings', welder);
    expect(await store.count('openings', { index: 'kind', equals: 'skilled' })).toBe(1);
    await expect(store.put('intentions', { ...form, expectedPay: -1 })).rejects.toThrow();
  });
});

describe('the fair’s summary counts each record once', () => {
  test('a firm, an opening or a form listed twice is refused naming it, not counted twice', () => {
    const firms = [{ id: 'firm-1', fairId: 'fair-1', name: '鄂东机械有限公司' }, { id: 'firm-2', fairId: 'fair-1', name: '黄石包装有限公司' }];
    expect(jobFairSummary({ firms, openings: [welder, packer], intentions: [form] })).toMatchObject({ firms: 2, openings: 2, forms: 1 });
    expect(() => jobFairSummary({ firms: [...firms, firms[0]!], openings: [], intentions: [] })).toThrow(/records\.firms\.2\.id .*twice/);
    expect(() => jobFairSummary({ firms, openings: [welder, welder], intentions: [] })).toThrow(/records\.openings\.1\.id/);
    expect(() => jobFairSummary({ firms, openings: [], intentions: [form, form] })).toThrow(/records\.intentions\.1\.id/);
  });
});
