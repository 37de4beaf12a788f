// The built catalog's docs pages in real Chromium, as a reader meets them: from navigation start
// (the catalog's own address, `/?path=/docs/…`, with its sidebar and the preview frame) to the
// page's first widget preview rendered (a `bh-*` element in a docs story with text in its shadow
// root), and to every preview of the page rendered. Goal: the first preview ≤ 2 s on this machine.
// Needs `pnpm catalog:build` first (test/.catalog); BENCH_CATALOG=<dir> measures another build
// (before/after). The load average is printed with the figures: on a shared machine they move.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.mjs';
import { startStaticServer } from '../../../examples/static-server.mjs';
import { median } from '../measure.mjs';

const dir = process.env.BENCH_CATALOG ?? fileURLToPath(new URL('../../.catalog/', import.meta.url));
const RUNS = Number(process.env.CATALOG_BENCH_RUNS ?? 3);
/** A small widget, two store-backed ledgers, and the widgets with the largest stories. */
const WIDGETS = (process.env.CATALOG_BENCH_WIDGETS ?? 'rate-card,dispute-ledger,emergency-units,task-supervision,event-permits').split(',');

// Runs in the preview frame before its scripts: notes when the first and the last preview render.
const WATCH = () => {
  const marks = { first: undefined, all: undefined };
  window.__docs = marks;
  const rendered = (root) => {
    const el = [...root.querySelectorAll('*')].find((e) => e.tagName.startsWith('BH-'));
    return !!el?.shadowRoot?.textContent?.trim();
  };
  const tick = () => {
    const stories = [...document.querySelectorAll('.docs-story')];
    const done = stories.filter(rendered).length;
    if (done > 0 && marks.first === undefined) marks.first = performance.timeOrigin + performance.now();
    if (stories.length > 0 && done === stories.length && marks.all === undefined) marks.all = performance.timeOrigin + performance.now();
    if (marks.all === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/** One visit: the first preview is waited for (up to 3 minutes), the rest 5 s more (`null`: not all by then). */
async function visit(browser, url, docsId) {
  const page = await browser.newPage();
  await page.addInitScript(WATCH);
  const start = Date.now();
  await page.goto(`${url}?path=/docs/${docsId}`, { waitUntil: 'commit', timeout: 120_000 });
  const frame = await (await page.waitForSelector('#storybook-preview-iframe', { timeout: 120_000 })).contentFrame();
  await frame.waitForFunction(() => window.__docs?.first !== undefined, null, { timeout: 180_000, polling: 100 });
  // A docs page of this catalog renders a story when it comes near the view: all of them are
  // waited for only a little (a build that renders them all at once shows them with the first).
  await frame.waitForFunction(() => window.__docs?.all !== undefined, null, { timeout: 5_000, polling: 100 }).catch(() => undefined);
  const marks = await frame.evaluate(() => ({ ...window.__docs, previews: document.querySelectorAll('.docs-story').length }));
  await page.close();
  const r = { first: marks.first - start, all: marks.all === undefined ? null : marks.all - start, previews: marks.previews };
  console.error(`  ${docsId}: first preview ${r.first.toFixed(0)} ms, all ${r.previews} ${r.all === null ? 'not within 5 s more (rendered when scrolled to)' : `${r.all.toFixed(0)} ms`}`);
  return r;
}

const allText = (runs) => (runs.some((r) => r.all === null) ? 'later (when scrolled to)' : `${median(runs.map((r) => r.all)).toFixed(0)} ms`);

export default {
  name: 'catalog-docs',
  unit: 'ms',
  description: 'built catalog, a docs page: navigation start to the first widget preview rendered (median over widgets and runs; goal ≤ 2 s)',
  async run() {
    if (!existsSync(join(dir, 'index.json'))) throw new Error(`no built catalog in ${dir}: run \`pnpm catalog:build\` first`);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    const docs = Object.values(index.entries).filter((e) => e.type === 'docs');
    const server = await startStaticServer({ mounts: { '/': dir }, csp: false });
    const browser = await chromium.launch({ headless: true, executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const first = [];
    const notes = { 'load average (1, 5, 15 min) at start': loadavg().map((l) => l.toFixed(1)).join(', ') };
    try {
      for (const widget of WIDGETS) {
        const entry = docs.find((e) => e.id.startsWith(`widgets-${widget}-`));
        if (!entry) throw new Error(`no docs page for ${widget}`);
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, server.url, entry.id));
        first.push(...runs.map((r) => r.first));
        notes[widget] = `first preview ${median(runs.map((r) => r.first)).toFixed(0)} ms, all ${runs[0].previews} previews ${allText(runs)}`;
      }
    } finally {
      await browser.close();
      await server.close();
    }
    notes['load average (1, 5, 15 min) at end'] = loadavg().map((l) => l.toFixed(1)).join(', ');
    return { ours: median(first), peers: {}, notes };
  },
};
