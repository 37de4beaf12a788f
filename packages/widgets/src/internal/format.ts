import { parseInstant } from '@bihuan/core/calendar';
import { chinaDateTime } from '@bihuan/core/export';

/**
 * How every widget writes figures and deadlines, in both languages, so that one page never groups
 * thousands and the next does not.
 *
 * - A count or amount groups thousands with a comma and keeps at most two decimals: `14,000`,
 *   `4,150`, `1,234.5` — the same in zh-CN and English, as core's rates do.
 * - A deadline is shown as the last moment it allows, in China time: a deadline at 00:00 of a day
 *   is the end of the day before, written `2026-12-03 24:00` (never `2026-12-04 00:00`, which
 *   reads as "by the start of the 4th"); any other deadline is `YYYY-MM-DD HH:mm`.
 */
const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true });

/** A count or amount with thousands grouped (`14,000`); not a number as given otherwise. */
export function formatNumber(value: number | bigint): string {
  if (typeof value === 'bigint') return numbers.format(value);
  return Number.isFinite(value) ? numbers.format(value) : '—';
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * A deadline in China time by the rule above: midnight is `24:00` of the day before. Takes an ISO
 * instant or epoch milliseconds; a text that is not an instant is returned as given.
 */
export function formatDeadline(deadline: string | number): string {
  let ms: number;
  try {
    ms = typeof deadline === 'number' ? deadline : parseInstant(deadline);
  } catch {
    return String(deadline);
  }
  if (!Number.isFinite(ms)) return String(deadline);
  const local = ms + CHINA_OFFSET_MS;
  if (((local % DAY_MS) + DAY_MS) % DAY_MS === 0) return `${chinaDateTime(ms - DAY_MS).slice(0, 10)} 24:00`;
  return chinaDateTime(ms);
}
