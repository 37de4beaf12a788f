// Sizes, gzip -9: core's whole entry bundled (zod inside), the one-file bundle of all widgets
// (lit and core inside), and what a page using only <bh-rate-card> loads. The "budget" column is
// the budget; a ratio above 1 means we are within it.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function bundledCore() {
  const out = await build({
    entryPoints: [`${root}packages/core/dist/index.js`],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'neutral',
    mainFields: ['module', 'main'],
  });
  return gz(out.outputFiles[0].contents);
}

const KB = 1024;
const file = (p) => gz(readFileSync(`${root}${p}`));

export default [
  {
    name: 'size-core',
    unit: 'bytes gzip',
    description: '@bihuan/core entry, everything bundled and minified (zod inside)',
    async run() {
      return { ours: await bundledCore(), peers: {} };
    },
  },
  {
    name: 'size-widgets-all',
    unit: 'bytes gzip',
    description: 'dist/cdn/bihuan.js: every widget with lit and core, one file (budget 80 KB)',
    async run() {
      // Each widget's own script-tag file, for the notes: what a page using just that one loads.
      const dir = 'packages/widgets/dist/cdn/';
      const each = readdirSync(`${root}${dir}`)
        .filter((f) => f.startsWith('bh-') && f.endsWith('.js'))
        .map((f) => `${f.slice(3, -3)} ${(file(dir + f) / KB).toFixed(1)} KB`);
      return { ours: file(`${dir}bihuan.js`), peers: { budget: 80 * KB }, notes: { 'one widget alone (gzip)': each.join(', ') } };
    },
  },
  {
    name: 'size-rate-card',
    unit: 'bytes gzip',
    description: 'dist/cdn/bh-rate-card.js: a page using only <bh-rate-card> (budget 20 KB)',
    async run() {
      return { ours: file('packages/widgets/dist/cdn/bh-rate-card.js'), peers: { budget: 20 * KB } };
    },
  },
];
