// A portal's hostile global CSS in the page (../hostile-css.ts): every story of every widget still
// renders, its controls stay inside their boxes and do not overlap, buttons keep a visible boundary,
// and every control is reachable by keyboard with a visible focus ring. Native checkboxes and radios
// keep the widget's light scheme and accent on a dark page, and every text control shows the error
// border when marked invalid.
import { expect } from 'vitest';
import axe from 'axe-core';
import { describeEl, isShown, parentOf, scrollingAncestor, shadowElements, type RenderedStory } from '../stories.js';

const CONTROLS = 'input:not([type=hidden]), select, textarea, button';
const TOLERANCE = 1;

/** The nearest ancestor that lays out as a box (not inline, not `display: contents`). */
function boxAncestor(el: Element): Element | null {
  for (let p = parentOf(el); p; p = parentOf(p)) {
    const d = getComputedStyle(p).display;
    if (d !== 'inline' && d !== 'contents') return p;
  }
  return null;
}

function overlap(a: DOMRect, b: DOMRect): boolean {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE;
}

function alpha(color: string): number {
  if (color === 'transparent') return 0;
  const m = /rgba?\(([^)]+)\)/.exec(color);
  if (!m) return 1;
  const parts = m[1]!.split(/[\s,/]+/).filter(Boolean);
  return parts.length === 4 ? Number(parts[3]) : 1;
}

/** A border, a filled background or an underline (link-styled buttons) shows where a button is. */
function hasVisibleBoundary(button: Element): boolean {
  const s = getComputedStyle(button);
  const sides = ['top', 'right', 'bottom', 'left'] as const;
  const border = sides.some(
    (side) =>
      parseFloat(s.getPropertyValue(`border-${side}-width`)) > 0 &&
      !['none', 'hidden'].includes(s.getPropertyValue(`border-${side}-style`)) &&
      alpha(s.getPropertyValue(`border-${side}-color`)) > 0,
  );
  return border || alpha(s.backgroundColor) > 0 || s.textDecorationLine.includes('underline');
}

/** A colour as the browser computes it (`rgb(…)`), from any CSS colour text. */
function computedColor(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value.trim();
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** The widget's own theme colour, e.g. `--_bad`, resolved. */
function themeColor(widget: Element, name: string): string {
  return computedColor(getComputedStyle(widget).getPropertyValue(name));
}

/**
 * Native checkboxes and radios follow the widget's theme (light, its accent), not the page's dark
 * colour scheme; a text control marked invalid shows the error colour at 2 px, whatever rule sized it.
 */
function themeProblems(widget: Element, where: (el: Element) => string): string[] {
  const problems: string[] = [];
  const accent = themeColor(widget, '--_accent');
  const bad = themeColor(widget, '--_bad');
  for (const el of shadowElements(widget)) {
    if (el.matches('input[type=checkbox], input[type=radio]')) {
      const s = getComputedStyle(el);
      if (s.colorScheme !== 'light') problems.push(`${where(el)} takes the page's colour scheme (${s.colorScheme})`);
      if (s.accentColor !== accent) problems.push(`${where(el)} has accent ${s.accentColor}, not the theme's ${accent}`);
    } else if (el.matches('input:not([type=checkbox], [type=radio], [type=hidden]), select, textarea')) {
      const before = el.getAttribute('aria-invalid');
      el.setAttribute('aria-invalid', 'true');
      const s = getComputedStyle(el);
      if (s.borderTopColor !== bad || s.borderTopWidth !== '2px') problems.push(`${where(el)} in error has a ${s.borderTopWidth} ${s.borderTopColor} border, not 2px ${bad}`);
      if (before === null) el.removeAttribute('aria-invalid');
      else el.setAttribute('aria-invalid', before);
    }
  }
  return problems;
}

function focusRingShown(el: Element): boolean {
  const s = getComputedStyle(el);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
}

/**
 * What is unusable in the stories rendered on the page, with the hostile stylesheet in place and the
 * keyboard modality on (focus moved by script after a key press shows :focus-visible, as a Tab would).
 */
export async function hostCssProblems(rendered: RenderedStory[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { name, container, widgets } of rendered) {
    const where = (el: Element) => `${name}: ${describeEl(el)}`;
    expect(widgets.length, `${name} renders a bihuan widget`).toBeGreaterThan(0);
    const frame = container.getBoundingClientRect();
    for (const w of widgets) {
      expect(w.shadowRoot?.childElementCount ?? 0, `${name}: ${w.tagName} rendered content`).toBeGreaterThan(0);
      problems.push(...themeProblems(w, where));
      const controls = shadowElements(w).filter((el) => el.matches(CONTROLS) && isShown(el));
      const rects = new Map(controls.map((c) => [c, c.getBoundingClientRect()]));
      for (const control of controls) {
        const r = rects.get(control)!;
        // Inside the box that holds it.
        const box = boxAncestor(control);
        if (box) {
          const b = box.getBoundingClientRect();
          if (r.left < b.left - TOLERANCE || r.right > b.right + TOLERANCE)
            problems.push(`${where(control)} overflows ${describeEl(box)} (${Math.round(r.left - b.left)}…${Math.round(r.right - b.right)} px)`);
        }
        // Inside the story's frame, unless a region of the widget scrolls it.
        if (!scrollingAncestor(control) && (r.left < frame.left - TOLERANCE || r.right > frame.right + TOLERANCE))
          problems.push(`${where(control)} sticks out of the widget (${Math.round(r.right - frame.right)} px)`);
        // No overlap with its sibling elements.
        for (const sib of [control.previousElementSibling, control.nextElementSibling]) {
          if (sib && isShown(sib) && overlap(r, rects.get(sib) ?? sib.getBoundingClientRect())) problems.push(`${where(control)} overlaps ${describeEl(sib)}`);
        }
        if (control.matches('button') && !hasVisibleBoundary(control)) problems.push(`${where(control)} has no visible boundary`);
        // Reachable by keyboard, with a visible focus ring.
        if (!(control as HTMLButtonElement).disabled) {
          if ((control as HTMLElement).tabIndex < 0) problems.push(`${where(control)} is out of the tab order`);
          // Without scrolling: the rectangles above were all read before any control took focus.
          (control as HTMLElement).focus({ preventScroll: true });
          const root = control.getRootNode() as ShadowRoot;
          if (root.activeElement !== control) problems.push(`${where(control)} cannot take focus`);
          else if (!focusRingShown(control) && !focusRingShown(control.closest('label, .option') ?? control))
            problems.push(`${where(control)} shows no focus ring`);
          (control as HTMLElement).blur();
        }
      }
      // No two controls on top of each other.
      for (let i = 0; i < controls.length; i++)
        for (let j = i + 1; j < controls.length; j++)
          if (overlap(rects.get(controls[i]!)!, rects.get(controls[j]!)!)) problems.push(`${where(controls[i]!)} overlaps ${describeEl(controls[j]!)}`);
    }
  }
  // Text stays readable on a page whose colour scheme is dark.
  const { violations } = await axe.run(document.body, { runOnly: { type: 'rule', values: ['color-contrast'] } });
  for (const v of violations) for (const n of v.nodes.slice(0, 5)) problems.push(`axe ${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`);
  return problems;
}
