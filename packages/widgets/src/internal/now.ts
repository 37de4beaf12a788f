import { parseInstant } from '@bihuan/core/calendar';

/** A moment the host may pass as `now`: an ISO instant, a Date or epoch milliseconds. */
export type NowInput = string | Date | number | undefined | null;

/** Milliseconds of `now`, or the clock's when the host gave none (stories and tests fix it). */
export function nowMs(now: NowInput): number {
  if (now instanceof Date) return now.getTime();
  if (typeof now === 'number' && Number.isFinite(now)) return now;
  if (typeof now === 'string' && now) {
    const ms = parseInstant(now);
    if (!Number.isNaN(ms)) return ms;
    const loose = Date.parse(now);
    if (!Number.isNaN(loose)) return loose;
  }
  return Date.now();
}
