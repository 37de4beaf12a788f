// The example portal's script-tag files, built straight from the sources with esbuild in a few
// seconds — what `npm start` serves, laid out as the package's dist/cdn/kit: one file per widget
// (kit/bh-<name>.js), core's entries (kit/core/<part>.js, kit/core/<domain>/examples.js,
// kit/core/examples.js) and the widgets' default store (kit/default-store.js), with
// cdn/bihuan.js (everything), all sharing chunks, so that a page loads only what it uses and one
// copy of each module. The npm packages' full build (declarations, the manifest) is `pnpm build`;
// the portal needs none of it.
// Writes examples/.build/cdn/ (with source maps); prints the time it took.
import { build, stop } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
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

/** The same entries as the package's script-tag kit (packages/widgets/vite.cdn.config.ts, `--mode kit`). */
function entryPoints() {
  const widgets = here('../packages/widgets/src/');
  const coreExports = JSON.parse(readFileSync(here('../packages/core/package.json'), 'utf8')).exports;
  const core = Object.keys(coreExports)
    .filter((key) => key.startsWith('./') && !key.includes('*') && key !== './package.json')
    .map((key) => key.slice(2))
    .map((sub) => [`cdn/kit/core/${sub}`, [`${coreSrc}${sub}/index.ts`, `${coreSrc}${sub}.ts`].find((c) => existsSync(c))]);
  const domainExamples = readdirSync(coreSrc, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${coreSrc}${d.name}/examples.ts`))
    .map((d) => [`cdn/kit/core/${d.name}/examples`, `${coreSrc}${d.name}/examples.ts`]);
  return {
    'cdn/bihuan': `${widgets}cdn/bihuan.ts`,
    'cdn/kit/default-store': `${widgets}cdn/default-store.ts`,
    ...Object.fromEntries(readdirSync(`${widgets}components`).map((c) => [`cdn/kit/bh-${c}`, `${widgets}components/${c}/define.ts`])),
    ...Object.fromEntries(core),
    ...Object.fromEntries(domainExamples),
  };
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
