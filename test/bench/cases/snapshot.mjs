// Loading stored dispute snapshots: ours (`loadSnapshot`: zod's public safeParse of the loop's
// snapshot schema, plus the loop checks) against zod parsing the same schema alone (as configured
// here: no JIT, which a strict CSP forbids) and against bare JSON.parse with no validation at all
// (the floor).
import { disputeLoop, loadSnapshot, snapshotSchema, transition } from '@bihuan/core';
import { initial, LIFECYCLES } from '../dispute-script.mjs';
import { timeSideBySide } from '../measure.mjs';

const N = 20_000;
// A written-off dispute with two parties and a six-entry history, as a ledger stores it: the
// first scripted lifecycle, its one refused step skipped.
let item = initial;
for (const event of LIFECYCLES[0]) {
  const r = transition(disputeLoop, item, event);
  if (r.ok) item = r.snapshot;
}
if (item.state !== 'closed') throw new Error(`the script ended in ${item.state}`);
const texts = Array.from({ length: N }, (_, i) => JSON.stringify({ ...item, id: `D-${i}`, history: [{ ...item.history[0], payload: { ...item.history[0].payload, id: `D-${i}` } }, ...item.history.slice(1)] }));
const schema = snapshotSchema(disputeLoop);

function run(parse) {
  let ok = 0;
  for (const text of texts) if (parse(JSON.parse(text))) ok++;
  if (ok !== N) throw new Error(`only ${ok} of ${N} snapshots loaded`);
  return ok;
}

export default {
  name: 'snapshot-load',
  unit: 'ms / 20k snapshots',
  description: 'loading 20,000 stored dispute snapshots (JSON text → validated record) vs zod alone and bare JSON.parse',
  run() {
    const t = timeSideBySide(
      { ours: () => run((v) => loadSnapshot(disputeLoop, v)), zod: () => run((v) => schema.safeParse(v).success), bare: () => run((v) => v !== null) },
      { runs: 5, warmup: 1 },
    );
    return {
      ours: t.ours,
      peers: { 'zod safeParse (no JIT)': t.zod, 'JSON.parse only (floor)': t.bare },
      notes: { perSnapshotOursUs: (t.ours * 1000 / N).toFixed(1), record: `${item.history.length}-entry history, 2 parties` },
    };
  },
};
