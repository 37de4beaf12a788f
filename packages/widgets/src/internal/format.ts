/**
 * How every widget writes figures, in both languages, so that one page never groups thousands and
 * the next does not: a count or amount groups thousands with a comma and keeps at most two
 * decimals: `14,000`, `4,150`, `1,234.5` — the same in zh-CN and English, as core's rates do.
 * Deadlines are written by `deadline.ts` (apart, so that a widget showing only figures does not
 * load the calendar).
 */
const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true });

/** A count or amount with thousands grouped (`14,000`); not a number as given otherwise. */
export function formatNumber(value: number | bigint): string {
  if (typeof value === 'bigint') return numbers.format(value);
  return Number.isFinite(value) ? numbers.format(value) : '—';
}

/** An English count with its noun: `counted(1, 'day')` → `1 day`, `counted(1200, 'item')` → `1,200 items`. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
