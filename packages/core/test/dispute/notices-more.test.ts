// Notices for the steps a party or an office should hear of beyond intake and routing: an
// escalation (to the level it went to), a 督办 instruction (to the routed bodies), a named handler
// (to that person), a referral to court after mediation and a merge (to the applicants).
import { describe, expect, test } from 'vitest';
import {
  InvalidArgumentError,
  applyDisputeEvent,
  createMemoryStore,
  disputeStoreSpec,
  escalationsDueAt,
  NOTICE_KEYS,
  noticesFor,
  recipientKey,
  transition,
  disputeLoop,
  type DisputeItem,
  type LoopEvent,
  type Notice,
  type NoticeRecipient,
} from '@bihuan/core';
import { accept, clerk, mediator, send, supervisor, walkTo } from './fixtures.js';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const PERSONAL = /陈建国|李秀英|13812345678|13987654321|210603|锦绣小区/;

function escalate(item: DisputeItem): DisputeItem {
  const due = escalationsDueAt([item], item.deadline!)[0]!;
  const r = transition(disputeLoop, item, due.event as never);
  if (!r.ok) expect.fail(r.reason.message.en);
  return r.snapshot;
}

/** Every notice reads in both languages, names the case, carries no one's personal data beyond a party's own phone, and its English has no Chinese characters or punctuation. */
function wellFormed(notices: readonly Notice[], id: string) {
  for (const n of notices) {
    expect(n.itemId).toBe(id);
    expect(n.text['zh-CN']).toContain(id);
    expect(n.text.en).toContain(id);
    expect(n.text.en).not.toMatch(CJK);
    const { phone: _ownPhone, ...recipient } = n.recipient as { phone?: string };
    expect(JSON.stringify({ ...n, recipient })).not.toMatch(PERSONAL);
  }
}

describe('notices beyond intake', () => {
  test('an escalation tells the level it went to, with the deadline missed', () => {
    const before = accept();
    const after = escalate(before);
    const notices = noticesFor(before, after);
    expect(notices).toEqual([expect.objectContaining({ key: 'dispute.escalated', event: 'escalate', recipient: { kind: 'level', chain: 'governance', level: 'subDistrict' } })]);
    expect(notices[0]!.text['zh-CN']).toContain('街道（乡镇）');
    expect(notices[0]!.text.en).toContain('sub-district (town)');
    expect(notices[0]!.text['zh-CN']).toContain(after.deadline!.slice(0, 10));
    wellFormed(notices, after.id);
  });

  test('a 督办 instruction tells each routed body; a named handler hears that they handle the case', () => {
    const routed = walkTo('routed');
    const supervised = send(routed, 'supervise', supervisor);
    const told = noticesFor(routed, supervised);
    expect(told.map((n) => [n.key, recipientKey(n.recipient)])).toEqual(routed.data.routing!.departments.map((d) => ['dispute.supervised', `department:${d}`]));
    wellFormed(told, routed.id);
    const assigned = send(routed, 'assignHandler', supervisor);
    expect(noticesFor(routed, assigned)).toEqual([expect.objectContaining({ key: 'dispute.handlerAssigned', recipient: { kind: 'staff', staffId: 'mediator-wang' } })]);
    const reassigned = send(assigned, 'reassignHandler', supervisor);
    const toNew = noticesFor(assigned, reassigned);
    expect(toNew.map((n) => recipientKey(n.recipient))).toEqual(['staff:liaison-court']);
    wellFormed(toNew, routed.id);
  });

  test('a referral to court after mediation and a merge tell the applicants where their case went', () => {
    const mediating = walkTo('mediating');
    const referred = send(mediating, 'refer', mediator);
    const r = noticesFor(mediating, referred);
    expect(r).toEqual([expect.objectContaining({ key: 'dispute.referred', recipient: { kind: 'party', partyId: 'p1', phone: '13812345678' } })]);
    expect(r[0]!.text['zh-CN']).toContain('速裁法庭');
    expect(r[0]!.text.en).toContain('fast-track court');
    wellFormed(r, mediating.id);
    const fresh = accept('D-2025-0009');
    const merged = send(fresh, 'merge', clerk);
    const m = noticesFor(fresh, merged);
    expect(m.map((n) => n.key)).toEqual(['dispute.merged']);
    expect(m[0]!.text['zh-CN']).toContain('已并入 D-2025-0000');
    expect(m[0]!.text.en).toContain('case D-2025-0000');
    wellFormed(m, 'D-2025-0009');
  });

  test('steps nobody needs to hear of call for none; every key is listed', () => {
    expect(noticesFor(walkTo('routed'), walkTo('mediating'))).toEqual([]);
    expect(noticesFor(walkTo('mediating'), walkTo('followUp'))).toEqual([]);
    for (const key of ['dispute.referred', 'dispute.merged', 'dispute.escalated', 'dispute.supervised', 'dispute.handlerAssigned']) expect(NOTICE_KEYS).toContain(key);
  });

  test('through the store: the escalation run by the host’s scheduler reaches the hook', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const item = accept();
    await store.put('disputes', item);
    const heard: Notice[] = [];
    const due = escalationsDueAt([item], item.deadline!)[0]!;
    const r = await applyDisputeEvent(store, item.id, due.event as LoopEvent, undefined, { onNotice: (n: Notice) => void heard.push(n) });
    expect(r.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard.map((n) => [n.key, recipientKey(n.recipient)])).toEqual([['dispute.escalated', 'level:governance/subDistrict']]);
    // Refused (the same deadline escalates once): nothing stored, nothing heard.
    const again = await applyDisputeEvent(store, item.id, due.event as LoopEvent, undefined, { onNotice: (n: Notice) => void heard.push(n) });
    expect(again.ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toHaveLength(1);
  });

  test('through the store: a merge (two records in one batch) tells the merged report’s applicants; a refused merge tells no one', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    const original = accept('D-2025-0001');
    const second = accept('D-2025-0002', '2025-09-27T09:00:00+08:00');
    await store.put('disputes', original);
    await store.put('disputes', second);
    const heard: Notice[] = [];
    const hook = { onNotice: (n: Notice) => void heard.push(n) };
    const intoItself = await applyDisputeEvent(store, second.id, { type: 'merge', actor: clerk, at: '2025-09-27T10:00:00+08:00', payload: { into: second.id, reason: '同一纠纷重复登记' } }, undefined, hook);
    expect(intoItself.ok).toBe(false);
    const r = await applyDisputeEvent(store, second.id, { type: 'merge', actor: clerk, at: '2025-09-27T10:00:00+08:00', payload: { into: original.id, reason: '同一纠纷重复登记' } }, undefined, hook);
    expect(r.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard.map((n) => [n.key, n.itemId, recipientKey(n.recipient)])).toEqual([['dispute.merged', second.id, 'party:p1']]);
    expect(heard[0]!.text['zh-CN']).toContain(`已并入 ${original.id}`);
  });

  test('recipientKey names each kind of recipient; anything else is a typed refusal', () => {
    const all: NoticeRecipient[] = [
      { kind: 'party', partyId: 'p1', phone: '13812345678' },
      { kind: 'department', departmentId: 'court' },
      { kind: 'centre', role: 'intakeClerk' },
      { kind: 'level', chain: 'governance', level: 'county' },
      { kind: 'staff', staffId: 'mediator-wang' },
    ];
    expect(all.map(recipientKey)).toEqual(['party:p1', 'department:court', 'centre:intakeClerk', 'level:governance/county', 'staff:mediator-wang']);
    for (const bad of [null, 'party', {}, { kind: 'mayor' }]) {
      expect(() => recipientKey(bad as never)).toThrow(InvalidArgumentError);
      try {
        recipientKey(bad as never);
      } catch (e) {
        expect((e as InvalidArgumentError).argument).toBe('recipient');
        expect((e as InvalidArgumentError).text('zh-CN')).toContain('通知对象');
      }
    }
  });
});
