/**
 * The sane bounds of every number core accepts from a caller. A number past them is refused where
 * it comes in, so that no loop (a working-day count, a calendar walk) runs for its size: `1e21`
 * passes `Number.isInteger`, and a deadline ten years away is already far beyond any real limit.
 */

/** The longest time limit, in working days or calendar days (ten years). */
export const MAX_LIMIT_DAYS = 3650;
/** The longest time limit in hours (ten years). */
export const MAX_LIMIT_HOURS = 87_600;
/** The first and last calendar year core reckons with. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
/** The largest count of things (cases, people, minutes …) a record may hold. */
export const MAX_COUNT = 1_000_000_000;
/** The longest text a field may hold when its own vocabulary sets no shorter limit. */
export const MAX_TEXT = 100_000;
/** How many characters of a refused value a message quotes. */
export const QUOTE_CHARS = 40;

/** Milliseconds since the epoch of 1900-01-01T00:00Z and of 2201-01-01T00:00Z. */
export const MIN_INSTANT_MS = -2_208_988_800_000;
export const MAX_INSTANT_MS = 7_289_654_400_000;
/** Day numbers (days since 1970-01-01) of 1900-01-01 and of 2200-12-31. */
export const MIN_DAY = -25_567;
export const MAX_DAY = 84_370;

/** Whether `ms` is a finite instant within the years core reckons with. */
export function isSaneInstant(ms: unknown): ms is number {
  return typeof ms === 'number' && ms >= MIN_INSTANT_MS && ms < MAX_INSTANT_MS;
}
