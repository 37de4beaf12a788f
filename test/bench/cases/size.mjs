// Sizes, gzip -9: core's whole entry bundled (zod inside), the one-file bundle of all widgets
// (lit and core inside), and what a page using only <bh-rate-card> loads. The "budget" column is
// the budget; a ratio above 1 means we are within it.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
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
      return { ours: file('packages/widgets/dist/cdn/bihuan.js'), peers: { budget: 80 * KB } };
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
