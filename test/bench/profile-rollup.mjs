// One roll-up contender alone, for profiling and for CPU time beside wall time (a loaded machine
// stretches wall time far more than CPU time):
//   node --expose-gc [--cpu-prof] [--trace-opt --trace-deopt] test/bench/profile-rollup.mjs <ours|handFlat> [runs]
// Prints the median and least CPU and wall milliseconds per call, and each call's CPU time (a
// contender that keeps losing its optimised code shows as calls far above the least).
import { performance } from 'node:perf_hooks';
import { rollups } from '@bihuan/core';
import { rollupData, handFlat, AS_OF } from './cases/task.mjs';

const which = process.argv[2] ?? 'ours';
const runs = Number(process.argv[3] ?? 30);
const cols = rollupData();
const fns = { ours: () => rollups(cols, [['station', 'month'], ['category']], { asOf: AS_OF }), handFlat: () => handFlat(cols) };
const fn = fns[which];
if (!fn) throw new Error(`no contender ${which}: ours or handFlat`);
const wall = [];
const cpu = [];
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const ms = (v) => v.toFixed(1);
console.log(`${which}: cpu median ${ms(med(cpu))} least ${ms(Math.min(...cpu))} | wall median ${ms(med(wall))} least ${ms(Math.min(...wall))} (ms per call)`);
console.log(`cpu per call: ${cpu.map(ms).join(' ')}`);
