// The widgets' deadline text (internal/format.ts) writes China time as core's chinaDateTime does,
// without loading core's CSV module (and the schemas it brings) into every widget's page.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { chinaDateTime } from '@bihuan/core/export';
import { formatDeadline } from '../../packages/widgets/src/internal/deadline.js';

const MIN = Date.UTC(1900, 0, 2);
const MAX = Date.UTC(2200, 11, 31);
const CHINA_MIDNIGHT = (ms: number) => (ms + 8 * 3_600_000) % 86_400_000 === 0;

describe('formatDeadline', () => {
  test('any instant in 1900–2200 reads as chinaDateTime, midnight as 24:00 of the day before', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), fc.boolean(), (ms, midnight) => {
        const at = midnight ? ms - ((ms + 8 * 3_600_000) % 86_400_000) : ms;
        const expected = CHINA_MIDNIGHT(at) ? `${chinaDateTime(at - 86_400_000).slice(0, 10)} 24:00` : chinaDateTime(at);
        expect(formatDeadline(at)).toBe(expected);
        expect(formatDeadline(new Date(at).toISOString())).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('the examples of its documentation, and what is not an instant is shown as given', () => {
    expect(formatDeadline('2026-12-03T16:00:00Z')).toBe('2026-12-03 24:00');
    expect(formatDeadline('2026-12-04T09:30:00+08:00')).toBe('2026-12-04 09:30');
    expect(formatDeadline('soon')).toBe('soon');
    expect(formatDeadline(Number.NaN)).toBe('NaN');
    expect(formatDeadline(Date.UTC(1899, 11, 31))).toBe(String(Date.UTC(1899, 11, 31)));
    expect(formatDeadline(Date.UTC(2201, 0, 1))).toBe(String(Date.UTC(2201, 0, 1)));
  });
});
