// Restoring 100,000 stored disputes into a memory store: ours with each item checked against its
// own history (the default: every item replayed through the engine, guards not re-run) against
// the same restore with `{ checkHistory: false }` (schema validation only). Needs the built
// @bihuan/core (`pnpm --filter @bihuan/core build`). RESTORE_BENCH_N sets the count.
import { performance } from 'node:perf_hooks';
import { acceptDispute, createMemoryStore, disputeLoop, disputeStoreSpec, transition } from '@bihuan/core';
import { median } from '../measure.mjs';
import { initial, LIFECYCLES } from '../dispute-script.mjs';

const N = Number(process.env.RESTORE_BENCH_N ?? 100_000);
const RUNS = Number(process.env.RESTORE_BENCH_RUNS ?? 3);

function items() {
  const out = [];
  for (let i = 0; i < N; i++) {
    let item = acceptDispute({ id: `D-${i}`, actor: initial.history[0].actor, at: initial.createdAt, intake: initial.history[0].payload.data });
    for (const event of LIFECYCLES[i % LIFECYCLES.length]) {
      const r = transition(disputeLoop, item, event);
      if (r.ok) item = r.snapshot;
    }
    out.push(JSON.parse(JSON.stringify(item)));
  }
  return out;
}

async function time(dump, options) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    globalThis.gc?.();
    const store = createMemoryStore(disputeStoreSpec);
    const t0 = performance.now();
    await store.restore(dump, options);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export default {
  name: 'restore-history',
  unit: 'ms',
  description: `restore of ${N.toLocaleString('en')} disputes, each checked against its history (vs schema checks only)`,
  async run() {
    const empty = await createMemoryStore(disputeStoreSpec).dump();
    const dump = { ...empty, collections: { disputes: items() } };
    const unchecked = await time(dump, { checkHistory: false });
    const checked = await time(dump);
    return {
      ours: checked,
      peers: { 'schema only (checkHistory: false)': unchecked },
      notes: { 'per item, history check': `${(((checked - unchecked) / N) * 1000).toFixed(1)} µs` },
    };
  },
};
