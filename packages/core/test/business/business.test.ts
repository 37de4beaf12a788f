import { describe, expect, test } from 'vitest';
import {
  acceptWindowCase,
  applyLoopEvent,
  assignLiaison,
  businessStore,
  createMemoryStore,
  InvalidArgumentError,
  type KeyFirm,
  limitReduction,
  cutLimit,
  LIMIT_CUT_RULE,
  liaisonSummary,
  logVisit,
  maskRecord,
  oneWindowSummary,
  overdue,
  windowCaseLoop,
  windowCaseSummary,
  windowCaseTransition,
  KeyFirmSchema,
} from '@bihuan/core';

const firm: KeyFirm = { id: 'F-001', name: '秦皇岛某帆船体育文化公司', kind: 'firm', officer: null, assistant: null, assignedOn: null };
const officer = { id: 'P-liliang', name: '李亮', unit: '西港治安派出所', phone: '13800001111' };
const assistant = { id: 'A-zhao', name: '赵敏', unit: '西港治安派出所' };
const assign = (f: KeyFirm, a: unknown, replace?: boolean) => assignLiaison(f, a, replace === undefined ? undefined : { replace });

describe('一企一警一助理: one firm, one officer, one assistant', () => {
  test('a firm gets exactly one officer and one assistant', () => {
    const r = assign(firm, { officer, assistant, date: '2025-03-10' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ officer: { id: 'P-liliang' }, assistant: { id: 'A-zhao' }, assignedOn: '2025-03-10' });
  });

  test.each([
    ['no officer', { assistant, date: '2025-03-10' }, 'one_officer', 'officer'],
    ['no assistant', { officer, assistant: null, date: '2025-03-10' }, 'one_assistant', 'assistant'],
    ['two officers', { officer: [officer, { ...assistant, id: 'P-2' }], assistant, date: '2025-03-10' }, 'one_officer', 'officer'],
    ['two assistants', { officer, assistant: [assistant, { ...assistant, id: 'A-2' }], date: '2025-03-10' }, 'one_assistant', 'assistant'],
    ['the same person as both', { officer, assistant: { ...officer }, date: '2025-03-10' }, 'two_people', 'assistant'],
  ])('refused with a reason: %s', (_name, assignment, rule, field) => {
    const r = assign(firm, assignment);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatchObject({ rule, field });
      expect(r.reason.message['zh-CN']).toMatch(/联络民警|助理/);
      expect(r.reason.message.en).toMatch(/officer|assistant/);
    }
  });

  test('a second pair is a handover: refused unless replace is set', () => {
    const first = assign(firm, { officer, assistant, date: '2025-03-10' });
    if (!first.ok) throw new Error('expected ok');
    const again = assign(first.value, { officer: { ...officer, id: 'P-new', name: '王强' }, assistant, date: '2025-06-01' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason.rule).toBe('already_assigned');
    const handover = assign(first.value, { officer: { ...officer, id: 'P-new', name: '王强' }, assistant, date: '2025-06-01' }, true);
    expect(handover.ok && handover.value.officer?.name).toBe('王强');
  });

  test('the record schema itself refuses a half pair and one person as both', () => {
    expect(KeyFirmSchema.safeParse({ ...firm, officer, assignedOn: '2025-03-10' }).success).toBe(false);
    expect(KeyFirmSchema.safeParse({ ...firm, officer, assistant: officer, assignedOn: '2025-03-10' }).success).toBe(false);
  });

  test('bad arguments throw InvalidArgumentError naming them', () => {
    expect(() => assignLiaison({ ...firm, kind: 'shop' } as never, { officer, assistant, date: '2025-03-10' })).toThrow(InvalidArgumentError);
    const err = (() => {
      try {
        assignLiaison(firm, { officer: { id: 'x', name: ' ' }, assistant, date: '2025-03-10' });
      } catch (e) {
        return e as InvalidArgumentError;
      }
    })();
    expect(err?.argument).toBe('assignment.officer.name');
    expect(() => assignLiaison(firm, { officer, assistant, date: '2025-02-30' })).toThrow(/assignment\.date/);
    expect(() => liaisonSummary('x' as never)).toThrow(InvalidArgumentError);
  });

  test('visits are logged only by the firm’s own officer or assistant', () => {
    const r = assign(firm, { officer, assistant, date: '2025-03-10' });
    if (!r.ok) throw new Error('expected ok');
    const visit = { id: 'V-1', firmId: 'F-001', date: '2025-03-10', by: 'P-liliang', kind: 'onSite', needs: '今年计划承办的赛事安保' } as const;
    expect(logVisit(r.value, visit).ok).toBe(true);
    const stranger = logVisit(r.value, { ...visit, by: 'P-other' });
    expect(!stranger.ok && stranger.reason.rule).toBe('by_liaison');
    const unassigned = logVisit(firm, visit);
    expect(!unassigned.ok && unassigned.reason.rule).toBe('firm_assigned');
    const other = logVisit(r.value, { ...visit, firmId: 'F-002' });
    expect(!other.ok && other.reason.rule).toBe('same_firm');
    expect(() => logVisit(r.value, { ...visit, kind: 'letter' } as never)).toThrow(/visit\.kind/);
  });

  test('time makes sense: no visit before the pair took over, no handover dated before the current pair', () => {
    const r = assign(firm, { officer, assistant, date: '2025-03-10' });
    if (!r.ok) throw new Error('expected ok');
    const early = logVisit(r.value, { id: 'V-0', firmId: 'F-001', date: '2025-03-09', by: 'P-liliang', kind: 'phone' });
    expect(early.ok ? null : early.reason).toMatchObject({ rule: 'visit_after_assignment', field: 'date', message: { en: 'the visit on 2025-03-09 is before the current pair took over 秦皇岛某帆船体育文化公司 (2025-03-10)' } });
    const back = assign(r.value, { officer: { ...officer, id: 'P-new', name: '王强' }, assistant, date: '2025-03-01' }, true);
    expect(back.ok ? null : [back.reason.rule, back.reason.field]).toEqual(['handover_after_assignment', 'date']);
    expect(assign(r.value, { officer: { ...officer, id: 'P-new', name: '王强' }, assistant, date: '2025-03-10' }, true).ok).toBe(true);
  });

  test('the register in figures: the source’s 361 key firms and projects, all covered', () => {
    const firms: KeyFirm[] = Array.from({ length: 361 }, (_, i) => ({
      ...firm,
      id: `F-${i}`,
      kind: i < 300 ? 'firm' : 'project',
      officer: { id: `P-${i % 40}`, name: `民警${i % 40}` },
      assistant: { id: `A-${i % 60}`, name: `助理${i % 60}` },
      assignedOn: '2025-03-01',
    }));
    const s = liaisonSummary(firms, [{ id: 'V1', firmId: 'F-1', date: '2025-03-10', by: 'P-1', kind: 'phone' }]);
    expect(s).toMatchObject({ firms: 300, projects: 61, covered: 361, coverage: '100%', people: 100, visits: 1, visited: 1, visitedShare: '0.28%' });
    expect(liaisonSummary([]).coverage).toBe('—');
  });

  test('a phone number is personal data and masked in exports', () => {
    const r = assign(firm, { officer, assistant, date: '2025-03-10' });
    if (!r.ok) throw new Error('expected ok');
    expect((maskRecord(KeyFirmSchema, r.value) as KeyFirm).officer?.phone).toBe('138****1111');
  });
});

describe('一窗通办: one-window matters and their limits', () => {
  const matter = { id: 'M-seal', name: '公章刻制备案', previousLimit: 7, limit: 5 };

  test('the reduction is a rate of the old limit, from whole-day limits: 7 → 5 working days is -28.57%', () => {
    expect(limitReduction(matter)).toBe('-28.57%');
    expect(limitReduction({ ...matter, previousLimit: 10, limit: 7 })).toBe('-30%');
    expect(limitReduction({ ...matter, limit: 7 })).toBe('0%');
    expect(() => limitReduction({ ...matter, limit: 0 })).toThrow(/matter\.limit/);
    expect(() => limitReduction({ ...matter, limit: 4.123 })).toThrow(InvalidArgumentError);
    expect(() => limitReduction({ ...matter, limit: 4.9 })).toThrow(/whole number of working days/);
    expect(limitReduction({ ...matter, previousLimit: 7, limit: cutLimit(7) })).toBe('-42.86%');
  });

  test('104 matters at one window, limits 30% shorter on the whole — summed exactly', () => {
    const matters = Array.from({ length: 104 }, (_, i) => ({ id: `M-${i}`, name: `事项${i}`, previousLimit: i % 2 ? 10 : 20, limit: i % 2 ? 7 : 14, online: i < 80 }));
    expect(oneWindowSummary(matters)).toEqual({ matters: 104, online: 80, previousTotal: 1560, total: 1092, reduction: '-30%', shortened: 104 });
    expect(oneWindowSummary([]).reduction).toBe('—');
    expect(() => oneWindowSummary([{ ...matter, previousLimit: -1 }])).toThrow(/matters\.0\.previousLimit/);
  });

  test('a case is due within the matter’s limit in working days, over the National Day holiday', () => {
    const clerk = { id: 'clerk-1', role: 'clerk' } as const;
    // Accepted Tuesday 2025-09-30; 5 working days (4.9 rounds up to the day it falls in):
    // 10-01..08 are holidays, 10-11 (Saturday) is a make-up working day → 10-09, 10, 11, 13, 14.
    let item = acceptWindowCase({ id: 'W-1', matter, applicant: '汪洋', firmId: 'F-001', actor: clerk, at: '2025-09-30T09:00:00+08:00' });
    expect(item.state).toBe('accepted');
    expect(item.deadline).toBe('2025-10-14T16:00:00.000Z');
    expect(overdue(item, '2025-10-15T09:00:00+08:00')).toBe(true);

    // Missing materials stop the clock; complete materials restart it.
    let r = windowCaseTransition(item, { type: 'requestMaterials', actor: clerk, at: '2025-09-30T10:00:00+08:00', payload: { missing: ['营业执照副本'] } });
    if (!r.ok) throw new Error(r.reason.message.en);
    expect(r.snapshot.deadline).toBeUndefined();
    r = windowCaseTransition(r.snapshot as never, { type: 'resubmit', actor: clerk, at: '2025-10-09T09:00:00+08:00' });
    if (!r.ok) throw new Error(r.reason.message.en);
    expect(r.snapshot.deadline).toBe('2025-10-15T16:00:00.000Z');
    r = windowCaseTransition(r.snapshot as never, { type: 'complete', actor: clerk, at: '2025-10-13T16:00:00+08:00' });
    if (!r.ok) throw new Error(r.reason.message.en);
    item = r.snapshot as never;
    expect(item.data.outcome).toEqual({ kind: 'done', onTime: true });
    expect(item.data.supplements).toBe(1);

    const refused = windowCaseTransition(item, { type: 'complete', actor: clerk, at: '2025-10-14T09:00:00+08:00' });
    expect(!refused.ok && refused.reason.code).toBe('not_allowed_in_state');
    if (!refused.ok) expect(refused.reason.message['zh-CN']).toContain('已办结');
    expect(windowCaseSummary([item])).toEqual({ cases: 1, done: 1, onTime: 1, onTimeRate: '100%', open: 0, overdue: 0 });
    expect(() => windowCaseSummary([{}] as never)).toThrow(/items\[0\]/);
    expect(() => windowCaseLoop(0)).toThrow(InvalidArgumentError);
  });

  test('cases of every limit live in one store collection and move atomically', async () => {
    const store = createMemoryStore(businessStore);
    const clerk = { id: 'clerk-1', role: 'clerk' } as const;
    const late = acceptWindowCase({ id: 'W-2', matter: { ...matter, limit: 1, previousLimit: 3 }, applicant: '张三', actor: clerk, at: '2025-11-03T09:00:00+08:00' });
    await store.put('windowCases', late);
    const r = await applyLoopEvent(store, 'windowCases', windowCaseLoop(late.data.limit), 'W-2', { type: 'complete', actor: clerk, at: '2025-11-06T09:00:00+08:00' });
    expect(r.ok && r.snapshot.data.outcome).toEqual({ kind: 'done', onTime: false });
    const supervisor = await applyLoopEvent(store, 'windowCases', windowCaseLoop(1), 'W-2', { type: 'supervise', actor: { id: 's', role: 'supervisor' }, at: '2025-11-07T09:00:00+08:00' });
    expect(!supervisor.ok && supervisor.reason.code).toBe('not_allowed_in_state');
    expect(windowCaseSummary((await store.all('windowCases')).items).onTimeRate).toBe('0%');
  });
});

describe('a limit cut by a share is whole working days (LIMIT_CUT_RULE)', () => {
  test('rounded down, never below one day; the change is read from the real limits', () => {
    expect([7, 5, 20, 10, 1, 2, 366].map((n) => cutLimit(n))).toEqual([4, 3, 14, 7, 1, 1, 256]);
    expect(cutLimit(10, 0)).toBe(10);
    expect(cutLimit(10, 1)).toBe(1);
    expect(cutLimit(3, 0.3333)).toBe(2);
    const matters = [7, 5, 20].map((previousLimit, i) => ({ id: `M-${i}`, name: `事项${i}`, previousLimit, limit: cutLimit(previousLimit) }));
    expect(oneWindowSummary(matters)).toMatchObject({ previousTotal: 32, total: 21, reduction: '-34.38%' });
    expect(LIMIT_CUT_RULE.en).toMatch(/rounded down, never below 1 working day/);
    expect(LIMIT_CUT_RULE['zh-CN']).toMatch(/向下取整，最少 1 个工作日/);
  });

  test('refuses what is not a whole-day limit or a share, naming the argument', () => {
    for (const bad of [0, 4.9, -1, 367, Number.NaN, '7']) expect(() => cutLimit(bad as number)).toThrow(/cutLimit: argument previousLimit/);
    for (const bad of [-0.1, 1.5, 0.12345, Number.NaN, '0.3']) expect(() => cutLimit(7, bad as number)).toThrow(/cutLimit: argument cut/);
  });
});
