// A loop action clicked in a widget, in real Chromium, with 2,000 items in the store: from the
// click on the form's submit button to the item's new state on screen (the DOM shows it and the
// next frame has been produced). Goal: ≤ 100 ms.
//   - task feedback in <bh-task-checklist>: 2,060 orders in the store (20 officers × 103 tasks),
//     one officer's month of 103 shown; the click sends 反馈 with the template's fields filled.
//   - dispute route in <bh-dispute-case>: 2,000 accepted disputes in the store, one shown; the
//     click sends 分流 with the suggested departments.
// Each figure is for real IndexedDB (what a portal uses by default; a fresh database per case in a
// fresh profile under /tmp), with the same click on an in-memory store in the notes. The page loads
// the one-file build from the sources (examples/build.mjs: the same esbuild minified bundle the
// portal serves) under the portal's strict CSP. Medians of several clicks, each on another item.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.mjs';
import { startStaticServer } from '../../../examples/static-server.mjs';
import { median, openBenchPage } from '../measure.mjs';

// BENCH_SOURCES=<another checkout> measures that checkout's widgets with this same page (before/after).
const sources = process.env.BENCH_SOURCES ?? new URL('../../../', import.meta.url).pathname;
const CLICKS = Number(process.env.WIDGET_CLICK_RUNS ?? 11);
const ITEMS = 2000;

const PAGE_JS = `
import { acceptDispute, createIndexedDbStore, createMemoryStore, dispatchMonth, disputeStoreSpec, taskStoreSpec } from '/widgets/cdn/bihuan.js';
// Example data is not in bihuan.js (it has its own entry); a checkout from before that has no kit.
const { exampleCatalog, exampleRoster } = await import('/widgets/cdn/kit/core/task/examples.js').catch(() => import('/widgets/cdn/bihuan.js'));

const MONTH = '2025-10';
const NOW = '2025-10-22T10:00:00+08:00';
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const until = async (test, what) => {
  for (let i = 0; i < 400; i++) { if (test()) return; await new Promise((r) => setTimeout(r, 10)); }
  throw new Error('timed out waiting for ' + what);
};

async function openStore(spec, kind) {
  if (kind === 'memory') return createMemoryStore(spec);
  return createIndexedDbStore({ ...spec, name: spec.name + '-bench-' + Math.random().toString(36).slice(2) });
}

// Resolves when \`shown()\` holds after the click: the time from the click to the frame after it.
function timeClick(root, button, shown) {
  return new Promise((resolve, reject) => {
    let done = false;
    const observer = new MutationObserver(() => {
      if (done || !shown()) return;
      done = true;
      observer.disconnect();
      frame().then(() => resolve(performance.now() - t0));
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    setTimeout(() => { if (!done) { observer.disconnect(); reject(new Error('the new state never showed; on screen: ' + (root.querySelector('[role="alert"]')?.textContent ?? '').trim().slice(0, 300))); } }, 10000);
    const t0 = performance.now();
    button.click();
  });
}

const mounted = {};

window.setUp = async (widget, kind) => {
  document.body.replaceChildren();
  if (widget === 'task') {
    const roster = exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 20 });
    const { orders } = dispatchMonth({ catalog: exampleCatalog(), roster, month: MONTH, at: '2025-10-01T08:00:00+08:00' });
    const store = await openStore(taskStoreSpec, kind);
    await store.bulkPut('orders', orders);
    const el = document.createElement('bh-task-checklist');
    Object.assign(el, { store, officer: 'P00001', month: MONTH, now: NOW });
    document.body.append(el);
    await until(() => el.shadowRoot?.querySelector('[part~="progress"]'), 'the checklist');
    mounted.task = el;
    mounted.tried = new Set();
    return { items: await store.count('orders') };
  }
  const store = await openStore(disputeStoreSpec, kind);
  const disputes = [];
  for (let i = 0; i < ${ITEMS}; i++) {
    disputes.push(acceptDispute({
      id: 'JF-' + String(i).padStart(5, '0'), at: '2025-10-20T09:00:00+08:00', actor: { id: 'clerk', role: 'intakeClerk' },
      intake: { title: '邻里噪声纠纷 ' + i, category: i % 2 ? 'noise' : 'neighbour', description: '楼上夜间噪声', channel: 'walkIn', town: '站前街道', community: '锦绣社区',
        parties: [{ id: 'p1', side: 'applicant', name: '陈建国', phone: '13812341234' }, { id: 'p2', side: 'respondent', name: '李秀英' }] },
    }));
  }
  await store.bulkPut('disputes', disputes);
  const el = document.createElement('bh-dispute-case');
  el.store = store;
  el.now = NOW;
  el.setAttribute('viewer-role', 'intakeClerk');
  el.setAttribute('viewer-id', 'clerk');
  document.body.append(el);
  mounted.dispute = el;
  mounted.next = 0;
  return { items: await store.count('disputes') };
};

window.clickTask = async () => {
  const el = mounted.task;
  const root = el.shadowRoot;
  mounted.tried ??= new Set();
  // An open task whose feedback asks for no files (evidence is attached through the order's
  // attachments panel, which a click alone cannot fill). The list re-renders rows in place as
  // orders change state, so a task is found again by its id each time, never by a held node.
  let id;
  for (const t of root.querySelectorAll('[part~="task"]')) {
    if (mounted.tried.has(t.id) || !t.querySelector('.buttons button[aria-expanded]')) continue;
    mounted.tried.add(t.id);
    t.querySelector('.buttons button[aria-expanded]').click();
    await el.updateComplete;
    if (!t.querySelector('form bh-attachments')) { id = t.id; break; }
    t.querySelector('.buttons button[aria-expanded]').click();
    await el.updateComplete;
  }
  if (!id) throw new Error('no open task left');
  const task = () => root.getElementById(id);
  const form = task().querySelector('form');
  // Typed as a user types: the value, then the input and change events the form listens to.
  const type = (input, value) => { input.value = value; input.dispatchEvent(new Event('input', { bubbles: true, composed: true })); input.dispatchEvent(new Event('change', { bubbles: true, composed: true })); };
  for (const input of form.querySelectorAll('input[type="number"]')) type(input, String(Math.max(1, Number(input.min || 0))));
  for (const input of form.querySelectorAll('input[type="text"]:not([name="@reason"]), textarea')) type(input, '站前派出所 1');
  await frame();
  const badge = () => task()?.querySelector('.task-head .badge')?.textContent;
  const before = badge();
  const ms = await timeClick(root, form.querySelector('button[type="submit"][value="feedback"]'), () => badge() !== before && !task()?.querySelector('form'));
  return { ms, state: badge() };
};

window.clickDispute = async () => {
  const el = mounted.dispute;
  const id = 'JF-' + String(mounted.next++).padStart(5, '0');
  el.disputeId = id;
  await until(() => el.shadowRoot.querySelector('[part~="header"] .id')?.textContent === id && el.shadowRoot.querySelector('button[data-event="route"]'), 'dispute ' + id);
  const root = el.shadowRoot;
  root.querySelector('button[data-event="route"]').click();
  await el.updateComplete;
  await frame();
  const state = () => root.querySelector('[part~="header"] dd');
  const before = state().textContent;
  const ms = await timeClick(root, root.querySelector('#action-form button[type="submit"]'), () => state().textContent !== before);
  return { ms, state: state().textContent };
};
window.benchReady = true;
`;

const PAGE_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>widget click bench</title>
<script type="module" src="/widgets/cdn/bihuan.js"></script><script type="module" src="./bench.js"></script></head><body></body></html>`;

async function measure(widget) {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-click-page-'));
  const bundle = mkdtempSync(join(tmpdir(), 'bihuan-bench-click-widgets-'));
  const profile = mkdtempSync(join(tmpdir(), 'bihuan-bench-click-'));
  writeFileSync(join(dir, 'index.html'), PAGE_HTML);
  writeFileSync(join(dir, 'bench.js'), PAGE_JS);
  const { buildPortalBundle } = await import(join(sources, 'examples/build.mjs'));
  await buildPortalBundle({ outdir: `${bundle}/`, quiet: true });
  const server = await startStaticServer({ mounts: { '/': dir, '/widgets/': bundle } });
  const context = await chromium.launchPersistentContext(profile, { headless: true, executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await openBenchPage(context, server.url);
    const out = {};
    for (const kind of ['memory', 'indexeddb']) {
      const { items } = await page.evaluate(([w, k]) => window.setUp(w, k), [widget, kind]);
      const times = [];
      let state = '';
      for (let i = 0; i < CLICKS + 2; i++) {
        const r = await page.evaluate((w) => (w === 'task' ? window.clickTask() : window.clickDispute()), widget);
        state = r.state;
        if (i >= 2) times.push(r.ms);
      }
      times.sort((a, b) => a - b);
      out[kind] = { median: median(times), worst: times.at(-1), items, state };
    }
    return out;
  } finally {
    await context.close();
    await server.close();
    for (const d of [profile, dir, bundle]) rmSync(d, { recursive: true, force: true });
  }
}

const clickCase = (name, widget, what) => ({
  name,
  unit: 'ms',
  description: `${what}: click to new state on screen, ${ITEMS.toLocaleString('en')} items in the store, real IndexedDB in Chromium (goal ≤ 100 ms)`,
  async run() {
    const r = await measure(widget);
    return {
      ours: r.indexeddb.median,
      notes: {
        'slowest click (IndexedDB)': `${r.indexeddb.worst.toFixed(1)} ms`,
        'in-memory store': `median ${r.memory.median.toFixed(1)} ms, slowest ${r.memory.worst.toFixed(1)} ms`,
        'items in the store': String(r.indexeddb.items),
        'state shown after the click': r.indexeddb.state,
        goal: r.indexeddb.median <= 100 ? 'met (≤ 100 ms)' : 'NOT met (> 100 ms)',
      },
    };
  },
});

export default [
  clickCase('widget-click-task-feedback', 'task', '<bh-task-checklist> 反馈 (task feedback)'),
  clickCase('widget-click-dispute-route', 'dispute', '<bh-dispute-case> 分流 (dispute route)'),
];
