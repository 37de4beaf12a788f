// formatRate over 1M pairs against Intl.NumberFormat on a float (which is not exact: it rounds the
// double, so 1.005% can come out as 1%). Our exactness must not cost more than the float path.
import { formatRate } from '@bihuan/core';
import { timeSideBySide } from '../measure.mjs';

const N = 1_000_000;
export default {
  name: 'rate-format',
  unit: 'ms / 1M pairs',
  description: 'formatRate(n, d) over 1,000,000 pairs vs Intl.NumberFormat percent on n / d',
  run() {
    const nums = new Uint32Array(N);
    const dens = new Uint32Array(N);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
    for (let i = 0; i < N; i++) {
      dens[i] = 1 + Math.floor(rand() * 300_000);
      nums[i] = Math.floor(rand() * (dens[i] + 1));
    }
    const intl = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 2 });
    const times = timeSideBySide({
      ours: () => { let len = 0; for (let i = 0; i < N; i++) len += formatRate(nums[i], dens[i]).length; return len; },
      intl: () => { let len = 0; for (let i = 0; i < N; i++) len += intl.format(nums[i] / dens[i]).length; return len; },
    }, { runs: 5, warmup: 1 });
    return { ours: times.ours, peers: { 'Intl.NumberFormat': times.intl } };
  },
};
