// Shared timing helpers for bench cases: several runs, the median reported.
import { performance } from 'node:perf_hooks';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times each contender `runs` times, interleaved so that they share the machine's state, and
 * returns the median milliseconds per contender. `fns` is `{ name: () => unknown }`. Each round
 * starts with the next contender (a rotation), so that none always runs first or always after the
 * same neighbour and its garbage.
 */
export function timeSideBySide(fns, { runs = 7, warmup = 2 } = {}) {
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  const entries = Object.entries(fns);
  let sink = 0;
  for (let i = 0; i < warmup + runs; i++) {
    for (let j = 0; j < entries.length; j++) {
      const [name, fn] = entries[(i + j) % entries.length];
      // Each run starts from a collected heap, so that no contender pays for another's garbage.
      globalThis.gc?.();
      const t0 = performance.now();
      const out = fn();
      const t = performance.now() - t0;
      sink ^= typeof out === 'number' ? out : out ? 1 : 0;
      if (i >= warmup) times[name].push(t);
    }
  }
  if (sink === 0.5) console.log(sink); // keeps results alive
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

/** Peak heap growth while `fn` runs, in MB (after a forced GC when node runs with --expose-gc). */
export function peakHeapMB(fn) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const out = fn((() => { const u = process.memoryUsage().heapUsed; if (u > peak) peak = u; }));
  const after = process.memoryUsage().heapUsed;
  if (after > peak) peak = after;
  return { out, mb: (peak - before) / 1048576 };
}

/**
 * Opens `url` in a new page of a Playwright browser `context` and waits for the page's
 * `window.benchReady`; a page error on the way fails with its message.
 */
export async function openBenchPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 }).catch(() => {
    throw new Error(`bench page failed: ${errors.join('; ')}`);
  });
  return page;
}
