// S4 and S15's reception day — service to business: 一企一警一助理 for a key firm, and 北碚's monthly
// entrepreneur reception day (企业家接待日), its issues collected → assigned → handled under
// supervision → fed back → rated by the firm → written off. Out-of-rule variants: refused with their
// rule, the store as it was.
import { describe, expect, test } from 'vitest';
import { applyLoopEvent, createMemoryStore } from '@bihuan/core/store';
import { collectIssue, receptionLoop, receptionStoreSpec, summarizeReception, type ReceptionItem } from '@bihuan/core/reception';
import { assignLiaison, logVisit, type KeyFirm } from '@bihuan/core/business';

const host = { id: 'beibei-deputy-head', role: 'host' as const, unit: '北碚区人民政府', name: '陈副区长' };
const land = { id: 'ghzy-clerk-he', role: 'department' as const, unit: '区规划自然资源局' };
const hr = { id: 'rs-clerk-tang', role: 'department' as const, unit: '区人力社保局' };
const zhizao = { id: 'zhizao-manager-chen', role: 'firm' as const, unit: '北碚智造科技' };
const shipin = { id: 'shipin-manager-luo', role: 'firm' as const, unit: '缙云食品' };

const SESSION = { sessionId: 'beibei-2026-03', sessionDate: '2026-03-18' };

async function receptionDay() {
  const store = createMemoryStore(receptionStoreSpec);
  const at = '2026-03-18T10:30:00+08:00';
  await store.bulkPut('issues', [
    collectIssue({ id: 'JD-2026-03-01', intake: { ...SESSION, firm: '北碚智造科技', contact: '陈经理', phone: '13812345678', title: '新厂房用地手续办理慢' }, actor: host, at }),
    collectIssue({ id: 'JD-2026-03-02', intake: { ...SESSION, firm: '缙云食品', contact: '罗经理', title: '一线工人招聘难' }, actor: host, at }),
  ]);
  return store;
}

type Store = Awaited<ReturnType<typeof receptionDay>>;
const send = (store: Store, id: string, event: object) => applyLoopEvent(store, 'issues', receptionLoop, id, event as never);

describe('S4 / S15: service to business', () => {
  test('一企一警一助理: one officer and one assistant, visits only by them and after they took over', () => {
    const firm: KeyFirm = { id: 'F-zhizao', name: '北碚智造科技', kind: 'firm', officer: null, assistant: null, assignedOn: null };
    const paired = assignLiaison(firm, { officer: { id: 'P-liu', name: '刘警官', unit: '蔡家派出所' }, assistant: { id: 'A-xu', name: '徐助理', unit: '蔡家派出所' }, date: '2026-03-02' });
    if (!paired.ok) throw new Error(paired.reason.message.en);
    expect(logVisit(paired.value, { id: 'V-1', firmId: 'F-zhizao', date: '2026-03-05', by: 'P-liu', kind: 'onSite', needs: '新厂房用地' }).ok).toBe(true);
    // Out of rule: a stranger's visit, a visit before the pair took over, a handover dated back.
    expect(logVisit(paired.value, { id: 'V-2', firmId: 'F-zhizao', date: '2026-03-05', by: 'P-other', kind: 'phone' })).toMatchObject({ ok: false, reason: { rule: 'by_liaison' } });
    expect(logVisit(paired.value, { id: 'V-3', firmId: 'F-zhizao', date: '2026-02-20', by: 'A-xu', kind: 'phone' })).toMatchObject({ ok: false, reason: { rule: 'visit_after_assignment', field: 'date' } });
    expect(assignLiaison(paired.value, { officer: { id: 'P-new', name: '王警官' }, assistant: { id: 'A-xu', name: '徐助理' }, date: '2026-02-01' }, { replace: true })).toMatchObject({ ok: false, reason: { rule: 'handover_after_assignment' } });
  });

  test('a reception day: each issue handled by its department, rated by its own firm, written off', async () => {
    const store = await receptionDay();
    // The deputy head assigns on the day, due in a month.
    expect((await send(store, 'JD-2026-03-01', { type: 'assign', actor: host, at: '2026-03-18T11:00:00+08:00', payload: { department: '区规划自然资源局', dueDate: '2026-04-17' } })).ok).toBe(true);
    expect((await send(store, 'JD-2026-03-02', { type: 'assign', actor: host, at: '2026-03-18T11:05:00+08:00', payload: { department: '区人力社保局', dueDate: '2026-04-17' } })).ok).toBe(true);
    expect((await send(store, 'JD-2026-03-01', { type: 'handle', actor: land, at: '2026-03-19T09:00:00+08:00' })).ok).toBe(true);
    expect((await send(store, 'JD-2026-03-01', { type: 'supervise', actor: host, at: '2026-03-25T09:00:00+08:00', payload: { instruction: '本周内答复企业' } })).ok).toBe(true);
    expect((await send(store, 'JD-2026-03-01', { type: 'feedBack', actor: land, at: '2026-03-27T16:00:00+08:00', payload: { result: '用地预审已通过，规划许可 4 月初核发' } })).ok).toBe(true);
    // The firm itself: not yet satisfied, then satisfied after the permit is issued.
    const first = await send(store, 'JD-2026-03-01', { type: 'rate', actor: zhizao, at: '2026-03-30T10:00:00+08:00', payload: { satisfaction: 'dissatisfied', comment: '许可证尚未拿到' } });
    expect(first.ok && first.snapshot.state).toBe('handling');
    await send(store, 'JD-2026-03-01', { type: 'feedBack', actor: land, at: '2026-04-08T16:00:00+08:00', payload: { result: '规划许可已核发' } });
    expect((await send(store, 'JD-2026-03-01', { type: 'rate', actor: zhizao, at: '2026-04-09T10:00:00+08:00', payload: { satisfaction: 'satisfied' } })).ok).toBe(true);
    expect((await send(store, 'JD-2026-03-01', { type: 'writeOff', actor: host, at: '2026-04-10T09:00:00+08:00' })).ok).toBe(true);
    const items = (await store.all('issues')).items as ReceptionItem[];
    expect(summarizeReception(items)).toMatchObject({ collected: 2, closed: 1, closedRate: '50%', onSupervisionLedger: 1, rated: 1, satisfied: 1, reopened: 1, firms: 2 });
  });

  test('out of rule: the host or another firm rating, another department handling, a due date in the past', async () => {
    const store = await receptionDay();
    await send(store, 'JD-2026-03-01', { type: 'assign', actor: host, at: '2026-03-18T11:00:00+08:00', payload: { department: '区规划自然资源局', dueDate: '2026-04-17' } });
    await send(store, 'JD-2026-03-01', { type: 'handle', actor: land, at: '2026-03-19T09:00:00+08:00' });
    await send(store, 'JD-2026-03-01', { type: 'feedBack', actor: land, at: '2026-03-27T16:00:00+08:00', payload: { result: '已答复' } });
    const fedBack = await store.get('issues', 'JD-2026-03-01');
    const refused = async (id: string, event: object) => {
      const r = await send(store, id, event);
      return r.ok ? 'accepted' : `${r.reason.code}/${(r.reason as { rule?: string }).rule ?? '-'}`;
    };
    // The host rates for the firm; another firm rates; a firm contact names no firm.
    expect(await refused('JD-2026-03-01', { type: 'rate', actor: host, at: '2026-03-30T10:00:00+08:00', payload: { satisfaction: 'satisfied' } })).toBe('role_not_allowed/-');
    expect(await refused('JD-2026-03-01', { type: 'rate', actor: shipin, at: '2026-03-30T10:00:00+08:00', payload: { satisfaction: 'satisfied' } })).toBe('guard_failed/own_firm');
    expect(await refused('JD-2026-03-01', { type: 'rate', actor: { id: 'someone', role: 'firm' }, at: '2026-03-30T10:00:00+08:00', payload: { satisfaction: 'satisfied' } })).toBe('guard_failed/own_firm');
    expect(await store.get('issues', 'JD-2026-03-01')).toEqual(fedBack);
    // The land bureau's clerk takes up the hiring issue assigned to 人力社保局.
    await send(store, 'JD-2026-03-02', { type: 'assign', actor: host, at: '2026-03-18T11:05:00+08:00', payload: { department: '区人力社保局', dueDate: '2026-04-17' } });
    expect(await refused('JD-2026-03-02', { type: 'handle', actor: land, at: '2026-03-19T09:00:00+08:00' })).toBe('guard_failed/assigned_department');
    expect(await refused('JD-2026-03-02', { type: 'handle', actor: hr, at: '2026-03-19T09:30:00+08:00' })).toBe('accepted');
    // An issue assigned with a due date in 2020, or years away.
    const fresh = collectIssue({ id: 'JD-2026-03-03', intake: { ...SESSION, firm: '嘉陵物流', contact: '何经理', title: '道路施工影响出行' }, actor: host, at: '2026-03-18T10:30:00+08:00' });
    await store.put('issues', fresh);
    const withFresh = (await store.all('issues')).items;
    expect(await refused('JD-2026-03-03', { type: 'assign', actor: host, at: '2026-03-18T11:10:00+08:00', payload: { department: '区住房城乡建委', dueDate: '2020-01-15' } })).toBe('guard_failed/due_after_assignment');
    expect(await refused('JD-2026-03-03', { type: 'assign', actor: host, at: '2026-03-18T11:10:00+08:00', payload: { department: '区住房城乡建委', dueDate: '2031-03-18' } })).toBe('guard_failed/due_within_window');
    // An issue "collected" for a reception day still to come.
    expect(() => collectIssue({ id: 'JD-X', intake: { ...SESSION, firm: '嘉陵物流', contact: '何经理', title: '提前登记' }, actor: host, at: '2026-03-10T10:00:00+08:00' })).toThrow(/input\.intake\.sessionDate/);
    // The refusals left the stored issues as they were.
    expect((await store.all('issues')).items).toEqual(withFresh);
  });
});
