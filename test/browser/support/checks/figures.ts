// Figures that foot: wherever a widget shows a total beside its parts, the parts as shown add up
// to the total as shown. Widgets mark such a group: a `data-foot` container, its parts
// `data-foot-part="<column>"` and the column's total `data-foot-total="<column>"`. Checked in zh-CN
// only: figures are written the same way in both languages (one shared formatter), and the English
// rendering of every story is walked by the words check.
import { expect } from 'vitest';

/**
 * The figure a cell shows, exactly, in units of 10^-decimals: the first number of its text (`+1.5`,
 * `-0.01`, `1,092 个工作日`), or, when the text ends in a count in brackets after a name (an
 * option `第1派出所（12）`, `All stations (39)`), that count.
 */
function figure(text: string): { units: bigint; decimals: number } | undefined {
  const counted = /[（(]\s*([+\-−]?\d[\d,]*(?:\.\d+)?)\s*[)）]\s*$/.exec(text);
  const match = /([+\-−]?)(\d[\d,]*)(?:\.(\d+))?/.exec(counted ? counted[1]! : text);
  if (!match) return undefined;
  const [, sign, whole, frac = ''] = match;
  const units = BigInt(whole!.replace(/,/g, '') + frac);
  return { units: sign === '-' || sign === '−' ? -units : units, decimals: frac.length };
}

const scaleTo = (f: { units: bigint; decimals: number }, decimals: number) => f.units * 10n ** BigInt(decimals - f.decimals);

export interface FootGroup {
  where: string;
  column: string;
  parts: string[];
  total: string;
}

/** Every marked group below `root` (shadow roots included). */
export function footGroups(root: ParentNode, where: string, out: FootGroup[]): void {
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) footGroups(el.shadowRoot, `${where} › ${el.tagName.toLowerCase()}`, out);
    if (!el.hasAttribute('data-foot')) continue;
    const totals = [...el.querySelectorAll<HTMLElement>('[data-foot-total]')].filter((t) => t.closest('[data-foot]') === el);
    for (const total of totals) {
      const column = total.dataset.footTotal!;
      const parts = [...el.querySelectorAll<HTMLElement>(`[data-foot-part="${CSS.escape(column)}"]`)].filter((p) => p.closest('[data-foot]') === el);
      out.push({ where, column, parts: parts.map((p) => p.textContent ?? ''), total: total.textContent ?? '' });
    }
  }
}

/** Fails unless the group's parts, as shown, add up to its total, as shown. */
export function expectFoots(group: FootGroup): void {
  const total = figure(group.total);
  expect(total, `${group.where}: the ${group.column} total "${group.total}" shows a figure`).toBeDefined();
  const parts = group.parts.map(figure);
  expect(parts.every(Boolean), `${group.where}: every ${group.column} part shows a figure (${group.parts.join(' | ')})`).toBe(true);
  const decimals = Math.max(total!.decimals, ...parts.map((p) => p!.decimals));
  const sum = parts.reduce((acc, p) => acc + scaleTo(p!, decimals), 0n);
  expect(sum, `${group.where}: ${group.parts.join(' + ')} should be ${group.total} (${group.column})`).toBe(scaleTo(total!, decimals));
}
