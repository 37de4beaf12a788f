// node test/bench/page-modules.mjs [widget] [--all] — what each module adds to the first render of a
// page with one widget's script-tag file (default: dispute-ledger). Runs the script-tag build itself
// (packages/widgets/vite.cdn.config.ts, in memory: dist is untouched) and walks the entry's static
// imports, as test/node/cdn-page-weight.test.ts does over the written files. Each file's gzip -9
// size is exact; a module's share of it is estimated by its rendered length in that file (the
// minifier and gzip treat modules alike enough for a ranking). `--all` lists every module, else
// those above 0.1 KB. Build core first (`pnpm run build`): the widgets import its dist.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const widget = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'dispute-ledger';
const all = process.argv.includes('--all');

process.chdir(`${root}packages/widgets`);
const result = await build({ configFile: 'vite.cdn.config.ts', logLevel: 'error', build: { write: false } });
const output = (Array.isArray(result) ? result[0] : result).output;
const byName = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));

const loaded = [];
const visit = (fileName) => {
  if (loaded.includes(fileName)) return;
  loaded.push(fileName);
  for (const i of byName.get(fileName).imports) visit(i);
};
visit(`bh-${widget}.js`);

const short = (id) => id.replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^.*\/packages\//, '').replace(/\?.*$/, '');
const modules = [];
let total = 0;
for (const fileName of loaded) {
  const chunk = byName.get(fileName);
  const gzip = gzipSync(chunk.code, { level: 9 }).length;
  total += gzip;
  const rendered = Object.values(chunk.modules).reduce((s, m) => s + m.renderedLength, 0) || 1;
  for (const [id, m] of Object.entries(chunk.modules)) if (m.renderedLength > 0) modules.push({ id: short(id), file: fileName, gzip: (gzip * m.renderedLength) / rendered });
}
/** A module's part: zod, lit, idb, core/<folder>, widgets/<folder>. */
const part = (id) => {
  const dep = id.match(/^(zod|lit-html|lit-element|@lit\/reactive-element|lit|idb)\//);
  if (dep) return dep[1] === 'zod' ? 'zod' : dep[1] === 'idb' ? 'idb' : 'lit';
  const ours = id.match(/^(core\/dist\/[a-z-]+|widgets\/src\/(?:internal|components\/[a-z-]+))/);
  return ours ? ours[1].replace('/dist', '').replace('/src', '') : id;
};
const parts = new Map();
for (const m of modules) parts.set(part(m.id), (parts.get(part(m.id)) ?? 0) + m.gzip);

const kb = (b) => (b / 1024).toFixed(2).padStart(6);
console.log(`bh-${widget}.js: ${loaded.length} files before it runs, ${kb(total)} KB gzip -9`);
console.log('\n~gzip KB  part');
for (const [p, b] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`${kb(b)}    ${p}`);
console.log('\n~gzip KB  module (file)');
for (const m of modules.sort((a, b) => b.gzip - a.gzip)) if (all || m.gzip > 100) console.log(`${kb(m.gzip)}    ${m.id} (${m.file})`);
