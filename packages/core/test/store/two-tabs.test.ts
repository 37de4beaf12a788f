// The lost-update attack of issue 19, in real Chromium: two tabs (two pages of one browser
// context, same origin, one IndexedDB) — one urging every order of the month while the other
// cancels and files feedback on them. Every change the second tab was told was accepted must
// still be there, and every order's history must agree with its state. Needs the built core
// (`pnpm --filter @bihuan/core build`).
import { expect, test } from 'vitest';
import { useTabs, WORK_ON_ORDERS } from './tabs.js';

const PAGE = `
import { applyLoopEvent, createIndexedDbStore, dispatchMonthToStore, taskOrderLoop, taskStoreSpec, urgeOrders } from '@bihuan/core';
import { exampleCatalog, exampleFeedback, exampleRoster } from '@bihuan/core/examples';
const roster = exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 1 });
const at = (m) => '2025-10-05T09:' + String(m).padStart(2, '0') + ':00+08:00';
globalThis.seed = async () => {
  const store = await createIndexedDbStore(taskStoreSpec);
  const { orders } = await dispatchMonthToStore(store, { catalog: exampleCatalog(), roster, month: '2025-10', at: '2025-10-01T08:00:00+08:00' });
  store.close();
  return orders.map((o) => o.id);
};
globalThis.urge = async (ids) => {
  const store = await createIndexedDbStore(taskStoreSpec);
  const r = await urgeOrders(store, { orders: ids, instruction: '请本周内完成', actor: { id: 'sup', role: 'supervisor' }, at: at(30) });
  store.close();
  return r;
};
${WORK_ON_ORDERS}
globalThis.orders = async () => {
  const store = await createIndexedDbStore(taskStoreSpec);
  const { items } = await store.all('orders');
  const histories = await Promise.all(items.map((o) => store.history('orders', o.id)));
  store.close();
  return items.map((o, i) => ({ id: o.id, state: o.state, types: o.history.map((e) => e.type), last: o.history[o.history.length - 1].to, same: JSON.stringify(histories[i]) === JSON.stringify(o.history) }));
};
globalThis.ready = true;
`;

const opened = useTabs(PAGE);

test('urging in one tab while another cancels and files feedback: nothing accepted is lost', async () => {
  const [a, b] = opened().tabs;
  const ids = (await a.evaluate(() => (globalThis as unknown as { seed: () => Promise<string[]> }).seed())) as string[];
  expect(ids.length).toBeGreaterThanOrEqual(100);
  // Tab B starts on its orders; tab A urges all of them while B is under way.
  const work = b.evaluate((list) => (globalThis as unknown as { work: (l: string[]) => Promise<[string, string, boolean][]> }).work(list), ids);
  await new Promise((r) => setTimeout(r, 50));
  const urged = await a.evaluate((list) => (globalThis as unknown as { urge: (l: string[]) => Promise<{ urged: string[]; refused: unknown[] }> }).urge(list), ids);
  const done = await work;
  const orders = await a.evaluate(() => (globalThis as unknown as { orders: () => Promise<{ id: string; state: string; types: string[]; last: string; same: boolean }[]> }).orders());
  const byId = new Map(orders.map((o) => [o.id, o]));
  const accepted = done.filter(([, , ok]) => ok);
  expect(accepted.length).toBeGreaterThanOrEqual(100);
  const lost = accepted.filter(([id, kind]) => {
    const o = byId.get(id)!;
    return kind === 'cancel' ? o.state !== 'cancelled' : !o.types.includes('feedback') || o.state === 'dispatched';
  });
  expect(lost).toEqual([]);
  expect(urged.urged.length + urged.refused.length).toBe(ids.length);
  for (const o of orders) {
    expect(o.last).toBe(o.state);
    expect(o.same).toBe(true);
    expect(o.types.includes('urge')).toBe(urged.urged.includes(o.id));
  }
}, 180_000);
