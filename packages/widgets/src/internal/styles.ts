import { css } from 'lit';

/**
 * The theme every widget shares. Hosts override these custom properties from outside; the
 * defaults meet WCAG AA contrast on white.
 *
 * Why the host's rules read as they do (kept here, not in the CSS, which every page loads as text):
 * - `background-color`: the text colours are chosen for this surface; a page painted dark must
 *   not show through.
 * - the `!important` block: everything there is inherited into the shadow tree, or is the host
 *   element's own box, so a portal's global rules ("* { line-height: 3 }", "body { letter-spacing:
 *   .2em }") would reach every control inside. Declared !important because in a shadow root's own
 *   styles that outranks the page's !important rules on the host; hosts theme through the custom
 *   properties.
 * - `color-scheme`, `accent-color`: native controls (checkboxes, radios, selects, scrollbars)
 *   follow the widget's theme, not the page's.
 * - `:host([no-heading]) h2`: where the host page already titles the widget (its own h2),
 *   `no-heading` drops the widget's h2 so the page does not show two headings; the heading still
 *   names the widget's regions.
 */
export const themeStyles = css`
  :host {
    --_font: var(--bh-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    --_text: var(--bh-color-text, #1f2328);
    --_muted: var(--bh-color-muted, #57606a);
    --_surface: var(--bh-color-surface, #ffffff);
    --_border: var(--bh-color-border, #d0d7de);
    --_accent: var(--bh-color-accent, #0b5cad);
    --_good: var(--bh-color-good, #1a7f37);
    --_bad: var(--bh-color-bad, #b42318);
    --_radius: var(--bh-radius, 8px);
    --_space: var(--bh-space, 12px);
    display: block;
    font-family: var(--_font);
    font-size: var(--bh-font-size, 1rem);
    font-style: normal;
    font-weight: 400;
    color: var(--_text);
    background-color: var(--_surface);
    box-sizing: border-box !important;
    line-height: var(--bh-line-height, 1.5) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-align: start !important;
    white-space: normal !important;
    overflow-wrap: break-word;
    word-break: normal;
    border-collapse: separate;
    border-spacing: 0;
    font-variant: normal;
    text-shadow: none;
    color-scheme: var(--bh-color-scheme, light);
    accent-color: var(--_accent);
    min-width: 0;
  }
  :host([hidden]) {
    display: none !important;
  }
  :host([no-heading]) h2 {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .problem {
    border: 1px solid var(--_bad);
    border-radius: var(--_radius);
    padding: var(--_space);
    color: var(--_bad);
    background: var(--bh-color-problem-surface, #fff5f5);
    font-size: 0.875rem;
  }
  .problem strong {
    display: block;
    margin-bottom: 4px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
