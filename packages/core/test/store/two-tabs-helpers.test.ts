// Two real Chromium tabs (one IndexedDB) racing every store helper that reads and then writes
// several records (issue 19): each runs as one transaction (`store.batch`), so N ≥ 100 concurrent
// operations lose nothing, create nothing twice, and every item's history agrees with its state.
// Needs the built core (`pnpm --filter @bihuan/core build`).
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright';
import { useTabs, WORK_ON_ORDERS, type Tabs } from './tabs.js';

const PAGE = `
import {
  acceptDispute,
  applyDisputeEvent,
  applyLoopEvent,
  createIndexedDbStore,
  disputeStoreSpec,
  deleteIndexedDbStore,
  dispatchMonthToStore,
  eventPermitStore,
  fileEventPermitIn,
  logAssistIn,
  openOverdueAccountability,
  reassignOnLeaveInStore,
  rectificationStoreSpec,
  taskOrderLoop,
  taskStoreSpec,
  volunteerStore,
} from '@bihuan/core';
import { exampleCatalog, exampleFeedback, exampleRectificationItems, exampleRoster } from '@bihuan/core/examples';
const roster = exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 2 });
const at = (m) => '2025-10-05T09:' + String(m).padStart(2, '0') + ':00+08:00';
const open = (spec) => createIndexedDbStore(spec);
const agree = (items) => items.map((o) => ({ id: o.id, state: o.state, types: o.history.map((e) => e.type), agrees: o.history[o.history.length - 1].to === o.state && o.history.every((e, i) => e.seq === i) }));
async function withStore(spec, fn) { const s = await open(spec); try { return await fn(s); } finally { s.close(); } }

// Permits: the tab files one filing per event for each of n events (ids prefixed by the tab).
globalThis.file = (tab, n) => withStore(eventPermitStore, (s) => Promise.all(Array.from({ length: n }, (_, i) => fileEventPermitIn(s, {
  id: tab + '-' + i,
  application: { name: '社区运动会第' + i + '场', kind: 'sports', venue: '海港区体育场', eventDate: '2026-09-20', expectedAttendance: 1200, organizer: { name: '海港区文体中心', contact: '王芳', phone: '0335-7654321' } },
  actor: { id: 'org-' + tab, role: 'organizer' },
  at: '2026-05-06T09:00:00+08:00',
}).then((r) => [i, r.ok, r.ok ? '' : r.reason.rule]))));
globalThis.permits = () => withStore(eventPermitStore, async (s) => agree((await s.all('permits')).items).map((p, i, all) => p));
globalThis.permitKeys = () => withStore(eventPermitStore, async (s) => (await s.all('permits')).items.map((p) => p.data.eventKey));

// Tasks: dispatch the month (both tabs at once), reassign on leave while the other tab works.
globalThis.dispatch = () => withStore(taskStoreSpec, async (s) => (await dispatchMonthToStore(s, { catalog: exampleCatalog(), roster, month: '2025-10', at: '2025-10-01T08:00:00+08:00' })).orders.map((o) => o.id));
globalThis.reassign = () => withStore(taskStoreSpec, async (s) => {
  const r = await reassignOnLeaveInStore(s, { roster, from: roster.officers[0].id, to: roster.officers[1].id, reason: '病假', at: at(30) });
  return { reassigned: r.reassigned.map((o) => o.id), refused: r.refused.length };
});
${WORK_ON_ORDERS}
globalThis.orders = () => withStore(taskStoreSpec, async (s) => {
  const { items } = await s.all('orders');
  return agree(items).map((o, i) => ({ ...o, officer: items[i].data.officer }));
});
globalThis.officer = (k) => roster.officers[k].id;

// Rectification: both tabs open accountability for the overdue items at once.
globalThis.seedRectification = (n) => withStore(rectificationStoreSpec, async (s) => s.bulkPut('items', exampleRectificationItems(n, n)));
globalThis.sweep = () => withStore(rectificationStoreSpec, (s) => openOverdueAccountability(s, '2026-03-02T09:00:00+08:00', { id: 'kaoping', role: 'supervisor' }));
globalThis.rectification = () => withStore(rectificationStoreSpec, async (s) => ({ items: agree((await s.all('items')).items), records: (await s.all('accountability')).items.map((r) => r.data.rectificationId) }));

// Volunteers: both tabs log 2 × 12 h for each of n members on one day; 24 h is the most a day holds.
globalThis.seedVolunteers = (n) => withStore(volunteerStore, (s) => s.bulkPut('volunteers', Array.from({ length: n }, (_, i) => ({ id: 'V' + i, name: '志愿者' + i, joinedOn: '2025-01-01' }))));
globalThis.log = (tab, n) => withStore(volunteerStore, (s) => Promise.all(Array.from({ length: n }, (_, i) => logAssistIn(s, { id: tab + '-' + i, volunteerId: 'V' + i, kind: 'patrol', date: '2025-10-01', minutes: 780 }).then((r) => r.ok))));
globalThis.assists = () => withStore(volunteerStore, async (s) => (await s.all('assists')).items.map((a) => a.volunteerId));
// Disputes: pairs (2k, 2k+1); tab A merges the first into the second while tab B merges the second into the first.
const intake = { title: '邻里噪声纠纷', category: 'noise', description: '楼上住户夜间生活噪声，双方多次争执。', channel: 'walkIn', town: '站前街道', community: '锦绣社区',
  parties: [{ id: 'p1', side: 'applicant', name: '陈建国', phone: '13812345678' }, { id: 'p2', side: 'respondent', name: '李秀英', phone: '13987654321' }], reportedBy: null };
const clerk = { id: 'clerk-li', role: 'intakeClerk' };
globalThis.seedDisputes = (n) => withStore(disputeStoreSpec, (s) => s.bulkPut('disputes', Array.from({ length: n }, (_, i) => acceptDispute({ id: 'D-' + i, intake, actor: clerk, at: '2025-11-03T09:00:00+08:00' }))));
globalThis.mergePairs = (tab, n) => withStore(disputeStoreSpec, (s) => Promise.all(Array.from({ length: n / 2 }, (_, k) => {
  const [from, into] = tab === 'A' ? [2 * k, 2 * k + 1] : [2 * k + 1, 2 * k];
  return applyDisputeEvent(s, 'D-' + from, { type: 'merge', actor: clerk, at: '2025-11-04T10:00:00+08:00', payload: { into: 'D-' + into, reason: '同一纠纷重复登记' } })
    .then((r) => [k, r.ok, r.ok ? '' : r.reason.rule ?? r.reason.code]);
})));
globalThis.disputes = () => withStore(disputeStoreSpec, async (s) => (await s.all('disputes')).items.map((d, i, all) => ({
  ...agree([d])[0], mergedInto: d.data.mergedInto?.id ?? null, duplicates: (d.data.duplicates ?? []).map((x) => x.id),
})));
globalThis.ready = true;
`;

const opened = useTabs(PAGE);
let t: Tabs;
let a: Page;
let b: Page;

beforeAll(() => {
  t = opened();
  [a, b] = t.tabs;
});

const N = 120;

test(`fileEventPermitIn: two tabs file the same ${N} events at once — one filing per event, none lost`, async () => {
  const [fromA, fromB] = await Promise.all([t.call<[number, boolean, string][]>(a, 'file', 'A', N), t.call<[number, boolean, string][]>(b, 'file', 'B', N)]);
  for (let i = 0; i < N; i++) {
    // Exactly one of the two filings of event i is accepted; the other is refused by the rule.
    expect([fromA[i]![1], fromB[i]![1]].filter(Boolean)).toHaveLength(1);
    expect([fromA[i]![2], fromB[i]![2]].filter(Boolean)).toEqual(['one_filing_per_event']);
  }
  const keys = await t.call<string[]>(a, 'permitKeys');
  expect(keys).toHaveLength(N);
  expect(new Set(keys).size).toBe(N);
  const permits = await t.call<{ id: string; agrees: boolean }[]>(b, 'permits');
  const accepted = [...fromA.filter((r) => r[1]).map((r) => `A-${r[0]}`), ...fromB.filter((r) => r[1]).map((r) => `B-${r[0]}`)].sort();
  expect(permits.map((p) => p.id).sort()).toEqual(accepted);
  expect(permits.every((p) => p.agrees)).toBe(true);
}, 180_000);

test('dispatchMonthToStore in two tabs at once, then reassignOnLeaveInStore while the other tab cancels and files feedback: nothing lost', async () => {
  const [fromA, fromB] = await Promise.all([t.call<string[]>(a, 'dispatch'), t.call<string[]>(b, 'dispatch')]);
  // The month is created once: what one tab created the other skipped.
  expect(fromA.length + fromB.length).toBe(new Set([...fromA, ...fromB]).size);
  const created = await t.call<{ id: string; types: string[]; officer: string }[]>(a, 'orders');
  expect(created).toHaveLength(fromA.length + fromB.length);
  expect(created.every((o) => o.types.length === 1)).toBe(true);
  const leaving = await t.call<string>(a, 'officer', 0);
  const ids = created.filter((o) => o.officer === leaving).map((o) => o.id);
  expect(ids.length).toBeGreaterThanOrEqual(100);
  const work = t.call<[string, string, boolean][]>(b, 'work', ids);
  await new Promise((r) => setTimeout(r, 50));
  const moved = await t.call<{ reassigned: string[]; refused: number }>(a, 'reassign');
  const done = await work;
  const orders = new Map((await t.call<{ id: string; state: string; types: string[]; agrees: boolean; officer: string }[]>(a, 'orders')).map((o) => [o.id, o]));
  const accepted = done.filter(([, , ok]) => ok);
  expect(accepted.length).toBeGreaterThanOrEqual(ids.length / 2);
  const lost = accepted.filter(([id, kind]) => (kind === 'cancel' ? orders.get(id)!.state !== 'cancelled' : !orders.get(id)!.types.includes('feedback')));
  expect(lost).toEqual([]);
  for (const o of orders.values()) {
    expect(o.agrees).toBe(true);
    expect(o.types.includes('reassign')).toBe(moved.reassigned.includes(o.id));
  }
  // Every reassigned order is the other officer's now, and none of the leaving officer's open orders is left behind.
  for (const id of moved.reassigned) expect(orders.get(id)!.officer).toBe(await t.call<string>(a, 'officer', 1));
}, 180_000);

test(`openOverdueAccountability in two tabs at once over ${N} overdue items: each held accountable once, one record each`, async () => {
  await t.call(a, 'seedRectification', N);
  const [fromA, fromB] = await Promise.all([t.call<string[]>(a, 'sweep'), t.call<string[]>(b, 'sweep')]);
  expect(fromA.length + fromB.length).toBe(N);
  expect(new Set([...fromA, ...fromB]).size).toBe(N);
  const { items, records } = await t.call<{ items: { types: string[]; agrees: boolean }[]; records: string[] }>(a, 'rectification');
  expect(items.every((i) => i.agrees && i.types.filter((x) => x === 'holdAccountable').length === 1)).toBe(true);
  expect(records).toHaveLength(N);
  expect(new Set(records).size).toBe(N);
}, 180_000);

test(`logAssistIn in two tabs at once for ${N} members: no day holds more than 24 hours`, async () => {
  await t.call(a, 'seedVolunteers', N);
  const [fromA, fromB] = await Promise.all([t.call<boolean[]>(a, 'log', 'A', N), t.call<boolean[]>(b, 'log', 'B', N)]);
  for (let i = 0; i < N; i++) expect([fromA[i], fromB[i]].filter(Boolean)).toHaveLength(1);
  const logged = await t.call<string[]>(b, 'assists');
  expect(logged).toHaveLength(N);
  expect(new Set(logged).size).toBe(N);
}, 180_000);

test(`applyDisputeEvent: two tabs merge ${N / 2} pairs of disputes into each other at once — one merge per pair, both records agree`, async () => {
  await t.call(a, 'seedDisputes', N);
  const [fromA, fromB] = await Promise.all([t.call<[number, boolean, string][]>(a, 'mergePairs', 'A', N), t.call<[number, boolean, string][]>(b, 'mergePairs', 'B', N)]);
  for (let k = 0; k < N / 2; k++) {
    // One of the two crossing merges wins; the other sees the first and is refused as a cycle (or as merging a merged case).
    expect([fromA[k]![1], fromB[k]![1]].filter(Boolean), `pair ${k}`).toHaveLength(1);
    expect(['merge_cycle', 'duplicates_attached', 'merge_chain', 'state_forbids']).toContain([fromA[k]![2], fromB[k]![2]].find(Boolean));
  }
  const disputes = new Map((await t.call<{ id: string; state: string; agrees: boolean; mergedInto: string | null; duplicates: string[] }[]>(b, 'disputes')).map((d) => [d.id, d]));
  expect(disputes.size).toBe(N);
  for (let k = 0; k < N / 2; k++) {
    const [x, y] = [disputes.get(`D-${2 * k}`)!, disputes.get(`D-${2 * k + 1}`)!];
    const [merged, original] = x.state === 'merged' ? [x, y] : [y, x];
    expect(merged.state).toBe('merged');
    expect(original.state).toBe('received');
    expect(merged.mergedInto).toBe(original.id);
    expect(original.duplicates).toEqual([merged.id]);
    expect(merged.agrees && original.agrees).toBe(true);
  }
}, 180_000);
