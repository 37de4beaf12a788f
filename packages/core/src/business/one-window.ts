import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { formatChange } from '../rate/change.js';
import { parseArgument } from '../schema/argument.js';
import { type OneWindowMatter, OneWindowMatterSchema, type OneWindowMatterInput } from './schema.js';

/** The rule by which a cut limit becomes whole working days, in words for the UI and the README. */
export const LIMIT_CUT_RULE: Localized = Object.freeze({
  'zh-CN': '时限以整工作日计：压缩后的时限向下取整，最少 1 个工作日；压缩比例按压缩前后的实际时限计算',
  en: 'Limits are whole working days: a cut limit is rounded down, never below 1 working day; the change is computed from the real limits before and after',
});

/**
 * A limit cut by a share, in whole working days by `LIMIT_CUT_RULE`: the exact
 * `previousLimit × (1 − cut)` rounded down, never below 1. `cutLimit(7)` is 4 (not 4.9),
 * `cutLimit(5)` 3, `cutLimit(20)` 14, `cutLimit(1)` 1. `cut` is a share from 0 to 1 with at most
 * four decimals (default 0.3, the source's −30%).
 */
export function cutLimit(previousLimit: number, cut = 0.3): number {
  if (typeof previousLimit !== 'number' || !Number.isInteger(previousLimit) || previousLimit < 1 || previousLimit > 366) {
    throw new InvalidArgumentError('cutLimit', 'previousLimit', { 'zh-CN': '必须是 1 到 366 之间的整数个工作日', en: 'must be a whole number of working days from 1 to 366' }, previousLimit);
  }
  const tenThousandths = typeof cut === 'number' ? Math.round(cut * 10_000) : Number.NaN;
  if (typeof cut !== 'number' || !(cut >= 0 && cut <= 1) || Math.abs(cut * 10_000 - tenThousandths) > 1e-6) {
    throw new InvalidArgumentError('cutLimit', 'cut', { 'zh-CN': '必须是 0 到 1 之间的比例，最多四位小数', en: 'must be a share from 0 to 1 with at most four decimals' }, cut);
  }
  return Math.max(1, Math.floor((previousLimit * (10_000 - tenThousandths)) / 10_000));
}

/**
 * The change of one matter's limit against its limit before the reform, as a rate of the old
 * limit, from the real whole-day limits: 7 → 4 working days gives "-42.86%".
 */
export function limitReduction(matter: OneWindowMatterInput): string {
  const m = parseArgument('limitReduction', 'matter', OneWindowMatterSchema, matter);
  return formatChange(m.limit, m.previousLimit);
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
    before += m.previousLimit;
    now += m.limit;
  }
  return {
    matters: ms.length,
    online: ms.filter((m) => m.online).length,
    previousTotal: before,
    total: now,
    reduction: formatChange(now, before),
    shortened: ms.filter((m) => m.limit < m.previousLimit).length,
  };
}
