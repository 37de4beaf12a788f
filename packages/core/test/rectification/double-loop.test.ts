import { describe, expect, test } from 'vitest';
import {
  type RectificationItem,
  accountabilityLoop,
  availableEvents,
  createMemoryStore,
  findingsOf,
  isRectificationOverdue,
  loadSnapshot,
  openOverdueAccountability,
  openRectifications,
  rectificationCsvColumns,
  rectificationLoop,
  rectificationStoreSpec,
  replay,
  scoreEvaluation,
  sortRectificationLedger,
  summarizeRectification,
  sweepOverdue,
  toCsv,
  transition,
} from '@bihuan/core';
import { exampleRectificationItems } from '@bihuan/core/examples';
import { argumentOf as arg, flat, goodReport, six } from '../evaluation/fixtures.js';

const supervisor = { id: 'kaoping-office', role: 'supervisor' as const };
const owner = { id: 'wang', role: 'owner' as const, unit: '某县司法局', name: '王局长' };
const verifier = { id: 'inspector-li', role: 'verifier' as const, unit: '县委依法治县办' };

function send(item: RectificationItem, type: string, actor: { id: string; role: 'owner' | 'verifier' | 'supervisor'; unit?: string }, payload: unknown, at: string): RectificationItem {
  const r = transition(rectificationLoop, item, { type: type as never, actor, at, payload });
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.snapshot;
}

const open = (deadline = '2026-03-31') =>
  openRectifications({ findings: findingsOf(goodReport() as never), unit: '某县司法局', owner: '王局长', deadline, actor: supervisor, at: '2026-01-15T09:00:00+08:00', idPrefix: 'ZG-2026' });

describe('the double closed loop: rectification and accountability', () => {
  test('each finding of the report opens an item on the problem list; optionally low-scored dimensions too', () => {
    const items = open();
    expect(items.map((i) => [i.id, i.state, i.data.title, i.data.source, i.data.ref])).toEqual([
      ['ZG-2026-1', 'open', '部分镇街回访不及时', 'shortcoming', 'shortcomings[0]'],
      ['ZG-2026-2', 'open', '合同合法性审查流于形式', 'shortcoming', 'shortcomings[1]'],
    ]);
    // A panel of three (the preset's smallest) scoring alike.
    const result = scoreEvaluation(six(), { subject: 'R', sheets: ['a', 'b', 'c'].map((assessor) => ({ assessor, scores: { ...flat(90), rectification: 50 } })), preTest: 88 });
    if (!result.ok) throw new Error('unscored');
    const findings = findingsOf(goodReport() as never, { result, below: 0.6 });
    expect(findings.map((f) => `${f.source}:${f.ref}`)).toEqual(['shortcoming:shortcomings[0]', 'shortcoming:shortcomings[1]', 'dimension:rectification']);
    expect(findings[2]!.title).toBe('整改得分偏低');
  });

  test('the ledger path: open → in progress → submitted → returned → submitted → verified → written off', () => {
    let item = open()[0]!;
    expect(availableEvents(rectificationLoop, item, 'owner')).toEqual(['start', 'fixAtOnce', 'assignHandler', 'reassignHandler']);
    item = send(item, 'start', owner, { measures: ['建立回访台账', '每周通报'] }, '2026-01-16T09:00:00+08:00');
    expect([item.state, item.data.track]).toEqual(['inProgress', 'ledger']);
    item = send(item, 'submit', owner, { evidence: ['file:ledger.xlsx'], summary: '回访台账已建立' }, '2026-02-01T09:00:00+08:00');
    item = send(item, 'giveBack', verifier, { reason: '缺少通报记录' }, '2026-02-02T09:00:00+08:00');
    expect([item.state, item.data.returns.map((r) => r.reason)]).toEqual(['inProgress', ['缺少通报记录']]);
    item = send(item, 'submit', owner, { evidence: ['file:notice-1.pdf'], summary: '补充通报' }, '2026-02-10T09:00:00+08:00');
    item = send(item, 'verify', verifier, { opinion: '整改到位' }, '2026-02-11T09:00:00+08:00');
    item = send(item, 'writeOff', supervisor, undefined, '2026-02-12T09:00:00+08:00');
    expect(item.state).toBe('writtenOff');
    expect(item.data.evidence).toEqual(['file:ledger.xlsx', 'file:notice-1.pdf']);
    expect(replay(rectificationLoop, item.history)).toEqual(item);
    expect(loadSnapshot(rectificationLoop, JSON.stringify(item))).toEqual(item);
  });

  test('立行立改: fixed at once, closed with evidence and never entered in the ledger', () => {
    const item = open()[0]!;
    const refused = transition(rectificationLoop, item, { type: 'fixAtOnce', actor: owner, at: '2026-01-15T10:00:00+08:00', payload: { evidence: [], summary: '当场整改' } });
    expect(!refused.ok && refused.reason.field).toBe('evidence');
    const fixed = send(item, 'fixAtOnce', owner, { evidence: ['photo:1'], summary: '当场整改' }, '2026-01-15T10:00:00+08:00');
    expect([fixed.state, fixed.data.track, fixed.data.evidence]).toEqual(['writtenOff', 'fixedAtOnce', ['photo:1']]);
    expect(summarizeRectification([fixed, open()[0]!], '2026-01-16T00:00:00+08:00')).toMatchObject({ total: 2, fixedAtOnce: 1, listed: 1, inLedger: 0, writtenOff: 1, closedRate: '50%' });
  });

  test('an item past its deadline without verification goes overdue and opens accountability', () => {
    let item = open('2026-02-27')[0]!;
    item = send(item, 'start', owner, { measures: ['建立回访台账'] }, '2026-01-16T09:00:00+08:00');
    // Due by the end of 2026-02-27, China time.
    expect(isRectificationOverdue(item, '2026-02-27T23:59:59+08:00')).toBe(false);
    expect(isRectificationOverdue(item, '2026-02-28T00:00:00+08:00')).toBe(true);
    // Too early: refused with the rule.
    const early = transition(rectificationLoop, item, { type: 'holdAccountable', actor: supervisor, at: '2026-02-27T12:00:00+08:00', payload: { accountabilityId: 'x' } });
    expect(!early.ok && early.reason.rule).toBe('past_deadline');
    expect(sweepOverdue([item], '2026-02-27T12:00:00+08:00', supervisor).accountability).toEqual([]);

    const sweep = sweepOverdue([item, open('2026-12-31')[1]!], '2026-03-02T09:00:00+08:00', supervisor);
    expect(sweep.items).toHaveLength(1);
    expect(sweep.items[0]!.data.accountability).toEqual({ id: 'ZG-2026-1/accountability', openedAt: '2026-03-02T09:00:00+08:00' });
    expect(sweep.items[0]!.state).toBe('inProgress'); // rectification goes on
    const record = sweep.accountability[0]!;
    expect([record.id, record.state, record.data.rectificationId, record.data.deadline]).toEqual(['ZG-2026-1/accountability', 'open', 'ZG-2026-1', '2026-02-27']);
    // Only once.
    expect(sweepOverdue(sweep.items, '2026-03-03T09:00:00+08:00', supervisor).items).toEqual([]);
    // The accountability loop: decide → close.
    const decided = transition(accountabilityLoop, record, { type: 'decide', actor: supervisor, at: '2026-03-05T09:00:00+08:00', payload: { measure: 'talk', basis: '整改逾期' } });
    expect(decided.ok && decided.snapshot.state).toBe('decided');
    // A verified item is never overdue.
    let verified = send(item, 'submit', owner, { evidence: ['f'], summary: 's' }, '2026-02-20T09:00:00+08:00');
    verified = send(verified, 'verify', verifier, { opinion: 'ok' }, '2026-02-21T09:00:00+08:00');
    expect(isRectificationOverdue(verified, '2026-06-01T00:00:00+08:00')).toBe(false);
  });

  test('through the store: the sweep is atomic per item, idempotent, and the ledger sorts overdue first', async () => {
    const store = createMemoryStore(rectificationStoreSpec);
    const early = openRectifications({ findings: [{ title: '问题甲', source: 'problemList' }, { title: '问题乙', source: 'problemList' }], unit: '甲镇', owner: '李镇长', deadline: '2026-05-31', actor: supervisor, at: '2026-01-15T09:00:00+08:00', idPrefix: 'A' });
    const late = openRectifications({ findings: [{ title: '问题丙', source: 'problemList' }], unit: '乙镇', owner: '赵镇长', deadline: '2026-02-10', actor: supervisor, at: '2026-01-15T09:00:00+08:00', idPrefix: 'B' });
    await store.bulkPut('items', [...early, ...late]);
    const now = '2026-03-01T09:00:00+08:00';
    expect(await openOverdueAccountability(store, now, supervisor)).toEqual(['B-1/accountability']);
    expect(await openOverdueAccountability(store, now, supervisor)).toEqual([]);
    expect((await store.all('accountability')).items.map((a) => a.id)).toEqual(['B-1/accountability']);
    const { items } = await store.all('items');
    expect(sortRectificationLedger(items, now).map((i) => i.id)).toEqual(['B-1', 'A-1', 'A-2']);
    expect(summarizeRectification(items, now)).toMatchObject({ total: 3, overdue: 1, accountabilityOpened: 1, listed: 3, closedRate: '0%' });
    const csv = toCsv(sortRectificationLedger(items, now), rectificationCsvColumns('zh-CN', now));
    expect(csv.startsWith('\uFEFF编号,问题,类别,责任单位,责任人,整改措施,整改期限,状态,佐证材料,问责,是否逾期\r\n')).toBe(true);
    expect(csv).toContain('B-1,问题丙,问题清单,乙镇,赵镇长,,2026-02-10,待整改,,B-1/accountability,逾期\r\n');
  });

  test('bad input is refused with a typed error naming the argument', () => {
    const item = open()[0]!;
    expect(arg(() => findingsOf(goodReport() as never, { below: 2 }))).toBe('options.below');
    expect(arg(() => findingsOf(goodReport() as never, { below: 0.6 }))).toBe('options.result');
    expect(arg(() => findingsOf({ ...goodReport(), unit: '' } as never))).toBe('report.unit');
    expect(arg(() => openRectifications({ findings: [{ title: '', source: 'problemList' }], unit: 'u', owner: 'o', deadline: '2026-01-01', actor: supervisor, at: '2026-01-01T00:00:00Z', idPrefix: 'x' }))).toBe('input.findings[0].title');
    expect(arg(() => openRectifications({ findings: [{ title: 't', source: 'problemList' }], unit: 'u', owner: 'o', deadline: '2026-02-30', actor: supervisor, at: '2026-01-01T00:00:00Z', idPrefix: 'x' }))).toBe('input.deadline');
    expect(arg(() => openRectifications({ findings: [], unit: 'u', owner: 'o', deadline: '2026-01-01', actor: supervisor, at: '2026-01-01T00:00:00Z', idPrefix: '' }))).toBe('input.idPrefix');
    expect(arg(() => isRectificationOverdue(item, 'tomorrow'))).toBe('now');
    expect(arg(() => isRectificationOverdue({} as never, '2026-01-01T00:00:00Z'))).toBe('items[0]');
    expect(arg(() => sortRectificationLedger('x' as never, '2026-01-01T00:00:00Z'))).toBe('items');
    expect(arg(() => summarizeRectification([item], 'later'))).toBe('now');
    expect(arg(() => sweepOverdue([item], 'soon', supervisor))).toBe('now');
    expect(arg(() => rectificationCsvColumns('fr' as never))).toBe('locale');
    expect(arg(() => exampleRectificationItems(2, 3))).toBe('overdue');
    expect(summarizeRectification(exampleRectificationItems(8, 2), '2026-03-02T09:00:00+08:00')).toMatchObject({ total: 8, overdue: 2 });
  });
});

describe('who may act on a rectification item, and when', () => {
  const at = '2026-01-20T09:00:00+08:00';
  const verdict = (item: RectificationItem, type: string, actor: { id: string; role: string; unit?: string; name?: string }, payload?: unknown, when = at) => {
    const r = transition(rectificationLoop, item, { type, actor, at: when, ...(payload === undefined ? {} : { payload }) } as never);
    return r.ok ? 'ok' : `${r.reason.code}/${r.reason.rule ?? ''}/${r.reason.field ?? ''}`;
  };
  const submitted = () => {
    let item = send(open()[0]!, 'start', owner, { measures: ['建立回访台账'] }, '2026-01-16T09:00:00+08:00');
    return send(item, 'submit', owner, { evidence: ['file:ledger.xlsx'], summary: '已建立' }, '2026-01-19T09:00:00+08:00');
  };

  test('the owner can never act as their own verifier (not_own_verifier); a verifier is from outside the unit (independent_verifier)', () => {
    const item = submitted();
    // The same person under the verifier role: by id, by the name the item gives, or as whoever acted as its owner.
    expect(verdict(item, 'verify', { id: 'wang', role: 'verifier' }, { opinion: '整改到位' })).toBe('guard_failed/not_own_verifier/actor.id');
    expect(verdict(item, 'verify', { id: '王局长', role: 'verifier' }, { opinion: '整改到位' })).toBe('guard_failed/not_own_verifier/actor.id');
    expect(verdict(item, 'verify', { id: 'w-2', role: 'verifier', name: '王局长' }, { opinion: '整改到位' })).toBe('guard_failed/not_own_verifier/actor.id');
    expect(verdict(item, 'giveBack', { id: 'wang', role: 'verifier' }, { reason: '再改' })).toBe('guard_failed/not_own_verifier/actor.id');
    expect(verdict(item, 'verify', { id: 'deputy-zhang', role: 'verifier', unit: '某县司法局' }, { opinion: '整改到位' })).toBe('guard_failed/independent_verifier/actor.unit');
    const r = transition(rectificationLoop, item, { type: 'verify', actor: { id: 'wang', role: 'verifier' }, at, payload: { opinion: 'x' } });
    expect(r.ok ? null : r.reason.message).toEqual({ 'zh-CN': 'wang 是该事项的整改责任人，不能核验自己的整改', en: 'wang owns this item and cannot verify their own rectification' });
    expect(verdict(item, 'verify', verifier, { opinion: '整改到位' })).toBe('ok');
  });

  test('the owner never writes off their own item (not_own_item), nor decides their own accountability (not_own_accountability)', () => {
    const verified = send(submitted(), 'verify', verifier, { opinion: '整改到位' }, '2026-01-20T10:00:00+08:00');
    expect(verdict(verified, 'writeOff', { id: 'wang', role: 'supervisor' }, undefined, '2026-01-21T09:00:00+08:00')).toBe('guard_failed/not_own_item/actor.id');
    expect(verdict(verified, 'writeOff', supervisor, undefined, '2026-01-21T09:00:00+08:00')).toBe('ok');
    const late = send(open('2026-02-27')[0]!, 'start', owner, { measures: ['x'] }, '2026-01-16T09:00:00+08:00');
    const record = sweepOverdue([late], '2026-03-02T09:00:00+08:00', supervisor).accountability[0]!;
    const decide = (actor: { id: string; role: 'supervisor'; unit?: string; name?: string }) => {
      const r = transition(accountabilityLoop, record, { type: 'decide', actor, at: '2026-03-05T09:00:00+08:00', payload: { measure: 'talk', basis: '整改逾期' } });
      return r.ok ? 'ok' : `${r.reason.code}/${r.reason.rule}`;
    };
    expect(decide({ id: 'x', role: 'supervisor', name: '王局长' })).toBe('guard_failed/not_own_accountability');
    expect(decide({ id: 'deputy', role: 'supervisor', unit: '某县司法局' })).toBe('guard_failed/not_own_accountability');
    const dismissed = transition(accountabilityLoop, record, { type: 'dismiss', actor: { id: '王局长', role: 'supervisor' }, at: '2026-03-05T09:00:00+08:00', payload: { reason: '情有可原' } });
    expect(dismissed.ok ? '' : dismissed.reason.rule).toBe('not_own_accountability');
    expect(decide({ id: 'jiwei-zhao', role: 'supervisor', unit: '县纪委监委' })).toBe('ok');
  });

  test('an owner acts only on their own unit’s items (owner_unit)', () => {
    const item = open()[0]!;
    expect(verdict(item, 'start', { id: 'zhao', role: 'owner', unit: '临江街道' }, { measures: ['x'] })).toBe('guard_failed/owner_unit/actor.unit');
    expect(verdict(item, 'start', { id: 'zhao', role: 'owner' }, { measures: ['x'] })).toBe('guard_failed/owner_unit/actor.unit');
    expect(verdict(item, 'fixAtOnce', { id: 'zhao', role: 'owner', unit: '临江街道' }, { evidence: ['p'], summary: 's' })).toBe('guard_failed/owner_unit/actor.unit');
    const started = send(item, 'start', owner, { measures: ['x'] }, '2026-01-16T09:00:00+08:00');
    expect(verdict(started, 'submit', { id: 'zhao', role: 'owner', unit: '临江街道' }, { evidence: ['p'], summary: 's' })).toBe('guard_failed/owner_unit/actor.unit');
    // The supervising office may start it or close it at once for the unit.
    expect(verdict(item, 'start', supervisor, { measures: ['x'] })).toBe('ok');
  });

  test('立行立改 done late is not "fixed at once" (fix_at_once_window): within fixAtOnceDays of listing and by the deadline', () => {
    const item = open()[0]!; // listed 2026-01-15, 7 days by default
    expect(item.data.fixAtOnceDays).toBe(7);
    const fix = (when: string, it = item) => verdict(it, 'fixAtOnce', owner, { evidence: ['photo:1'], summary: '当场整改' }, when);
    expect(fix('2026-01-22T23:59:00+08:00')).toBe('ok');
    expect(fix('2026-01-23T00:00:00+08:00')).toBe('guard_failed/fix_at_once_window/fixAtOnceDays');
    expect(fix('2026-07-15T09:00:00+08:00')).toBe('guard_failed/fix_at_once_window/fixAtOnceDays');
    const sameDay = openRectifications({ findings: [{ title: '台账未更新', source: 'problemList' }], unit: '某县司法局', owner: '王局长', deadline: '2026-03-31', actor: supervisor, at: '2026-01-15T09:00:00+08:00', idPrefix: 'T', fixAtOnceDays: 0 })[0]!;
    expect(fix('2026-01-15T18:00:00+08:00', sameDay)).toBe('ok');
    expect(fix('2026-01-16T08:00:00+08:00', sameDay)).toBe('guard_failed/fix_at_once_window/fixAtOnceDays');
    const soon = open('2026-01-17')[0]!; // the deadline comes first
    expect(fix('2026-01-18T09:00:00+08:00', soon)).toBe('guard_failed/fix_at_once_window/fixAtOnceDays');
    // Late, it goes into the ledger instead; the refused item is unchanged.
    const copy = structuredClone(item);
    fix('2026-07-15T09:00:00+08:00');
    expect(item).toEqual(copy);
    expect(verdict(item, 'start', owner, { measures: ['列入台账'] }, '2026-07-15T09:00:00+08:00')).toBe('ok');
    expect(arg(() => openRectifications({ findings: [{ title: 't', source: 'problemList' }], unit: 'u', owner: 'o', deadline: '2026-03-31', actor: supervisor, at: '2026-01-15T09:00:00+08:00', idPrefix: 'x', fixAtOnceDays: 31 }))).toBe('input.fixAtOnceDays');
  });

  test('a deadline cannot precede its creation, nor lie years away (deadline_after_creation)', () => {
    const opened = (deadline: string) => () => openRectifications({ findings: [{ title: '台账未更新', source: 'problemList' }], unit: '甲镇', owner: '李镇长', deadline, actor: supervisor, at: '2026-01-15T09:00:00+08:00', idPrefix: 'D' });
    expect(arg(opened('2026-01-14'))).toBe('input.deadline');
    expect(opened('2026-01-14')).toThrow(/deadline_after_creation/);
    expect(arg(opened('2029-01-16'))).toBe('input.deadline');
    expect(opened('2026-01-15')()[0]!.data.deadline).toBe('2026-01-15');
    expect(opened('2029-01-15')()[0]!.data.deadline).toBe('2029-01-15');
  });
});
