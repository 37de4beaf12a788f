// Notices for reception-day issues, through the same hook as the disputes': the firm hears that its
// issue is assigned and answered; the department hears of the assignment, a 督办 and a reopening;
// a named handler hears they handle it; an escalation goes to the level reached.
import { describe, expect, test } from 'vitest';
import { collectIssue, escalationsDueAt, InvalidArgumentError, notifyReceptionStep, receptionLoop, receptionNoticesFor, recipientKey, transition, type LoopEvent, type Notice, type ReceptionItem } from '@bihuan/core';

const host = { id: 'district-head', role: 'host' as const };
const dept = { id: 'clerk-zhou', role: 'department' as const, unit: 'market-bureau' };
const firm = { id: 'contact-chen', role: 'firm' as const, unit: '企业1' };
const on = (date: string, time = '09:00') => `${date}T${time}:00+08:00`;
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

function send(item: ReceptionItem, type: string, actor: { id: string; role: string; unit?: string }, payload: unknown, at: string): ReceptionItem {
  const r = transition(receptionLoop, item, { type, actor, at, ...(payload === undefined ? {} : { payload }) } as never);
  if (!r.ok) expect.fail(`${type}: ${r.reason.message.en}`);
  return r.snapshot as ReceptionItem;
}
/** The step's notices as `key → recipient`, each checked: the issue's number in both languages, English free of Chinese, nobody's data but the firm's own phone. */
function heard(before: ReceptionItem, after: ReceptionItem): string[] {
  const notices = receptionNoticesFor(before, after);
  for (const n of notices) {
    expect(n.itemId).toBe(after.id);
    expect(n.text['zh-CN']).toContain(after.id);
    expect(n.text.en).toContain(after.id);
    expect(n.text.en).not.toMatch(CJK);
    expect(JSON.stringify(n.text)).not.toMatch(/陈经理|13812345678/);
  }
  return notices.map((n) => `${n.key} → ${recipientKey(n.recipient)}`);
}

const collected = () => collectIssue({ id: 'JD-N1', intake: { sessionId: '2025-06', sessionDate: '2025-06-18', firm: '企业1', contact: '陈经理', phone: '13812345678', title: '厂区道路占用审批慢' }, actor: host, at: on('2025-06-18', '10:00') });

describe('reception notices', () => {
  test('each step tells the people who act on it or wait for it', () => {
    const c = collected();
    const a = send(c, 'assign', host, { department: 'market-bureau', dueDate: '2025-06-25' }, on('2025-06-18', '11:00'));
    expect(heard(c, a)).toEqual(['reception.assigned → department:market-bureau', 'reception.assigned → party:企业1']);
    // The firm hears at its contact's own phone; the due date is in the text.
    expect(receptionNoticesFor(c, a)[1]!.recipient).toEqual({ kind: 'party', partyId: '企业1', phone: '13812345678' });
    expect(receptionNoticesFor(c, a)[0]!.text['zh-CN']).toContain('2025-06-25');
    const h = send(a, 'handle', dept, undefined, on('2025-06-19'));
    expect(heard(a, h)).toEqual([]);
    const named = send(h, 'assignHandler', dept, { handler: 'clerk-zhou', name: '周明', unit: 'market-bureau' }, on('2025-06-19', '10:00'));
    expect(heard(h, named)).toEqual(['reception.handlerAssigned → staff:clerk-zhou']);
    const urged = send(named, 'supervise', host, { instruction: '本周内答复企业', dueDate: '2025-06-23' }, on('2025-06-20'));
    expect(heard(named, urged)).toEqual(['reception.supervised → department:market-bureau']);
    expect(receptionNoticesFor(named, urged)[0]!.text.en).toContain('by 2025-06-23');
    const answered = send(urged, 'feedBack', dept, { result: '已协调解决' }, on('2025-06-22'));
    expect(heard(urged, answered)).toEqual(['reception.fedBack → party:企业1']);
    const unhappy = send(answered, 'rate', firm, { satisfaction: 'dissatisfied', comment: '手续仍未办完' }, on('2025-06-23'));
    expect(heard(answered, unhappy)).toEqual(['reception.reopened → department:market-bureau']);
    const happy = send(answered, 'rate', firm, { satisfaction: 'satisfied' }, on('2025-06-23'));
    expect(heard(answered, happy)).toEqual([]);
  });

  test('an escalation goes to the sub-district', () => {
    const a = send(collected(), 'assign', host, { department: 'market-bureau', dueDate: '2025-06-25' }, on('2025-06-18', '11:00'));
    const due = escalationsDueAt([a], on('2025-06-26'))[0]!;
    const up = send(a, 'escalate', due.event.actor, due.event.payload, due.event.at);
    expect(heard(a, up)).toEqual(['reception.escalated → level:governance/subDistrict']);
    expect(receptionNoticesFor(a, up)[0]!.text['zh-CN']).toContain('街道（乡镇）');
  });

  test('the hook: notices reach it; a failing gateway or a bad record is reported, never thrown', async () => {
    const c = collected();
    const a = send(c, 'assign', host, { department: 'market-bureau', dueDate: '2025-06-25' }, on('2025-06-18', '11:00'));
    const got: Notice[] = [];
    const errors: unknown[] = [];
    const ok = await notifyReceptionStep(c, a, undefined, (n) => void got.push(n));
    expect([ok.delivered, got.length]).toEqual([2, 2]);
    const failing = await notifyReceptionStep(c, a, undefined, () => {
      throw new Error('SMS gateway down');
    }, (e) => errors.push(e));
    expect(failing.failed).toHaveLength(2);
    const bad = await notifyReceptionStep({} as never, a, undefined, (n) => void got.push(n), (e) => errors.push(e));
    expect(bad).toEqual({ delivered: 0, failed: [] });
    expect(errors.at(-1)).toBeInstanceOf(InvalidArgumentError);
    expect(got).toHaveLength(2);
  });

  test('refusals: records and events that are not the loop’s are typed errors naming the argument', () => {
    const c = collected();
    const argumentOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof InvalidArgumentError ? e.argument : 'untyped';
      }
      return 'none';
    };
    expect(argumentOf(() => receptionNoticesFor(null as never, c))).toBe('before');
    expect(argumentOf(() => receptionNoticesFor(c, { id: 'x', state: 'assigned', data: {} } as never))).toBe('after');
    expect(argumentOf(() => receptionNoticesFor(c, c, { type: 'assign' } as never))).toBe('event');
    expect(argumentOf(() => receptionNoticesFor(c, c, { type: 'assign', at: on('2025-06-18') } as LoopEvent))).toBe('none');
  });
});
