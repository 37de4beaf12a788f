import { defineConfig } from 'vite';
import { readdirSync } from 'node:fs';
import { TRUSTED_TYPES_BANNER } from './src/cdn/trusted-types-banner.ts';

const components = readdirSync('src/components');

// The single-widget script-tag files, cdn/bh-<name>.js: ES modules importing shared chunks
// (lit, core's parts) from cdn/chunks/, so that a page with three widget files loads lit once and
// each page loads only the parts of core its widgets use. Built with Vite (rolldown), whose
// chunks follow what each entry uses; esbuild's put nearly all of core in one chunk every widget
// loaded. Every file starts with the Trusted Types prelude (see the banner's comment).
export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      entry: Object.fromEntries(components.map((c) => [`bh-${c}`, `src/components/${c}/define.ts`])),
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        banner: TRUSTED_TYPES_BANNER,
        // Vite keeps whitespace in an ES library (for its readers' minifiers); these files are served as they are.
        minify: true,
      },
    },
  },
});
