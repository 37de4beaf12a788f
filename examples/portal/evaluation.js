// The evaluation page: a law report scored by six dimensions, the problem list and rectification
// ledger (with accountability for what goes overdue), and a reception day's issues. The score
// sheets stay in this browser (IndexedDB, core's examples seeded when empty); the ledger and the
// reception day are on the portal's server when someone is signed in (see connect.js).
import { SIX_DIMENSIONS, evaluationStoreSpec } from '/widgets/cdn/kit/core/evaluation.js';
import { exampleLawReport } from '/widgets/cdn/kit/core/evaluation/examples.js';
import { exampleReceptionDay } from '/widgets/cdn/kit/core/reception/examples.js';
import { exampleRectificationItems } from '/widgets/cdn/kit/core/rectification/examples.js';
import { receptionStoreSpec } from '/widgets/cdn/kit/core/reception.js';
import { rectificationStoreSpec } from '/widgets/cdn/kit/core/rectification.js';
import { defaultStore } from '/widgets/cdn/kit/default-store.js';
import { connectStore, firstSync, loadingWords } from './connect.js';
import { seedThen } from './portal.js';

async function seedEvaluation() {
  const store = await defaultStore(evaluationStoreSpec);
  // The last collection written: a first visit cut short is completed on the next one.
  if ((await store.count('sheets')) > 0) return;
  const report = await store.put('reports', exampleLawReport());
  await store.put('schemes', SIX_DIMENSIONS);
  // Two colleagues have scored; the page's assessor (评议人甲) is next.
  const at = '2026-01-10T10:00:00+08:00';
  await store.bulkPut('sheets', [
    { reportId: report.id, assessor: '评议人乙', scores: { achievements: 90, shortcomings: 85, performance: 90, rectification: 80, accountability: 85 }, submittedAt: at },
    { reportId: report.id, assessor: '评议人丙', scores: { achievements: 85, shortcomings: 80, performance: 85, rectification: 75, accountability: 80 }, submittedAt: at },
  ]);
}

// The rectification ledger and the reception day are loops the portal's server keeps: signed in,
// each is a synced store (its items the server's, the actor the session's user, a town's user
// seeing the town's items only); otherwise a store in this browser with core's examples.
// The widgets, found now: while their data load they are out of the page (see seedThen).
const [syncLedger, syncReception, reception] = ['sync', 'sync-reception', 'reception'].map((id) => document.getElementById(id));

async function connectRectification() {
  const { store, mode } = await connectStore(rectificationStoreSpec, { collections: { items: 'rectifications', accountability: 'accountability' } });
  document.getElementById('ledger-role-line').hidden = mode === 'synced';
  if (mode !== 'synced' && (await store.count('items')) === 0) await store.bulkPut('items', exampleRectificationItems(8, 2, { now: Date.now() }));
  await firstSync(store);
  for (const el of [syncLedger, ledger]) el.store = store;
}

async function connectReception() {
  const { store, mode } = await connectStore(receptionStoreSpec, { collections: { issues: 'receptions' } });
  // The source's day (three weeks ago): 9 firms, 23 issues, 6 closed — the rest on the supervision ledger.
  if (mode !== 'synced' && (await store.count('issues')) === 0) await store.bulkPut('issues', exampleReceptionDay(23, 6, { now: Date.now() }));
  await firstSync(store);
  for (const el of [syncReception, reception]) el.store = store;
}

const role = document.getElementById('ledger-role');
const ledger = document.getElementById('ledger');
const IDS = { owner: 'owner-wang', verifier: 'inspector-li', supervisor: 'kaoping-office' };
// The body each acts for: the owner acts on their own unit's items only; the verifier is from outside it.
const UNITS = { owner: '振兴区司法局', verifier: '区委依法治区办', supervisor: '区委考评办' };
role.addEventListener('change', () => {
  ledger.setAttribute('viewer-role', role.value);
  ledger.setAttribute('viewer-id', IDS[role.value] ?? 'staff');
  ledger.setAttribute('viewer-unit', UNITS[role.value] ?? '');
});

await Promise.all([
  seedThen([document.getElementById('scorecard')], [seedEvaluation]),
  seedThen([syncLedger, ledger, syncReception, reception], [connectRectification, connectReception], loadingWords({ zh: '整改事项和接待日问题', en: 'the rectification items and reception-day issues' })),
]);
