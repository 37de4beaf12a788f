// Sizes, gzip -9: core's whole entry bundled (zod inside), the one-file bundle of all widgets
// (lit and core inside), what a page using only <bh-rate-card> loads from the script-tag files,
// what a Vite production build ships for a page from the packed tarballs (test/hosts/size-*), and
// the widgets' tarball. The "budget" column is the issue's budget; a ratio above 1 means we are
// within it.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHost, prepareHosts, shippedFiles } from '../../hosts/support/hosts.mjs';

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

/** A script-tag file and the chunks it imports, transitively: what a page loading it fetches. */
function withChunks(path, seen = new Set()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  for (const [, spec] of readFileSync(path, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) withChunks(join(dirname(path), spec), seen);
  return seen;
}
const loaded = (p) => [...withChunks(`${root}${p}`)].reduce((sum, f) => sum + gz(readFileSync(f)), 0);

// The tarballs installed with the host toolchain, once for the cases below that need them.
let hosts;
const preparedHosts = () => (hosts ??= prepareHosts());
process.on('exit', () => hosts && rmSync(hosts.root, { recursive: true, force: true }));

/** gzip bytes of the JavaScript and CSS a Vite production build of test/hosts/<name> ships. */
function viteShips(name) {
  const dist = buildHost(preparedHosts().root, name);
  const css = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css')).map((f) => join(dist, f));
  return [...shippedFiles(dist), ...css].reduce((sum, f) => sum + gz(readFileSync(f)), 0);
}

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
      // Each widget's own script-tag file with the chunks it imports, for the notes: what a page
      // using just that one loads.
      const dir = 'packages/widgets/dist/cdn/';
      const each = readdirSync(`${root}${dir}`)
        .filter((f) => f.startsWith('bh-') && f.endsWith('.js'))
        .map((f) => `${f.slice(3, -3)} ${(loaded(dir + f) / KB).toFixed(1)} KB`);
      return { ours: file(`${dir}bihuan.js`), peers: { budget: 80 * KB }, notes: { 'one widget alone (gzip)': each.join(', ') } };
    },
  },
  {
    name: 'size-rate-card',
    unit: 'bytes gzip',
    description: 'dist/cdn/bh-rate-card.js and the chunks it imports: a page using only <bh-rate-card> (budget 11 KB)',
    async run() {
      const three = ['intake', 'ledger', 'case'].map((w) => `packages/widgets/dist/cdn/bh-dispute-${w}.js`);
      const shared = new Set(three.flatMap((p) => [...withChunks(`${root}${p}`)]));
      const sharedBytes = [...shared].reduce((sum, f) => sum + gz(readFileSync(f)), 0);
      return {
        ours: loaded('packages/widgets/dist/cdn/bh-rate-card.js'),
        peers: { budget: 11 * KB },
        notes: { 'intake + ledger + case script-tag files with their shared chunks (gzip)': `${(sharedBytes / KB).toFixed(1)} KB` },
      };
    },
  },
  {
    name: 'size-portal-disputes',
    unit: 'bytes gzip',
    description: "the example portal's disputes page: its widgets' files from dist/cdn/kit and what its scripts import from there, with their chunks",
    async run() {
      // /widgets/… in the page and its scripts is packages/widgets/dist/…; the page's own scripts import each other relatively.
      const portal = `${root}examples/portal/`;
      const widgetFiles = (text) => [...text.matchAll(/["'](\/widgets\/[^"']+\.js)["']/g)].map(([, url]) => `packages/widgets/dist/${url.slice('/widgets/'.length)}`);
      const scripts = (text) => [...text.matchAll(/src="\.\/([^"]+\.js)"|from\s*'\.\/([^']+\.js)'/g)].map((m) => m[1] ?? m[2]);
      const files = new Set();
      const seen = new Set();
      const visit = (name) => {
        if (seen.has(name)) return;
        seen.add(name);
        const text = readFileSync(`${portal}${name}`, 'utf8');
        for (const f of widgetFiles(text)) for (const c of withChunks(`${root}${f}`)) files.add(c);
        for (const s of scripts(text)) visit(s);
      };
      visit('disputes.html');
      const bytes = [...files].reduce((sum, f) => sum + gz(readFileSync(f)), 0);
      return { ours: bytes, peers: { 'dist/cdn/bihuan.js': file('packages/widgets/dist/cdn/bihuan.js') }, notes: { files: String(files.size) } };
    },
  },
  {
    name: 'size-vite-rate-card',
    unit: 'bytes gzip',
    description: 'a Vite production build, from the tarballs, of a page using only <bh-rate-card> (budget 11 KB)',
    async run() {
      return { ours: viteShips('size-rate-card'), peers: { budget: 11 * KB }, notes: { 'tarballs and host toolchain installed in': `${(preparedHosts().installMs / 1000).toFixed(1)} s` } };
    },
  },
  {
    name: 'size-vite-disputes',
    unit: 'bytes gzip',
    description: 'a Vite production build, from the tarballs, of a page using the dispute intake, ledger and case',
    async run() {
      return { ours: viteShips('size-disputes'), peers: {} };
    },
  },
  {
    name: 'size-widgets-tarball',
    unit: 'bytes',
    description: '@bihuan/widgets tarball as packed (npm pack), and unpacked in the notes',
    async run() {
      const { root: dir, tarballs } = preparedHosts();
      // `tar -tv` lists each file's size in its third column.
      const listing = execFileSync('tar', ['-tvzf', join(dir, tarballs.widgets)], { encoding: 'utf8' }).trim().split('\n');
      const unpacked = listing.reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[2]), 0);
      const files = listing.length;
      return { ours: statSync(join(dir, tarballs.widgets)).size, peers: {}, notes: { unpacked: `${(unpacked / KB).toFixed(0)} KB in ${files} files` } };
    },
  },
];
