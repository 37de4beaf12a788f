import { defineConfig } from 'tsup';

// Unbundled: dist mirrors src file by file, so that a portal's bundler (and our own per-widget
// builds) keep only the modules they use — the rate card must not pay for zod or the stores.
// Declarations come from tsc (see the build script).
export default defineConfig({
  entry: ['src/**/*.ts'],
  format: ['esm'],
  target: 'es2022',
  bundle: false,
  sourcemap: true,
  clean: true,
  dts: false,
  // Chinese text as UTF-8 (3 bytes a character), not \uXXXX escapes (6): every page carries our words.
  esbuildOptions: (options) => {
    options.charset = 'utf8';
  },
});
