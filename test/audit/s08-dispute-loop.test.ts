// S8 (with S9–S11 where the dispute loop holds their rules): a week at the Zhenxing
// comprehensive-governance centre, told as the centre would live it — then every out-of-rule
// variant, each refused with its code and rule, the stored records left as they were.
import { beforeAll, describe, expect, test } from 'vitest';
import { acceptDispute, applyDisputeEvent, disputeLoop, disputeStoreSpec, queryLedger, summarizeLedger, type DisputeIntake, type DisputeItem, type DisputeStore } from '@bihuan/core/dispute';
import { createMemoryStore } from '@bihuan/core/store';
import { addAttachment, attachmentStoreSpec, type AttachmentStore } from '@bihuan/core/attachment';
import { replay, type LoopEvent } from '@bihuan/core/loop';

// The centre's people, with the bodies they act for.
const clerk = { id: 'clerk-li', role: 'intakeClerk', unit: 'zhenxing-centre', name: '李敏' } as const;
const head = { id: 'head-gao', role: 'supervisor', unit: 'zhenxing-centre', name: '高主任' } as const;
const wang = { id: 'mediator-wang', role: 'mediator', unit: 'zhenxing-centre', name: '王调解员' } as const;
const liu = { id: 'mediator-liu', role: 'mediator', unit: 'zhenxing-centre', name: '刘调解员' } as const;
const courtLiaison = { id: 'judge-zhao', role: 'departmentLiaison', unit: 'court', name: '赵法官' } as const;
const housingLiaison = { id: 'sun-housing', role: 'departmentLiaison', unit: 'housing', name: '孙科长' } as const;

/** China time on a day of November 2025 (Monday 3rd … Friday 14th). */
const at = (day: number, time: string) => `2025-11-${String(day).padStart(2, '0')}T${time}:00+08:00`;

const noise: DisputeIntake = {
  title: '邻里噪声纠纷',
  category: 'noise',
  description: '楼上住户深夜跳绳、拖拽家具，楼下老两口无法入睡，已争执三次。',
  channel: 'walkIn',
  town: '站前街道',
  community: '站前社区',
  parties: [
    { id: 'p1', side: 'applicant', name: '王海涛', phone: '13904150123' },
    { id: 'p2', side: 'respondent', name: '张春梅', address: '辽宁省丹东市振兴区站前小区7号楼301' },
  ],
};
const leak = (grid: string): DisputeIntake => ({
  title: '楼顶漏水维修纠纷',
  category: 'leak',
  description: '顶楼住户家中漏水，物业与楼上住户互相推诿。',
  channel: 'grid',
  town: '帽盔山街道',
  community: '山城社区',
  parties: [
    { id: 'p1', side: 'applicant', name: '周玉梅', needsHomeVisit: true },
    { id: 'p2', side: 'respondent', name: '某物业公司' },
  ],
  reportedBy: { id: grid, name: '赵网格' },
});

let store: DisputeStore;
/** The centre's files: a settlement needs the agreement's signed scan here (agreement_scan_required). */
let files: AttachmentStore;
const get = async (id: string) => (await store.get('disputes', id)) as DisputeItem;

async function ok(id: string, event: LoopEvent): Promise<DisputeItem> {
  const r = await applyDisputeEvent(store, id, event, undefined, { attachments: files });
  if (!r.ok) return expect.fail(`${event.type} on ${id} by ${event.actor.id} refused: ${r.reason.code} ${'rule' in r.reason ? r.reason.rule : ''} ${r.reason.message.en}`);
  return r.snapshot;
}

/** An event that must be refused with `code` (and `rule`), leaving every named record as stored. */
async function refused(id: string, event: LoopEvent, code: string, rule?: string, touched: string[] = []): Promise<void> {
  const ids = [id, ...touched];
  const before = await Promise.all(ids.map(get));
  const r = await applyDisputeEvent(store, id, event, undefined, { attachments: files });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.reason.code).toBe(code);
  if (rule !== undefined) expect(r.reason).toMatchObject({ rule });
  expect(r.reason.message['zh-CN'].length).toBeGreaterThan(0);
  expect(r.reason.message.en.length).toBeGreaterThan(0);
  expect(await Promise.all(ids.map(get))).toEqual(before);
}

/** The parties signed: the mediator scans the agreement and attaches it to the case (`scan-<id>`). */
async function signed(id: string, by: { id: string; role: string }, when: string): Promise<void> {
  const r = await addAttachment(files, { id: `scan-${id}`, item: { kind: 'dispute', id }, type: 'agreementScan', name: `人民调解协议书-${id}.pdf`, addedBy: by, addedAt: when }, new Blob([`signed agreement ${id}`], { type: 'application/pdf' }));
  expect(r.ok).toBe(true);
}

describe('S8: a week at the centre, from 受理 to 销号', () => {
  beforeAll(async () => {
    store = createMemoryStore(disputeStoreSpec);
    files = createMemoryStore(attachmentStoreSpec) as AttachmentStore;

    // Monday 11-03. Mr Chen walks in at 09:10; a grid worker reports a roof leak at 09:40, and a
    // second grid worker reports the same leak at 10:05.
    await store.add('disputes', acceptDispute({ id: 'JF-1103-01', intake: noise, actor: clerk, at: at(3, '09:10') }));
    await store.add('disputes', acceptDispute({ id: 'JF-1103-02', intake: leak('grid-07'), actor: clerk, at: at(3, '09:40') }));
    await store.add('disputes', acceptDispute({ id: 'JF-1103-03', intake: leak('grid-12'), actor: clerk, at: at(3, '10:05') }));
    await store.add('disputes', acceptDispute({ id: 'JF-1103-04', intake: { ...noise, title: '宠物扰民纠纷', category: 'neighbour' }, actor: clerk, at: at(3, '10:20') }));

    // 分流 (S9): the noise case jointly to the court, the judicial bureau and the residents'
    // committee, the bureau leading; the leak to housing; the pet case to the residents' committee.
    await ok('JF-1103-01', { type: 'route', actor: clerk, at: at(3, '10:30'), payload: { departments: ['court', 'judicialAdministration', 'residentsCommittee'], joint: true, lead: 'judicialAdministration' } });
    await ok('JF-1103-02', { type: 'route', actor: clerk, at: at(3, '10:40'), payload: { departments: ['housing'] } });
    await ok('JF-1103-04', { type: 'route', actor: clerk, at: at(3, '10:50'), payload: { departments: ['residentsCommittee'] } });
    // The second leak report is the same matter: merged into the first.
    await ok('JF-1103-03', { type: 'merge', actor: clerk, at: at(3, '11:00'), payload: { into: 'JF-1103-02', reason: '同一漏水纠纷，两名网格员重复上报' } });

    // Tuesday 11-04. The court's liaison opens the joint mediation with the centre's mediator;
    // the housing liaison mediates at the elderly applicant's home ("not one trip").
    await ok('JF-1103-01', { type: 'mediate', actor: courtLiaison, at: at(4, '09:30'), payload: { mode: 'atCentre', mediators: ['judge-zhao', 'mediator-wang'] } });
    await ok('JF-1103-02', { type: 'mediate', actor: housingLiaison, at: at(4, '14:00'), payload: { mode: 'atHome', mediators: ['sun-housing'] } });

    // Wednesday 11-05: the pet case is re-routed to the sub-district office, which starts afresh.
    await ok('JF-1103-04', { type: 'route', actor: clerk, at: at(5, '09:00'), payload: { departments: ['subDistrictOffice'] } });
    // Wednesday afternoon: the noise case settles, both parties sign.
    await signed('JF-1103-01', wang, at(5, '14:50'));
    await ok('JF-1103-01', { type: 'settle', actor: wang, at: at(5, '15:00'), payload: { terms: ['晚十点后不使用音响', '加强沟通谅解'], consentedBy: ['p1', 'p2'], date: '2025-11-05', document: 'scan-JF-1103-01' } });
    // Thursday 11-06: the leak settles at home.
    await signed('JF-1103-02', housingLiaison, at(6, '09:50'));
    await ok('JF-1103-02', { type: 'settle', actor: housingLiaison, at: at(6, '10:00'), payload: { terms: ['物业三日内维修屋面防水'], consentedBy: ['p1', 'p2'], date: '2025-11-06' } });
    // Friday 11-07, the weekly review meeting (S10): the head presses the pet case.
    await ok('JF-1103-04', { type: 'supervise', actor: head, at: at(7, '16:00'), payload: { instruction: '周例会督办：下周一前开始调解' } });

    // The week after: follow-ups a week on, then the head writes both off on Friday 11-14.
    await ok('JF-1103-01', { type: 'recordFollowUp', actor: clerk, at: at(13, '10:00'), payload: { method: 'phone', agreementKept: true, satisfaction: 'satisfied' } });
  });

  test('the week as stored: links on both sides of the merge, the units in the history, the re-routed limit', async () => {
    const [noiseCase, leakCase, duplicate, pets] = (await Promise.all(['JF-1103-01', 'JF-1103-02', 'JF-1103-03', 'JF-1103-04'].map(get))) as [DisputeItem, DisputeItem, DisputeItem, DisputeItem];
    expect(noiseCase.state).toBe('pendingWriteOff');
    expect(duplicate).toMatchObject({ state: 'merged', data: { mergedInto: { id: 'JF-1103-02' } } });
    expect(leakCase.data.duplicates).toEqual([{ id: 'JF-1103-03', reason: '同一漏水纠纷，两名网格员重复上报' }]);
    expect(noiseCase.history.find((h) => h.type === 'mediate')!.actor).toEqual(courtLiaison);
    // Re-routed on Wednesday 09:00: two working days from then, to the end of Friday 11-07.
    expect(pets.deadline).toBe('2025-11-07T16:00:00.000Z');
    for (const item of [noiseCase, leakCase, duplicate, pets]) expect(replay(disputeLoop, item.history)).toEqual(item);
  });

  test('who may act: each variant is refused with its rule, and nothing stored changes', async () => {
    // The housing liaison cannot mediate a case not routed to housing; a liaison must say their body.
    await ok('JF-1103-04', { type: 'route', actor: clerk, at: at(10, '09:00'), payload: { departments: ['subDistrictOffice', 'residentsCommittee'], joint: true } });
    await refused('JF-1103-04', { type: 'mediate', actor: housingLiaison, at: at(10, '09:30'), payload: { mode: 'atCentre' } }, 'guard_failed', 'liaison_unit_routed');
    await refused('JF-1103-04', { type: 'mediate', actor: { id: 'sun-housing', role: 'departmentLiaison' }, at: at(10, '09:30'), payload: { mode: 'atCentre' } }, 'guard_failed', 'liaison_unit_missing');
    // A mediator not on the panel withdraws nothing; the clerk cannot write off.
    await refused('JF-1103-04', { type: 'withdraw', actor: liu, at: at(10, '10:00'), payload: { reason: '申请人撤回' } }, 'guard_failed', 'mediator_on_panel');
    await refused('JF-1103-01', { type: 'writeOff', actor: clerk, at: at(14, '16:30') }, 'role_not_allowed');
    // Whoever followed up does not write off: the clerk, now acting as duty head, is refused.
    await refused('JF-1103-01', { type: 'writeOff', actor: { id: 'clerk-li', role: 'supervisor' }, at: at(14, '16:30') }, 'guard_failed', 'write_off_by_other');
    await ok('JF-1103-01', { type: 'writeOff', actor: head, at: at(14, '16:30') });
  });

  test('who settles and when: the panel only, dates within the case, the follow-up a week on', async () => {
    await ok('JF-1103-04', { type: 'mediate', actor: liu, at: at(10, '14:00'), payload: { mode: 'atCentre', mediators: ['mediator-liu'] } });
    const settle = (date: string) => ({ terms: ['宠物夜间不放出'], consentedBy: ['p1', 'p2'], date });
    await refused('JF-1103-04', { type: 'settle', actor: wang, at: at(11, '15:00'), payload: settle('2025-11-11') }, 'guard_failed', 'mediator_on_panel');
    await refused('JF-1103-04', { type: 'settle', actor: liu, at: at(11, '15:00'), payload: settle('2099-11-11') }, 'guard_failed', 'date_not_after_event');
    await refused('JF-1103-04', { type: 'settle', actor: liu, at: at(11, '15:00'), payload: settle('2025-10-31') }, 'guard_failed', 'date_after_acceptance');
    await refused('JF-1103-04', { type: 'refer', actor: liu, at: at(11, '15:00'), payload: { to: 'fastTrackCourt', reason: '拒绝调解', date: '2025-11-12' } }, 'guard_failed', 'date_not_after_event');
    // Agreed, but the signed agreement is not scanned yet: no settlement on record without it.
    await refused('JF-1103-04', { type: 'settle', actor: liu, at: at(11, '15:00'), payload: settle('2025-11-11') }, 'guard_failed', 'agreement_scan_required');
    await signed('JF-1103-04', liu, at(11, '14:55'));
    await ok('JF-1103-04', { type: 'settle', actor: liu, at: at(11, '15:00'), payload: settle('2025-11-11') });
    // The same minute, or the next morning, is too soon to know the agreement is kept.
    await refused('JF-1103-04', { type: 'recordFollowUp', actor: clerk, at: at(11, '15:00'), payload: { method: 'phone', agreementKept: true, satisfaction: 'satisfied' } }, 'guard_failed', 'follow_up_interval');
    await refused('JF-1103-04', { type: 'recordFollowUp', actor: clerk, at: at(12, '09:00'), payload: { method: 'phone', agreementKept: true, satisfaction: 'satisfied' } }, 'guard_failed', 'follow_up_interval');
    // The leak's follow-up is for its panel or the clerk: a centre mediator who sat on another case is refused.
    expect((await get('JF-1103-02')).state).toBe('followUp');
    await refused('JF-1103-02', { type: 'recordFollowUp', actor: wang, at: at(14, '09:30'), payload: { method: 'homeVisit', agreementKept: true, satisfaction: 'satisfied' } }, 'guard_failed', 'mediator_on_panel');
  });

  test('merges: no cycle, no chain, nothing into a closed case or itself; a mistaken merge is undone by the head', async () => {
    await store.add('disputes', acceptDispute({ id: 'JF-1117-01', intake: noise, actor: clerk, at: at(17, '09:00') }));
    await refused('JF-1103-02', { type: 'merge', actor: clerk, at: at(17, '09:30'), payload: { into: 'JF-1103-03', reason: '重复' } }, 'not_allowed_in_state'); // mediating: too late to merge
    await refused('JF-1117-01', { type: 'merge', actor: clerk, at: at(17, '09:30'), payload: { into: 'JF-1117-01', reason: '重复' } }, 'guard_failed', 'merge_into_other');
    await refused('JF-1117-01', { type: 'merge', actor: clerk, at: at(17, '09:30'), payload: { into: 'JF-1103-03', reason: '重复' } }, 'guard_failed', 'merge_chain', ['JF-1103-03']);
    await refused('JF-1117-01', { type: 'merge', actor: clerk, at: at(17, '09:30'), payload: { into: 'JF-1103-01', reason: '重复' } }, 'guard_failed', 'original_open', ['JF-1103-01']);
    // Merged by mistake into the leak case, then undone by the head with a reason.
    await ok('JF-1117-01', { type: 'merge', actor: clerk, at: at(17, '09:40'), payload: { into: 'JF-1103-02', reason: '误以为同一纠纷' } });
    expect((await get('JF-1103-02')).data.duplicates.map((d) => d.id)).toEqual(['JF-1103-03', 'JF-1117-01']);
    await refused('JF-1103-02', { type: 'linkDuplicate', actor: clerk, at: at(17, '09:50'), payload: { duplicate: 'JF-1117-01', reason: '重复' } }, 'guard_failed', 'duplicate_listed');
    await refused('JF-1117-01', { type: 'unmerge', actor: clerk, at: at(17, '10:00'), payload: { reason: '误合并' } }, 'role_not_allowed', undefined, ['JF-1103-02']);
    await refused('JF-1117-01', { type: 'unmerge', actor: head, at: at(17, '10:00') }, 'field_missing', undefined, ['JF-1103-02']);
    await ok('JF-1117-01', { type: 'unmerge', actor: head, at: at(17, '10:00'), payload: { reason: '噪声纠纷误并入漏水纠纷' } });
    expect((await get('JF-1117-01')).state).toBe('received');
    expect((await get('JF-1103-02')).data.duplicates.map((d) => d.id)).toEqual(['JF-1103-03']);
  });

  test('S11: the ledger counts every dispute once — duplicates with their original, none lost', async () => {
    const { items } = await store.all('disputes');
    const ledger = items as DisputeItem[];
    const summary = summarizeLedger(ledger);
    expect(summary).toMatchObject({ accepted: 4, merged: 1, writtenOff: 1, resolved: 3, resolutionRate: '75%' });
    expect(summarizeLedger(queryLedger(ledger, { channel: 'grid' }))).toMatchObject({ accepted: 1, merged: 1, resolved: 1, resolutionRate: '100%' });
  });
});
