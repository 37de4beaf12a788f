import { css } from 'lit';

/**
 * The theme every widget shares. Hosts override these custom properties from outside; the
 * defaults meet WCAG AA contrast on white.
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
    box-sizing: border-box;
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
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
