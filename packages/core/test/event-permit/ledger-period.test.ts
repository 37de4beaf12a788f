import { describe, expect, test } from 'vitest';
import { eventPermitLoop, fileEventPermit, parsePeriod, permitsOfPeriod, summarizeEventPermits, summarizeEventPermitsPeriod, transition, type EventPermitItem } from '@bihuan/core';
import { exampleEventPermits } from '@bihuan/core/examples';
import { expectInvalidArgument } from '../support/invalid-argument.js';

const organizer = { id: 'org-1', role: 'organizer' } as const;
const reviewer = { id: 'police-1', role: 'reviewer' } as const;
const on = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;

function filing(id: string, filedOn: string, eventDate: string): EventPermitItem {
  const r = fileEventPermit({ id, application: { name: `活动 ${id}`, kind: 'sports', venue: '体育场', eventDate, expectedAttendance: 3000, organizer: { name: '某体育公司', contact: '汪洋', phone: '0335-1234567' }, plan: { summary: '入口安检、分区疏导', stewards: 40 } }, actor: organizer, at: on(filedOn) });
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.value;
}
function step(item: EventPermitItem, type: string, at: string, payload?: unknown): EventPermitItem {
  const r = transition(eventPermitLoop, item, { type, actor: reviewer, at, ...(payload === undefined ? {} : { payload }) } as never);
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.snapshot;
}

describe('the permit ledger by period', () => {
  // Filed in November, approved in December, held in January: November's ledger shows it under review.
  const a = step(step(step(filing('EP-A', '2026-11-10', '2027-01-20'), 'accept', on('2026-11-12')), 'approve', on('2026-12-03')), 'recordHeld', on('2027-01-20', '20:00:00'), { attendance: 2800, incidents: 0 });
  const b = step(filing('EP-B', '2026-11-20', '2027-02-01'), 'refuse', on('2026-11-25'), { reason: '场地容量不足' });
  const c = filing('EP-C', '2026-12-05', '2027-03-01');
  const items = [a, b, c];

  test('a month holds the filings made in it, each as it stood at the month’s end', () => {
    const november = permitsOfPeriod(items, '2026-11');
    expect(november.map((p) => [p.id, p.state])).toEqual([
      ['EP-A', 'underReview'],
      ['EP-B', 'refused'],
    ]);
    const report = summarizeEventPermitsPeriod(items, parsePeriod('2026-11'));
    expect(report.summary).toMatchObject({ filings: 2, open: 1, held: 0, refused: 1, safeRate: '—' });
    expect(report.previous.summary.filings).toBe(0);
    // Today's state is later: held safely.
    expect(summarizeEventPermits(items)).toMatchObject({ filings: 3, held: 1, heldSafely: 1 });
  });

  test('a review past its 7 working days is overdue at the month’s end, though approved since', () => {
    // EP-A was accepted on Thursday 12 November; its 7 working days ran out at 24:00 on Monday 23 November.
    const november = permitsOfPeriod(items, '2026-11');
    expect(summarizeEventPermits(november, on('2026-11-23', '23:59:59')).overdue).toBe(0);
    expect(summarizeEventPermits(november, on('2026-11-24', '00:00:00')).overdue).toBe(1);
    const report = summarizeEventPermitsPeriod(items, '2026-11');
    expect(report.summary.overdue).toBe(1);
    // Nothing overdue the month before or last year: no percentage of nothing.
    expect(report.overdue).toEqual({ previous: '—', lastYear: '—' });
    // December: EP-C is filed but not yet accepted, so no review clock runs; EP-A's review ended on 3 December.
    const december = summarizeEventPermitsPeriod(items, '2026-12');
    expect([december.summary.overdue, december.overdue.previous]).toEqual([0, '-100%']);
    // Today's states: no review is open, so none is overdue; without a moment none is counted.
    expect(summarizeEventPermits(items, on('2027-02-01')).overdue).toBe(0);
    expect(summarizeEventPermits(november).overdue).toBe(0);
  });

  test('changes against the previous period and last year', () => {
    const q4 = summarizeEventPermitsPeriod(items, '2026-Q4');
    expect(q4.summary.filings).toBe(3);
    expect(q4.filings).toEqual({ previous: '—', lastYear: '—' });
    const dec = summarizeEventPermitsPeriod(items, '2026-12');
    expect(dec.summary.filings).toBe(1);
    expect(dec.filings.previous).toBe('-50%');
  });

  test('a year of example events reproduces the year total and its safe rate', () => {
    const year = exampleEventPermits(40, 2025);
    const all = summarizeEventPermitsPeriod(year, '2025');
    const filedIn2024 = year.filter((p) => p.createdAt < '2025').length;
    expect(all.summary.filings + filedIn2024).toBe(40);
    // The months add up to the year.
    let sum = 0;
    for (let m = 1; m <= 12; m++) sum += summarizeEventPermitsPeriod(year, `2025-${String(m).padStart(2, '0')}`).summary.filings;
    expect(sum).toBe(all.summary.filings);
  });

  test('refuses bad arguments with typed errors', () => {
    expectInvalidArgument(() => summarizeEventPermitsPeriod(items, '2026-13'), 'period');
    expectInvalidArgument(() => permitsOfPeriod(items, {} as never), 'period');
    expectInvalidArgument(() => summarizeEventPermitsPeriod(null as never, '2026'), 'items');
    expectInvalidArgument(() => summarizeEventPermitsPeriod([{ state: 'held', data: {} }] as never, '2026'), 'items[0].loop');
    expectInvalidArgument(() => summarizeEventPermits(items, 'next Monday'), 'now');
    expectInvalidArgument(() => summarizeEventPermits(items, Number.NaN), 'now');
  });
});
