import { defineConfig } from 'tsup';
import { readdirSync } from 'node:fs';

const components = readdirSync('src/components');
const dts = { compilerOptions: { ignoreDeprecations: '6.0' } };

export default defineConfig([
  {
    // The npm build: lit and core stay external, shared code is split into chunks.
    entry: ['src/index.ts', 'src/classes.ts', ...components.map((c) => `src/components/${c}/define.ts`)],
    format: ['esm'],
    target: 'es2022',
    dts,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    external: ['lit', /^lit\//, '@lit-labs/virtualizer', '@bihuan/core'],
  },
  {
    // Script-tag builds: one self-contained, minified file each, lit and core inside — all widgets
    // in cdn/bihuan.js, and each widget alone in cdn/bh-<name>.js.
    entry: { 'cdn/bihuan': 'src/cdn/bihuan.ts', ...Object.fromEntries(components.map((c) => [`cdn/bh-${c}`, `src/components/${c}/define.ts`])) },
    format: ['esm'],
    target: 'es2022',
    minify: true,
    splitting: false,
    treeshake: true,
    noExternal: [/.*/],
    platform: 'browser',
    sourcemap: true,
  },
]);
