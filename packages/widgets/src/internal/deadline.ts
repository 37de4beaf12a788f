import { formatInstant, parseInstant } from '@bihuan/core/calendar';

/**
 * How every widget writes a deadline, in both languages: as the last moment it allows, in China
 * time. A deadline at 00:00 of a day is the end of the day before, written `2026-12-03 24:00`
 * (never `2026-12-04 00:00`, which reads as "by the start of the 4th"); any other deadline is
 * `YYYY-MM-DD HH:mm`. (Apart from `format.ts`, so that a widget showing only figures does not load
 * the calendar.)
 */
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
// The kernel's sane instants (years 1900–2200): anything else is shown as given.
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(2201, 0, 1) - 1;

/**
 * `YYYY-MM-DD HH:mm` of a China-local moment, as core's `chinaDateTime` writes it (that lives in
 * the CSV module, whose schemas a widget that only shows a figure must not load).
 */
const chinaText = (local: number): string => {
  const iso = formatInstant(local);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};

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
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return String(deadline);
  const local = ms + CHINA_OFFSET_MS;
  if (((local % DAY_MS) + DAY_MS) % DAY_MS === 0) return `${chinaText(local - DAY_MS).slice(0, 10)} 24:00`;
  return chinaText(local);
}
