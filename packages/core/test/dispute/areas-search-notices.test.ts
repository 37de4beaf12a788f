import { describe, expect, test } from 'vitest';
import {
  InvalidArgumentError,
  applyDisputeEvent,
  areaIndex,
  checkAreaTree,
  countLedgerByArea,
  createDisputeSearch,
  createMemoryStore,
  deliverNotices,
  disputeStoreSpec,
  dueNotices,
  findPossibleDuplicates,
  normalizeForSearch,
  normalizePhoneNumber,
  noticesFor,
  searchDisputes,
  type DisputeItem,
  type Notice,
} from '@bihuan/core';
import { exampleAreaTree, exampleDisputes } from '@bihuan/core/examples';
import { accept, clerk, noiseIntake, send, walkTo } from './fixtures.js';

describe('the town–village tree', () => {
  test('the example county has 9 towns and 92 villages, each in one town, ids unique', () => {
    const tree = exampleAreaTree();
    const checked = checkAreaTree(tree);
    expect(checked.ok).toBe(true);
    const index = areaIndex(tree);
    expect(index.towns).toHaveLength(9);
    expect(index.towns.flatMap((t) => t.villages)).toHaveLength(92);
    expect(new Set(index.towns.flatMap((t) => t.villages.map((v) => v.name))).size).toBe(92);
    expect(index.villagesOf('临江街道').map((v) => v.name)).toContain('江城社区');
    expect(index.belongs('江城社区', '临江街道')).toBe(true);
    expect(index.belongs('江城社区', '站前街道')).toBe(false);
    expect(index.placeOf('江城社区')).toMatchObject({ county: { id: 'county-example' }, town: { name: '临江街道' }, village: { name: '江城社区' } });
  });

  test('a village in two towns, a repeated id and a malformed tree are refused by rule', () => {
    const twice = exampleAreaTree() as { towns: { villages: { id: string; name: string }[] }[] };
    twice.towns[1]!.villages.push({ ...twice.towns[0]!.villages[0]! });
    expect(checkAreaTree(twice)).toMatchObject({ ok: false, reason: { rule: 'village_one_town', field: 'towns.1.villages.11.id' } });
    const repeated = exampleAreaTree() as { towns: { id: string }[] };
    repeated.towns[2]!.id = repeated.towns[0]!.id;
    expect(checkAreaTree(repeated)).toMatchObject({ ok: false, reason: { rule: 'area_ids_unique', field: 'towns.2.id' } });
    expect(checkAreaTree({ id: 'c', name: 'c', towns: [] })).toMatchObject({ ok: false, reason: { rule: 'area_shape' } });
    const r = checkAreaTree(twice);
    if (!r.ok) expect(r.reason.message['zh-CN']).toContain('两个镇');
    expect(() => areaIndex(twice as never)).toThrow(InvalidArgumentError);
  });

  test('the ledger counts roll up by town through the tree, with unplaced items kept apart', () => {
    const items = [...exampleDisputes(8), accept('D-X', undefined, { town: '不存在镇', community: '某村' })];
    const byTown = countLedgerByArea(items, exampleAreaTree(), 'town');
    expect(Object.keys(byTown)).toHaveLength(10);
    expect(byTown['town-01']!.accepted + byTown['town-02']!.accepted + byTown['town-03']!.accepted + byTown['town-04']!.accepted).toBe(8);
    expect(byTown['town-09']!.accepted).toBe(0);
    expect(byTown.unplaced!.accepted).toBe(1);
    expect(countLedgerByArea(items, exampleAreaTree(), 'county')['county-example']!.accepted).toBe(8);
    expect(() => countLedgerByArea(items, exampleAreaTree(), 'province' as never)).toThrow(InvalidArgumentError);
  });
});

describe('search', () => {
  const items = (): DisputeItem[] => [
    accept('D-1', '2025-09-20T09:00:00+08:00'),
    accept('D-2', '2025-09-21T09:00:00+08:00', { title: '物业维修纠纷', category: 'propertyRepair', community: '江城社区', town: '临江街道', hotline: 'GD2025092100077', parties: [{ id: 'p1', side: 'applicant', name: '王海涛', phone: '139 0000 1111', address: '临江街道江城小区5号' }] }),
  ];

  test('normalises full-width forms, spaces and phone formats', () => {
    expect(normalizeForSearch('ＧＤ２０２５ 0921-00077')).toBe('gd2025092100077');
    expect(normalizePhoneNumber('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhoneNumber('0086 13812345678')).toBe('13812345678');
    const hits = searchDisputes(items(), '１３８ １２３４ ５６７８', { viewer: { role: 'intakeClerk' } });
    expect(hits.map((h) => h.id)).toEqual(['D-1']);
    expect(hits[0]!.matched).toEqual(['phone']);
    expect(searchDisputes(items(), 'ｇｄ2025092100077').map((h) => h.id)).toEqual(['D-2']);
  });

  test('a masked viewer finds a case by the full number but never sees it, and cannot probe digits', () => {
    const hits = searchDisputes(items(), '+86 138 1234 5678', { viewer: { role: 'departmentLiaison' } });
    expect(hits.map((h) => h.id)).toEqual(['D-1']);
    expect(hits[0]!.masked).toBe(true);
    expect(JSON.stringify(hits)).not.toContain('13812345678');
    expect(JSON.stringify(hits)).not.toContain('210603198001011234');
    expect(hits[0]!.parties[0]).toMatchObject({ name: '陈**', phone: '138****5678', idNumber: '210603********1234' });
    expect(searchDisputes(items(), '1381234', { viewer: { role: 'supervisor' } })).toEqual([]);
    expect(searchDisputes(items(), '1381234', { viewer: { role: 'intakeClerk' } }).map((h) => h.id)).toEqual(['D-1']);
    expect(searchDisputes(items(), '陈', { viewer: { role: 'supervisor' } })).toEqual([]);
    expect(searchDisputes(items(), '陈建国', { viewer: { role: 'supervisor' } }).map((h) => h.id)).toEqual(['D-1']);
    expect(searchDisputes(items(), '210603198001011234').map((h) => h.matched)).toEqual([['idNumber']]);
  });

  test('text, address and limits; hostile arguments are typed errors', () => {
    const search = createDisputeSearch(items());
    expect(search.search('物业 维修').map((h) => h.id)).toEqual(['D-2']);
    expect(search.search('江城小区', { viewer: { role: 'mediator' } }).map((h) => h.id)).toEqual(['D-2']);
    expect(search.search('纠纷', { limit: 1 })).toHaveLength(1);
    expect(search.search('   ')).toEqual([]);
    expect(() => search.search(5 as never)).toThrow(InvalidArgumentError);
    expect(() => search.search('x', { limit: 0 })).toThrow(InvalidArgumentError);
    expect(() => createDisputeSearch([null] as never)).toThrow(InvalidArgumentError);
  });

  test('possible duplicates: same phone, ID, address, or name in the same town, within the window', () => {
    const ledger = [...items(), walkTo('merged', accept('D-3', '2025-09-22T09:00:00+08:00')), accept('D-OLD', '2025-01-02T09:00:00+08:00')];
    const probe = { town: '站前街道', parties: [{ name: '张三', phone: '138-1234-5678' }] };
    const hits = findPossibleDuplicates(ledger, probe, { at: '2025-09-25T10:00:00+08:00', viewer: { role: 'supervisor' } });
    // D-3 is merged away and D-OLD is outside the 90-day window.
    expect(hits.map((h) => h.id)).toEqual(['D-1']);
    expect(hits[0]!.parties[0]!.phone).toBe('138****5678');
    const byName = findPossibleDuplicates(ledger, { town: '临江街道', parties: [{ name: '王海涛' }] }, { at: '2025-09-25T10:00:00+08:00' });
    expect(byName.map((h) => [h.id, h.matched])).toEqual([['D-2', ['name']]]);
    expect(findPossibleDuplicates(ledger, { town: '站前街道', parties: [{ name: '王海涛' }] }, { at: '2025-09-25T10:00:00+08:00' })).toEqual([]);
    expect(findPossibleDuplicates(ledger, { parties: [{ phone: '13812345678' }] }, { at: '2025-09-25T10:00:00+08:00', exclude: 'D-1' })).toEqual([]);
    expect(() => findPossibleDuplicates(ledger, { parties: [] }, { at: 'not a time' })).toThrow(InvalidArgumentError);
  });
});

describe('notices', () => {
  test('accepted, declined, referred, routed and written off each tell the right people, with no one else\'s data', () => {
    const fresh = accept();
    const accepted = noticesFor(null, fresh);
    expect(accepted).toEqual([expect.objectContaining({ key: 'dispute.accepted', itemId: fresh.id, recipient: { kind: 'party', partyId: 'p1', phone: '13812345678' } })]);
    expect(accepted[0]!.text['zh-CN']).toContain(fresh.id);
    const declined = send(fresh, 'decline', clerk, { reason: 'outsideRemit' });
    expect(noticesFor(fresh, declined)).toEqual([expect.objectContaining({ key: 'dispute.declined', event: 'decline', text: { 'zh-CN': expect.stringContaining('不属于本中心受理范围'), en: expect.stringContaining("Outside the centre's remit") } })]);
    const routed = walkTo('routed');
    const routedNotices = noticesFor(fresh, routed);
    expect(routedNotices.map((n) => n.recipient)).toEqual(['court', 'judicialAdministration', 'publicSecurity', 'subDistrictOffice', 'residentsCommittee'].map((departmentId) => ({ kind: 'department', departmentId })));
    // A department hears of the case, never a party's name, phone or ID.
    for (const n of routedNotices) expect(JSON.stringify(n)).not.toMatch(/陈建国|13812345678|210603/);
    const transferred = send(fresh, 'transfer', clerk, { to: '区仲裁院', reason: '劳动争议', date: '2025-09-26' });
    expect(noticesFor(fresh, transferred)[0]).toMatchObject({ key: 'dispute.transferred', text: { 'zh-CN': expect.stringContaining('区仲裁院') } });
    expect(noticesFor(walkTo('pendingWriteOff'), walkTo('closed'))[0]).toMatchObject({ key: 'dispute.writtenOff' });
    expect(noticesFor(walkTo('routed'), walkTo('mediating'))).toEqual([]);
    expect(() => noticesFor(null, {} as never)).toThrow(InvalidArgumentError);
  });

  test('due soon and follow-up due from the deadlines', () => {
    const routed = walkTo('routed');
    const due = dueNotices([routed], new Date(Date.parse(routed.deadline!) - 3_600_000));
    expect(due.map((n) => n.key)).toEqual(Array(5).fill('dispute.dueSoon'));
    const follow = walkTo('followUp');
    expect(dueNotices([follow], new Date(Date.parse(follow.deadline!) - 3_600_000))).toEqual([expect.objectContaining({ key: 'dispute.followUpDue', recipient: { kind: 'centre', role: 'intakeClerk' } })]);
    expect(dueNotices([follow], new Date(Date.parse(follow.deadline!) - 10 * 86_400_000))).toEqual([]);
  });

  test('the onNotice hook hears of a stored step; a failing gateway is reported, never thrown, and the step stands', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const item = accept();
    await store.put('disputes', item);
    const heard: Notice[] = [];
    const errors: unknown[] = [];
    const r = await applyDisputeEvent(store, item.id, { type: 'route', actor: clerk, at: '2025-09-26T10:00:00+08:00', payload: { departments: ['court'] } }, undefined, {
      onNotice: (n: Notice) => {
        heard.push(n);
        throw new Error('SMS gateway down');
      },
      onNoticeError: (e: unknown) => errors.push(e),
    });
    expect(r.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard.map((n) => n.key)).toEqual(['dispute.routed']);
    expect(errors).toEqual([expect.objectContaining({ message: 'SMS gateway down' })]);
    expect((await store.get('disputes', item.id))?.state).toBe('routed');
    const delivery = await deliverNotices(heard, () => Promise.reject(new Error('late')), () => {
      throw new Error('the error handler fails too');
    });
    expect(delivery).toMatchObject({ delivered: 0, failed: [{ notice: heard[0] }] });
  });
});

void noiseIntake;
