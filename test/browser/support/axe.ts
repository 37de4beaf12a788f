import axe from 'axe-core';
import { expect } from 'vitest';

/** The rules bihuan holds itself to: WCAG 2.0/2.1/2.2 levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe over `context` (shadow roots included) and fails with a readable list of violations. */
export async function expectNoAxeViolations(context: Element | Document = document, label = ''): Promise<void> {
  const result = await axe.run(context, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
  const lines = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`),
  );
  expect(lines, `axe violations${label ? ` in ${label}` : ''}:\n${lines.join('\n')}`).toEqual([]);
}
