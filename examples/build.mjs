// The example portal's script-tag files, built straight from the sources with esbuild in a few
// seconds — what `npm start` serves, laid out as the package's dist/cdn/kit: one file per widget
// (kit/bh-<name>.js), core's entries (kit/core/<part>.js, kit/core/<domain>/examples.js,
// kit/core/examples.js) and the widgets' default store (kit/default-store.js), with
// cdn/bihuan.js (everything), all sharing chunks, so that a page loads only what it uses and one
// copy of each module. The npm packages' full build (declarations, the manifest) is `pnpm build`;
// the portal needs none of it.
// Writes examples/.build/cdn/ (with source maps); prints the time it took.
import { build, stop } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kitEntries } from '../packages/widgets/scripts/kit-entries.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const coreSrc = here('../packages/core/src/');

// `@bihuan/core` and its subpath entries (`@bihuan/core/dispute` …) from core's sources, so that
// the portal does not wait for core's build either.
const coreFromSource = {
  name: 'bihuan-core-source',
  setup(b) {
    b.onResolve({ filter: /^@bihuan\/core(\/.*)?$/ }, (args) => {
      const sub = args.path.slice('@bihuan/core'.length).replace(/^\//, '');
      const candidates = sub ? [`${coreSrc}${sub}/index.ts`, `${coreSrc}${sub}.ts`] : [`${coreSrc}index.ts`];
      const found = candidates.find((c) => existsSync(c));
      if (!found) return { errors: [{ text: `no source entry for ${args.path} under packages/core/src` }] };
      return { path: found };
    });
  },
};

/** The package's script-tag kit's entries (packages/widgets/vite.cdn.config.ts, `--mode kit`), from the sources, and bihuan.js. */
function entryPoints() {
  const kit = Object.entries(kitEntries({ from: 'src' })).map(([name, file]) => [`cdn/kit/${name}`, file]);
  return { 'cdn/bihuan': here('../packages/widgets/src/cdn/bihuan.ts'), ...Object.fromEntries(kit) };
}

export async function buildPortalBundle({ outdir = here('./.build/'), quiet = false } = {}) {
  const t0 = performance.now();
  await build({
    entryPoints: entryPoints(),
    outdir,
    splitting: true,
    chunkNames: 'cdn/kit/chunks/[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    treeShaking: true,
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
    plugins: [coreFromSource],
  });
  await stop(); // the server that follows needs no esbuild service running beside it
  const ms = performance.now() - t0;
  if (!quiet) console.log(`built ${outdir}cdn/ (one file per widget, core's entries, shared chunks) from the sources in ${(ms / 1000).toFixed(1)} s`);
  return { outdir, ms };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildPortalBundle();
