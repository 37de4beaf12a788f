// Amounts read exactly as written (days, hours, counts): what a change between periods is worked out
// from. Apart from fraction.ts so that a page showing only shares does not load it.
import { InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { type Fraction, fraction } from './fraction.js';

const RULE_AMOUNT: Localized = {
  'zh-CN': '必须是有限的非负数',
  en: 'must be a finite, non-negative number',
};

/**
 * Checks an amount (a count, or a measurement such as days of processing time) and returns it
 * exactly as written: `0.1` is one tenth, not the double nearest to it.
 */
export function toAmount(fn: string, argument: string, value: unknown): Fraction {
  if (typeof value === 'bigint' && value >= 0n) return { numerator: value, denominator: 1n };
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return decimalToFraction(String(value));
  throw new InvalidArgumentError(fn, argument, RULE_AMOUNT, value);
}

/** Parses the decimal text of a finite number (`"12.5"`, `"1e+21"`, `"1.5e-7"`) exactly. */
function decimalToFraction(text: string): Fraction {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new Error(`unreachable: not a decimal ${text}`);
  const [, sign, whole, frac = '', exp = '0'] = match;
  let numerator = BigInt(`${whole}${frac}`);
  let denominator = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) numerator *= 10n ** BigInt(e);
  else if (e < 0) denominator *= 10n ** BigInt(-e);
  if (sign) numerator = -numerator;
  return fraction(numerator, denominator);
}

