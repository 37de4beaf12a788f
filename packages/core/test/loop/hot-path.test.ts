import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { chinaCalendar, deadlineFor, disputeLoop, parseInstant, transition, WorkCalendar } from '@bihuan/core';
import { deadlineFunction } from '../../src/loop/deadlines.js';
import { instantBefore, parseDate } from '../../src/calendar/instant.js';
import type { TimeLimit } from '../../src/loop/definition.js';
import { accept, clerk, PAYLOADS } from '../dispute/fixtures.js';

// The transition's shortcuts (canonical times compared as text, the per-state deadline memo, the
// one-pass time parser) must agree with the plain rules.

const instant = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });

describe('canonical event times', () => {
  test('parse as Date does, for any year 0001–9999', () => {
    fc.assert(
      fc.property(instant, (date) => {
        expect(parseInstant(date.toISOString())).toBe(date.getTime());
      }),
      { numRuns: 5000 },
    );
  });

  test('dates parse to the day Date counts, for any year 0000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const date = new Date(0);
        date.setUTCFullYear(year, month - 1, day);
        const real = date.getUTCMonth() === month - 1; // else the day does not exist in that month
        expect(parseDate(text)).toBe(real ? date.getTime() / 86_400_000 : Number.NaN);
      }),
      { numRuns: 5000 },
    );
  });

  test('a text read again gives its own answer, in any order of reading', () => {
    // Reading texts again, interleaved, never gives another's answer: parseInstant keeps no state between calls.
    fc.assert(
      fc.property(fc.array(fc.oneof(instant.map((d) => d.toISOString()), fc.constantFrom('', 'x', '2025-09-26T01:00:00.000', '2025-13-01T00:00:00.000Z')), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(5), { maxLength: 30 }), (texts, order) => {
        for (const i of order) {
          const text = texts[i % texts.length]!;
          expect(parseInstant(text)).toBe(/Z$/.test(text) ? Date.parse(text) : Number.NaN);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('any non-digit in a digit position, or a wrong separator, gives NaN', () => {
    const digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
    const separators: Record<number, string> = { 4: '-', 7: '-', 13: ':', 16: ':', 19: '.' };
    fc.assert(
      fc.property(instant, fc.constantFrom(...digitPositions, 4, 7, 13, 16, 19), fc.constantFrom('/', ':', '-', '.', ' ', 'a', '０', '٣', '\u0000'), (date, at, c) => {
        const text = date.toISOString();
        if (text[at] === c || (separators[at] === undefined && c >= '0' && c <= '9')) return;
        expect(parseInstant(text.slice(0, at) + c + text.slice(at + 1))).toBeNaN();
      }),
      { numRuns: 5000 },
    );
  });

  test('compare as text exactly as their instants compare, in any mix of forms', () => {
    const offsetForm = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
    fc.assert(
      fc.property(instant, fc.integer({ min: -5_000, max: 5_000 }), fc.boolean(), fc.boolean(), (date, delta, aCanonical, bCanonical) => {
        const a = date.getTime();
        const b = a + delta;
        // Both forms stay within years 0001–9999 (the +08:00 form is 8 hours later on the clock).
        if (Math.min(a, b) < -62_135_596_800_000 || Math.max(a, b) + 8 * 3_600_000 > 253_402_300_799_999) return;
        const aText = aCanonical ? new Date(a).toISOString() : offsetForm(a);
        const bText = bCanonical ? new Date(b).toISOString() : offsetForm(b);
        expect(instantBefore(aText, bText)).toBe(a < b);
      }),
      { numRuns: 5000 },
    );
  });

  test('the same instant is not out of order; a millisecond earlier is', () => {
    const item = accept('D-1', '2025-09-26T01:00:00.000Z');
    expect(transition(disputeLoop, item, { type: 'route', actor: clerk, at: '2025-09-26T01:00:00.000Z', payload: PAYLOADS.route }).ok).toBe(true);
    const early = transition(disputeLoop, item, { type: 'route', actor: clerk, at: '2025-09-26T00:59:59.999Z', payload: PAYLOADS.route });
    expect(early.ok || early.reason.code).toBe('out_of_order');
    expect(transition(disputeLoop, item, { type: 'route', actor: clerk, at: '2025-09-26T09:00:00.000+08:00', payload: PAYLOADS.route }).ok).toBe(true);
  });
});

describe('stage deadlines', () => {
  // A calendar that makes every Monday a holiday, so that the memo must not mix calendars.
  const mondaysOff = chinaCalendar.extend({
    2026: { holidays: { 周一: Array.from({ length: 52 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10)) }, workdays: [] },
  });
  const limits: TimeLimit[] = [{ workingDays: 1 }, { workingDays: 10 }, { days: 30 }, { hours: 36 }, { hours: 0.5 }];

  test.each(limits)('%o: the memo gives what deadlineFor computes, across days, slots and calendars', (limit) => {
    const memo = deadlineFunction(limit);
    const calendars: WorkCalendar[] = [chinaCalendar, mondaysOff];
    fc.assert(
      fc.property(
        // Days 64 apart share a memo slot; two calendars alternate.
        fc.array(fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 86_399_999 }), fc.nat(1)), { minLength: 1, maxLength: 60 }),
        (entries) => {
          for (const [day, ms, c] of entries) {
            const start = Date.UTC(2025, 0, 1) + day * 86_400_000 + ms;
            expect(memo(start, calendars[c]!)).toBe(deadlineFor(limit, start, calendars[c]));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
