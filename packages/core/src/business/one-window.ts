import * as z from '../schema/zod.js';
import { formatChange } from '../rate/rate.js';
import { parseArgument } from '../schema/argument.js';
import { type OneWindowMatter, OneWindowMatterSchema, type OneWindowMatterInput } from './schema.js';

// Limits have at most two decimals: in hundredths of a working day they add up exactly.
const hundredths = (days: number): number => Math.round(days * 100);

/**
 * The change of one matter's limit against its limit before the reform, as a rate of the old
 * limit: 7 → 4.9 working days gives "-30%".
 */
export function limitReduction(matter: OneWindowMatterInput): string {
  const m = parseArgument('limitReduction', 'matter', OneWindowMatterSchema, matter);
  return formatChange(hundredths(m.limit), hundredths(m.previousLimit));
}

export interface OneWindowSummary {
  /** Matters handled at one window (the source: 104). */
  readonly matters: number;
  readonly online: number;
  /** Sum of the limits before and now, in working days. */
  readonly previousTotal: number;
  readonly total: number;
  /** The change of the summed limits against the old ones ("-30%"); "—" with no matters. */
  readonly reduction: string;
  /** Matters whose limit was shortened. */
  readonly shortened: number;
}

const MattersSchema = z.array(OneWindowMatterSchema);

/**
 * The one-window list in figures: how many matters, and how much shorter their limits are on the
 * whole — the summed limits against the summed old ones (the same as the average limits' change).
 */
export function oneWindowSummary(matters: readonly OneWindowMatterInput[]): OneWindowSummary {
  const ms: OneWindowMatter[] = parseArgument('oneWindowSummary', 'matters', MattersSchema, matters);
  let before = 0;
  let now = 0;
  for (const m of ms) {
    before += hundredths(m.previousLimit);
    now += hundredths(m.limit);
  }
  return {
    matters: ms.length,
    online: ms.filter((m) => m.online).length,
    previousTotal: before / 100,
    total: now / 100,
    reduction: formatChange(now, before),
    shortened: ms.filter((m) => hundredths(m.limit) < hundredths(m.previousLimit)).length,
  };
}
