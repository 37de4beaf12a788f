import { InvalidArgumentError } from '../errors/errors.js';
import { type Fraction, checkFraction, isFraction } from './fraction.js';
import { exact, sum } from './exact.js';
import { type DigitsOptions, resolveDigits, roundScaled, unitsToString } from './round.js';

/** Parts rounded so that they foot: the shown parts add up to exactly the shown total. */
export interface Footed {
  /** Each part as shown, in the order given. */
  readonly parts: readonly string[];
  /** The exact total rounded by the options' rule (the same figure `formatFraction` shows). */
  readonly total: string;
}

export interface FootOptions extends DigitsOptions {
  /** Multiply before rounding: `100n` for percentages. Default `1n`. */
  scale?: bigint;
}

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
};

/**
 * Rounds the parts of a total so that the shown parts sum to the shown total (largest remainder,
 * Hamilton's method). The total is the exact sum of the parts rounded by the usual rule
 * (`half-up` by default, two decimals, trailing zeros dropped), so it never disagrees with a total
 * shown elsewhere; each part is its exact value rounded down or up by one unit of the last digit,
 * the parts with the largest remainders rounded up first (ties: the earlier part). A scorecard whose
 * rows are 20.2375, 31.0875, 33 (exact total 84.325) shows 20.24, 31.09, 33 beside 84.33, never
 * rows that sum to 84.34.
 *
 * Parts are exact fractions (`@bihuan/core/rate`) or finite numbers (taken as written: `0.1` is one
 * tenth); negative parts (a penalty) are allowed. Anything else throws `InvalidArgumentError`.
 */
export function footRound(parts: readonly (Fraction | number)[], options?: FootOptions): Footed {
  if (!Array.isArray(parts) || parts.length > 100_000) {
    throw new InvalidArgumentError('footRound', 'parts', { 'zh-CN': '必须是不超过 100000 项的数组', en: 'must be an array of at most 100,000 parts' }, parts);
  }
  const scale = options && typeof options === 'object' && options.scale !== undefined ? options.scale : 1n;
  if (typeof scale !== 'bigint' || scale <= 0n) {
    throw new InvalidArgumentError('footRound', 'options.scale', { 'zh-CN': '必须是正的 bigint（100n 为百分数）', en: 'must be a positive bigint (100n for percent)' }, scale);
  }
  const digitOptions = options && typeof options === 'object' ? { ...options } : options;
  if (digitOptions && typeof digitOptions === 'object') delete (digitOptions as FootOptions).scale;
  const digits = resolveDigits('footRound', digitOptions as DigitsOptions | undefined);
  const values: Fraction[] = parts.map((p, i) => {
    if (typeof p === 'number') {
      if (!Number.isFinite(p)) {
        throw new InvalidArgumentError('footRound', `parts[${i}]`, { 'zh-CN': '必须是有限数或分数', en: 'must be a finite number or a fraction' }, p);
      }
      return exact(p);
    }
    if (!isFraction(p)) checkFraction('footRound', `parts[${i}]`, p);
    return p;
  });
  const totalExact = sum(values);
  const rounded = roundScaled(totalExact, scale, digits);
  const target = rounded.negative ? -rounded.units : rounded.units;
  // Each part in units of the last digit shown: its floor, and the remainder (as a numerator over
  // the part's denominator) that decides who is rounded up.
  const unit = scale * 10n ** BigInt(digits.decimals);
  const floors: bigint[] = [];
  const rests: { i: number; num: bigint; den: bigint }[] = [];
  let floorSum = 0n;
  values.forEach((v, i) => {
    const scaled = v.numerator * unit;
    const f = floorDiv(scaled, v.denominator);
    floors.push(f);
    floorSum += f;
    const num = scaled - f * v.denominator;
    if (num !== 0n) rests.push({ i, num, den: v.denominator });
  });
  // The exact sum lies within [floorSum, floorSum + rests.length), so its rounding needs between 0
  // and rests.length units more.
  const extra = Number(target - floorSum);
  rests.sort((a, b) => {
    const left = a.num * b.den;
    const right = b.num * a.den;
    return left > right ? -1 : left < right ? 1 : a.i - b.i;
  });
  for (let k = 0; k < extra && k < rests.length; k++) floors[rests[k]!.i]! += 1n;
  const show = (units: bigint): string => unitsToString(units < 0n ? -units : units, units < 0n, digits);
  return { parts: floors.map(show), total: show(target) };
}
