// node test/bench/module-weight.mjs <entry> [top]: bundles one entry with esbuild (minified, as a
// page would load it alone) and prints its size, the minified bytes each package or folder adds,
// and the `top` largest modules. WHY=store/memory,loop/transition prints the shortest import chain
// from the entry to each; IMPORTERS=store/dump prints which modules import it (and whether they
// stayed in the bundle). For the script-tag files as built, see cdn-weight.mjs.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2];
const top = Number(process.argv[3] ?? 60);
const out = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, platform: 'browser', metafile: true, absWorkingDir: process.cwd(), logLevel: 'error' });
const js = out.outputFiles[0].contents;
const o = Object.values(out.metafile.outputs)[0];
console.log('total min', js.length, 'gzip', gzipSync(js, { level: 9 }).length);
const rows = Object.entries(o.inputs).map(([k, v]) => [k.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, 'nm:'), v.bytesInOutput]).sort((a, b) => b[1] - a[1]);
const groups = {};
for (const [k, b] of rows) { const g = k.startsWith('nm:') ? k.split('/').slice(0, k.startsWith('nm:@') ? 2 : 1).join('/') : k.split('/').slice(0, 4).join('/'); groups[g] = (groups[g] ?? 0) + b; }
console.log(Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1024).toFixed(1).padStart(7)} ${k}`).join('\n'));
console.log('---');
console.log(rows.slice(0, top).map(([k, v]) => `${(v / 1024).toFixed(1).padStart(7)} ${k}`).join('\n'));
// why: shortest import chain from the entry to each module named in WHY (comma list of substrings)
const why = (process.env.WHY ?? '').split(',').filter(Boolean);
if (why.length) {
  const inputs = out.metafile.inputs;
  const start = Object.keys(inputs).find((k) => k.endsWith(entry.replace(/^\.\//, '')));
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) { const m = queue.shift(); for (const i of inputs[m]?.imports ?? []) if (!prev.has(i.path)) { prev.set(i.path, m); queue.push(i.path); } }
  const short = (k) => k.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, 'nm:').replace(/^packages\//, '');
  for (const w of why) for (const k of prev.keys()) if (k.includes(w)) { const chain = []; for (let c = k; c; c = prev.get(c)) chain.unshift(short(c)); console.log(`why ${w}: ${chain.join(' → ')}`); break; }
}
if (process.env.IMPORTERS) {
  const inputs = out.metafile.inputs;
  const inc = new Set(Object.keys(o.inputs).filter((k) => o.inputs[k].bytesInOutput > 0));
  const short = (k) => k.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, 'nm:').replace(/^packages\//, '');
  for (const w of process.env.IMPORTERS.split(',')) for (const k of inc) if (k.includes(w)) {
    const by = Object.entries(inputs).filter(([, v]) => v.imports.some((i) => i.path === k)).map(([p]) => short(p) + (inc.has(p) ? '' : '(dropped)'));
    console.log(`${short(k)} ← ${by.join(', ')}`);
  }
}
