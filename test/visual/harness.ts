// The node side of the visual suite: bundles every stories file with the widgets' sources into one
// script (esbuild, a few seconds), serves it with a bare page, and opens it in Debian's Chromium at
// a fixed clock. Screenshots are compared with references by ./compare.ts.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright';
import { sourcesPlugin } from '../esbuild-sources.ts';
import { startStaticServer } from '../../examples/static-server.mjs';
import type { StoryEntry } from './page.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const OUT = here('./.output/');
const BUNDLE = here('./.output/harness/');

/** "Today" for every story that does not set its own `now`: 2026-12-02 09:00 China time. */
export const FIXED_NOW = new Date('2026-12-02T09:00:00+08:00');
export const LANGS = ['zh-CN', 'en'] as const;
export const WIDTHS = [1280, 390] as const;
/** Screenshots stop this far down (the viewport's height): a long list's first screen shows its columns and borders. */
export const MAX_HEIGHT = 900;

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<style>
  html, body { margin: 0; background: #fff; }
  /* animations, transitions and carets off: the same pixels every run */
  *, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
  #stage { display: flow-root; padding: 8px; }
</style></head><body><div id="stage"></div><script type="module" src="./harness.js"></script></body></html>`;

export async function buildHarness(): Promise<string> {
  const storiesDir = here('../../stories/');
  const files = readdirSync(storiesDir).filter((f) => f.endsWith('.stories.ts')).sort();
  const entry = [
    `import { register, list, show, inject } from ${JSON.stringify(here('./page.ts'))};`,
    ...files.map((f, i) => `import * as s${i} from ${JSON.stringify(storiesDir + f)};`),
    `register({ ${files.map((f, i) => `${JSON.stringify(f)}: s${i}`).join(', ')} });`,
    `Object.assign(window, { bihuanVisual: { list, show, inject } });`,
  ].join('\n');
  mkdirSync(BUNDLE, { recursive: true });
  await build({
    stdin: { contents: entry, resolveDir: here('.'), loader: 'ts', sourcefile: 'visual-entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: `${BUNDLE}harness.js`,
    logLevel: 'error',
    plugins: [sourcesPlugin],
  });
  writeFileSync(`${BUNDLE}index.html`, PAGE);
  return BUNDLE;
}

type Visual = {
  bihuanVisual: { list(): StoryEntry[]; show(id: string, lang: string): Promise<void>; inject(css: string): void };
};

/** A harness page at `width`, its clock fixed, every story registered. */
export async function openHarness(browser: Browser, url: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: MAX_HEIGHT }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  await page.clock.setFixedTime(FIXED_NOW);
  await page.goto(`${url}index.html`);
  await page.waitForFunction(() => 'bihuanVisual' in window);
  return page;
}

export const listStories = (page: Page) => page.evaluate(() => (window as unknown as Visual).bihuanVisual.list());
export const showStory = (page: Page, id: string, lang: string) =>
  page.evaluate(([i, l]) => (window as unknown as Visual).bihuanVisual.show(i, l), [id, lang] as const);
/**
 * The stage's height now and over the next `frames` animation frames: after a screenshot whose size
 * differs from its reference, whether the story was still moving when it was shot (a wait that
 * ended too early) or had settled at another size (a real change).
 */
export const stageHeights = (page: Page, frames = 10) =>
  page.evaluate(async (n) => {
    const out: number[] = [];
    for (let f = 0; f <= n; f++) {
      out.push(document.getElementById('stage')!.getBoundingClientRect().height);
      await new Promise((r) => requestAnimationFrame(r));
    }
    return out;
  }, frames);
export const injectCss = (page: Page, css: string) => page.evaluate((c) => (window as unknown as Visual).bihuanVisual.inject(c), css);

/** Pixels kept around the story's content: a focus ring, an outline or a shadow just outside a widget's border still counts. */
export const MARGIN = 4;

/**
 * The story's box, never the whole page: the union of what the story rendered into the stage (its
 * widgets and anything beside them), `MARGIN` px around it, and at most `MAX_HEIGHT` px from its
 * top. A narrow widget is not shot with the page's empty width beside it; a widget's own border,
 * columns and rows are all inside.
 */
export async function shoot(page: Page): Promise<Buffer> {
  const box = await page.evaluate((margin) => {
    const stage = document.getElementById('stage')!;
    const outer = stage.getBoundingClientRect();
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const child of stage.children) {
      const r = child.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      x0 = Math.min(x0, r.left); y0 = Math.min(y0, r.top); x1 = Math.max(x1, r.right); y1 = Math.max(y1, r.bottom);
    }
    // An empty story (nothing rendered) is shot as its stage: an empty box is still a result.
    if (x0 === Infinity) return { x: outer.left, y: outer.top, width: outer.width, height: outer.height };
    const left = Math.max(outer.left, Math.floor(x0) - margin);
    const top = Math.max(outer.top, Math.floor(y0) - margin);
    return { x: left, y: top, width: Math.min(outer.right, Math.ceil(x1) + margin) - left, height: Math.min(outer.bottom, Math.ceil(y1) + margin) - top };
  }, MARGIN);
  // The stage sits at the page's top left and the viewport is MAX_HEIGHT tall: the clip is in view.
  const clip = { x: box.x, y: box.y, width: Math.max(1, Math.ceil(box.width)), height: Math.max(1, Math.min(Math.ceil(box.height), MAX_HEIGHT)) };
  // Animations, transitions and carets are already off in the page's style sheet (PAGE), fonts are
  // loaded and the page is scrolled to its top (show): what Playwright's page.screenshot would do
  // around the capture (a style sheet put into the page and taken out again, a wait for fonts, the
  // layout metrics) is done already, and cost more than the capture. One DevTools call takes the
  // same pixels (the clip in CSS px at scale 1, within the viewport), PNG-encoded for speed: the
  // encoding is lossless, and references are re-encoded small by compare.ts's toReference.
  // The clip is trimmed to the viewport as page.screenshot trims it (a story starting 4 px down is
  // shot 896 px tall, as its reference was).
  const viewport = page.viewportSize()!;
  const x0 = Math.max(0, Math.min(clip.x, viewport.width));
  const y0 = Math.max(0, Math.min(clip.y, viewport.height));
  const width = Math.floor(Math.max(0, Math.min(clip.x + clip.width, viewport.width)) - x0 + 1e-3);
  const height = Math.floor(Math.max(0, Math.min(clip.y + clip.height, viewport.height)) - y0 + 1e-3);
  const { data } = await (await devtools(page)).send('Page.captureScreenshot', {
    format: 'png',
    clip: { x: x0, y: y0, width, height, scale: 1 },
    captureBeyondViewport: false,
    optimizeForSpeed: true,
  });
  return Buffer.from(data, 'base64');
}

/** One DevTools session per page, opened on its first screenshot. */
const sessions = new WeakMap<Page, Promise<CDPSession>>();
const devtools = (page: Page): Promise<CDPSession> => {
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = page.context().newCDPSession(page)));
  return session;
};

export async function serveHarness() {
  const dir = await buildHarness();
  return startStaticServer({ mounts: { '/': dir }, csp: false });
}
