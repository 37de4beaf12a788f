// The supervision ledger (督办台账) by period, with its changes against the previous period and
// the same period last year: orders issued in the period, each as it stood at the period's end.
import { describe, expect, test } from 'vitest';
import {
  disputeLoop,
  escalationsDueAt,
  formatChange,
  formatPoints,
  InvalidArgumentError,
  issueSupervisionOrder,
  summarizeSupervision,
  summarizeSupervisionPeriod,
  supervisionLoop,
  supervisionPeriodReport,
  transition,
  type DisputeItem,
  type SupervisionItem,
} from '@bihuan/core';
import { accept } from '../dispute/fixtures.js';

const office = { id: 'zhanqian-head', role: 'issuer', unit: '站前街道办事处' } as const;
const centre = { id: 'centre-clerk', role: 'respondent', unit: '站前街道综治中心' } as const;

/** A dispute accepted at `at` and escalated by rule when its first deadline ran out. */
function escalated(id: string, at: string): DisputeItem {
  const item = accept(id, at);
  const due = escalationsDueAt([item], item.deadline!)[0]!;
  const r = transition(disputeLoop, item, due.event);
  if (!r.ok) expect.fail(r.reason.message.en);
  return r.snapshot;
}

function order(id: string, acceptedAt: string, issuedAt: string, dueDate: string): SupervisionItem {
  const r = issueSupervisionOrder({ id, target: escalated(`D-${id}`, acceptedAt), level: 'subDistrict', addressee: centre.unit, instruction: '请三日内分流并反馈', dueDate, actor: office, at: issuedAt });
  if (!r.ok) expect.fail(`${r.reason.rule}: ${r.reason.message.en}`);
  return r.value;
}

function step(o: SupervisionItem, type: string, at: string, payload: object): SupervisionItem {
  const actor = type === 'answer' ? centre : office;
  const r = transition(supervisionLoop, o, { type, actor, at, payload } as never);
  if (!r.ok) expect.fail(`${r.reason.rule}: ${r.reason.message.en}`);
  return r.snapshot;
}
const answer = (o: SupervisionItem, at: string) => step(o, 'answer', at, { response: '已分流并开始调解' });
const close = (o: SupervisionItem, at: string) => step(o, 'close', at, { assessment: '同意办结' });

// Week 40 of 2025 is Monday 29 September to Sunday 5 October; week 39 the week before; week 40 of
// 2024 is 30 September to 6 October 2024.
function ledger(): SupervisionItem[] {
  // Week 39: two orders, both answered and closed within it.
  const w39a = close(answer(order('DB-39A', '2025-09-15T09:00:00+08:00', '2025-09-22T10:00:00+08:00', '2025-09-25'), '2025-09-23T10:00:00+08:00'), '2025-09-24T10:00:00+08:00');
  const w39b = close(answer(order('DB-39B', '2025-09-15T09:00:00+08:00', '2025-09-23T10:00:00+08:00', '2025-09-26'), '2025-09-24T10:00:00+08:00'), '2025-09-25T10:00:00+08:00');
  // Week 40: three orders. A is answered late, after the week ended, and closed the week after:
  // at the week's end it was awaiting an answer past its due day. B is closed within the week.
  // C is still awaiting, not yet due.
  const a = close(answer(order('DB-40A', '2025-09-22T09:00:00+08:00', '2025-09-29T10:00:00+08:00', '2025-10-02'), '2025-10-08T09:00:00+08:00'), '2025-10-09T09:00:00+08:00');
  const b = close(answer(order('DB-40B', '2025-09-22T09:00:00+08:00', '2025-09-30T10:00:00+08:00', '2025-10-03'), '2025-10-01T09:00:00+08:00'), '2025-10-02T09:00:00+08:00');
  const c = order('DB-40C', '2025-09-22T09:00:00+08:00', '2025-10-03T10:00:00+08:00', '2025-10-10');
  // Week 40 of 2024: one order, closed in time.
  const y = close(answer(order('DB-Y', '2024-09-23T09:00:00+08:00', '2024-10-01T10:00:00+08:00', '2024-10-04'), '2024-10-02T10:00:00+08:00'), '2024-10-03T10:00:00+08:00');
  return [w39a, w39b, a, b, c, y];
}

describe('supervisionPeriodReport: the 督办台账 of a period as it stood at its end, with 环比 and 同比', () => {
  test('an order closed after the week ended counts as awaiting and overdue in that week', () => {
    const orders = ledger();
    // Today every order but C is closed, and nothing is overdue.
    expect(summarizeSupervision(orders, '2025-10-10T12:00:00+08:00')).toMatchObject({ total: 6, closed: 5, awaiting: 1, overdue: 0 });
    const report = supervisionPeriodReport(orders, '2025-W40');
    expect(report.period).toMatchObject({ key: '2025-W40', from: '2025-09-29', to: '2025-10-05' });
    expect(report.summary).toMatchObject({ total: 3, awaiting: 2, closed: 1, overdue: 1, overdueIds: ['DB-40A'] });
    expect(report.summary).toEqual(summarizeSupervisionPeriod(orders, '2025-W40'));
    expect([report.previous.period.key, report.previous.summary.total, report.previous.summary.closed]).toEqual(['2025-W39', 2, 2]);
    expect([report.lastYear.period.key, report.lastYear.summary.total, report.lastYear.summary.closed]).toEqual(['2024-W40', 1, 1]);
  });

  test('the changes are formatChange and formatPoints of the figures beside them', () => {
    const report = supervisionPeriodReport(ledger(), '2025-W40');
    // Issued: 3 against 2 (环比 +50%) and against 1 (同比 +200%).
    expect(report.issued).toEqual({ previous: formatChange(3, 2, { signDisplay: 'always' }), lastYear: formatChange(3, 1, { signDisplay: 'always' }) });
    expect(report.issued).toEqual({ previous: '+50%', lastYear: '+200%' });
    // Overdue: 1 against none — no percentage of nothing.
    expect(report.overdue).toEqual({ previous: '—', lastYear: '—' });
    // Closed 1 of 3 against 2 of 2 and 1 of 1: down 66.67 points both ways.
    expect(report.closedRate).toEqual({ previous: formatPoints([1, 3], [2, 2], { signDisplay: 'always' }), lastYear: formatPoints([1, 3], [1, 1], { signDisplay: 'always' }) });
    expect(report.closedRate.previous).toMatch(/^-66\.67?$/);
  });

  test('a month, a quarter, a year and a date range answer the same way', () => {
    const orders = ledger();
    // September 2025 (as at 1 October 00:00): the two of week 39 closed, A and B issued and awaiting.
    expect(supervisionPeriodReport(orders, '2025-09').summary).toMatchObject({ total: 4, closed: 2, awaiting: 2, overdue: 0 });
    expect(supervisionPeriodReport(orders, '2025-Q4').summary).toMatchObject({ total: 1, awaiting: 1 });
    expect(supervisionPeriodReport(orders, '2025').summary).toMatchObject({ total: 5, closed: 4, awaiting: 1 });
    expect(supervisionPeriodReport(orders, '2025').lastYear.summary.total).toBe(1);
    expect(supervisionPeriodReport(orders, '2025-09-29..2025-09-30').summary.total).toBe(2);
    // A range's previous period is the same number of days just before it.
    expect(supervisionPeriodReport(orders, '2025-09-29..2025-09-30').previous.period.key).toBe('2025-09-27..2025-09-28');
  });

  test('refusals: a bad period, a list that is not orders, an order twice — typed errors naming the argument, nothing counted', () => {
    const orders = ledger();
    const argumentOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof InvalidArgumentError && e.message.startsWith('supervisionPeriodReport:') ? `supervisionPeriodReport:${e.argument}` : 'untyped';
      }
      return 'none';
    };
    expect(argumentOf(() => supervisionPeriodReport(orders, '2025-W54'))).toBe('supervisionPeriodReport:period');
    expect(argumentOf(() => supervisionPeriodReport(orders, '2025-10-05..2025-10-01'))).toBe('supervisionPeriodReport:period');
    expect(argumentOf(() => supervisionPeriodReport(orders, 2025 as never))).toBe('supervisionPeriodReport:period');
    expect(argumentOf(() => supervisionPeriodReport('orders' as never, '2025-W40'))).toBe('supervisionPeriodReport:orders');
    expect(argumentOf(() => supervisionPeriodReport([{ ...orders[0]!, loop: { id: 'dispute', version: 1 } }] as never, '2025-W40'))).toBe('supervisionPeriodReport:orders[0]');
    expect(argumentOf(() => supervisionPeriodReport([orders[0]!, orders[0]!], '2025-W40'))).toBe('supervisionPeriodReport:orders[1].id');
    // The refusal reads in both languages.
    const refusal = (() => {
      try {
        supervisionPeriodReport(orders, 'last week');
      } catch (e) {
        return e as InvalidArgumentError;
      }
      return expect.fail('accepted');
    })();
    expect(refusal.text('zh-CN')).toMatch(/统计期/);
    expect(refusal.text('en')).toMatch(/must be a Period/);
  });
});
