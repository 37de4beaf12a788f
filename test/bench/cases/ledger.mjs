// <bh-dispute-ledger> first render in real Chromium: 100,000 disputes against 100, as a ratio.
// Goal: 100,000 cost at most 2× what 100 do — rows are windowed, and nothing per row is computed
// for rows out of view (the overdue count and area lists come after the first paint). The page
// loads the one-file build (packages/widgets/dist/cdn/bihuan.js: `pnpm build` first) from
// examples/static-server.mjs under the portal's strict CSP, in a fresh profile under /tmp.
// "First render" is from creating the element with its `items` to its rows laid out (Lit's
// update, then a forced layout), medians of interleaved runs.
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.mjs';
import { startStaticServer } from '../../../examples/static-server.mjs';
import { median, openBenchPage } from '../measure.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const RUNS = Number(process.env.LEDGER_BENCH_RUNS ?? 9);
const BIG = 100_000;
const SMALL = 100;

const PAGE_JS = `
import { acceptDispute, transition, disputeLoop } from '/widgets/cdn/bihuan.js';

const actor = (role) => ({ id: 'bench-' + role, role });
const base = acceptDispute({
  id: 'T', at: '2025-07-01T09:00:00+08:00', actor: actor('intakeClerk'),
  intake: { title: '邻里噪声纠纷', category: 'noise', description: '楼上夜间噪声', channel: 'walkIn', town: '站前街道', community: '锦绣社区',
    parties: [{ id: 'p1', side: 'applicant', name: '陈建国', phone: '13812341234' }, { id: 'p2', side: 'respondent', name: '李秀英' }] },
});
const steps = [
  ['route', 'intakeClerk', { departments: ['court', 'judicialAdministration', 'publicSecurity', 'subDistrictOffice', 'residentsCommittee'], joint: true, lead: null }],
  ['mediate', 'mediator', { mode: 'atCentre', mediators: [] }],
  ['settle', 'mediator', { terms: ['降低噪声'], consentedBy: ['p1', 'p2'], date: '2025-07-04' }],
  ['recordFollowUp', 'intakeClerk', { method: 'phone', agreementKept: true, satisfaction: 'satisfied' }],
];
const templates = [base];
let t = base;
steps.forEach(([type, role, payload], i) => {
  // A day a step; the follow-up a week after the settlement, as the loop requires.
  const r = transition(disputeLoop, t, { type, actor: actor(role), at: (type === 'recordFollowUp' ? '2025-07-12' : '2025-07-0' + (i + 2)) + 'T09:00:00+08:00', payload });
  if (!r.ok) throw new Error(type);
  templates.push((t = r.snapshot));
});
const towns = ['站前街道', '临江街道', '帽盔山街道', '永昌街道', '纤维街道', '西城街道', '花园街道', '头道桥街道', '江海街道'];
function disputes(n) {
  const out = new Array(n);
  const now = Date.parse('2025-11-20T10:00:00+08:00');
  for (let i = 0; i < n; i++) {
    const tpl = templates[i % templates.length];
    const created = now - (i % 170000) * 60000;
    const data = { ...tpl.data, town: towns[i % 9], community: towns[i % 9].slice(0, -2) + '第' + ((i % 10) + 1) + '社区',
      parties: [{ ...tpl.data.parties[0], phone: '138' + String(i).padStart(8, '0') }, tpl.data.parties[1]] };
    const item = { ...tpl, id: 'JF-' + String(i).padStart(7, '0'), data, createdAt: new Date(created).toISOString() };
    if (tpl.deadline) item.deadline = new Date(created + ((i % 20) + 1) * 86400000).toISOString();
    out[i] = item;
  }
  return out;
}
const sets = { big: disputes(${BIG}), small: disputes(${SMALL}) };

window.renderOnce = async (which) => {
  const items = sets[which];
  const t0 = performance.now();
  const el = document.createElement('bh-dispute-ledger');
  el.items = items;
  el.now = '2025-11-20T10:00:00+08:00';
  el.setAttribute('viewer-role', 'supervisor');
  document.body.append(el);
  await el.updateComplete;
  const rows = el.shadowRoot.querySelectorAll('.rows [role=row]').length;
  void el.shadowRoot.querySelector('.rows').getBoundingClientRect().height; // layout
  const ms = performance.now() - t0;
  el.remove();
  await new Promise((r) => setTimeout(r, 30));
  return { ms, rows };
};
window.benchReady = true;
`;

const PAGE_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>ledger bench</title>
<script type="module" src="/widgets/cdn/bihuan.js"></script><script type="module" src="./bench.js"></script></head><body></body></html>`;

export default {
  name: 'ledger-first-render',
  unit: 'ms',
  description: `<bh-dispute-ledger> first render in Chromium: ${BIG.toLocaleString('en')} disputes vs ${SMALL} (goal: at most 2×)`,
  async run() {
    const cdn = join(root, 'packages/widgets/dist/cdn/bihuan.js');
    if (!existsSync(cdn)) throw new Error('build the widgets first: pnpm build');
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-bench-ledger-page-'));
    writeFileSync(join(dir, 'index.html'), PAGE_HTML);
    writeFileSync(join(dir, 'bench.js'), PAGE_JS);
    const server = await startStaticServer({ mounts: { '/': dir, '/widgets/': join(root, 'packages/widgets/dist') } });
    const profile = mkdtempSync(join(tmpdir(), 'bihuan-bench-ledger-'));
    const context = await chromium.launchPersistentContext(profile, {
      headless: true,
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await openBenchPage(context, server.url);
      const times = { big: [], small: [] };
      let rows = {};
      for (let i = 0; i < RUNS + 2; i++) {
        for (const which of ['small', 'big']) {
          const r = await page.evaluate((w) => window.renderOnce(w), which);
          rows[which] = r.rows;
          if (i >= 2) times[which].push(r.ms);
        }
      }
      const big = median(times.big);
      const small = median(times.small);
      return {
        ours: big,
        peers: { [`the same ledger with ${SMALL} disputes`]: small },
        notes: {
          ratio: `${(big / small).toFixed(2)}× (goal ≤ 2×)`,
          'rows in the DOM': `${rows.big} of ${BIG.toLocaleString('en')}, ${rows.small} of ${SMALL}`,
        },
      };
    } finally {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
