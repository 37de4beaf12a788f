// Where a test run's time went: per project (node, browser) the span from its first file's start
// to its last file's end and the sum of its files' own times (as Vitest reports a file's time: its
// tests and hooks, not its imports), and the slowest files, read from Vitest's JSON report
// (`--reporter=json`). `npm test` prints it after the tests; by hand:
//   node test/timings.mjs test/.results.json [how many files, 15 by default]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browser project's files (vitest.config.ts); every other file runs in the node project. */
const BROWSER = [/^packages\/widgets\/test\//, /^test\/browser\//];

/** Per-file durations of a Vitest JSON report, slowest first. */
export function fileDurations(report, root = process.cwd()) {
  return report.testResults
    .map((r) => {
      const file = relative(root, r.name);
      return { file, project: BROWSER.some((re) => re.test(file)) ? 'browser' : 'node', start: r.startTime, end: r.endTime, ms: r.endTime - r.startTime, tests: r.assertionResults.length };
    })
    .sort((a, b) => b.ms - a.ms);
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The lines `npm test` prints: each project's span and summed file time, then the `top` slowest files with their share of their project's sum. */
export function timingLines(report, { top = 15, root = process.cwd() } = {}) {
  const files = fileDurations(report, root);
  const lines = [];
  const sums = {};
  for (const project of ['node', 'browser']) {
    const mine = files.filter((f) => f.project === project);
    if (!mine.length) continue;
    const sum = mine.reduce((t, f) => t + f.ms, 0);
    sums[project] = sum;
    const span = Math.max(...mine.map((f) => f.end)) - Math.min(...mine.map((f) => f.start));
    lines.push(`${project.padEnd(8)} ${String(mine.length).padStart(3)} files, ${String(mine.reduce((t, f) => t + f.tests, 0)).padStart(4)} tests: from first start to last end ${s(span)}, files' own times summed ${s(sum)} (imports not counted)`);
  }
  lines.push(`slowest ${Math.min(top, files.length)} files (share of their project's summed time):`);
  for (const f of files.slice(0, top)) {
    lines.push(`  ${s(f.ms).padStart(8)}  ${((100 * f.ms) / sums[f.project]).toFixed(1).padStart(5)}%  ${f.project.padEnd(7)} ${f.file}`);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file = 'test/.results.json', top = '15'] = process.argv.slice(2);
  console.log(timingLines(JSON.parse(readFileSync(file, 'utf8')), { top: Number(top) }).join('\n'));
}
