// node test/bench/page-weight.mjs [bh-rate-card]: what each module adds to a page with one widget's
// script-tag files, in gzip bytes. Builds the files (vite.cdn.config.ts) into a scratch folder, then
// for each file the page loads: its gzip size as built, and each module's share of it, measured as
// what gzip of that file's modules (each minified alone, in the file's order) loses without it. The
// shares are estimates (minified alone, a module keeps its own names), their order is what counts.
import { build, loadConfigFromFile, minify } from 'vite';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const widgets = fileURLToPath(new URL('../../packages/widgets/', import.meta.url));
const name = process.argv[2] ?? 'bh-rate-card';
const outDir = mkdtempSync(join(tmpdir(), 'page-weight-'));
const gz = (text) => gzipSync(text, { level: 9 }).length;
let bundle;
process.chdir(widgets);
const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(widgets, 'vite.cdn.config.ts'));
await build({
  ...config,
  configFile: false,
  logLevel: 'error',
  build: { ...config.build, outDir, emptyOutDir: true },
  plugins: [...(config.plugins ?? []), { name: 'weigh', generateBundle(_, b) { bundle = b; } }],
});
const short = (id) => id.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/.*\/packages\//, '');
const seen = new Set();
const visit = (f) => { if (seen.has(f) || !bundle[f]) return; seen.add(f); for (const i of bundle[f].imports ?? []) visit(i); };
visit(`${name}.js`);
let total = 0;
for (const f of seen) {
  const chunk = bundle[f];
  const size = gz(chunk.code);
  total += size;
  const parts = [];
  for (const [id, m] of Object.entries(chunk.modules)) {
    if (!m.code) continue;
    const { code } = await minify(`${short(id).replace(/\W/g, '_')}.js`, m.code);
    parts.push([short(id), code]);
  }
  const all = gz(parts.map(([, c]) => c).join(''));
  console.log(`${f}: ${size} B gzip (${chunk.code.length} B)`);
  const rows = parts.map(([id], i) => [id, all - gz(parts.filter((_, j) => j !== i).map(([, c]) => c).join(''))]);
  for (const [id, b] of rows.sort((a, b) => b[1] - a[1])) console.log(`  ${String(b).padStart(6)} ${id}`);
}
console.log(`${name} page: ${total} B gzip in ${seen.size} files`);
rmSync(outDir, { recursive: true, force: true });
