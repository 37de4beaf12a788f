// pnpm bench [name …] — runs every case (or the named ones), prints ours against each peer side by
// side, and writes test/bench/results.json. Cases live in ./cases/<name>.mjs and export
// `default { name, unit, description, run }`, where `run()` resolves to
// `{ ours, peers: { <peer>: value }, lowerIsBetter?, notes? }` (medians of several runs).
// Each case runs in a process of its own, so that one case's heap and warmed-up code never
// slow or speed another (leftover heap once slowed XState's actor 2–7×).
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const self = fileURLToPath(import.meta.url);

// In a child: run one case of one file and hand its result back on a marked line.
const childAt = process.argv.indexOf('--case');
if (childAt !== -1) {
  const [file, name] = process.argv.slice(childAt + 1, childAt + 3);
  const mod = await import(join(here, 'cases', file));
  const list = Array.isArray(mod.default) ? mod.default : [mod.default];
  const r = await list.find((c) => c.name === name).run();
  process.stdout.write(`\n@@result ${JSON.stringify(r)}\n`);
  process.exit(0);
}

/** Runs one case in a fresh Node process (same flags as this one), echoing what it prints. */
function runInChild(file, name) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, self, '--case', file, name], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const text = String(chunk).replace(/\n?@@result .*\n?/s, '');
      if (text) process.stdout.write(text);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@result '));
      if (code !== 0 || !line) reject(new Error(`bench case ${name} exited with ${code}`));
      else resolve(JSON.parse(line.slice('@@result '.length)));
    });
  });
}
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = (await readdir(join(here, 'cases'))).filter((f) => f.endsWith('.mjs')).sort();
const cases = [];
for (const file of files) {
  const mod = await import(join(here, 'cases', file));
  const list = Array.isArray(mod.default) ? mod.default : [mod.default];
  for (const c of list) cases.push({ ...c, file });
}
const chosen = wanted.length ? cases.filter((c) => wanted.some((w) => c.name === w || c.name.startsWith(`${w}`))) : cases;
if (wanted.length && chosen.length === 0) {
  console.error(`no bench case named ${wanted.join(', ')}; cases: ${cases.map((c) => c.name).join(', ')}`);
  process.exit(2);
}

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));
const results = [];
for (const c of chosen) {
  process.stdout.write(`\n▶ ${c.name} — ${c.description}\n`);
  const r = await runInChild(c.file, c.name);
  const lowerIsBetter = r.lowerIsBetter ?? true;
  const peers = {};
  for (const [peer, value] of Object.entries(r.peers ?? {})) {
    // speedup: the peer's cost over ours (above 1: we are better), whatever the unit.
    const speedup = lowerIsBetter ? value / r.ours : r.ours / value;
    peers[peer] = { value, speedup: Number(speedup.toFixed(3)) };
  }
  const row = { name: c.name, unit: c.unit, ours: r.ours, peers };
  if (r.notes) row.notes = r.notes;
  results.push(row);
  console.log(`  ours: ${fmt(r.ours)} ${c.unit}`);
  for (const [peer, { value, speedup }] of Object.entries(peers)) {
    console.log(`  ${peer}: ${fmt(value)} ${c.unit}  →  ${speedup}× ${speedup >= 1 ? '(ours better)' : '(peer better)'}`);
  }
  if (r.notes) for (const [k, v] of Object.entries(r.notes)) console.log(`  · ${k}: ${v}`);
}
// Running some cases keeps the others' last figures: results.json always holds every case measured.
const file = join(here, 'results.json');
const previous = wanted.length ? await readFile(file, 'utf8').then(JSON.parse, () => ({ cases: [] })) : { cases: [] };
const merged = [...previous.cases.filter((c) => !results.some((r) => r.name === c.name)), ...results];
merged.sort((a, b) => cases.findIndex((c) => c.name === a.name) - cases.findIndex((c) => c.name === b.name));
await writeFile(file, `${JSON.stringify({ cases: merged }, null, 2)}\n`);
console.log(`\nwrote ${join('test', 'bench', 'results.json')} (${results.length} cases)`);
