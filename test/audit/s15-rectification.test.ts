// S15 (and S12's double closed loop) — the problem list: what can be fixed at once is fixed, the rest
// goes into the rectification ledger with measures until verified and written off; what passes its
// deadline unverified opens accountability. 振兴区's assessment office lists two units' problems in
// January 2026. Out-of-rule variants: refused with their rule, the store as it was.
import { describe, expect, test } from 'vitest';
import { applyLoopEvent, createMemoryStore } from '@bihuan/core/store';
import { accountabilityLoop, openOverdueAccountability, openRectifications, rectificationLoop, rectificationStoreSpec, summarizeRectification, type RectificationItem } from '@bihuan/core/rectification';

const office = { id: 'kaoping-zhang', role: 'supervisor' as const, unit: '区委依法治区办', name: '张主任' };
const judicialOwner = { id: 'sfj-wang', role: 'owner' as const, unit: '振兴区司法局', name: '王局长' };
const streetOwner = { id: 'ljjd-li', role: 'owner' as const, unit: '临江街道', name: '李主任' };
const inspector = { id: 'jjw-zhao', role: 'verifier' as const, unit: '区纪委监委', name: '赵科长' };

async function problemList() {
  const store = createMemoryStore(rectificationStoreSpec);
  const at = '2026-01-15T09:00:00+08:00'; // Thursday: the list is published after the evaluation
  await store.bulkPut('items', [
    ...openRectifications({ findings: [{ title: '部分镇街回访不及时', source: 'shortcoming' }, { title: '普法责任清单未更新', source: 'problemList' }], unit: '振兴区司法局', owner: '王局长', deadline: '2026-03-31', actor: office, at, idPrefix: 'ZG-SFJ' }),
    ...openRectifications({ findings: [{ title: '行政执法案卷评查问题', source: 'problemList' }], unit: '临江街道', owner: '李主任', deadline: '2026-02-27', actor: office, at, idPrefix: 'ZG-LJ', fixAtOnceDays: 3 }),
  ]);
  return store;
}

type Store = Awaited<ReturnType<typeof problemList>>;
const send = async (store: Store, id: string, event: object) => {
  const r = await applyLoopEvent(store, 'items', rectificationLoop, id, event as never);
  return r.ok ? 'accepted' : `${r.reason.code}/${(r.reason as { rule?: string }).rule ?? '-'}`;
};

describe('S15: the problem list and the rectification ledger', () => {
  test('fixed at once, or rectified through the ledger, verified by someone else; overdue items answer for it', async () => {
    const store = await problemList();
    // The responsibility list is updated the next day: fixed at once, with evidence.
    expect(await send(store, 'ZG-SFJ-2', { type: 'fixAtOnce', actor: judicialOwner, at: '2026-01-16T17:30:00+08:00', payload: { evidence: ['file:普法责任清单2026.pdf'], summary: '已更新并公布' } })).toBe('accepted');
    // Follow-up visits need measures: into the ledger, submitted, returned once, verified, written off.
    expect(await send(store, 'ZG-SFJ-1', { type: 'start', actor: judicialOwner, at: '2026-01-19T10:00:00+08:00', payload: { measures: ['建立回访台账', '每周通报镇街回访率'] } })).toBe('accepted');
    expect(await send(store, 'ZG-SFJ-1', { type: 'submit', actor: judicialOwner, at: '2026-03-02T16:00:00+08:00', payload: { evidence: ['file:回访台账.xlsx'], summary: '回访台账已建立' } })).toBe('accepted');
    expect(await send(store, 'ZG-SFJ-1', { type: 'giveBack', actor: inspector, at: '2026-03-04T10:00:00+08:00', payload: { reason: '缺少每周通报记录' } })).toBe('accepted');
    expect(await send(store, 'ZG-SFJ-1', { type: 'submit', actor: judicialOwner, at: '2026-03-11T16:00:00+08:00', payload: { evidence: ['file:通报第1-6期.pdf'], summary: '补充通报' } })).toBe('accepted');
    expect(await send(store, 'ZG-SFJ-1', { type: 'verify', actor: inspector, at: '2026-03-13T10:00:00+08:00', payload: { opinion: '整改到位' } })).toBe('accepted');
    expect(await send(store, 'ZG-SFJ-1', { type: 'writeOff', actor: office, at: '2026-03-16T09:00:00+08:00' })).toBe('accepted');
    // 临江街道's item passes 02-27 unverified: the office's sweep on 03-02 opens accountability.
    expect(await send(store, 'ZG-LJ-1', { type: 'start', actor: streetOwner, at: '2026-01-20T10:00:00+08:00', payload: { measures: ['案卷逐件复查'] } })).toBe('accepted');
    expect(await openOverdueAccountability(store, '2026-03-02T09:00:00+08:00', office)).toEqual(['ZG-LJ-1/accountability']);
    const items = (await store.all('items')).items as RectificationItem[];
    expect(summarizeRectification(items, '2026-03-16T12:00:00+08:00')).toMatchObject({ total: 3, fixedAtOnce: 1, inLedger: 2, writtenOff: 2, closedRate: '66.67%', overdue: 1, accountabilityOpened: 1 });
  });

  test('out of rule: the owner verifying themself, another unit acting, fixing "at once" months late, a deadline before the list', async () => {
    const store = await problemList();
    await send(store, 'ZG-SFJ-1', { type: 'start', actor: judicialOwner, at: '2026-01-19T10:00:00+08:00', payload: { measures: ['建立回访台账'] } });
    await send(store, 'ZG-SFJ-1', { type: 'submit', actor: judicialOwner, at: '2026-03-02T16:00:00+08:00', payload: { evidence: ['file:回访台账.xlsx'], summary: '已建立' } });
    const before = (await store.all('items')).items;
    // 王局长 under the verifier role, by his id, by his name; his deputy from the same bureau.
    expect(await send(store, 'ZG-SFJ-1', { type: 'verify', actor: { id: 'sfj-wang', role: 'verifier' }, at: '2026-03-03T10:00:00+08:00', payload: { opinion: '整改到位' } })).toBe('guard_failed/not_own_verifier');
    expect(await send(store, 'ZG-SFJ-1', { type: 'verify', actor: { id: 'w2', role: 'verifier', name: '王局长' }, at: '2026-03-03T10:00:00+08:00', payload: { opinion: '整改到位' } })).toBe('guard_failed/not_own_verifier');
    expect(await send(store, 'ZG-SFJ-1', { type: 'giveBack', actor: { id: 'sfj-deputy', role: 'verifier', unit: '振兴区司法局' }, at: '2026-03-03T10:00:00+08:00', payload: { reason: '再改' } })).toBe('guard_failed/independent_verifier');
    // 临江街道's owner acts on the 司法局's item.
    expect(await send(store, 'ZG-SFJ-2', { type: 'fixAtOnce', actor: streetOwner, at: '2026-01-16T10:00:00+08:00', payload: { evidence: ['photo:1'], summary: '已改' } })).toBe('guard_failed/owner_unit');
    // 立行立改 six months late, and 临江街道's 3-day window passed.
    expect(await send(store, 'ZG-SFJ-2', { type: 'fixAtOnce', actor: judicialOwner, at: '2026-07-15T10:00:00+08:00', payload: { evidence: ['photo:1'], summary: '已改' } })).toBe('guard_failed/fix_at_once_window');
    expect(await send(store, 'ZG-LJ-1', { type: 'fixAtOnce', actor: streetOwner, at: '2026-01-19T09:00:00+08:00', payload: { evidence: ['photo:1'], summary: '已改' } })).toBe('guard_failed/fix_at_once_window');
    // Accountability before the deadline has passed.
    expect(await send(store, 'ZG-LJ-1', { type: 'holdAccountable', actor: office, at: '2026-02-20T09:00:00+08:00', payload: { accountabilityId: 'x' } })).toBe('guard_failed/past_deadline');
    expect((await store.all('items')).items).toEqual(before);
    // 临江街道's item is overdue on 03-02: 李主任 may not dismiss his own accountability.
    expect(await openOverdueAccountability(store, '2026-03-02T09:00:00+08:00', office)).toEqual(['ZG-LJ-1/accountability']);
    const record = await store.get('accountability', 'ZG-LJ-1/accountability');
    const dismissed = await applyLoopEvent(store, 'accountability', accountabilityLoop, 'ZG-LJ-1/accountability', { type: 'dismiss', actor: { id: 'ljjd-li', role: 'supervisor', unit: '临江街道', name: '李主任' }, at: '2026-03-03T09:00:00+08:00', payload: { reason: '客观原因' } });
    expect(dismissed.ok ? 'accepted' : `${dismissed.reason.code}/${dismissed.reason.rule}`).toBe('guard_failed/not_own_accountability');
    expect(await store.get('accountability', 'ZG-LJ-1/accountability')).toEqual(record);
    // A deadline before the list was opened.
    expect(() => openRectifications({ findings: [{ title: '复议纠错案件整改滞后', source: 'problemList' }], unit: '振兴区司法局', owner: '王局长', deadline: '2025-12-31', actor: office, at: '2026-01-15T09:00:00+08:00', idPrefix: 'ZG-X' })).toThrow(/input\.deadline.*deadline_after_creation/);
  });
});
