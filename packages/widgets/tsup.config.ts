import { defineConfig } from 'tsup';
import { TRUSTED_TYPES_BANNER } from './src/cdn/trusted-types-banner.ts';

// The script-tag build of all widgets is a minified, self-contained ES module (lit and core inside);
// the single-widget files are built by Vite (vite.cdn.config.ts). Neither ships source maps: a map
// of a bundle embeds lit, core and zod and would multiply the tarball's size; whoever debugs uses
// the npm build (unminified, one file per source, mapped) instead.
// Chinese text as UTF-8 (3 bytes a character), not \uXXXX escapes (6): every page carries our words.
const utf8 = (options: { charset?: string }) => {
  options.charset = 'utf8';
};

const cdn = {
  entry: { 'cdn/bihuan': 'src/cdn/bihuan.ts' },
  format: ['esm'] as const,
  target: 'es2022',
  minify: true,
  treeshake: true,
  noExternal: [/.*/],
  platform: 'browser' as const,
  sourcemap: false,
  banner: { js: TRUSTED_TYPES_BANNER },
  esbuildOptions: utf8,
  // Example data stays out of the one file: the quiz's example questions, which it imports only when
  // a quiz has none of its own, load from the kit folder beside it (dist/cdn/kit/core/quiz/examples.js).
  esbuildPlugins: [
    {
      name: 'bihuan-examples-beside',
      setup(b: { onResolve(o: { filter: RegExp }, f: () => { path: string; external: boolean }): void }) {
        b.onResolve({ filter: /^@bihuan\/core\/quiz\/examples$/ }, () => ({ path: './kit/core/quiz/examples.js', external: true }));
      },
    },
  ],
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
    esbuildOptions: utf8,
  },
  // All widgets and core's API in one file: cdn/bihuan.js.
  { ...cdn, splitting: false },
]);
