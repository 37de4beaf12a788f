import axe from 'axe-core';
import { expect } from 'vitest';

/** The rules bihuan holds itself to: WCAG 2.0/2.1/2.2 levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Violation = axe.Result;

const describeNode = (v: Violation, n: axe.NodeResult) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`;

/** Runs axe over `context` (shadow roots included) and fails with a readable list of violations. */
export async function expectNoAxeViolations(context: Element | Document = document, label = ''): Promise<void> {
  const result = await axe.run(context, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
  const lines = result.violations.flatMap((v) => v.nodes.map((n) => describeNode(v, n)));
  expect(lines, `axe violations${label ? ` in ${label}` : ''}:\n${lines.join('\n')}`).toEqual([]);
}

/** The nearest of `containers` that holds `el`, across shadow boundaries. */
function containerOf(el: Element | undefined, containers: Set<Element>): Element | undefined {
  for (let node: Node | null | undefined = el; node; ) {
    if (node instanceof Element && containers.has(node)) return node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/**
 * One axe run (WCAG A and AA) over several containers at once, each violation given to the container
 * it was found in. One run over a page's stories costs a fraction of one run per story: every run
 * walks the whole document (its flattened tree), whatever the context. A violation found outside
 * every container (none should be: axe looks only inside them) is kept under `undefined`.
 */
export async function axeViolationsIn(containers: Element[]): Promise<Map<Element | undefined, string[]>> {
  const result = await axe.run({ include: containers }, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'], elementRef: true });
  const within = new Set(containers);
  const found = new Map<Element | undefined, string[]>();
  for (const v of result.violations)
    for (const n of v.nodes) {
      const at = containerOf(n.element, within);
      found.set(at, [...(found.get(at) ?? []), describeNode(v, n)]);
    }
  return found;
}
