// A portal's global stylesheet at its worst: what a widget must withstand. Rules on elements inside
// a shadow root do not reach it; inherited properties and the rules that hit the host element do.
import { widgetStories } from './stories.js';

const tags = [...new Set(widgetStories.map((w) => w.tag).filter(Boolean))].join(', ');

export const HOSTILE_CSS = `
  :root { color-scheme: dark; background: #121212; color: #e6e6e6; }
  * { box-sizing: content-box !important; line-height: 3; }
  input, select, textarea { width: 100% !important; padding: 20px; }
  button { all: unset; }
  table { border-collapse: separate; border-spacing: 20px; }
  body { font-size: 24px; letter-spacing: 0.2em; word-spacing: 0.5em; text-indent: 2em; text-transform: uppercase; text-align: center; white-space: nowrap; }
  :host, bh-dispute-ledger, ${tags} { display: inline !important; }
`;

/** Puts the hostile stylesheet into the page; returns a function that takes it out again. */
export function addHostileCss(): () => void {
  const style = document.createElement('style');
  style.textContent = HOSTILE_CSS;
  document.head.append(style);
  return () => style.remove();
}
