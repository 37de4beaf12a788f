// The example portal's one file (/widgets/cdn/bihuan.js: every widget, lit and core), built straight
// from the sources with esbuild in a few seconds — what `npm start` serves. The npm packages'
// full build (declarations, per-widget files, the manifest) is `pnpm build`; the portal needs none
// of it. Writes examples/.build/cdn/bihuan.js (and its source map); prints the time it took.
import { build, stop } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

export async function buildPortalBundle({ outdir = here('./.build/'), quiet = false } = {}) {
  const t0 = performance.now();
  await build({
    entryPoints: { 'cdn/bihuan': here('../packages/widgets/src/cdn/bihuan.ts') },
    outdir,
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
  if (!quiet) console.log(`built ${outdir}cdn/bihuan.js from the sources in ${(ms / 1000).toFixed(1)} s`);
  return { outdir, ms };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildPortalBundle();
