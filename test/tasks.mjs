#!/usr/bin/env node
// The README's two commands: `npm start` (serve the example portal) and `npm test` (every test).
// Each does its own set-up on a fresh clone: pnpm (installed through npx when missing), the
// workspace's packages, the builds. Only Node ≥ 20.19 and a Chromium are assumed.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { timingLines } from './timings.mjs';

const PNPM_VERSION = '12.21.0';
const task = process.argv[2];
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

function pnpmCommand() {
  try {
    const v = execFileSync('pnpm', ['--version'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (Number(v.split('.')[0]) >= 12) return ['pnpm'];
  } catch {
    // not installed: fall through to npx
  }
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

const pnpm = pnpmCommand();

/** How long each phase took, printed at the end of `npm test` with the machine's load beside it. */
const phases = [];
const taskStart = Date.now();
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const loadAtStart = load();
function timed(label, t0) {
  phases.push({ label, ms: Date.now() - t0 });
}
function printPhases() {
  console.log(`\n── where the time went (load average ${loadAtStart} at the start, ${load()} now; 1, 5 and 15 min)`);
  for (const { label, ms } of phases) console.log(`${`${(ms / 1000).toFixed(0)} s`.padStart(7)}  ${label}`);
  console.log(`${`${((Date.now() - taskStart) / 1000).toFixed(0)} s`.padStart(7)}  in all`);
}

function run(args, label) {
  console.log(`\n── ${label ?? args.join(' ')}`);
  const [cmd, ...rest] = [...pnpm, ...args];
  const t0 = Date.now();
  const result = spawnSync(cmd, rest, { stdio: 'inherit', env });
  timed(label ?? args.join(' '), t0);
  if (result.status !== 0) {
    console.error(`\n✗ ${label ?? args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

/**
 * Starts a step in the background, its output kept; the promise resolves once it ends, and
 * `report` prints it whole (with how long it took and what ran beside it) when the task is ready
 * to show it.
 */
function start({ args, label }, beside) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const [cmd, ...rest] = [...pnpm, ...args];
    const child = spawn(cmd, rest, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (error) => out.push(Buffer.from(String(error))));
    child.on('close', (code, signal) => {
      timed(`${label} (beside ${beside})`, t0);
      const heading = `\n── ${label} (${((Date.now() - t0) / 1000).toFixed(0)} s, beside ${beside})\n`;
      resolve({ label, status: code ?? signal, report: () => process.stdout.write(Buffer.concat([Buffer.from(heading), ...out])) });
    });
  });
}

/** Stops the whole task when any of the ended steps failed. */
function stopOnFailure(ended) {
  for (const step of ended) step.report();
  const failed = ended.filter((e) => e.status !== 0);
  for (const { label, status } of failed) console.error(`\n✗ ${label} failed (exit ${status})`);
  if (failed.length) process.exit(typeof failed[0].status === 'number' ? failed[0].status : 1);
}

function checkChromium() {
  const path = env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    console.error(`No Chromium at ${path}. Install one (Debian: apt-get install chromium) or set CHROME_PATH.`);
    process.exit(1);
  }
}

const setup = () => {
  run(['install', '--frozen-lockfile'], 'install the workspace');
  run(['run', 'build'], 'build @bihuan/core and @bihuan/widgets');
};

if (task === 'test') {
  checkChromium();
  setup();
  // Both after the build (the catalog reads the manifest it makes) and independent of each other.
  // The tests wait for the catalog (one of them opens it), not for the type check, which goes on
  // beside them; its output is shown, and its failure fails the task, once the tests are done.
  const typecheck = start({ args: ['run', 'typecheck'], label: 'typecheck' }, 'the catalog build and the tests');
  const catalog = await start({ args: ['run', 'catalog:build'], label: 'build the catalog' }, 'typecheck');
  if (catalog.status !== 0) stopOnFailure([catalog, await typecheck]);
  stopOnFailure([catalog]);
  const report = 'test/.results.json';
  rmSync(report, { force: true });
  const label = `tests: node and Chromium (${env.BIHUAN_TEST_WORKERS ? `${env.BIHUAN_TEST_WORKERS} files` : 'the default number of files'} of each at once)`;
  console.log(`\n── ${label}`);
  const [cmd, ...rest] = [...pnpm, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  // Not spawnSync: the type check's output is read meanwhile.
  const testsStart = Date.now();
  const result = await new Promise((resolve) => {
    const child = spawn(cmd, rest, { stdio: 'inherit', env });
    child.on('error', (error) => resolve({ status: 1, signal: String(error) }));
    child.on('close', (status, signal) => resolve({ status, signal }));
  });
  timed(label, testsStart);
  // One plain closing line for whoever reads the log: how many ran, passed, failed.
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    console.log(`\n── the tests' own times\n${timingLines(r).join('\n')}`);
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
    if (r.numTotalTests === 0) {
      console.error('✗ no test ran');
      process.exit(1);
    }
  }
  const typechecked = await typecheck;
  printPhases();
  stopOnFailure([typechecked]);
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
} else if (task === 'start') {
  // The portal needs the script-tag files only (one per widget, core's entries, shared chunks):
  // serve.mjs builds them straight from the sources with esbuild in seconds. No declarations, no
  // manifest — those are the packages' full build (`pnpm build`, which `npm test` runs).
  run(['install', '--frozen-lockfile', '--prefer-offline'], 'install the workspace');
  run(['exec', 'node', 'examples/serve.mjs', '--source'], 'build the portal\'s widgets from the sources and serve the portal');
} else {
  console.error('usage: node test/tasks.mjs start|test');
  process.exit(2);
}
