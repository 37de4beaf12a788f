// node test/bench/cdn-weight.mjs [bh-dispute-ledger …]: builds the single-widget script-tag files
// (vite.cdn.config.ts) into a scratch folder and prints, for each named widget, the gzip bytes of
// its file and every chunk it imports, and the largest modules in them (minified bytes).
import { build, loadConfigFromFile } from 'vite';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const widgets = fileURLToPath(new URL('../../packages/widgets/', import.meta.url));
const names = process.argv.slice(2).length ? process.argv.slice(2) : ['bh-dispute-ledger'];
const outDir = mkdtempSync(join(tmpdir(), 'cdn-weight-'));
let bundle;
process.chdir(widgets);
const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(widgets, 'vite.cdn.config.ts'));
// ALONE=1: the named widgets built by themselves (what tree-shaking leaves for such a page alone).
if (process.env.ALONE) config.build.lib.entry = Object.fromEntries(names.map((n) => [n, `src/components/${n.slice(3)}/define.ts`]));
await build({
  ...config,
  configFile: false,
  logLevel: 'error',
  build: { ...config.build, outDir, emptyOutDir: true },
  plugins: [...(config.plugins ?? []), { name: 'weigh', generateBundle(_, b) { bundle = b; } }],
});
const short = (id) => id.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/.*\/packages\//, '');
for (const name of names) {
  const seen = new Set();
  const visit = (f) => { if (seen.has(f) || !bundle[f]) return; seen.add(f); for (const i of bundle[f].imports ?? []) visit(i); };
  visit(`${name}.js`);
  let total = 0;
  const mods = [];
  for (const f of seen) {
    const c = bundle[f];
    const gz = gzipSync(c.code, { level: 9 }).length;
    total += gz;
    for (const [id, m] of Object.entries(c.modules)) mods.push([short(id), m.renderedLength, f]);
  }
  console.log(`${name}: ${(total / 1024).toFixed(1)} KB gzip in ${seen.size} files`);
  const groups = {};
  for (const [id, n] of mods) { const g = id.includes('/dist/') || id.includes('/src/') ? id.split('/').slice(0, 3).join('/') : id.split('/')[0]; groups[g] = (groups[g] ?? 0) + n; }
  console.log(Object.entries(groups).sort((a, b) => b[1] - a[1]).map(([g, n]) => `  ${(n / 1024).toFixed(1).padStart(6)} ${g}`).join('\n'));
  if (process.env.MODULES) console.log(mods.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.MODULES)).map(([id, n, f]) => `  ${(n / 1024).toFixed(1).padStart(6)} ${id}  (${f})`).join('\n'));
}
rmSync(outDir, { recursive: true, force: true });
