import { describe, expect, test } from 'vitest';
import {
  type DisputeItem,
  type ReceptionItem,
  type RectificationItem,
  HANDLER_RULES,
  DISPUTE_RULES,
  collectIssue,
  disputeLoop,
  findingsOf,
  handledBy,
  ledgerOfPeriod,
  loadSnapshot,
  openRectifications,
  overdueReceptionIssuesAt,
  queryLedger,
  receptionLoop,
  rectificationLoop,
  summarizeLedger,
  summarizeLedgerPeriod,
  summarizeReceptionPeriod,
  summarizeRectificationPeriod,
  transition,
} from '@bihuan/core';
import { accept, liaison, mediator, send, supervisor } from '../dispute/fixtures.js';
import { goodReport } from '../evaluation/fixtures.js';

const zhao = { id: 'mediator-zhao', role: 'mediator' as const };

function refusedWith(result: ReturnType<typeof transition>, rule: string, field?: string) {
  if (result.ok) return expect.fail('accepted');
  expect(result.reason.code).toBe('guard_failed');
  expect(result.reason.rule).toBe(rule);
  if (field !== undefined) expect(result.reason.field).toBe(field);
  expect(result.reason.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  expect(result.reason.message.en.length).toBeGreaterThan(10);
  return result.reason;
}

/** Accepted, then routed an hour later (to the court among others). */
function routed(id: string, at: string): DisputeItem {
  const item = accept(id, at);
  return send(item, 'route', { id: 'clerk-li', role: 'intakeClerk' }, undefined, new Date(Date.parse(at) + 3_600_000).toISOString());
}

function settled(id: string, acceptedAt: string, settledOn: string): DisputeItem {
  let item = routed(id, acceptedAt);
  item = send(item, 'mediate', mediator, undefined, new Date(Date.parse(acceptedAt) + 7_200_000).toISOString());
  return send(item, 'settle', mediator, { terms: ['降低生活噪声'], consentedBy: ['p1', 'p2'], date: settledOn }, `${settledOn}T15:00:00+08:00`);
}

describe('a named handler (承办人) on a dispute', () => {
  test('assigned in a routed body, kept in data and history; then only the handler acts for the body', () => {
    let item = routed('D-H-1', '2025-10-10T09:00:00+08:00');
    item = send(item, 'assignHandler', liaison, { handler: 'mediator-zhao', name: '赵承办', unit: 'court' }, '2025-10-10T11:00:00+08:00');
    expect(item.state).toBe('routed');
    expect(item.data.handler).toEqual({ id: 'mediator-zhao', name: '赵承办', unit: 'court', since: '2025-10-10T11:00:00+08:00' });
    expect(item.history.at(-1)).toMatchObject({ type: 'assignHandler', actor: liaison, payload: { handler: 'mediator-zhao', name: '赵承办', unit: 'court' } });

    // Another mediator, or the court's liaison, no longer acts for the body; the refusal names the handler.
    const before = JSON.stringify(item);
    const other = transition(disputeLoop, item, { type: 'mediate', actor: mediator, at: '2025-10-10T12:00:00+08:00', payload: { mode: 'atCentre' } });
    const reason = refusedWith(other, 'handler_only', 'actor.id');
    expect(reason.message['zh-CN']).toContain('赵承办');
    expect(reason.message.en).toContain('赵承办');
    refusedWith(transition(disputeLoop, item, { type: 'mediate', actor: liaison, at: '2025-10-10T12:00:00+08:00', payload: { mode: 'atCentre' } }), 'handler_only');
    expect(JSON.stringify(item)).toBe(before);

    item = send(item, 'mediate', zhao, { mode: 'atCentre' }, '2025-10-10T12:00:00+08:00');
    expect(item.data.mediation?.mediators).toEqual(['mediator-zhao']);
    // The handler stays named through the steps that follow (each step rebuilds the dispute's data).
    expect(item.data.handler).toEqual({ id: 'mediator-zhao', name: '赵承办', unit: 'court', since: '2025-10-10T11:00:00+08:00' });
    // A supervisor is not bound by the rule.
    item = send(item, 'refer', supervisor, { to: 'fastTrackCourt', reason: '一方拒绝调解', date: '2025-10-11' }, '2025-10-11T09:00:00+08:00');
    expect(item.state).toBe('followUp');
    expect(item.data.handler?.id).toBe('mediator-zhao');
  });

  test('assign once, reassign with a reason to someone else in a routed body, named by that body or a supervisor', () => {
    let item = routed('D-H-2', '2025-10-10T09:00:00+08:00');
    const at = '2025-10-10T11:00:00+08:00';
    refusedWith(transition(disputeLoop, item, { type: 'reassignHandler', actor: supervisor, at, payload: { handler: 'x', name: '某人', unit: 'court', reason: '调岗' } }), 'handler_missing', 'handler');
    refusedWith(transition(disputeLoop, item, { type: 'assignHandler', actor: supervisor, at, payload: { handler: 'x', name: '某人', unit: 'taxBureau' } }), 'handler_in_body', 'unit');
    refusedWith(transition(disputeLoop, item, { type: 'assignHandler', actor: { ...liaison, unit: 'publicSecurity' }, at, payload: { handler: 'x', name: '某人', unit: 'court' } }), 'handler_assigned_by_body', 'actor.unit');
    item = send(item, 'assignHandler', supervisor, { handler: 'mediator-zhao', name: '赵承办', unit: 'court' }, at);
    refusedWith(transition(disputeLoop, item, { type: 'assignHandler', actor: supervisor, at, payload: { handler: 'y', name: '钱承办', unit: 'court' } }), 'handler_assigned', 'handler');
    refusedWith(transition(disputeLoop, item, { type: 'reassignHandler', actor: supervisor, at, payload: { handler: 'mediator-zhao', name: '赵承办', unit: 'court', reason: '调岗' } }), 'handler_same', 'handler');
    const noReason = transition(disputeLoop, item, { type: 'reassignHandler', actor: supervisor, at, payload: { handler: 'y', name: '钱承办', unit: 'court' } } as never);
    expect(noReason.ok ? undefined : [noReason.reason.code, noReason.reason.field]).toEqual(['field_missing', 'reason']);
    item = send(item, 'reassignHandler', liaison, { handler: 'mediator-qian', name: '钱承办', unit: 'court', reason: '原承办人调岗' }, '2025-10-10T12:00:00+08:00');
    expect(item.data.handler?.id).toBe('mediator-qian');
    expect(item.history.at(-1)?.payload).toEqual({ handler: 'mediator-qian', name: '钱承办', unit: 'court', reason: '原承办人调岗' });
    refusedWith(transition(disputeLoop, item, { type: 'mediate', actor: zhao, at: '2025-10-10T13:00:00+08:00', payload: { mode: 'atCentre' } }), 'handler_only');
  });

  test('every handler rule is listed with the loop’s rules; records without a handler load and work as before', () => {
    for (const rule of Object.keys(HANDLER_RULES)) expect(Object.keys(DISPUTE_RULES)).toContain(rule);
    const old = routed('D-H-3', '2025-10-10T09:00:00+08:00');
    const json = JSON.stringify(old);
    expect(json).not.toContain('handler');
    const loaded = loadSnapshot(disputeLoop, json);
    expect(send(loaded, 'mediate', mediator, undefined, '2025-10-10T12:00:00+08:00').state).toBe('mediating');
  });

  test('"my cases": the ledger filtered by the viewer’s id', () => {
    const mine = send(routed('D-H-4', '2025-10-10T09:00:00+08:00'), 'assignHandler', supervisor, { handler: 'mediator-zhao', name: '赵承办', unit: 'court' }, '2025-10-10T11:00:00+08:00');
    const theirs = send(routed('D-H-5', '2025-10-10T09:00:00+08:00'), 'assignHandler', supervisor, { handler: 'mediator-qian', name: '钱承办', unit: 'court' }, '2025-10-10T11:00:00+08:00');
    const none = routed('D-H-6', '2025-10-10T09:00:00+08:00');
    expect(queryLedger([mine, theirs, none], { handler: 'mediator-zhao' }).map((i) => i.id)).toEqual(['D-H-4']);
    expect(handledBy([mine, theirs, none], 'mediator-qian').map((i) => i.id)).toEqual(['D-H-5']);
  });
});

describe('a named handler on a reception issue and a rectification item', () => {
  test('reception: named inside the assigned department; others of it are refused', () => {
    const host = { id: 'district-head', role: 'host' as const };
    const zhou = { id: 'clerk-zhou', role: 'department' as const, unit: 'market-bureau' };
    const sun = { id: 'clerk-sun', role: 'department' as const, unit: 'market-bureau' };
    let item: ReceptionItem = collectIssue({ id: 'JD-H', intake: { sessionId: '2025-06', sessionDate: '2025-06-18', firm: '企业1', contact: '陈经理', title: '用地审批慢' }, actor: host, at: '2025-06-18T10:00:00+08:00' });
    const step = (actor: typeof host | typeof zhou, type: string, payload: unknown, at: string) => transition(receptionLoop, item, { type: type as never, actor, at, payload } as never);
    let r = step(host, 'assign', { department: 'market-bureau', dueDate: '2025-07-18' }, '2025-06-18T11:00:00+08:00');
    if (!r.ok) throw new Error(r.reason.message.en);
    item = r.snapshot;
    refusedWith(step(host, 'assignHandler', { handler: 'clerk-zhou', name: '周办事员', unit: 'housing-bureau' }, '2025-06-18T12:00:00+08:00'), 'handler_in_body', 'unit');
    r = step(zhou, 'assignHandler', { handler: 'clerk-zhou', name: '周办事员', unit: 'market-bureau' }, '2025-06-18T12:00:00+08:00');
    if (!r.ok) throw new Error(r.reason.message.en);
    item = r.snapshot;
    const reason = refusedWith(step(sun, 'handle', undefined, '2025-06-19T09:00:00+08:00'), 'handler_only', 'actor.id');
    expect(reason.message.en).toContain('周办事员');
    expect(step(zhou, 'handle', undefined, '2025-06-19T09:00:00+08:00').ok).toBe(true);
  });

  test('rectification: named inside the responsible unit; the owner who is not the handler is refused', () => {
    const office = { id: 'kaoping-office', role: 'supervisor' as const };
    const wang = { id: 'wang', role: 'owner' as const, unit: '某县司法局' };
    const zhang = { id: 'zhang', role: 'owner' as const, unit: '某县司法局' };
    const [item] = openRectifications({ findings: findingsOf(goodReport() as never), unit: '某县司法局', owner: '王局长', deadline: '2026-03-31', actor: office, at: '2026-01-15T09:00:00+08:00', idPrefix: 'ZG-H' });
    const assigned = transition(rectificationLoop, item!, { type: 'assignHandler', actor: office, at: '2026-01-15T10:00:00+08:00', payload: { handler: 'zhang', name: '张科长', unit: '某县司法局' } });
    if (!assigned.ok) throw new Error(assigned.reason.message.en);
    const withHandler: RectificationItem = assigned.snapshot;
    refusedWith(transition(rectificationLoop, withHandler, { type: 'start', actor: wang, at: '2026-01-16T09:00:00+08:00', payload: { measures: ['建立台账'] } }), 'handler_only', 'actor.id');
    expect(transition(rectificationLoop, withHandler, { type: 'start', actor: zhang, at: '2026-01-16T09:00:00+08:00', payload: { measures: ['建立台账'] } }).ok).toBe(true);
  });
});

describe('ledgers by period, as they stood at the end of the period', () => {
  // September: one dispute, settled in September. October: two accepted, one settled in October and
  // one only in November (open at the end of October). Last year's October: none.
  const ledger = () => [
    settled('D-P-1', '2025-09-20T09:00:00+08:00', '2025-09-25'),
    settled('D-P-2', '2025-10-10T09:00:00+08:00', '2025-10-20'),
    settled('D-P-3', '2025-10-15T09:00:00+08:00', '2025-11-05'),
  ];

  test('a dispute settled after the period ended counts as open in it; changes against the previous period and last year', () => {
    const items = ledger();
    // Today all three are settled.
    expect(summarizeLedger(items).resolved).toBe(3);
    const report = summarizeLedgerPeriod(items, '2025-10');
    expect([report.period.key, report.summary.accepted, report.summary.resolved, report.summary.resolutionRate]).toEqual(['2025-10', 2, 1, '50%']);
    expect(report.summary.byState).toMatchObject({ followUp: 1, mediating: 1 });
    expect([report.previous.period.key, report.previous.summary.accepted, report.previous.summary.resolutionRate]).toEqual(['2025-09', 1, '100%']);
    expect([report.lastYear.period.key, report.lastYear.summary.accepted]).toEqual(['2024-10', 0]);
    expect(report.accepted).toEqual({ previous: '+100%', lastYear: '—' });
    expect(report.resolutionRate).toEqual({ previous: '-50', lastYear: '—' });
    // As it stood: the October view of D-P-3 is its own history replayed up to 1 November.
    const [, then] = ledgerOfPeriod(items, '2025-10');
    expect([then!.id, then!.state, then!.data.outcome]).toEqual(['D-P-3', 'mediating', null]);
    // A week, a quarter, a year and a range of days answer too.
    expect(summarizeLedgerPeriod(items, '2025-Q4').summary.resolved).toBe(2);
    expect(summarizeLedgerPeriod(items, '2025').summary.accepted).toBe(3);
    expect(summarizeLedgerPeriod(items, '2025-10-01..2025-10-12').summary.accepted).toBe(1);
    expect(queryLedger(items, { period: '2025-W42' }).map((i) => i.id)).toEqual(['D-P-3']);
  });

  test('overdue as it stood at the period’s end, from the stage deadline it had then', () => {
    // Accepted on 1 October and left unrouted until December: overdue at the end of October.
    const late = send(accept('D-P-4', '2025-10-09T09:00:00+08:00'), 'route', { id: 'clerk-li', role: 'intakeClerk' }, undefined, '2025-12-01T09:00:00+08:00');
    expect(summarizeLedger([late], '2025-12-02T00:00:00+08:00').overdue).toBe(0);
    expect(summarizeLedgerPeriod([late], '2025-10').summary.overdue).toBe(1);
  });

  test('refusals: a bad period or bad items are typed errors naming the argument', () => {
    expect(() => summarizeLedgerPeriod(ledger(), '2025-13')).toThrow(/period/);
    expect(() => summarizeLedgerPeriod(ledger(), 42 as never)).toThrow(/period/);
    expect(() => summarizeLedgerPeriod([{}] as never, '2025-10')).toThrow(/items\[0\]/);
    expect(() => summarizeReceptionPeriod(ledger() as never, '2025-10')).toThrow(/items\[0\]/);
    expect(() => summarizeRectificationPeriod('x' as never, '2025-10')).toThrow(/items/);
  });

  test('reception and rectification by period: collected in the period, as they stood at its end', () => {
    const host = { id: 'district-head', role: 'host' as const };
    let issue: ReceptionItem = collectIssue({ id: 'JD-P', intake: { sessionId: '2025-06', sessionDate: '2025-06-18', firm: '企业1', contact: '陈经理', title: '用地审批慢' }, actor: host, at: '2025-06-18T10:00:00+08:00' });
    const r = transition(receptionLoop, issue, { type: 'assign', actor: host, at: '2025-06-18T11:00:00+08:00', payload: { department: 'market-bureau', dueDate: '2025-06-25' } });
    if (!r.ok) throw new Error(r.reason.message.en);
    issue = r.snapshot;
    const h = transition(receptionLoop, issue, { type: 'handle', actor: { id: 'clerk-zhou', role: 'department', unit: 'market-bureau' }, at: '2025-07-02T09:00:00+08:00' });
    if (!h.ok) throw new Error(h.reason.message.en);
    const june = summarizeReceptionPeriod([h.snapshot], '2025-06');
    expect([june.summary.collected, june.summary.byState.assigned, june.summary.overdue]).toEqual([1, 1, 1]);
    expect(june.collected).toEqual({ previous: '—', lastYear: '—' });
    expect(overdueReceptionIssuesAt([h.snapshot], '2025-06').ids).toEqual(['JD-P']);
    expect(overdueReceptionIssuesAt([h.snapshot], '2025-05').overdue).toBe(0);

    const office = { id: 'kaoping-office', role: 'supervisor' as const };
    const items = openRectifications({ findings: findingsOf(goodReport() as never), unit: '某县司法局', owner: '王局长', deadline: '2026-02-15', actor: office, at: '2026-01-15T09:00:00+08:00', idPrefix: 'ZG-P' });
    const jan = summarizeRectificationPeriod(items, '2026-01');
    expect([jan.summary.total, jan.summary.overdue, jan.previous.summary.total, jan.total.previous]).toEqual([items.length, 0, 0, '—']);
    // Still open at the end of the quarter, past their deadline of 15 February.
    expect(summarizeRectificationPeriod(items, '2026-Q1').summary.overdue).toBe(items.length);
    expect(summarizeRectificationPeriod(items, '2025-Q4').summary.total).toBe(0);
  });
});
