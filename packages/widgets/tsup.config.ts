import { defineConfig } from 'tsup';
import { readdirSync } from 'node:fs';
import { TRUSTED_TYPES_BANNER } from './src/cdn/trusted-types-banner.ts';

const components = readdirSync('src/components');

// The script-tag builds are minified, self-contained ES modules (lit and core inside). They ship
// without source maps: a map of a bundle embeds lit, core and zod and would multiply the tarball's
// size; whoever debugs uses the npm build (unminified, one file per source, mapped) instead.
const cdn = {
  format: ['esm'] as const,
  target: 'es2022',
  minify: true,
  treeshake: true,
  noExternal: [/.*/],
  platform: 'browser' as const,
  sourcemap: false,
  banner: { js: TRUSTED_TYPES_BANNER },
};

export default defineConfig([
  {
    // The npm build, unbundled: dist mirrors src file by file (like core), so each
    // dist/components/<name>/define.js holds its own defineElement call, and `sideEffects` in
    // package.json names exactly the modules that register. (Code splitting used to move those
    // calls into hashed chunks that no glob matched, and every bundler dropped them.)
    // Declarations come from tsc (see the build script).
    entry: ['src/**/*.ts', '!src/cdn/**'],
    format: ['esm'],
    target: 'es2022',
    bundle: false,
    sourcemap: true,
    clean: true,
    dts: false,
  },
  {
    // All widgets and core's API in one file: cdn/bihuan.js.
    ...cdn,
    entry: { 'cdn/bihuan': 'src/cdn/bihuan.ts' },
    splitting: false,
  },
  {
    // One file per widget, cdn/bh-<name>.js, importing shared chunks (lit, core's parts) from
    // cdn/chunks/, so that a page with three widget files loads lit once.
    ...cdn,
    entry: Object.fromEntries(components.map((c) => [`cdn/bh-${c}`, `src/components/${c}/define.ts`])),
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = 'cdn/chunks/[name]-[hash]';
    },
  },
]);
